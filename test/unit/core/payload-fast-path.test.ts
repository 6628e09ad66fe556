// checkPayload takes a payload JSON.parse accepts as valid without walking it with jsonc-parser
// (replay checks every recorded payload again). That is right only if JSON.parse accepts
// exactly what jsonc-parser's scanner does with checkPayload's options: no comments, no
// trailing commas, only JSON's whitespace. Fuzzed text, near-JSON and broken, is checked here
// against jsonc-parser itself, as checkPayload decided before the fast path.
import fc from "fast-check";
import { visit } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { tooDeepAt } from "../../../src/core/json-depth.js";
import { checkPayload } from "../../../src/core/payload.js";

const OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** jsonc-parser's verdict alone (what checkPayload gave before JSON.parse was asked first). */
function jsoncAccepts(text: string): boolean {
  let ok = true;
  visit(text, { onError: () => void (ok = false) }, OPTIONS);
  return ok;
}

/** The cases the fast path can decide: not blank, not too deep (those are decided before). */
const decidable = (text: string) => !/^[ \t\r\n]*$/.test(text) && tooDeepAt(text) < 0;

// What JSON and near-JSON are made of, and what JSON.parse and jsonc-parser could disagree on:
// whitespace beyond JSON's (\v, \f, NBSP, U+2028, BOM), control characters, escapes, numbers'
// edges, lone surrogates, comments and keywords.
const PIECES = [
  ...'{}[]:,"\\/ \t\r\n0123456789-+.eEabfnrtuxTFN',
  "\v",
  "\f",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\u0000",
  "\u001f",
  "\u007f",
  "\ud800",
  "\udc00",
  "😀",
  "é",
  "true",
  "false",
  "null",
  "nul",
  "tru",
  "//",
  "/*",
  "*/",
  "\\u",
  "\\u00e9",
  "\\u12g4",
  "\\x41",
  "\\'",
  "'",
  "NaN",
  "Infinity",
  "0x1",
  "01",
  "-0",
  "1.",
  ".5",
  "1e",
  "1e+",
  "1E-2",
  '""',
  '"a"',
  "[]",
  "{}",
  '{"a":1}',
  "[1,]",
  '{"a":1,}',
];
const nearJson = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(""));

/** Valid JSON with one piece inserted, removed or replaced at a random place. */
const brokenJson = fc
  .tuple(fc.json(), fc.nat(), fc.nat({ max: 2 }), fc.constantFrom(...PIECES))
  .map(([text, at, op, piece]) => {
    const i = at % (text.length + 1);
    if (op === 0) return text.slice(0, i) + piece + text.slice(i);
    if (op === 1) return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + piece + text.slice(i + piece.length);
  });

const spaced = fc
  .tuple(fc.json(), fc.constantFrom(" ", "\t", "\r\n", "\n", "\v", "\u00a0", "\ufeff"))
  .map(([text, ws]) => `${ws}${text}${ws}`);

describe("checkPayload's JSON.parse fast path", () => {
  it.each([
    ["near-JSON pieces", nearJson],
    ["valid JSON with one edit", brokenJson],
    ["valid JSON in whitespace", spaced],
    ["valid JSON", fc.json()],
    ["any text", fc.string({ unit: "binary", maxLength: 30 })],
  ] as const)("decides %s as jsonc-parser does", (_name, texts) => {
    let refused = 0;
    fc.assert(
      fc.property(texts, (text) => {
        fc.pre(decidable(text));
        const ok = jsoncAccepts(text);
        if (!ok) refused++;
        expect(checkPayload(text).ok).toBe(ok);
      }),
      { numRuns: 3000 },
    );
    // The fuzzing reached both answers (valid JSON alone cannot be refused).
    if (_name !== "valid JSON") expect(refused).toBeGreaterThan(0);
  });

  it("still gives a refused payload its position and message", () => {
    const c = checkPayload('{"name": "Ada",}');
    expect(c).toMatchObject({ ok: false, kind: "syntax", line: 1, column: 16 });
    expect(checkPayload("\u00a0{}")).toMatchObject({ ok: false, kind: "syntax", column: 1 });
  });
});
