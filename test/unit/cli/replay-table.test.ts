import { describe, expect, it } from "vitest";
import { entriesToReplay } from "../../../src/cli/commands/replay.js";
import { filterEntries } from "../../../src/cli/history-input.js";
import { UserError } from "../../../src/cli/exit-codes.js";
import {
  formatReplayTable,
  resultJson,
  summarizeResults,
  summaryLine,
  type ReplayResult,
} from "../../../src/cli/replay-table.js";
import { diffResponses } from "../../../src/core/response-diff.js";
import type { HistoryIndexEntry } from "../../../src/state/history-store.js";
import { historyRecord } from "../../helpers/history-records.js";

function result(replayPayload: string | null, error: string | null = null): ReplayResult {
  const original = historyRecord({ at: "2026-11-25T10:00:00.000Z" });
  if (replayPayload === null)
    return { original, qualifier: "canary", replay: null, diff: null, error: error ?? "boom" };
  const replay = historyRecord({
    replayOf: original.id,
    qualifier: "canary",
    response: { ...original.response, executedVersion: "2", payload: replayPayload },
  });
  return { original, qualifier: "canary", replay, diff: diffResponses(original, replay), error: null };
}

describe("the replay table", () => {
  it("has a row per entry, the differences under the rows that differ, and the errors", () => {
    const same = result('{"version":"1","message":"hello, world!"}');
    const differs = result('{"message":"hi","version":"1"}');
    const failed = result(null, "Function not found: versioned-greeter:nope");
    const lines = formatReplayTable([same, differs, failed]);
    expect(lines[0]).toMatch(/^#\s+RECORDED\s+FUNCTION\s+STATUS\s+VERSION\s+DURATION\s+RESULT$/);
    expect(lines[1]).toMatch(
      /^1\s+2026-11-25 10:00:00\s+versioned-greeter:canary \(was live\)\s+200\s+1 → 2\s+1\.50 ms → 1\.50 ms\s+same$/,
    );
    expect(lines[2]).toMatch(/^2 .* DIFFERS$/);
    expect(lines[3]).toBe("   version: 1 → 2 (not compared)");
    expect(lines[4]).toBe('   $.message: "hello, world!" → "hi"');
    expect(lines[5]).toMatch(/^3 .*200 → -\s+1 → -\s+1\.50 ms → -\s+ERROR$/);
    expect(lines[6]).toBe("   Function not found: versioned-greeter:nope");
    expect(lines).toHaveLength(7);
  });

  it("counts and summarizes, and the JSON keeps both sides", () => {
    const all = [result('{"message":"hello, world!","version":"1"}'), result('{"x":1}'), result(null)];
    const s = summarizeResults(all);
    expect(s).toEqual({ replayed: 3, same: 1, different: 1, errors: 1, throttled: 0 });
    expect(summaryLine(s, "canary")).toBe("3 replayed on canary: 1 same, 1 differs, 1 could not be replayed");
    expect(summaryLine({ replayed: 2, same: 2, different: 0, errors: 0, throttled: 0 }, undefined)).toBe(
      "2 replayed: 2 same, 0 differ",
    );
    // Throttling is said once it happened, with how the run dealt with it.
    const throttled = summarizeResults([
      { ...all[0]!, throttled: 3 },
      { ...all[1]!, throttled: 1 },
    ]);
    expect(throttled.throttled).toBe(4);
    expect(summaryLine(throttled, undefined)).toBe(
      "2 replayed: 1 same, 1 differs (throttled 4 times, backed off and retried)",
    );
    const j = resultJson(all[1]!);
    expect(j).toMatchObject({
      same: false,
      recordedQualifier: "live",
      qualifier: "canary",
      executedVersion: { before: "1", after: "2" },
    });
    expect((j.differences as { payload: { kind: string } }).payload.kind).toBe("json");
  });
});

const entry = (over: Partial<HistoryIndexEntry>): HistoryIndexEntry => ({
  id: "x",
  at: "2026-11-25T10:00:00.000Z",
  functionName: "orders-api",
  qualifier: null,
  invocationType: "RequestResponse",
  statusCode: 200,
  functionError: null,
  executedVersion: "1",
  durationMs: 1,
  replayOf: null,
  payloadPreview: "{}",
  offset: 0,
  length: 1,
  line: 1,
  logs: null,
  logsState: null,
  ...over,
});

describe("choosing entries", () => {
  it("replays originals and orphaned replays, never replays of entries in the same file", () => {
    const entries = [
      entry({ id: "a" }),
      entry({ id: "b" }),
      entry({ id: "a2", replayOf: "a" }),
      entry({ id: "z2", replayOf: "z" }),
    ];
    expect(entriesToReplay(entries).map((e) => e.id)).toEqual(["a", "b", "z2"]);
  });

  it("filters by function, name:qualifier and --since, and names the functions for a typo", async () => {
    const entries = [
      entry({ id: "old", at: "2026-11-20T00:00:00.000Z" }),
      entry({ id: "live", functionName: "greeter", qualifier: "live", at: "2026-11-25T09:00:00.000Z" }),
      entry({ id: "canary", functionName: "greeter", qualifier: "canary", at: "2026-11-25T09:30:00.000Z" }),
    ];
    const now = Date.parse("2026-11-25T10:00:00.000Z");
    const ids = async (f: { function?: string; since?: string }) =>
      (await filterEntries(entries, f, "h.jsonl", now)).map((e) => e.id);
    expect(await ids({ function: "greeter" })).toEqual(["live", "canary"]);
    expect(await ids({ function: "greeter:canary" })).toEqual(["canary"]);
    expect(await ids({ since: "45m" })).toEqual(["canary"]);
    expect(await ids({ since: "2026-11-24" })).toEqual(["live", "canary"]);
    await expect(ids({ function: "greter" })).rejects.toThrow(
      new UserError("no invocations of greter in h.jsonl; it has: greeter, orders-api"),
    );
    await expect(ids({ since: "soon" })).rejects.toThrow(/^--since: cannot read "soon" as a time/);
  });
});
