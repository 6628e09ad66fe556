import { describe, expect, it } from "vitest";
import { tokenizeJsonLine, tokensInRange, type JsonToken } from "../../../src/ui/panes/payload/jsonTokens.js";

/** The tokens as "kind:text" with spaces left out, for short assertions. */
const kinds = (line: string) =>
  tokenizeJsonLine(line)
    .filter((t) => t.kind !== "space")
    .map((t) => `${t.kind}:${t.text}`);

describe("tokenizeJsonLine", () => {
  it("tells keys (strings before a colon) from string values", () => {
    expect(kinds('  "name": "value",')).toEqual(['key:"name"', "punct::", 'string:"value"', "punct:,"]);
    expect(kinds('"a"  : "b"')).toEqual(['key:"a"', "punct::", 'string:"b"']);
    expect(kinds('["a", "b"]')).toEqual(["punct:[", 'string:"a"', "punct:,", 'string:"b"', "punct:]"]);
  });

  it("colours numbers, keywords and punctuation", () => {
    expect(kinds('{"n": -12.5e+3, "t": true, "f": false, "z": null}')).toEqual([
      "punct:{",
      'key:"n"',
      "punct::",
      "number:-12.5e+3",
      "punct:,",
      'key:"t"',
      "punct::",
      "keyword:true",
      "punct:,",
      'key:"f"',
      "punct::",
      "keyword:false",
      "punct:,",
      'key:"z"',
      "punct::",
      "keyword:null",
      "punct:}",
    ]);
    expect(kinds("0 1 0.5 -0 2E10")).toEqual([
      "number:0",
      "number:1",
      "number:0.5",
      "number:-0",
      "number:2E10",
    ]);
  });

  it("keeps escaped quotes inside strings", () => {
    expect(kinds('"say \\"hi\\"": "a\\\\"')).toEqual(['key:"say \\"hi\\""', "punct::", 'string:"a\\\\"']);
  });

  it("colours a string still being typed to the end of the line", () => {
    expect(kinds('  "unfinish')).toEqual(['string:"unfinish']);
    expect(kinds('"ends in escape\\')).toEqual(['string:"ends in escape\\']);
  });

  it("marks what is not JSON as invalid and carries on", () => {
    expect(kinds("{name: undefined, x: NaN}")).toEqual([
      "punct:{",
      "invalid:name",
      "punct::",
      "invalid:undefined",
      "punct:,",
      "invalid:x",
      "punct::",
      "invalid:NaN",
      "punct:}",
    ]);
    expect(kinds("01 1. - +1 .5 1e")).toEqual([
      "invalid:01",
      "invalid:1.",
      "invalid:-",
      "invalid:+",
      "number:1",
      "invalid:.",
      "number:5",
      "invalid:1e",
    ]);
    expect(kinds("'single' // c")).toEqual(["invalid:'single'", "invalid://", "invalid:c"]);
  });

  it("merges neighbouring invalid characters and never splits an emoji", () => {
    expect(tokenizeJsonLine("😀😀")).toEqual([{ text: "😀😀", kind: "invalid" }]);
    expect(tokenizeJsonLine('"😀": 中')).toEqual([
      { text: '"😀"', kind: "key" },
      { text: ":", kind: "punct" },
      { text: " ", kind: "space" },
      { text: "中", kind: "invalid" },
    ]);
  });

  it("covers the whole line: the tokens joined are the line", () => {
    const lines = [
      "",
      "   ",
      '{"a": [1, 2, {"b": "c\\"d"}], "e": nul}',
      '\t"k"\t:\ttrue ,',
      '"open "string: 12 ',
      "}},]]{{ garbage ¿ 中文 e\u0301 😀",
    ];
    for (const line of lines)
      expect(
        tokenizeJsonLine(line)
          .map((t) => t.text)
          .join(""),
        line,
      ).toBe(line);
    expect(tokenizeJsonLine("")).toEqual([]);
    expect(tokenizeJsonLine("  \t ")).toEqual([{ text: "  \t ", kind: "space" }]);
  });
});

describe("tokensInRange", () => {
  const tokens: JsonToken[] = tokenizeJsonLine('"key": "value",');

  it("cuts the tokens to a range of their line, as a wrapped row shows it", () => {
    expect(tokensInRange(tokens, 3, 10)).toEqual([
      { text: 'y"', kind: "key" },
      { text: ":", kind: "punct" },
      { text: " ", kind: "space" },
      { text: '"va', kind: "string" },
    ]);
    expect(tokensInRange(tokens, 0, 5)).toEqual([{ text: '"key"', kind: "key" }]);
    expect(tokensInRange(tokens, 14, 100)).toEqual([{ text: ",", kind: "punct" }]);
  });

  it("gives nothing for an empty or out-of-line range", () => {
    expect(tokensInRange(tokens, 4, 4)).toEqual([]);
    expect(tokensInRange(tokens, 20, 30)).toEqual([]);
  });

  it("rebuilds the line from consecutive ranges", () => {
    const line = '{"a": "a long string value that wraps", "n": 12345}';
    const all = tokenizeJsonLine(line);
    const rows: string[] = [];
    for (let s = 0; s < line.length; s += 7)
      rows.push(
        tokensInRange(all, s, s + 7)
          .map((t) => t.text)
          .join(""),
      );
    expect(rows.join("")).toBe(line);
    expect(rows.every((r) => r.length <= 7)).toBe(true);
  });
});
