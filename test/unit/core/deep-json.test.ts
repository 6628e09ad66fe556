// JSON nested far deeper than any walk's stack: `[`×5000 is a 10 KB payload, `{"a":`×100000 a
// 700 KB one, both well inside Lambda's 6 MB. Every path that reads JSON (the payload check,
// the response's display, the error payload, log lines, the diff, redaction, history lines)
// must take them without a RangeError: refused with its position, or handled as text.
import { describe, expect, it } from "vitest";
import { parseErrorPayload } from "../../../src/core/error-payload.js";
import { redact, redactLogLine } from "../../../src/core/history-redact.js";
import { parseHistoryLine } from "../../../src/core/history-record.js";
import { resultFromRecord } from "../../../src/core/invocation-record.js";
import { JsonTooDeepError, MAX_JSON_DEPTH, parseJson, tooDeepAt } from "../../../src/core/json-depth.js";
import { formatLogEvent } from "../../../src/core/log-display.js";
import { parseLogLine } from "../../../src/core/log-records.js";
import { checkPayload, describeCheck } from "../../../src/core/payload.js";
import { diffResponses, formatDiff } from "../../../src/core/response-diff.js";
import { bodyLines } from "../../../src/ui/panes/result/bodyLines.js";
import { historyRecord } from "../../helpers/history-records.js";

const arrays = (d: number) => "[".repeat(d) + "]".repeat(d);
const objects = (d: number, leaf = "1") => '{"a":'.repeat(d) + leaf + "}".repeat(d);
const DEPTHS = [5000, 100_000] as const;

describe("tooDeepAt and parseJson", () => {
  it("finds the bracket that opens level 1001, and ignores brackets inside strings", () => {
    expect(tooDeepAt(arrays(MAX_JSON_DEPTH))).toBe(-1);
    expect(tooDeepAt(arrays(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    // Text shorter than the limit + 1 is not scanned: the shortest that goes too deep still is.
    expect(tooDeepAt("[".repeat(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    expect(tooDeepAt("[".repeat(MAX_JSON_DEPTH))).toBe(-1);
    expect(tooDeepAt("[[", 1)).toBe(1);
    expect(tooDeepAt("[", 0)).toBe(0);
    const inString = JSON.stringify({ s: "[".repeat(5000), t: 'a \\" [[[ "' });
    expect(tooDeepAt(inString)).toBe(-1);
    expect(parseJson(inString)).toEqual(JSON.parse(inString));
  });

  it.each(DEPTHS)("refuses %i levels with a JsonTooDeepError, a SyntaxError", (d) => {
    for (const text of [arrays(d), objects(d)]) {
      expect(() => parseJson(text)).toThrow(JsonTooDeepError);
      expect(() => parseJson(text)).toThrow(SyntaxError);
    }
  });

  it("parses 1,000 levels, which JSON.stringify can then write back", () => {
    const v = parseJson(objects(MAX_JSON_DEPTH));
    expect(JSON.stringify(v)).toBe(objects(MAX_JSON_DEPTH));
  });
});

describe.each(DEPTHS)("at depth %i", (d) => {
  it("checkPayload refuses it with the position where it goes too deep, not a RangeError", () => {
    for (const [text, column] of [
      [arrays(d), MAX_JSON_DEPTH + 1],
      [objects(d), MAX_JSON_DEPTH * 5 + 1],
    ] as const) {
      const c = checkPayload(text);
      expect(c.ok).toBe(false);
      if (c.ok) continue;
      expect(c.kind).toBe("depth");
      expect(describeCheck(c)).toBe(
        `line 1, column ${column}: Nested more than 1,000 levels deep: flatten the payload`,
      );
    }
  });

  it("a deep response is shown as its text, not pretty-printed", () => {
    const lines = bodyLines(arrays(d));
    expect(lines.json).toBe(false);
  });

  it("a recorded deep response is a result with its text and no JSON value", () => {
    const r = resultFromRecord(
      historyRecord({ response: { ...historyRecord().response, payload: objects(d) } }),
    );
    expect(r.payloadJson).toBeUndefined();
    expect(r.payloadText).toBe(objects(d));
  });

  it("a deep error payload is no error object, and does not throw", () => {
    expect(parseErrorPayload(`{"errorType":"E","errorMessage":${arrays(d)}}`)).toBeNull();
  });

  it("a deep JSON log line is read and shown as a plain line", () => {
    const line = `{"level":"INFO","message":${arrays(d)}}`;
    expect(parseLogLine(line).kind).toBe("other");
    const platform = `{"type":"platform.extension","record":${arrays(d)}}`;
    expect(formatLogEvent(platform).join("")).toContain("platform.extension");
  });

  it("the diff of two deep responses compares them as text: equal, then different", () => {
    const a = historyRecord({ response: { ...historyRecord().response, payload: objects(d) } });
    const same = diffResponses(a, a);
    expect(same.same).toBe(true);
    expect(same.payload.kind).toBe("text");
    const b = historyRecord({ response: { ...a.response, payload: objects(d, "2") } });
    const diff = diffResponses(a, b);
    expect(diff.same).toBe(false);
    expect(formatDiff(diff).join("\n")).toContain(`from character ${d * 5}`);
  });

  it("redaction finds a secret at any depth, in place, and leaves the rest as it was", () => {
    const secret = objects(d, '{"password":"hunter2"}');
    const r = redact(
      historyRecord({
        payload: secret,
        response: { ...historyRecord().response, payload: secret },
      }),
    );
    const expected = objects(d, '{"password":"[redacted]"}');
    expect(r.payload).toBe(expected);
    expect(r.response.payload).toBe(expected);
    expect(redactLogLine(`INFO\t${secret}`, new Set(["password"]))).not.toContain("hunter2");
  });

  it("a history line nested this deep is a damaged line, not a crash", () => {
    expect(parseHistoryLine(objects(d)).kind).toBe("damaged");
  });
});
