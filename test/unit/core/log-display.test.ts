import { describe, expect, it } from "vitest";
import {
  formatLogEvent,
  formatTime,
  logLines,
  MAX_LINE,
  tailEvents,
  updateLogLines,
} from "../../../src/core/log-display.js";
import type { LogEvent } from "../../../src/core/model.js";

const ID = "5f1c2b3a-0000-4000-8000-00000000abcd";
const ev = (message: string, timestamp = 1_000): LogEvent => ({ timestamp, message });
const all = (l: { count: number; line(i: number): string }) =>
  Array.from({ length: l.count }, (_, i) => l.line(i));

describe("formatLogEvent", () => {
  it("Text format: app lines as LEVEL message, platform lines as they are", () => {
    expect(formatLogEvent(`2026-01-01T00:00:00.000Z\t${ID}\tINFO\thello`)).toEqual(["INFO  hello"]);
    expect(formatLogEvent(`START RequestId: ${ID} Version: $LATEST`)).toEqual([
      `START RequestId: ${ID} Version: $LATEST`,
    ]);
  });
  it("splits Lambda's \\r inner newlines into indented continuation lines", () => {
    expect(formatLogEvent(`2026-01-01T00:00:00.000Z\t${ID}\tERROR\tboom\r    at f (x.js:1:1)`)).toEqual([
      "ERROR boom",
      "          at f (x.js:1:1)",
    ]);
  });
  it("JSON format: START, END and REPORT in the Text format's shape, app records as LEVEL message", () => {
    const start = JSON.stringify({
      time: "t",
      type: "platform.start",
      record: { requestId: ID, version: "$LATEST" },
    });
    expect(formatLogEvent(start)).toEqual([`START RequestId: ${ID} Version: $LATEST`]);
    const report = JSON.stringify({
      time: "t",
      type: "platform.report",
      record: {
        requestId: ID,
        metrics: {
          durationMs: 1.5,
          billedDurationMs: 2,
          memorySizeMB: 128,
          maxMemoryUsedMB: 60,
          initDurationMs: 100,
        },
      },
    });
    expect(formatLogEvent(report)[0]).toMatch(
      new RegExp(
        `^REPORT RequestId: ${ID}\\s+Duration: 1.50 ms\\s+Billed Duration: 2 ms.*Init Duration: 100.00 ms`,
      ),
    );
    const app = JSON.stringify({ timestamp: "t", level: "WARN", requestId: ID, message: "careful" });
    expect(formatLogEvent(app)).toEqual(["WARN  careful"]);
  });
  it("readable off: the message as it is", () => {
    const line = `2026-01-01T00:00:00.000Z\t${ID}\tINFO\thello`;
    const [raw] = formatLogEvent(line, false);
    // Tabs become spaces (a row has none), the time and request id stay.
    expect(raw).toMatch(new RegExp(`^2026-01-01T00:00:00.000Z +${ID} +INFO +hello$`));
  });
  it("escape sequences come out escaped", () => {
    const [l] = formatLogEvent("\u001b]0;title\u0007 \u001b[2J");
    expect(l).not.toContain("\u001b");
    expect(l).not.toContain("\u0007");
    expect(l).toContain("\\e]0;title");
  });
});

describe("logLines / updateLogLines", () => {
  it("lines know their event and the event's time (first line only)", () => {
    const l = logLines([ev("a", 5), ev("b\rc", 6)]);
    expect(all(l)).toEqual(["a", "b", "    c"]);
    expect([l.eventOf(0), l.eventOf(1), l.eventOf(2)]).toEqual([0, 1, 1]);
    expect([l.timeOf(0), l.timeOf(1), l.timeOf(2)]).toEqual([5, 6, null]);
    expect(l.line(99)).toBe("");
  });
  it("cuts a line longer than MAX_LINE into pieces", () => {
    const l = logLines([ev("z".repeat(MAX_LINE * 2 + 5))]);
    expect(l.count).toBe(3);
    expect(l.line(2)).toBe("zzzzz");
    expect(l.timeOf(1)).toBeNull();
  });
  it("places the mark on the first line of the marked event, once that event is there", () => {
    expect(logLines([ev("a"), ev("b\rc"), ev("d")], { markAtEvent: 2 }).markLine).toBe(3);
    expect(logLines([ev("a")], { markAtEvent: 2 }).markLine).toBeNull();
  });
  it("formats only the new events when the list grew, and starts over when it changed", () => {
    const first = logLines([ev("a"), ev("b")]);
    const grown = updateLogLines(first, [ev("a"), ev("b"), ev("c")]);
    expect(grown.origin).toBe(first.origin);
    expect(all(grown)).toEqual(["a", "b", "c"]);
    // The earlier snapshot still shows what it showed.
    expect(first.count).toBe(2);
    const changed = updateLogLines(grown, [ev("x")]);
    expect(changed.origin).not.toBe(first.origin);
    expect(all(changed)).toEqual(["x"]);
    expect(updateLogLines(changed, [ev("x")])).toBe(changed);
  });
  it("find: lines holding the query, optionally ignoring case, within a range", () => {
    const l = logLines([ev("Error one"), ev("fine"), ev("error two")]);
    expect(l.find("error", false)).toEqual([2]);
    expect(l.find("error", true)).toEqual([0, 2]);
    expect(l.find("error", true, 1)).toEqual([2]);
    expect(l.find("", true)).toEqual([]);
  });
});

describe("tailEvents / formatTime", () => {
  it("a tail is one event a line, with no times", () => {
    const e = tailEvents("a\nb\n");
    expect(e.map((x) => x.message)).toEqual(["a", "b"]);
    expect(logLines(e).timeOf(0)).toBeNull();
  });
  it("a tail's Text-format application lines carry their time", () => {
    const e = tailEvents(
      `START RequestId: ${ID} Version: $LATEST\n2026-01-02T03:04:05.006Z\t${ID}\tINFO\thi\n`,
    );
    expect(Number.isNaN(e[0]!.timestamp)).toBe(true);
    expect(e[1]!.timestamp).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    expect(logLines(e).timeOf(1)).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
  });
  it("formats times in local HH:MM:SS.mmm or ISO; nothing for an unknown time", () => {
    const t = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
    expect(formatTime(t, "iso")).toBe("2026-01-02T03:04:05.006Z");
    expect(formatTime(t, "local")).toMatch(/^\d\d:\d\d:05\.006$/);
    expect(formatTime(Number.NaN, "local")).toBe("");
  });
});

describe("messages ending in a newline, as Lambda's CloudWatch events do", () => {
  it("show no blank line, in Text and JSON formats, readable or raw", () => {
    for (const readable of [true, false]) {
      expect(formatLogEvent(`START RequestId: ${ID} Version: $LATEST\n`, readable)).toEqual([
        `START RequestId: ${ID} Version: $LATEST`,
      ]);
      expect(formatLogEvent(`2026-01-01T00:00:00.000Z\t${ID}\tINFO\tone\rtwo\n`, readable)).toHaveLength(2);
    }
    const json = JSON.stringify({
      time: "t",
      type: "platform.start",
      record: { requestId: ID, version: "3" },
    });
    expect(formatLogEvent(`${json}\n`)).toEqual([`START RequestId: ${ID} Version: 3`]);
    expect(all(logLines([ev("a\n"), ev("b\n")]))).toEqual(["a", "b"]);
  });
});
