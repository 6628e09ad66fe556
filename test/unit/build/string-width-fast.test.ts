// The build's patch of string-width (scripts/patches/string-width-8.3.0-fast.mjs) on the installed package:
// bundled with and without the plugin, it must measure every string the same. Its fast path
// rests on each character of the narrow-symbol set being a grapheme of its own next to any
// other (and ASCII), which is checked here with the segmenter string-width itself uses.
import { describe, expect, it } from "vitest";
import { bundleDir, importBundle } from "../../helpers/patched-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { narrowSymbols, patch } from "../../../scripts/patches/string-width-8.3.0-fast.mjs";

const dir = bundleDir("sw");

type StringWidth = (s: string, o?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

const bundle = async (name: string, patched: boolean) =>
  (
    await importBundle<{ default: StringWidth }>(
      dir,
      name,
      `export { default } from "string-width";`,
      patched && patch,
    )
  ).default;

const [original, patched] = await Promise.all([bundle("original", false), bundle("patched", true)]);
const symbols = (narrowSymbols() as number[]).map((c) => String.fromCodePoint(c));

/** A deterministic shuffle of `xs`. */
function shuffled<T>(xs: T[], seed: number): T[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("the build's patch of string-width", () => {
  it("takes what the explorer draws with: borders, arrows, bullets, ellipses, the spinner", () => {
    for (const c of "╭╮╰╯─│·…›→←↑↓↻●○▼░█▏✓✗–“”é⠋⠼") expect(symbols).toContain(c);
  });

  it("measures each character of the set, alone and between ASCII, as the original does", () => {
    for (const c of symbols)
      for (const ambiguousIsNarrow of [true, false]) {
        expect(patched(c, { ambiguousIsNarrow })).toBe(original(c, { ambiguousIsNarrow }));
        expect(patched(`a${c}b`, { ambiguousIsNarrow })).toBe(original(`a${c}b`, { ambiguousIsNarrow }));
      }
  });

  it("finds one grapheme per character in any mix of the set and ASCII", () => {
    const segmenter = new Intl.Segmenter();
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i));
    for (let seed = 1; seed <= 20; seed++) {
      const chars = shuffled([...symbols, ...ascii, ...symbols], seed);
      const text = chars.join("");
      expect([...segmenter.segment(text)].map((s) => s.segment)).toEqual(chars);
      expect(patched(text)).toBe(original(text));
      expect(patched(text, { ambiguousIsNarrow: false })).toBe(original(text, { ambiguousIsNarrow: false }));
    }
  });

  it("still measures emoji, wide, combining and styled text as the original does", () => {
    for (const s of [
      "👍🏽 ok",
      "한국어",
      "東京 │ x",
      "e\u0301",
      "👨‍👩‍👧",
      "1\u20e3",
      "©️",
      "\u001b[31m─red─\u001b[39m",
      "a\u200bb",
      "🇩🇪",
      "─\u0301",
      "",
      "plain",
    ])
      expect(patched(s)).toBe(original(s));
  });
});
