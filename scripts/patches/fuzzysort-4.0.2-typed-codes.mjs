// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: fuzzysort (4.x) keeps
// each prepared target's lower-case character codes, and lazily its "next word beginning"
// table, as plain arrays: one 8-byte slot per character of every name and description. The
// picker prepares the name and a name+runtime+description line of every function, so on a
// 100,000-function account those arrays were ~130 MB of the explorer's heap (bench/
// key-frame.bench.mjs, "resident memory, 100,000 functions"). Here they are typed arrays of
// 2 bytes a character (4 past 65,535 characters, where an index no longer fits in 16 bits).
// fuzzysort only reads them by index and `.length` and writes within their length, so every
// search answers the same; test/unit/build/fuzzysort-typed-codes.test.ts compares the patched
// and original search over realistic names. The build fails when fuzzysort's source no longer
// has what this replaces.

const CODES = /let lowerCodes = \[\]/;
const NEXT = /(function makeNextBeginnings\(prepared\) \{\r?\n\s*)let next = \[\]/;

/** fuzzysort.js with typed arrays for its per-target code tables. */
export function transformFuzzysort(source) {
  if (!CODES.test(source) || !NEXT.test(source))
    throw new Error("fuzzysort-typed-codes: fuzzysort's code arrays not found; update the patch");
  return source
    .replace(CODES, "let lowerCodes = new Uint16Array(lower.length)")
    .replace(
      NEXT,
      "$1let next = new (prepared.target.length < 65535 ? Uint16Array : Uint32Array)(prepared.target.length)",
    );
}

export const patch = {
  name: "fuzzysort-4.0.2-typed-codes",
  files: [{ package: "fuzzysort", version: "4.0.2", file: "fuzzysort.js", transform: transformFuzzysort }],
};
