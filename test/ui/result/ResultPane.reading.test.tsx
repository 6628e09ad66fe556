// Reading a result at any size without a key first: the summary wraps, log lines wrap, the last
// line can be reached, timestamps leave the response alone, and the view with the keys is marked
// (and is the complete log once it arrives long, unless the user chose another).
import { describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { result } from "../../helpers/invoke-result.js";
import {
  appLine,
  completeLog,
  done,
  events,
  Harness,
  ID,
  reportLine,
  showResult,
  withLogs,
} from "./resultHarness.js";

const error = {
  errorType: "ValidationError",
  errorMessage: "customer.email is required",
  trace: ["ValidationError: customer.email is required", "    at validate (/var/task/index.mjs:14:31)"],
};
const failed = done(
  result({
    functionError: "Unhandled",
    error,
    requestId: ID,
    payloadText: JSON.stringify(error),
    report: { durationMs: 1.31, billedMs: 2, memoryMb: 128, maxMemoryMb: 70, initMs: 166.6 },
  }),
);
const long = (i: number) => `${appLine(i)} ${"and on and on ".repeat(8)}end ${i}`;
const longLog = (n: number) => [
  `START RequestId: ${ID} Version: $LATEST`,
  ...Array.from({ length: n }, (_, i) => long(i + 1)),
  `END RequestId: ${ID}`,
  reportLine,
];
const rowsOf = (frame: string) => frame.split("\n");

describe("the summary", () => {
  it("wraps at the pane's width instead of being cut, status, version, duration and FunctionError first", () => {
    const f = showResult(failed, 40, 30).frame();
    const rows = rowsOf(f);
    expect(rows[0]).toBe("200 · ExecutedVersion version 7");
    expect(rows[1]).toBe("1.31 ms (billed 2 ms)");
    expect(rows[2]).toMatch(/^FunctionError: Unhandled · 70\/128 MB/);
    expect(f).toContain("cold start, init 167 ms");
    expect(f).toContain(ID);
    expect(f).toContain("round trip 52 ms");
    expect(rows.slice(0, 6).join("\n")).not.toContain("…");
  });

  it("keeps everything on one row when the pane is wide enough", () => {
    const f = showResult(failed, 140, 30).frame();
    expect(rowsOf(f)[0]).toMatch(
      /^200 · ExecutedVersion version 7 · 1\.31 ms \(billed 2 ms\) · FunctionError: Unhandled · 70\/128 MB · cold start, init 167 ms\s*$/,
    );
  });

  it("with three rows, keeps the first summary row and a view's label and line", () => {
    const s = withLogs(failed, "complete", events(completeLog(40)));
    const rows = rowsOf(showResult(s, 40, 3).frame());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe("200 · ExecutedVersion version 7");
    expect(rows[1]).toMatch(/CloudWatch/);
    expect(rows[2]).toMatch(/^START RequestId/);
  });
});

describe("log lines", () => {
  it("wrap without a key at 120 columns: request ids and REPORT metrics are read whole", () => {
    const s = withLogs(
      done(result({ requestId: ID, tail: completeLog(2).join("\n") + "\n" })),
      "complete",
      events(completeLog(2)),
    );
    const f = showResult(s, 120, 40).frame();
    // Both logs, side by side, each with its REPORT line whole.
    expect(f.match(/Max Memory Used: 60 MB/g)).toHaveLength(2);
    expect(f).not.toContain("…");
    for (const row of rowsOf(f)) expect(stringWidth(row)).toBeLessThanOrEqual(120);
  });

  it("the last line of a wrapped log can be reached with j and with PgDn, never drawn past the pane", async () => {
    const s = withLogs(done(result({ requestId: ID })), "complete", events(longLog(120)));
    const t = showResult(s, 60, 30);
    await t.waitFor(/▶ CloudWatch/);
    // 400 keys, each taken on the frame the one before led to: on a busy machine that is slow.
    await t.press("j".repeat(400));
    await t.waitFor(/Max Memory Used: 60 MB/, 60_000);
    expect(t.frame()).toMatch(/end 120/);
    for (const row of rowsOf(t.frame())) expect(stringWidth(row)).toBeLessThanOrEqual(60);
    await t.press("g");
    await t.waitFor(/START RequestId/, 60_000);
    await t.press(" ".repeat(200));
    await t.waitFor(/Max Memory Used: 60 MB/, 60_000);
    expect(rowsOf(t.frame())).toHaveLength(30);
  }, 200_000);

  it("t puts event times before the log lines and leaves the response where it was", async () => {
    const s = withLogs(done(result({ payloadText: '{"ok":true}', requestId: ID })), "complete", [
      { timestamp: Date.UTC(2026, 0, 1, 10, 0, 0, 456), message: `START RequestId: ${ID} Version: $LATEST` },
    ]);
    const t = showResult(s, 120, 40);
    await t.press("t");
    await t.waitFor(/\d\d:\d\d:\d\d\.456 START RequestId/);
    expect(t.frame()).toMatch(/^\{\s*$/m);
    expect(t.frame()).toMatch(/^ {2}"ok": true\s*$/m);
  });
});

describe("the view with the keys", () => {
  it("at 110 columns the logs stand side by side and the long complete log has the keys", async () => {
    const s = withLogs(
      done(result({ requestId: ID, tail: completeLog(3).join("\n") + "\n" })),
      "complete",
      events(completeLog(300)),
    );
    const t = showResult(s, 110, 30);
    expect(t.frame()).toMatch(/Tail \(from Invoke, 4 KB\)[^\n]*▶ CloudWatch \(complete\)/);
    expect(t.frame()).not.toMatch(/▶ (Tail|Response)/);
    await t.press("j");
    await t.waitFor(/2–\d+\/303/);
    await t.press("h");
    await t.waitFor(/▶ Tail/);
    expect(t.frame()).not.toMatch(/▶ CloudWatch/);
  });

  it("a short complete log leaves the keys where they were", () => {
    const s = withLogs(done(result({ requestId: ID })), "complete", events(completeLog(2)));
    const f = showResult(s, 110, 30).frame();
    expect(f).toMatch(/▶ Response/);
    expect(f).not.toMatch(/▶ CloudWatch/);
  });

  it("a view the user picked keeps the keys when the complete log arrives", async () => {
    const base = done(result({ requestId: ID }));
    const t = showResult(withLogs(base, "receiving", events(completeLog(300).slice(0, 5))), 110, 30);
    await t.press("l");
    await t.waitFor(/▶ Tail/);
    t.rerender(
      <Harness state={withLogs(base, "complete", events(completeLog(300)))} width={110} height={30} />,
    );
    await t.waitFor(/CloudWatch \(complete\)/);
    expect(t.frame()).toMatch(/▶ Tail/);
    expect(t.frame()).not.toMatch(/▶ CloudWatch/);
  });
});
