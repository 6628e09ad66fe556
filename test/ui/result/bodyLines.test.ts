import { describe, expect, it } from "vitest";
import { MAX_LINE } from "../../../src/core/log-display.js";
import { bodyLines, prettyJson } from "../../../src/ui/panes/result/bodyLines.js";

const all = (l: { count: number; line(i: number): string }) =>
  Array.from({ length: l.count }, (_, i) => l.line(i));

describe("prettyJson", () => {
  it("indents as JSON.stringify(v, null, 2) does", () => {
    const v = { a: [1, { b: "x" }], c: {}, d: [], e: null, f: true };
    const text = JSON.stringify(v);
    expect(prettyJson(text)).toBe(JSON.stringify(v, null, 2));
  });
  it("keeps numbers and strings exactly as sent", () => {
    expect(prettyJson('{"n":9007199254740993,"s":"\\u00e9 \\"q\\" \\\\"}')).toBe(
      '{\n  "n": 9007199254740993,\n  "s": "\\u00e9 \\"q\\" \\\\"\n}',
    );
  });
  it("is null for text that is not JSON", () => {
    expect(prettyJson("not json")).toBeNull();
    expect(prettyJson('{"a":')).toBeNull();
  });
});

describe("bodyLines", () => {
  it("JSON is shown pretty-printed and says so; text as it is", () => {
    const j = bodyLines('{"ok":true}');
    expect(j.json).toBe(true);
    expect(all(j)).toEqual(["{", '  "ok": true', "}"]);
    const t = bodyLines("line one\r\nline two");
    expect(t.json).toBe(false);
    expect(all(t)).toEqual(["line one", "line two"]);
  });
  it("escapes control characters and escape sequences", () => {
    const l = bodyLines("a\u001b[31mred\u0007");
    expect(l.line(0)).not.toContain("\u001b");
    expect(l.line(0)).not.toContain("\u0007");
    expect(l.line(0)).toContain("\\e[31mred");
  });
  it("cuts very long lines into pieces of MAX_LINE", () => {
    const l = bodyLines("q".repeat(MAX_LINE + 3));
    expect(l.count).toBe(2);
    expect(l.line(1)).toBe("qqq");
  });
  it("indexes a 6 MB body and reads any line of it directly", () => {
    const items = Array.from({ length: 60_000 }, (_, i) => ({
      id: i,
      name: `item-${i}`,
      pad: "x".repeat(60),
    }));
    const text = JSON.stringify({ items });
    expect(text.length).toBeGreaterThan(5_000_000);
    const l = bodyLines(text);
    expect(l.count).toBeGreaterThan(300_000);
    expect(l.line(l.count - 1)).toBe("}");
    expect(l.line(3)).toBe('      "id": 0,');
  });
  it("find: a match on the last line ends the search (the index arrays have spare zeros past it)", () => {
    expect(bodyLines("a\nb\nneedle").find("needle", false)).toEqual([2]);
    expect(bodyLines('{"a":1}').find("}", false)).toEqual([2]);
    expect(bodyLines("x\ny").find("y", true, 5)).toEqual([]);
  });
  it("find: case-insensitive or not, in a range, never across a line break", () => {
    const l = bodyLines("Alpha\nbeta\nALPHA beta\nal\npha");
    expect(l.find("alpha", true)).toEqual([0, 2]);
    expect(l.find("alpha", false)).toEqual([]);
    expect(l.find("beta", false, 2)).toEqual([2]);
    expect(l.find("al\npha", false)).toEqual([]);
    expect(l.find("", true)).toEqual([]);
  });
});
