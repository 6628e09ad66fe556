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
  return replaceOnce(
    s,
    "export default class Output",
    `const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let sharedOutputCaches;
function outputCaches() {
  const c = sharedOutputCaches;
  if (c && c.styledChars.size + c.widths.size + c.blockWidths.size < ${MAX_CACHED}) return c;
  return (sharedOutputCaches = new OutputCaches());
}
export default class Output`,
    "the Output class",
  );
}

/** @alcalzone/ansi-tokenize's styledChars.js, skipping the diff between equal styles. */
export function transformStyledChars(source) {
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
  ],
};
