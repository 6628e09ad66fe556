// The build's patch of slice-ansi (scripts/patches/slice-ansi-8.0.0-narrow-tokens.mjs) on the
// installed package: bundled with and without the plugin, sliceAnsi must cut every string the
// same. Its fast path rests on a narrow character (printable ASCII or string-width's narrow
// symbols) being a grapheme of its own before another one, an ESC or the end: the strings here
// mix them with what breaks that (marks, joiners, emoji, flags, wide text, CR LF, VS16), with
// ANSI codes between, and cut them at every kind of place.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundleDir, importBundle } from "../../helpers/patched-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { patch } from "../../../scripts/patches/slice-ansi-8.0.0-narrow-tokens.mjs";
// @ts-expect-error: a plain .mjs build script, without types
import { narrowSymbols } from "../../../scripts/patches/string-width-8.3.0-fast.mjs";

type SliceAnsi = (s: string, start?: number, end?: number) => string;

const dir = bundleDir("slice-ansi");
const bundle = async (name: string, patched: boolean) =>
  (
    await importBundle<{ default: SliceAnsi }>(
      dir,
      name,
      `export { default } from "slice-ansi";`,
      patched && patch,
    )
  ).default;

const [original, patched] = await Promise.all([bundle("original", false), bundle("patched", true)]);
const symbols = (narrowSymbols() as number[]).map((c) => String.fromCodePoint(c));

const PIECES = [
  ..."abc XYZ 019 .,;:!?-_/|~{}[]()",
  ..."╭╮╰╯─│┌┐·…›→←↑↓●○▼░█▏✓✗–“”éñü⠋⠼",
  "\u001b[1m",
  "\u001b[22m",
  "\u001b[7m",
  "\u001b[27m",
  "\u001b[31m",
  "\u001b[39m",
  "\u001b[38;5;208m",
  "\u001b[38;2;10;20;30m",
  "\u001b[0m",
  "\u001b]8;;https://example.com\u0007",
  "\u001b]8;;\u0007",
  "\u0301", // a combining acute accent: joins the character before it
  "\u200d", // a zero-width joiner
  "\ufe0f", // an emoji presentation selector
  "👍",
  "👨‍👩‍👧",
  "🇫🇷",
  "漢字",
  "\r\n",
  "\t",
  "\u009b31m",
];

describe("the build's patch of slice-ansi", () => {
  it("cuts a pane's border line and a coloured row as the original does", () => {
    const lines = [
      "╭──────────────────────╮",
      "│› \u001b[7mbig-logger\u001b[27m   nodejs20.x  128 MB│",
      "\u001b[1m▶ CloudWatch\u001b[22m · complete (REPORT seen) · 164 lines",
    ];
    for (const line of lines)
      for (let from = 0; from < 30; from++)
        for (const to of [from, from + 1, from + 7, 60])
          expect(patched(line, from, to)).toBe(original(line, from, to));
  });

  it("cuts random strings of narrow characters, ANSI codes, marks, emoji and wide text as the original does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.nat(45),
        fc.nat(45),
        (pieces, a, b) => {
          const s = pieces.join("");
          const [from, to] = a <= b ? [a, b] : [b, a];
          expect(patched(s, from, to)).toBe(original(s, from, to));
          expect(patched(s, from)).toBe(original(s, from));
        },
      ),
      { numRuns: 3000, seed: 20261203 },
    );
  });

  it("takes each narrow symbol alone, before a mark, and between ANSI codes as the original does", () => {
    for (const c of symbols)
      for (const s of [c, `${c}\u0301x`, `a\u001b[1m${c}\u001b[22mb`, `${c}\u001b[31m\u0301`])
        for (const [from, to] of [
          [0, 1],
          [0, 2],
          [1, 3],
        ] as const)
          expect(patched(s, from, to)).toBe(original(s, from, to));
  });
});
