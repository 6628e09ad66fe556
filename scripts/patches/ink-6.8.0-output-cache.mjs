// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle, making Ink's (6.8) frame output cheaper where a
// frame spent most of its time while scrolling a log (issue 6: under 16 ms a keystroke):
// - Ink builds a new Output for every frame, and with it new caches of each written line's
//   styled characters and widths, so every line on the screen, changed or not, was tokenized
//   again 30 times a second. Every Output now shares one set of caches across frames, emptied
//   when it grows past a bound, so a line that stays on screen costs a lookup. The values are
//   pure functions of the line's text, and Ink only reads them.
// - Each frame filled its grid with a new blank cell object per cell (12,000 at 200x60) for
//   the garbage collector; they are one shared, frozen cell now (Ink replaces cells, never
//   changes them).
// - Turning cells back into text diffed the styles of every two neighbouring characters, three
//   Sets and several arrays each, even when the styles were the same, as they almost always
//   are. Neighbours with the same codes now skip the diff, whose answer is then empty anyway.
// - Every line of a box that clips (overflow hidden: each pane) went through slice-ansi every
//   frame, even a line the clip leaves whole, the commonest case: a new string and dozens of
//   objects a line, the largest share of what a frame allocated (issue 12: a filter key at
//   10,000 functions, where the garbage collector took a fifth of a key's CPU). A line is now
//   sliced once, cached like the others. (Not skipped when the clip leaves it whole: slice-ansi
//   then still reduces its codes, e.g. drops dim under bold, and the screen must not change.)
// - A row of the screen whose cells are all the very cells of the row drawn last frame (the
//   cells come from the caches above, so an unchanged row is made of the same objects) gives
//   the text it gave then, instead of being printed again.
// - Each styled character had its own copy of the codes active at it; the characters between
//   two codes now share one array (the tokenizer makes a new one at each code and never changes
//   an array it made), half the objects a line keeps in the cache, and equal neighbours are
//   then the same array, which the printer compares first.
// Each transform fails the build when Ink's source no longer has what it replaces, rather than
// shipping without it silently. test/unit/build/ink-output-cache.test.ts checks them on the
// installed Ink: same output as the original, and the caches shared.

// Enough for several 200x60 frames of distinct lines; at ~100 characters a line, a few MB.
const MAX_CACHED = 12_000;

function replaceOnce(source, from, to, what) {
  const found = typeof from === "string" ? source.includes(from) : from.test(source);
  if (!found) throw new Error(`ink-output-cache: ${what} not found in Ink's source; update the plugin`);
  return source.replace(from, to);
}

/** ink/build/output.js with caches shared across frames and one shared blank cell. */
export function transformOutput(source) {
  let s = replaceOnce(source, "caches = new OutputCaches();", "caches = outputCaches();", "Output's caches");
  s = replaceOnce(
    s,
    /row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],\s*\}\);/,
    "row.push(BLANK_CELL);",
    "the blank cell",
  );
  s = replaceOnce(
    s,
    "return sliceAnsi(line, from, to);",
    "return this.caches.getSlice(line, from, to);",
    "the clip's slice of a line",
  );
  s = replaceOnce(
    s,
    "    getStringWidth(text) {",
    `    rows = [];
    getSlice(line, from, to) {
        // A line is nearly always clipped the same way: the last slice of it is kept.
        let cached = this.slices.get(line);
        if (cached === undefined || cached.from !== from || cached.to !== to) {
            cached = { from, to, text: sliceAnsi(line, from, to) };
            this.slices.set(line, cached);
        }
        return cached.text;
    }
    slices = new Map();
    getRowText(y, row) {
        const last = this.rows[y];
        if (last !== undefined && last.cells.length === row.length) {
            let same = true;
            for (let x = 0; x < row.length; x++) {
                if (last.cells[x] !== row[x]) {
                    same = false;
                    break;
                }
            }
            if (same) return last.text;
        }
        const text = styledCharsToString(row.filter(item => item !== undefined)).trimEnd();
        this.rows[y] = { cells: row, text };
        return text;
    }
    getStringWidth(text) {`,
    "OutputCaches' getStringWidth",
  );
  s = replaceOnce(
    s,
    /const generatedOutput = output\s*\.map\(line => \{[^}]*\}\)/,
    "const generatedOutput = output.map((line, y) => this.caches.getRowText(y, line))",
    "the rows printed as text",
  );
  return replaceOnce(
    s,
    "export default class Output",
    `const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let sharedOutputCaches;
function outputCaches() {
  const c = sharedOutputCaches;
  if (c && c.styledChars.size + c.widths.size + c.blockWidths.size + c.slices.size < ${MAX_CACHED}) return c;
  return (sharedOutputCaches = new OutputCaches());
}
export default class Output`,
    "the Output class",
  );
}

/**
 * @alcalzone/ansi-tokenize's styledChars.js: characters between two codes share one array of
 * styles, each made as a literal (the char tokens have just these three fields), and the diff
 * between equal styles is skipped.
 */
export function transformStyledChars(source) {
  // A literal, not a spread of the token: the spread was most of the time this function took.
  source = replaceOnce(
    source,
    /ret\.push\(\{\s*\.\.\.token,\s*styles: \[\.\.\.codes\],\s*\}\);/,
    "ret.push({ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes });",
    "each character's copy of the codes",
  );
  const start = source.indexOf("export function styledCharsToString(chars) {");
  if (start < 0) throw new Error("ink-output-cache: styledCharsToString not found; update the plugin");
  const end = source.indexOf("\n}\n", start);
  if (end < 0) throw new Error("ink-output-cache: the end of styledCharsToString not found");
  const fast = `function sameCodes(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code) return false;
    return true;
}
export function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else if (!sameCodes(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        if (i === chars.length - 1 && char.styles.length > 0) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`;
  return source.slice(0, start) + fast + source.slice(end + 2);
}

/**
 * @alcalzone/ansi-tokenize's tokenize.js: a line whose characters can only be graphemes of
 * their own (printable ASCII, Latin-1 and Latin letters, punctuation, arrows, box drawing and
 * symbols: none of them joins or combines with a neighbour) is walked a UTF-16 unit at a time
 * instead of through Intl.Segmenter, which took most of tokenizing a new line: a filter key
 * brings a screenful of new picker rows (issue 12). Other lines go through the segmenter.
 */
export function transformTokenize(source) {
  let s = replaceOnce(
    source,
    "for (const { segment, index } of segmenter.segment(str)) {",
    `const single = SINGLE_UNIT_GRAPHEMES.test(str);
    const segments = single ? undefined : segmenter.segment(str)[Symbol.iterator]();
    for (let next = 0; ; ) {
        let segment;
        let index;
        if (single) {
            if (next >= str.length) break;
            index = next++;
            segment = str[index];
        } else {
            const step = segments.next();
            if (step.done) break;
            ({ segment, index } = step.value);
        }`,
    "tokenize's walk over graphemes",
  );
  return replaceOnce(
    s,
    "export function tokenize(",
    "const SINGLE_UNIT_GRAPHEMES = /^[\\x1b\\x20-\\x7e\\xa0-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u23ff\\u2500-\\u27bf]*$/;\nexport function tokenize(",
    "tokenize",
  );
}

export const patch = {
  name: "ink-6.8.0-output-cache",
  files: [
    { package: "ink", version: "6.8.0", file: "build/output.js", transform: transformOutput },
    {
      package: "@alcalzone/ansi-tokenize",
      version: "0.2.5",
      file: "build/styledChars.js",
      transform: transformStyledChars,
    },
    {
      package: "@alcalzone/ansi-tokenize",
      version: "0.2.5",
      file: "build/tokenize.js",
      transform: transformTokenize,
    },
  ],
};
