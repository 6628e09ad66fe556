import { describe, expect, it } from "vitest";
import {
  FilterPatternError,
  matchesPattern,
  parseFilterPattern,
} from "../../../src/sandbox/filter-pattern.js";

const REQUEST_ID = "3085bc43-7e0a-4994-b97a-63262019c014";
const OTHER_ID = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";

const matches = (pattern: string | undefined, message: string) =>
  matchesPattern(parseFilterPattern(pattern), message);

describe("parseFilterPattern", () => {
  it("sorts terms into all / any / none", () => {
    expect(parseFilterPattern('ERROR ?timeout ?"out of memory" -retry -"health check"')).toEqual({
      all: ["ERROR"],
      any: ["timeout", "out of memory"],
      none: ["retry", "health check"],
    });
  });

  it("keeps a quoted request id with dashes as a single term", () => {
    expect(parseFilterPattern(`"${REQUEST_ID}"`)).toEqual({ all: [REQUEST_ID], any: [], none: [] });
  });

  it("treats a dash inside a term as part of the term, not an exclusion", () => {
    expect(parseFilterPattern(REQUEST_ID).all).toEqual([REQUEST_ID]);
    expect(parseFilterPattern(REQUEST_ID).none).toEqual([]);
  });

  it("gives an empty pattern for undefined, empty or blank input", () => {
    const empty = { all: [], any: [], none: [] };
    expect(parseFilterPattern(undefined)).toEqual(empty);
    expect(parseFilterPattern("")).toEqual(empty);
    expect(parseFilterPattern("  \t ")).toEqual(empty);
    expect(parseFilterPattern('""')).toEqual(empty);
  });

  it("throws FilterPatternError on an unterminated quote", () => {
    expect(() => parseFilterPattern('"START RequestId')).toThrow(FilterPatternError);
    expect(() => parseFilterPattern('ERROR -"oops')).toThrow(/unterminated quote/);
  });

  it.each(["{ $.a = 1 }", '{$.level = "ERROR"}', "[ip, user, status = 500]", "  { $.a = 1 }"])(
    "rejects JSON / space-delimited pattern %j",
    (pattern) => {
      expect(() => parseFilterPattern(pattern)).toThrow(FilterPatternError);
    },
  );

  it("names its error class", () => {
    try {
      parseFilterPattern("{ $.a = 1 }");
      expect.unreachable();
    } catch (err) {
      expect((err as Error).name).toBe("FilterPatternError");
      expect((err as Error).message).toMatch(/not supported/);
    }
  });
});

describe("matchesPattern", () => {
  const start = `START RequestId: ${REQUEST_ID} Version: $LATEST`;
  const report = `REPORT RequestId: ${REQUEST_ID}\tDuration: 26.73 ms\tBilled Duration: 27 ms`;
  const otherStart = `START RequestId: ${OTHER_ID} Version: $LATEST`;

  it("matches every message with an empty pattern", () => {
    expect(matches("", "anything at all")).toBe(true);
    expect(matches(undefined, "")).toBe(true);
  });

  it("finds a quoted request id in the lines of that request only", () => {
    const p = `"${REQUEST_ID}"`;
    expect(matches(p, start)).toBe(true);
    expect(matches(p, report)).toBe(true);
    expect(matches(p, otherStart)).toBe(false);
  });

  it("matches a quoted phrase with spaces only as a whole", () => {
    expect(matches('"Billed Duration"', report)).toBe(true);
    expect(matches('"Duration Billed"', report)).toBe(false);
  });

  it("needs every plain term (AND), in any order", () => {
    expect(matches("REPORT Billed", report)).toBe(true);
    expect(matches("Billed REPORT", report)).toBe(true);
    expect(matches("REPORT START", report)).toBe(false);
    expect(matches("REPORT START", start)).toBe(false);
  });

  it("needs at least one ?term when there are any", () => {
    const p = "?START ?END";
    expect(matches(p, start)).toBe(true);
    expect(matches(p, `END RequestId: ${REQUEST_ID}`)).toBe(true);
    expect(matches(p, report)).toBe(false);
  });

  it("combines plain terms with ?terms", () => {
    const p = `"${REQUEST_ID}" ?START ?REPORT`;
    expect(matches(p, start)).toBe(true);
    expect(matches(p, report)).toBe(true);
    expect(matches(p, `END RequestId: ${REQUEST_ID}`)).toBe(false);
    expect(matches(p, otherStart)).toBe(false);
  });

  it("drops messages holding an -excluded term, quoted or not", () => {
    expect(matches("RequestId -REPORT", start)).toBe(true);
    expect(matches("RequestId -REPORT", report)).toBe(false);
    expect(matches(`-"${REQUEST_ID}"`, start)).toBe(false);
    expect(matches(`-"${REQUEST_ID}"`, otherStart)).toBe(true);
  });

  it("lets an exclusion win over a matching term", () => {
    expect(matches("START -START", start)).toBe(false);
  });

  it("is case-sensitive", () => {
    expect(matches("ERROR", "an ERROR happened")).toBe(true);
    expect(matches("error", "an ERROR happened")).toBe(false);
    expect(matches("ERROR", "an error happened")).toBe(false);
    expect(matches("-error", "an ERROR happened")).toBe(true);
  });

  it("matches terms as substrings, as CloudWatch does for unstructured text", () => {
    expect(matches("Dur", report)).toBe(true);
  });
});
