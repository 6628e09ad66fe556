import { describe, expect, it } from "vitest";
import {
  PAYLOAD_LIMITS,
  checkPayload,
  describeCheck,
  formatBytes,
  formatPosition,
  positionOf,
  type PayloadCheck,
} from "../../../src/core/payload.js";

const MiB = 1024 * 1024;

/** Narrows a check to its failure shape, failing the test when it passed. */
function failure(c: PayloadCheck): Extract<PayloadCheck, { ok: false }> {
  if (c.ok) throw new Error(`expected the payload to be refused, got ${JSON.stringify(c)}`);
  return c;
}

/** A valid JSON string literal of exactly `bytes` UTF-8 bytes. */
function jsonStringOfBytes(bytes: number): string {
  return `"${"a".repeat(bytes - 2)}"`;
}

describe("PAYLOAD_LIMITS", () => {
  it("is 6 MiB for synchronous calls and 1 MiB for Event", () => {
    expect(PAYLOAD_LIMITS).toEqual({ RequestResponse: 6 * MiB, DryRun: 6 * MiB, Event: MiB });
  });
});

describe("checkPayload syntax errors", () => {
  it('points at the missing value in {"broken": }', () => {
    const c = failure(checkPayload('{"broken": }'));
    expect(c).toMatchObject({ line: 1, column: 12, offset: 11, message: "Expected a value" });
    expect(formatPosition(c)).toBe("line 1, column 12: Expected a value");
  });

  it("gives the exact line and column of an error on line 3", () => {
    const text = '{\n  "name": "x",\n  "age": 30 "city": "Paris"\n}';
    const c = failure(checkPayload(text));
    // `"city"` starts at column 13 of line 3.
    expect(c).toMatchObject({ line: 3, column: 13 });
    expect(c.message).toMatch(/expected a comma/i);
    expect(text.slice(c.offset, c.offset + 6)).toBe('"city"');
  });

  it("counts columns after a CRLF line break from the start of the new line", () => {
    const c = failure(checkPayload('{\r\n"a": }'));
    expect(c).toMatchObject({ line: 2, column: 6, message: "Expected a value" });
  });

  it("treats a lone \\r as a line break", () => {
    const c = failure(checkPayload('{\r"a": }'));
    expect(c).toMatchObject({ line: 2, column: 6, message: "Expected a value" });
  });

  it("counts columns in UTF-16 code units (an emoji is two)", () => {
    const c = failure(checkPayload('{"😀": }'));
    expect(c).toMatchObject({ line: 1, column: 8 });
  });

  it("names trailing commas in an object", () => {
    const c = failure(checkPayload('{"a": 1, }'));
    expect(c.message).toMatch(/trailing comma/i);
    expect(c).toMatchObject({ line: 1, column: 10 });
  });

  it("names trailing commas in an array", () => {
    const c = failure(checkPayload("[1, 2,]"));
    expect(c.message).toMatch(/trailing comma/i);
    expect(c).toMatchObject({ line: 1, column: 7 });
  });

  it("names a trailing comma whose closing brace is on the next line", () => {
    const c = failure(checkPayload('{\n  "a": 1,\n}'));
    expect(c.message).toMatch(/trailing comma/i);
    expect(c).toMatchObject({ line: 3, column: 1 });
  });

  it("does not call an empty array element a trailing comma", () => {
    const c = failure(checkPayload("[1,,2]"));
    expect(c.message).not.toMatch(/trailing comma/i);
    expect(c.message).toBe("Expected a value");
  });

  it("refuses // comments", () => {
    const c = failure(checkPayload('{\n  // the id\n  "id": 1\n}'));
    expect(c.message).toBe("Comments are not allowed in JSON");
    expect(c).toMatchObject({ line: 2, column: 3 });
  });

  it("refuses /* block */ comments", () => {
    const c = failure(checkPayload('/* hi */ {"a": 1}'));
    expect(c.message).toBe("Comments are not allowed in JSON");
  });

  it("reports an unterminated string at its opening quote", () => {
    const c = failure(checkPayload('{"a": "abc'));
    expect(c).toMatchObject({ line: 1, column: 7 });
    expect(c.message).toMatch(/unterminated string/i);
  });

  it("asks for a comma in [1 2]", () => {
    const c = failure(checkPayload("[1 2]"));
    expect(c).toMatchObject({ line: 1, column: 4 });
    expect(c.message).toMatch(/expected a comma/i);
    expect(c.message).not.toMatch(/trailing/i);
  });

  it("reports text after the value", () => {
    const c = failure(checkPayload('{"a": 1} {"b": 2}'));
    expect(c).toMatchObject({ line: 1, column: 10, message: "Unexpected text after the JSON value" });
    expect(failure(checkPayload("[1]\n true")).message).toBe("Unexpected text after the JSON value");
  });

  it("places a bare word after the value at that word, and quotes it", () => {
    // jsonc-parser reads `x` as an invalid symbol rather than as extra content.
    const c = failure(checkPayload('{"a": 1}\n\n  x'));
    expect(c).toMatchObject({ line: 3, column: 3 });
    expect(c.message).toMatch(/unexpected/i);
    expect(c.message).toContain('"x"');
  });

  it("says the input ended when a closing bracket is missing", () => {
    const c = failure(checkPayload('{"a": [1, 2'));
    expect(c.message).toBe("Unexpected end of input: expected a closing bracket ]");
    expect(c).toMatchObject({ line: 1, column: 12 });
    expect(failure(checkPayload('{"a": 1')).message).toBe(
      "Unexpected end of input: expected a closing brace }",
    );
  });

  it("refuses an unescaped control character inside a string", () => {
    const c = failure(checkPayload('{"a": "tab\there"}'));
    expect(c).toMatchObject({ line: 1, column: 7 });
    expect(c.message).toMatch(/control characters/i);
    expect(c.message).toMatch(/escaped/i);
  });

  it("refuses an invalid escape", () => {
    expect(failure(checkPayload('{"a": "\\x"}')).message).toMatch(/invalid escape/i);
  });

  it("explains common non-JSON habits", () => {
    expect(failure(checkPayload("{'a': 1}")).message).toMatch(/double quotes/i);
    const unquoted = failure(checkPayload("{a: 1}"));
    expect(unquoted).toMatchObject({ line: 1, column: 2 });
    expect(unquoted.message).toMatch(/property name/i);
    expect(failure(checkPayload('{"a": 01}')).message).toMatch(/leading zero/i);
    expect(failure(checkPayload("\uFEFF{}")).message).toMatch(/byte order mark/i);
  });

  it("names the closing brace or bracket the comma could have been", () => {
    expect(failure(checkPayload('{"a": 1 "b": 2}')).message).toBe("Expected a comma or closing brace }");
    const inArray = failure(checkPayload('{"a": [1, 2}'));
    expect(inArray).toMatchObject({ line: 1, column: 12 });
    expect(inArray.message).toBe("Expected a comma or closing bracket ]");
  });

  it("says the input ended when a value is missing after a comma", () => {
    expect(failure(checkPayload("[1,")).message).toBe("Unexpected end of input: expected a value");
  });

  it("counts bytes even when the JSON is invalid", () => {
    expect(checkPayload("[1 2]").bytes).toBe(5);
  });
});

describe("checkPayload valid and empty payloads", () => {
  it("accepts valid JSON of any kind", () => {
    for (const text of ['{"a": [1, 2, {"b": null}]}', "[]", "42", '"text"', "true", "null"]) {
      expect(checkPayload(text), text).toEqual({ ok: true, bytes: text.length, empty: false });
    }
  });

  it("accepts an empty payload as empty", () => {
    expect(checkPayload("")).toEqual({ ok: true, bytes: 0, empty: true });
  });

  it("accepts a whitespace-only payload as empty", () => {
    expect(checkPayload(" \n\t \r\n")).toEqual({ ok: true, bytes: 6, empty: true });
  });

  it("accepts surrounding whitespace around a value", () => {
    expect(checkPayload('\n  {"a": 1}  \n')).toMatchObject({ ok: true, empty: false });
  });
});

describe("checkPayload size limits", () => {
  it("accepts exactly 1 MiB for Event", () => {
    const text = jsonStringOfBytes(MiB);
    expect(checkPayload(text, "Event")).toEqual({ ok: true, bytes: MiB, empty: false });
  });

  it("refuses 1 MiB + 1 byte for Event, naming the limit and the type", () => {
    const c = failure(checkPayload(jsonStringOfBytes(MiB + 1), "Event"));
    expect(c.bytes).toBe(MiB + 1);
    expect(c).toMatchObject({ line: 1, column: 1, offset: 0 });
    expect(c.message).toMatch(/\b1,?048,?577 bytes/);
    expect(c.message).toContain("1 byte over");
    expect(c.message).not.toContain("1 bytes over");
    expect(c.message).toMatch(/\b1(\.0)? MB limit/);
    expect(c.message).toContain("Event");
    expect(c.message).not.toContain("RequestResponse");
  });

  it("accepts 1 MiB + 1 byte for RequestResponse and DryRun", () => {
    const text = jsonStringOfBytes(MiB + 1);
    expect(checkPayload(text, "RequestResponse")).toMatchObject({ ok: true });
    expect(checkPayload(text)).toMatchObject({ ok: true });
    expect(checkPayload(text, "DryRun")).toMatchObject({ ok: true });
  });

  it("accepts exactly 6 MiB and refuses 6 MiB + 1 byte for RequestResponse", () => {
    expect(checkPayload(jsonStringOfBytes(6 * MiB), "RequestResponse")).toMatchObject({ ok: true });
    const c = failure(checkPayload(jsonStringOfBytes(6 * MiB + 1), "RequestResponse"));
    expect(c.message).toMatch(/\b6(\.0)? MB limit/);
    expect(c.message).toContain("RequestResponse");
    expect(c.message).toMatch(/\b6,?291,?457 bytes/);
  });

  it("pluralises the overage", () => {
    const c = failure(checkPayload(jsonStringOfBytes(MiB + 10), "Event"));
    expect(c.message).toContain("10 bytes over");
  });

  it("checks the size before the syntax", () => {
    const c = failure(checkPayload("{" + " ".repeat(MiB), "Event"));
    expect(c.message).toMatch(/over the 1(\.0)? MB limit/);
  });
});

describe("checkPayload counts UTF-8 bytes", () => {
  it("counts é as 2 bytes and 😀 as 4", () => {
    expect(checkPayload('"é"').bytes).toBe(4);
    expect(checkPayload('"😀"').bytes).toBe(6);
    expect(checkPayload('{"name": "Zoë 😀"}').bytes).toBe(21);
  });

  it("applies the limit to bytes, not characters", () => {
    // 2 + 2 * 524287 = 1048576 bytes: exactly the Event limit, in half as many characters.
    const atLimit = `"${"é".repeat((MiB - 2) / 2)}"`;
    expect(atLimit.length).toBeLessThan(MiB);
    expect(checkPayload(atLimit, "Event")).toMatchObject({ ok: true, bytes: MiB });
    const over = `"${"é".repeat((MiB - 2) / 2)}a"`;
    expect(failure(checkPayload(over, "Event")).bytes).toBe(MiB + 1);
  });
});

describe("formatBytes", () => {
  it("formats bytes, kilobytes and megabytes", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1024)).toBe("1.0 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(MiB)).toBe("1.0 MB");
    expect(formatBytes(1.5 * MiB)).toBe("1.5 MB");
  });

  it("moves up a unit rather than show 1024.0 of the smaller one", () => {
    expect(formatBytes(MiB - 1)).toBe("1.0 MB");
    expect(formatBytes(1024 * MiB)).toBe("1.0 GB");
  });
});

describe("positionOf", () => {
  it("is 1-based and starts a new line after each \\n", () => {
    const text = "ab\ncd\n\nef";
    expect(positionOf(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(text, 2)).toEqual({ line: 1, column: 3 });
    expect(positionOf(text, 3)).toEqual({ line: 2, column: 1 });
    expect(positionOf(text, 4)).toEqual({ line: 2, column: 2 });
    expect(positionOf(text, 6)).toEqual({ line: 3, column: 1 });
    expect(positionOf(text, 7)).toEqual({ line: 4, column: 1 });
  });

  it("gives the position just past the end", () => {
    expect(positionOf("ab\n", 3)).toEqual({ line: 2, column: 1 });
  });
});

describe("formatPosition", () => {
  it("writes line, column and message", () => {
    expect(formatPosition({ line: 3, column: 14, message: "Expected a comma" })).toBe(
      "line 3, column 14: Expected a comma",
    );
  });
});

describe("describeCheck", () => {
  it("gives a JSON error its line and column, and a size only its size", () => {
    const syntax = checkPayload('{"a": }');
    const size = checkPayload("x".repeat(6 * 1024 * 1024 + 1));
    if (syntax.ok || size.ok) throw new Error("both must be refused");
    expect(syntax.kind).toBe("syntax");
    expect(describeCheck(syntax)).toBe("line 1, column 7: Expected a value");
    expect(size.kind).toBe("size");
    expect(describeCheck(size)).toBe(
      "Payload is 6.0 MB (6,291,457 bytes), 1 byte over the 6 MB limit for RequestResponse invocations",
    );
  });
});
