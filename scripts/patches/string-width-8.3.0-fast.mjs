// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle, making string-width (8.x) cheap at start-up. Its
// RGI_Emoji regex (a property of strings, thousands of sequences) took ~15 ms to create when
// the CLI loaded and ~20 ms more to compile on its first match, and the first frame matched it
// against every box-drawing character of the pane borders: some 35 ms of the explorer's start.
// - The regex (and the Intl.Segmenter) are created on first use instead of at load.
// - Text of printable ASCII and a set of narrow symbols (box drawing, arrows, bullets, Latin-1
//   letters, braille: what frames are drawn with) is measured code point by code point. Each of
//   these characters is a grapheme of its own next to any other of them (no mark, joiner,
//   control, emoji or Hangul jamo among them), so string-width's own loop would find one
//   cluster per character, none of them emoji, each as wide as its East Asian Width: the same
//   answer, without the segmenter and the emoji regex.
// The set is computed when the bundle is built, from Node's Unicode properties. The transform
// fails the build when string-width's source no longer has what it replaces.
// test/unit/build/string-width-fast.test.ts checks that the patched function answers exactly as
// the original for every character of the set, and for strings mixing them with ASCII.

/** Blocks the set is taken from: Latin-1 and Latin Extended, punctuation, arrows, shapes, braille. */
const BLOCKS = [
  [0x00a0, 0x024f],
  [0x2010, 0x205e],
  [0x2190, 0x21ff],
  [0x2500, 0x25ff],
  [0x2700, 0x27bf],
  [0x2800, 0x28ff],
];

// Anything that could join a neighbour into one grapheme, be invisible, or be drawn as an emoji.
const EXCLUDED =
  /[\p{M}\p{C}\p{Default_Ignorable_Code_Point}\p{Emoji}\p{Extended_Pictographic}\p{Emoji_Component}\p{White_Space}]/u;

/** The code points of the narrow-symbol set, in order. */
export function narrowSymbols() {
  const out = [];
  for (const [from, to] of BLOCKS)
    for (let c = from; c <= to; c++) if (!EXCLUDED.test(String.fromCodePoint(c))) out.push(c);
  return out;
}

const hex = (c) => `\\u${c.toString(16).padStart(4, "0")}`;

/** A regex source matching strings of printable ASCII and the narrow symbols only. */
export function narrowTextPattern() {
  const ranges = [];
  for (const c of narrowSymbols()) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  const set = ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join("");
  return `^[\\u0020-\\u007e${set}]*$`;
}

function replaceOnce(source, from, to, what) {
  if (!source.includes(from))
    throw new Error(`string-width-fast: ${what} not found in string-width; update the plugin`);
  return source.replace(from, to);
}

/** string-width's index.js with lazy regex and segmenter, and the narrow-symbol fast path. */
export function transformStringWidth(source) {
  let s = replaceOnce(
    source,
    "const segmenter = new Intl.Segmenter();",
    "let segmenterOnce;\nconst segmenter = {segment: (text) => (segmenterOnce ??= new Intl.Segmenter()).segment(text)};",
    "the segmenter",
  );
  s = replaceOnce(
    s,
    "const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;",
    "let rgiEmojiOnce;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiOnce ??= /^\\p{RGI_Emoji}$/v).test(text)};",
    "the RGI_Emoji regex",
  );
  return replaceOnce(
    s,
    "\tlet width = 0;\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};\n",
    `\tlet width = 0;
\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};

\t// lambda-explorer: one grapheme per code point, none of them emoji (see scripts/string-width-fast.mjs).
\tif (narrowText.test(string)) {
\t\tfor (let index = 0; index < string.length; index++) {
\t\t\tconst code = string.charCodeAt(index);
\t\t\twidth += code < 0x7F ? 1 : eastAsianWidth(code, eastAsianWidthOptions);
\t\t}

\t\treturn width;
\t}
`,
    "the start of the measuring loop",
  ).replace(
    "export default function stringWidth(",
    `const narrowText = /${narrowTextPattern()}/;\n\nexport default function stringWidth(`,
  );
}

// Only the top-level string-width (8.x, which Ink uses): wrap-ansi's own copy (7.x, no
// RGI_Emoji regex) is another file and is left as it is.
export const patch = {
  name: "string-width-8.3.0-fast",
  files: [{ package: "string-width", version: "8.3.0", file: "index.js", transform: transformStringWidth }],
};
