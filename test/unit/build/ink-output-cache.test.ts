// The build's patch of Ink's frame output (scripts/patches/ink-6.8.0-output-cache.mjs) on the installed Ink:
// Ink's Output and its styled-character printer bundled with and without the plugin must write
// exactly the same text, and the patched Output must share its caches across frames. A new
// Ink whose source no longer fits the patch fails here (and the build), not on users' screens.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleDir, importBundle, ROOT } from "../../helpers/patched-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { patch, transformOutput } from "../../../scripts/patches/ink-6.8.0-output-cache.mjs";

const dir = bundleDir("ink");

interface StyledChar {
  type: string;
  value: string;
  fullWidth: boolean;
  styles: unknown[];
}
interface Bundle {
  Output: new (o: { width: number; height: number }) => {
    caches: unknown;
    write(x: number, y: number, text: string, o: { transformers: unknown[] }): void;
    clip(c: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
    unclip(): void;
    get(): { output: string; height: number };
  };
  tokenize(s: string): unknown[];
  styledCharsFromTokens(t: unknown[]): StyledChar[];
  styledCharsToString(c: StyledChar[]): string;
}

const bundle = (name: string, patched: boolean) =>
  importBundle<Bundle>(
    dir,
    name,
    `export { default as Output } from ${JSON.stringify(path.join(ROOT, "node_modules/ink/build/output.js"))};
        export * from "@alcalzone/ansi-tokenize";`,
    patched && patch,
  );

const [original, patched] = await Promise.all([bundle("original", false), bundle("patched", true)]);

const SGR = [
  "\u001b[31m",
  "\u001b[32m",
  "\u001b[1m",
  "\u001b[2m",
  "\u001b[7m",
  "\u001b[39m",
  "\u001b[22m",
  "\u001b[27m",
  "\u001b[0m",
  "\u001b[4m",
  "\u001b[24m",
];
const TEXT = ["a", "b", " ", "東", "é", "😀", "-", "│"];

/** A deterministic mix of text and style codes, like the lines Ink writes. */
function styledLine(seed: number, length: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  let s = "";
  for (let i = 0; i < length; i++)
    s += next() % 4 === 0 ? SGR[next() % SGR.length] : TEXT[next() % TEXT.length];
  return s;
}

describe("the build's patch of Ink's output", () => {
  it("prints styled characters exactly as the original does", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const chars = original.styledCharsFromTokens(original.tokenize(styledLine(seed, 1 + (seed % 90))));
      expect(patched.styledCharsToString(chars)).toBe(original.styledCharsToString(chars));
    }
  });

  it("draws the same frames, with one set of caches shared by every frame", () => {
    const frame = (b: Bundle, seed: number) => {
      const out = new b.Output({ width: 60, height: 12 });
      for (let y = 0; y < 10; y++) out.write(y % 7, y, styledLine(seed * 31 + y, 40), { transformers: [] });
      return out;
    };
    for (let seed = 1; seed <= 20; seed++)
      expect(frame(patched, seed).get()).toEqual(frame(original, seed).get());
    expect(frame(patched, 1).caches).toBe(frame(patched, 2).caches);
    expect(frame(original, 1).caches).not.toBe(frame(original, 2).caches);
  });

  it("tokenizes lines into the same styled characters", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const line = styledLine(seed, 1 + (seed % 90));
      expect(patched.styledCharsFromTokens(patched.tokenize(line))).toEqual(
        original.styledCharsFromTokens(original.tokenize(line)),
      );
    }
  });

  it("tokenizes lines without the segmenter into the same tokens", () => {
    // Characters of the ranges walked a unit at a time, and ones that join or combine with their
    // neighbours (one kind a line: such a line must still go through the segmenter): the same
    // tokens either way.
    const single = [
      ..."az09 ~›…│─╭╯·✓✗▲⌘→≥‰éßŁʼ\u00a0\u00ad\u02ff\u2010\u2027\u2030\u205e\u2190\u23ff\u2500\u27bf",
    ];
    const joining = ["\u0301", "\u200d", "\ufe0f", "👍🏽", "🇫🇷", "\r\n", "東", "\u2028", "\u1100\u1161"];
    for (let seed = 1; seed <= 400; seed++) {
      let x = seed;
      const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
      let line = "";
      for (let i = 0; i < 1 + (seed % 60); i++) {
        const r = next() % 10;
        if (r === 0) line += SGR[next() % SGR.length];
        else if (r === 1 && seed % 3 === 0) line += joining[seed % joining.length];
        else line += single[next() % single.length];
      }
      expect(patched.tokenize(line)).toEqual(original.tokenize(line));
    }
  });

  it("draws the same frames in turn: clipped panes, rows kept, rows changed", () => {
    // Frames one after another through the shared caches, as the app draws them: a pane on the
    // left whose lines change each frame (the picker under a filter key), one on the right that
    // stays, and lines wider than their clip (cut by the slice) beside lines it leaves whole.
    const frame = (b: Bundle, n: number) => {
      const out = new b.Output({ width: 70, height: 14 });
      out.clip({ x1: 0, x2: 30, y1: 0, y2: 12 });
      for (let y = 0; y < 14; y++)
        out.write(0, y, styledLine(n * 7 + y * (y % 3 === 0 ? 1 : 0), y % 2 ? 24 : 44), { transformers: [] });
      out.unclip();
      out.clip({ x1: 32, x2: 70 });
      for (let y = 0; y < 12; y++)
        out.write(28 + (y % 5), y, styledLine(900 + y, 20 + 4 * y), { transformers: [] });
      out.unclip();
      if (n % 4 === 0) out.write(0, 13, styledLine(n, 60), { transformers: [] });
      return out.get();
    };
    for (let n = 1; n <= 40; n++) expect(frame(patched, n % 9)).toEqual(frame(original, n % 9));
  });

  it("fails loudly when Ink's source no longer has what it replaces", () => {
    const source = readFileSync(path.join(ROOT, "node_modules/ink/build/output.js"), "utf8");
    expect(() =>
      transformOutput(source.replace("caches = new OutputCaches();", "caches = new Other();")),
    ).toThrow(/update the plugin/);
  });
});
