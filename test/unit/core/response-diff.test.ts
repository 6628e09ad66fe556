import { describe, expect, it } from "vitest";
import { parseJsonPaths } from "../../../src/core/json-path.js";
import {
  diffPayloads,
  diffResponses,
  formatDiff,
  formatPath,
  type Comparable,
} from "../../../src/core/response-diff.js";

function resp(payload: string, over: Partial<Comparable["response"]> = {}, durationMs = 10): Comparable {
  return {
    response: {
      statusCode: 200,
      executedVersion: "1",
      functionError: null,
      requestId: "r",
      payload,
      logTail: null,
      ...over,
    },
    report: { durationMs, billedMs: 11, memoryMb: 128, maxMemoryMb: 60, initMs: null },
  };
}

describe("diffPayloads", () => {
  it("ignores key order and formatting of JSON", () => {
    expect(diffPayloads('{"a":1,"b":[1,2]}', '{\n  "b": [1, 2],\n  "a": 1\n}')).toEqual({
      kind: "json",
      changes: [],
    });
  });

  it("reports changed, added and removed values by path", () => {
    const d = diffPayloads(
      '{"greeting":"hello","items":[1,2],"gone":true,"odd key":{"x":1}}',
      '{"greeting":"hi","items":[1,3,4],"odd key":{"x":2},"new":null}',
    );
    expect(d).toEqual({
      kind: "json",
      changes: expect.arrayContaining([
        { path: "$.greeting", type: "changed", before: "hello", after: "hi" },
        { path: "$.items[1]", type: "changed", before: 2, after: 3 },
        { path: "$.items[2]", type: "added", after: 4 },
        { path: "$.gone", type: "removed", before: true },
        { path: '$["odd key"].x', type: "changed", before: 1, after: 2 },
        { path: "$.new", type: "added", after: null },
      ]),
    });
    expect(d.kind === "json" && d.changes).toHaveLength(6);
  });

  it("compares JSON scalars, and an object against an array, as wholes", () => {
    expect(diffPayloads('"a"', '"a"')).toEqual({ kind: "json", changes: [] });
    expect(diffPayloads("1", "2")).toEqual({
      kind: "json",
      changes: [{ path: "$", type: "changed", before: 1, after: 2 }],
    });
    expect(diffPayloads("[]", "{}")).toEqual({
      kind: "json",
      changes: [{ path: "$", type: "changed", before: [], after: {} }],
    });
  });

  it("compares text when either side is not JSON, giving where they part", () => {
    expect(diffPayloads("hello world", "hello there")).toEqual({
      kind: "text",
      firstDifference: 6,
      before: "hello world",
      after: "hello there",
    });
    expect(diffPayloads("", "")).toMatchObject({ kind: "text", firstDifference: -1 });
    expect(diffPayloads("{}", "")).toMatchObject({ kind: "text", firstDifference: 0 });
  });
});

describe("diffResponses", () => {
  it("is the same when payload, status and FunctionError are, whatever the duration", () => {
    const d = diffResponses(resp('{"a":1}', {}, 5), resp('{"a":1}', {}, 500));
    expect(d.same).toBe(true);
    expect(d.fields).toEqual([]);
    expect(d.durationMs).toEqual({ before: 5, after: 500 });
  });

  it("counts a different status or FunctionError", () => {
    expect(diffResponses(resp("{}"), resp("{}", { statusCode: 500 })).same).toBe(false);
    const d = diffResponses(resp("{}"), resp("{}", { functionError: "Unhandled" }));
    expect(d.same).toBe(false);
    expect(d.fields).toEqual([{ field: "functionError", before: null, after: "Unhandled", counts: true }]);
  });

  it("shows a different ExecutedVersion, counting it only when asked", () => {
    const a = resp("{}");
    const b = resp("{}", { executedVersion: "2" });
    expect(diffResponses(a, b).same).toBe(true);
    expect(diffResponses(a, b).fields).toEqual([
      { field: "executedVersion", before: "1", after: "2", counts: false },
    ]);
    expect(diffResponses(a, b, { compareVersion: true }).same).toBe(false);
  });

  it("leaves out changes at ignored paths and under them, and only those", () => {
    const a = resp('{"at":1,"meta":{"id":"x","n":1},"items":[{"t":1}],"atom":1}');
    const b = resp('{"at":2,"meta":{"id":"y","n":1},"items":[{"t":2}],"atom":1}');
    expect(diffResponses(a, b).same).toBe(false);
    const d = diffResponses(a, b, { ignore: parseJsonPaths("$.at,$.meta.id,$.items") });
    expect(d.same).toBe(true);
    expect(d.payload).toEqual({ kind: "json", changes: [] });
    // "$.at" does not cover "$.atom".
    const e = diffResponses(a, resp('{"at":1,"meta":{"id":"x","n":1},"items":[{"t":1}],"atom":2}'), {
      ignore: parseJsonPaths("$.at"),
    });
    expect(e.payload).toEqual({
      kind: "json",
      changes: [{ path: "$.atom", type: "changed", before: 1, after: 2 }],
    });
  });

  it("differs when the payload does", () => {
    expect(diffResponses(resp('{"a":1}'), resp('{"a":2}')).same).toBe(false);
    expect(diffResponses(resp("ok"), resp("ko")).same).toBe(false);
  });

  it("compares the bytes of a response that is not UTF-8: the same decoded text can hide a difference", () => {
    const bytes = (...b: number[]) => Buffer.from(b).toString("base64");
    // 0xff and 0xfe both decode to U+FFFD: the texts are equal, the bytes are not.
    const a = resp('{"a":"\uFFFD"}', {
      payloadBase64: bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d),
    });
    const b = resp('{"a":"\uFFFD"}', {
      payloadBase64: bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xfe, 0x22, 0x7d),
    });
    const d = diffResponses(a, b);
    expect(d.same).toBe(false);
    expect(d.payload).toEqual({ kind: "bytes", firstDifference: 6, before: 9, after: 9 });
    expect(formatDiff(d)).toEqual(["payload (bytes, not UTF-8): they differ from byte 6 (9 B → 9 B)"]);
    const same = diffResponses(a, resp('{"a":"\uFFFD"}', { payloadBase64: a.response.payloadBase64! }));
    expect(same.same).toBe(true);
    expect(formatDiff(same)).toEqual([]);
    // Against a UTF-8 answer, its text's bytes count; a shorter one parts where it ends.
    const text = diffResponses(a, resp('{"a"'));
    expect(text.payload).toEqual({ kind: "bytes", firstDifference: 4, before: 9, after: 4 });
  });
});

describe("formatDiff", () => {
  it("prints one readable line per difference", () => {
    const d = diffResponses(
      resp('{"greeting":"hello","version":"1"}', {}, 3.21),
      resp('{"greeting":"hi","locale":"en","version":"2"}', { executedVersion: "2", statusCode: 201 }, 12),
    );
    expect(formatDiff(d, { duration: true })).toEqual([
      "status: 200 → 201",
      "version: 1 → 2 (not compared)",
      '$.greeting: "hello" → "hi"',
      '$.version: "1" → "2"',
      '$.locale: (none) → "en"',
      "duration: 3.21 ms → 12 ms",
    ]);
  });

  it("is empty when nothing differs", () => {
    expect(formatDiff(diffResponses(resp("{}"), resp("{}")))).toEqual([]);
  });

  it("cuts long values and long lists", () => {
    const before = JSON.stringify({ list: Array.from({ length: 30 }, (_, i) => i) });
    const after = JSON.stringify({ list: Array.from({ length: 30 }, (_, i) => i + 1) });
    const lines = formatDiff(diffResponses(resp(before), resp(after)), { maxChanges: 3 });
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("… and 27 more changes");
    const long = formatDiff(diffResponses(resp(JSON.stringify({ s: "x".repeat(200) })), resp("{}")), {
      maxValueChars: 10,
    });
    expect(long).toEqual(['$.s: "xxxxxxxx… → (none)']);
  });

  it("shows text payloads around where they part", () => {
    const lines = formatDiff(diffResponses(resp("plain hello"), resp("plain hi")));
    expect(lines).toEqual(['payload (text, from character 7): "plain hello" → "plain hi"']);
  });

  it("formats paths", () => {
    expect(formatPath([])).toBe("$");
    expect(formatPath(["a", 0, "b-c", "$x"])).toBe('$.a[0]["b-c"].$x');
  });
});
