import { describe, expect, it } from "vitest";
import { logLines } from "../../../src/core/log-display.js";
import { bodyLines } from "../../../src/ui/panes/result/bodyLines.js";
import { lineTone, tonesOf } from "../../../src/ui/panes/result/logTone.js";

const ID = "0d5b4a4e-6c2f-4a39-9a51-1c0ffee00001";
const at = "2026-01-01T00:00:00.000Z";
const events = (messages: string[]) => messages.map((message, i) => ({ timestamp: 1_000 + i, message }));

describe("log tones", () => {
  it("reads levels as the view shows them: Text format, Python's [LEVEL], JSON as it came", () => {
    expect(lineTone("ERROR boom")).toBe("error");
    expect(lineTone("FATAL out of memory")).toBe("error");
    expect(lineTone(`[ERROR] ${at} ${ID} boom`)).toBe("error");
    expect(lineTone(`{"timestamp":"${at}","level":"ERROR","message":"boom"}`)).toBe("error");
    expect(lineTone("WARN  slow")).toBe("warn");
    expect(lineTone(`[WARNING] ${at} ${ID} slow`)).toBe("warn");
    expect(lineTone(`{"level":"WARN","message":"slow"}`)).toBe("warn");
    expect(lineTone("INFO  fine")).toBeNull();
    expect(lineTone(`{"level":"INFO","message":"ERROR is only a word here"}`)).toBeNull();
    expect(lineTone(`START RequestId: ${ID} Version: $LATEST`)).toBe("meta");
    expect(lineTone(`REPORT RequestId: ${ID}  Duration: 3.00 ms`)).toBe("meta");
    expect(lineTone(`REPORT RequestId: ${ID}  Duration: 3000.00 ms  Status: timeout`)).toBe("error");
    expect(lineTone("Errors: 0")).toBeNull();
  });

  it("colours whole events: a Text-format error's continuation lines and a JSON-format warning", () => {
    const lines = logLines(
      events([
        `START RequestId: ${ID} Version: $LATEST`,
        `${at}\t${ID}\tERROR\tInvoke Error \r{"errorType":"TypeError"}\r    at handler`,
        `{"timestamp":"${at}","level":"WARN","requestId":"${ID}","message":"slow"}`,
        `${at}\t${ID}\tINFO\tfine`,
        `[ERROR]\t${at}\t${ID}\tpython says no`,
      ]),
    );
    expect(lines.line(2)).toMatch(/^\s+\{"errorType"/);
    expect(tonesOf(lines, 0, lines.count - 1)).toEqual([
      "meta",
      "error",
      "error",
      "error",
      "warn",
      null,
      "error",
    ]);
    // From the middle of an event: it looks back to the event's first line.
    expect(tonesOf(lines, 2, 3)).toEqual(["error", "error"]);
  });

  it("a response has no tones, even one that reads like a log", () => {
    expect(tonesOf(bodyLines("ERROR not a log line"), 0, 0)).toEqual([null]);
  });
});
