// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: fuzzysort (4.x) keeps,
// beside each prepared target's lower-case text, the same text's character codes in an array
// of its own, and lazily a "next word beginning" table. The picker prepares the name and a
// name+runtime+description line of every function, so on a 100,000-function account those
// arrays were the largest part of the explorer's heap: as plain arrays 8 bytes a character
// (~130 MB), and still ~100 MB as typed arrays, whose objects and buffers cost more than their
// few hundred bytes of codes (heap snapshot, bench/key-frame.bench.mjs "resident memory,
// 100,000 functions"). Here a target keeps no code array: the search reads the codes from its
// lower-case string (`charCodeAt`, which V8 compiles to the same load), and the beginnings table
// is a typed array of 2 bytes a character (4 past 65,535 characters, where an index no longer
// fits in 16 bits). The codes only ever come from that string and are only compared or range-
// checked, and an index past the end reads NaN where it read undefined (both unequal to any
// code), so every search answers the same; test/unit/build/fuzzysort-lower-codes.test.ts compares
// the patched and original search over realistic names. The build fails when fuzzysort's source
// no longer has what this replaces.

const NEXT = /(function makeNextBeginnings\(prepared\) \{\r?\n\s*)let next = \[\]/;
const PREPARED = "return newResult(target, -INF, null, info._lower, info.lowerCodes, info.bitflags)";
const LENGTH = "target._score = score - target._targetLowerCodes.length + 1";
const SEARCH_CODES = "let targetCodes = target._targetLowerCodes";
const BEGINNING_CODES = "let lowerCodes = prepared._targetLowerCodes";
/** In indexBeginnings, on a line of its own (queries still build their codes with `let code = lowerCodes[i] = …`). */
const BEGINNING_READ = /(\n[ \t]*)code = lowerCodes\[i\](\r?\n)/g;
const SINGLE_READ = "searchCode === prepared._targetLowerCodes[i]";
/** `targetCodes[...]` reads in the search algorithms: each becomes a charCodeAt. */
const READS = 12;

function replaceAll(source, from, to, count, what) {
  const found = typeof from === "string" ? source.split(from).length - 1 : (source.match(from) ?? []).length;
  if (found !== count)
    throw new Error(`fuzzysort-lower-codes: ${what} found ${found} times, not ${count}; update the patch`);
  return typeof from === "string" ? source.split(from).join(to) : source.replace(from, to);
}

/** `name[expr]` → `name.charCodeAt(expr)` for every read, brackets inside `expr` balanced. */
function readsAsCharCodes(source, name) {
  let out = "";
  let from = 0;
  let count = 0;
  for (;;) {
    const at = source.indexOf(`${name}[`, from);
    if (at === -1) break;
    let depth = 0;
    let end = at + name.length;
    for (; end < source.length; end++) {
      if (source[end] === "[") depth++;
      else if (source[end] === "]" && --depth === 0) break;
    }
    const index = source.slice(at + name.length + 1, end);
    out += `${source.slice(from, at)}${name}.charCodeAt(${index})`;
    from = end + 1;
    count++;
  }
  return { text: out + source.slice(from), count };
}

/** fuzzysort.js reading its targets' codes from their lower-case text. */
export function transformFuzzysort(source) {
  if (!NEXT.test(source))
    throw new Error("fuzzysort-lower-codes: fuzzysort's beginnings table not found; update the patch");
  let s = source.replace(
    NEXT,
    "$1let next = new (prepared.target.length < 65535 ? Uint16Array : Uint32Array)(prepared.target.length)",
  );
  s = replaceAll(s, PREPARED, PREPARED.replace("info.lowerCodes", "null"), 1, "a target's prepared codes");
  s = replaceAll(s, LENGTH, LENGTH.replace("_targetLowerCodes", "_targetLower"), 1, "the target's length");
  s = replaceAll(s, SEARCH_CODES, "let targetCodes = target._targetLower", 2, "the search's codes");
  s = replaceAll(s, BEGINNING_CODES, "let lowerCodes = prepared._targetLower", 1, "the beginnings' codes");
  s = replaceAll(s, BEGINNING_READ, "$1code = lowerCodes.charCodeAt(i)$2", 1, "the beginnings' read");
  s = replaceAll(
    s,
    SINGLE_READ,
    "searchCode === prepared._targetLower.charCodeAt(i)",
    1,
    "a single match's read",
  );
  const reads = readsAsCharCodes(s, "targetCodes");
  if (reads.count !== READS)
    throw new Error(
      `fuzzysort-lower-codes: ${reads.count} reads of a target's codes, not ${READS}; update the patch`,
    );
  if (reads.text.includes("_targetLowerCodes["))
    throw new Error("fuzzysort-lower-codes: a read of _targetLowerCodes is left; update the patch");
  return reads.text;
}

export const patch = {
  name: "fuzzysort-4.0.2-lower-codes",
  files: [{ package: "fuzzysort", version: "4.0.2", file: "fuzzysort.js", transform: transformFuzzysort }],
};
