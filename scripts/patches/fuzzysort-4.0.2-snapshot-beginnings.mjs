// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: fuzzysort (4.x) searches
// a snapshot's targets with the snapshot's own packed table of word beginnings only for queries
// of up to 3 characters; a longer query makes each target it reaches a table of its own (a "next
// beginning" index per character) and keeps it for good. The picker's queries are mostly longer,
// so while a person typed over 100,000 functions those tables grew by tens of megabytes (38,000
// typed arrays after six queries: heap snapshot, bench/key-frame.bench.mjs "resident memory,
// 100,000 functions"). Here every query reads the snapshot's beginnings, which hold the same
// positions (both come from one scan of the target's text): the algorithm already takes either,
// and answers the same with both; test/unit/build/fuzzysort-snapshot-beginnings.test.ts compares
// the patched and original search over realistic names. The build fails when fuzzysort's source
// no longer has what this replaces.

/** In goSnapshotValues: the branch that passes the snapshot's beginnings to the algorithm. */
const LONG_QUERY = /(\n[ \t]*else if\()targetShort(\) \{\r?\n[ \t]*let start = snapshot\._offsets\[i\])/;
/** The texts the snapshot has no beginnings for (indexBeginnings skips them). */
const INDEXED = "target.target.length < 65535";

export function transformFuzzysort(source) {
  const found = source.match(new RegExp(LONG_QUERY.source, "g")) ?? [];
  if (found.length !== 1)
    throw new Error(
      `fuzzysort-snapshot-beginnings: the snapshot search's branch found ${found.length} times, not 1; update the patch`,
    );
  return source.replace(LONG_QUERY, `$1${INDEXED}$2`);
}

export const patch = {
  name: "fuzzysort-4.0.2-snapshot-beginnings",
  files: [{ package: "fuzzysort", version: "4.0.2", file: "fuzzysort.js", transform: transformFuzzysort }],
};
