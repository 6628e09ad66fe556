// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: slice-ansi (8.x)
// without a grapheme segmenter for the text frames are drawn with. Ink cuts every line of a
// box that clips its content with sliceAnsi, and slice-ansi split each line into graphemes by
// asking an Intl.Segmenter for the segment at every index: about 60 ms of CPU, and ICU's
// start-up, before the explorer's first frame with a list (a profile of 2026-12-03).
// - A character of printable ASCII or of string-width's narrow-symbol set (borders, arrows,
//   bullets, Latin-1: scripts/patches/string-width-8.3.0-fast.mjs), followed by the end of the
//   string, an ESC or another such character, is a grapheme of its own: none of them joins a
//   neighbour (no mark, joiner, prepend, control, emoji or Hangul jamo among them) and a
//   control always breaks. Its token is made directly, its width asked of slice-ansi's own
//   getGraphemeWidth (once per character). Any other character goes to the segmenter as before.
// - Two such characters are never one grapheme, however many ANSI codes lie between them, so
//   that check answers without segmenting the pair.
// - The segmenter is made on first use, and a string segmented only when one of its characters
//   needs it.
// test/unit/build/slice-ansi-narrow.test.ts checks the patched sliceAnsi against the original
// on random strings mixing these characters with ANSI codes, marks, emoji and wide text.
import { narrowSymbols } from "./string-width-8.3.0-fast.mjs";

function replaceOnce(source, from, to, what) {
  const at = source.indexOf(from);
  if (at === -1 || source.indexOf(from, at + 1) !== -1)
    throw new Error(`slice-ansi-narrow-tokens: ${what} not found once in slice-ansi; update the patch`);
  return source.replace(from, to);
}

/** The narrow set as [first, last] code point ranges, printable ASCII included. */
function narrowRanges() {
  const ranges = [[0x20, 0x7e]];
  for (const c of narrowSymbols()) {
    const last = ranges[ranges.length - 1];
    if (last[1] === c - 1) last[1] = c;
    else ranges.push([c, c]);
  }
  return ranges;
}

function helpers() {
  const ranges = narrowRanges();
  const size = ranges[ranges.length - 1][1] + 1;
  return `
// lambda-explorer: narrow characters without the segmenter (scripts/patches/slice-ansi-8.0.0-narrow-tokens.mjs).
const NARROW_CODES = new Uint8Array(${size});
for (const [first, last] of ${JSON.stringify(ranges)}) NARROW_CODES.fill(1, first, last + 1);
const narrowWidths = new Map();
function isNarrowCode(code) {
	return code < ${size} && NARROW_CODES[code] === 1;
}

function narrowCharacterToken(string, index) {
	const code = string.charCodeAt(index);
	if (!isNarrowCode(code)) {
		return undefined;
	}

	if (index + 1 < string.length) {
		const next = string.charCodeAt(index + 1);
		if (next !== 0x1B && !isNarrowCode(next)) {
			return undefined;
		}
	}

	const value = string[index];
	let visibleWidth = narrowWidths.get(code);
	if (visibleWidth === undefined) {
		visibleWidth = getGraphemeWidth(value);
		narrowWidths.set(code, visibleWidth);
	}

	return {token: {type: 'character', value, visibleWidth, isGraphemeContinuation: false}, endIndex: index + 1};
}
`;
}

export function transformSliceAnsiTokenize(source) {
  let s = replaceOnce(
    source,
    "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
    "let graphemeSegmenterOnce;\nconst GRAPHEME_SEGMENTER = {segment: (text) => (graphemeSegmenterOnce ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)};\n" +
      helpers(),
    "the segmenter",
  );
  s = replaceOnce(
    s,
    "export default function tokenizeAnsi(string, {endCharacter = Number.POSITIVE_INFINITY} = {}) {\n\tconst tokens = [];\n\tconst graphemeSegments = GRAPHEME_SEGMENTER.segment(string);",
    "export default function tokenizeAnsi(string, {endCharacter = Number.POSITIVE_INFINITY} = {}) {\n\tconst tokens = [];\n\tlet segmentsOnce;\n\tconst graphemeSegments = {containing: (index) => (segmentsOnce ??= GRAPHEME_SEGMENTER.segment(string)).containing(index)};",
    "tokenizeAnsi's segments",
  );
  s = replaceOnce(
    s,
    "\t\tconst characterToken = parseCharacterTokenWithRawSegmentation(string, index, graphemeSegments);\n\t\tif (!characterToken) {\n\t\t\treturn tokenizeAnsiWithVisibleSegmentation(",
    "\t\tconst characterToken = narrowCharacterToken(string, index) ?? parseCharacterTokenWithRawSegmentation(string, index, graphemeSegments);\n\t\tif (!characterToken) {\n\t\t\treturn tokenizeAnsiWithVisibleSegmentation(",
    "tokenizeAnsi's character step",
  );
  return replaceOnce(
    s,
    "function areValuesInSameGrapheme(leftValue, rightValue) {\n",
    "function areValuesInSameGrapheme(leftValue, rightValue) {\n\tif (leftValue.length === 1 && rightValue.length === 1 && isNarrowCode(leftValue.charCodeAt(0)) && isNarrowCode(rightValue.charCodeAt(0))) {\n\t\treturn false;\n\t}\n\n",
    "areValuesInSameGrapheme",
  );
}

export const patch = {
  name: "slice-ansi-8.0.0-narrow-tokens",
  files: [
    {
      package: "slice-ansi",
      version: "8.0.0",
      file: "tokenize-ansi.js",
      transform: transformSliceAnsiTokenize,
    },
  ],
};
