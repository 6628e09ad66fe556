import { describe, expect, it } from "vitest";
import { formatLatency, latencyByFunction, maxSlowdownOption } from "../../../src/cli/replay-latency.js";
import type { ReplayResult } from "../../../src/cli/replay-table.js";
import { historyRecord } from "../../helpers/history-records.js";

const withDuration = (rec: ReturnType<typeof historyRecord>, durationMs: number) => ({
  ...rec,
  report: { ...rec.report!, durationMs },
});

/** A result whose recording took `before` ms and whose replay took `after` ms. */
function result(fn: string, before: number, after: number): ReplayResult {
  const base = historyRecord({});
  const original = withDuration({ ...base, function: { ...base.function, name: fn } }, before);
  const replay = withDuration(historyRecord({ replayOf: original.id }), after);
  return { original, qualifier: null, replay, diff: null, error: null };
}

describe("latencyByFunction", () => {
  it("gives nearest-rank p50 and p95 per function, before and after", () => {
    const results = [
      ...Array.from({ length: 20 }, (_, i) => result("a", i + 1, (i + 1) * 2)),
      result("b", 10, 10),
    ];
    const [a, b] = latencyByFunction(results);
    expect(a).toEqual({
      function: "a",
      count: 20,
      before: { p50: 10, p95: 19 },
      after: { p50: 20, p95: 38 },
      slower: false,
    });
    expect(b).toMatchObject({ function: "b", count: 1, before: { p50: 10, p95: 10 } });
  });

  it("flags a function only past --max-slowdown, at p50 or p95", () => {
    const results = [result("a", 10, 12), result("b", 10, 13)];
    expect(latencyByFunction(results, 25).map((l) => [l.function, l.slower])).toEqual([
      ["a", false],
      ["b", true],
    ]);
    expect(formatLatency(latencyByFunction(results, 25), 25)).toEqual([
      "LATENCY  N  P50                 P95                 RESULT",
      "a        1  10 ms → 12 ms +20%  10 ms → 12 ms +20%  ok",
      "b        1  10 ms → 13 ms +30%  10 ms → 13 ms +30%  SLOWER (over 25%)",
    ]);
  });

  it("leaves out entries without a duration on either side", () => {
    const r = result("a", 1, 2);
    expect(latencyByFunction([{ ...r, replay: null, error: "boom" }])).toEqual([]);
  });
});

describe("maxSlowdownOption", () => {
  it("takes 20% or 20, and refuses anything else with an example", () => {
    expect(maxSlowdownOption("20%")).toBe(20);
    expect(maxSlowdownOption("2.5")).toBe(2.5);
    expect(maxSlowdownOption(undefined)).toBeUndefined();
    expect(() => maxSlowdownOption("-5%")).toThrow(/e\.g\. --max-slowdown 20%/);
  });
});
