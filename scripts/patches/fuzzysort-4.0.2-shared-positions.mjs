// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: fuzzysort (4.x) gives
// every prepared target an array of its own for the positions of its last match, and a result
// shares that array with its target. A search writes into the array of every target it matches,
// so after a few queries over 100,000 functions nearly every name and "everything" line of the
// picker held an array of ~17 slots: ~26 MB of a 210 MB heap (heap snapshot, bench/key-frame.bench.mjs
// "resident memory, 100,000 functions"). Here a snapshot's targets all share one scratch array,
// and a result copies its positions out when it is made (materialize): only when it goes into
// the results heap, which holds at most `limit`, so a search allocates for the matches it keeps,
// not for every target it matches (giving each match a fresh array instead made searches 3-4×
// slower). Every snapshot result is now made at once, never later from its target: the two
// places that deferred it (results of a snapshot without keys, a keys search's per-key matches)
// would read the scratch after other targets had overwritten it. Scores and positions are the
// same as before; test/unit/build/fuzzysort-shared-positions.test.ts compares them with the
// unpatched search over realistic names. The build fails when fuzzysort's source no longer has
// what this replaces.

/** In SnapshotTargets._prepareOne, a target just prepared. */
const PREPARE_ONE =
  /(\n[ \t]*)if\(prepared !== noTarget\) indexBeginnings\(prepared, this\._first, row, this\._buildingBeginnings\)/;
/** Where the scratch array is declared: before the snapshot class, which alone hands it out. */
const SNAPSHOT_CLASS = "\nclass SnapshotTargets {";
const MATERIALIZE =
  /(function materialize\(prepared, obj = null\) \{[^}]*?)result\._indexes = prepared\._indexes/;
const SNAPSHOT_HEAP = "if(objects && !scoreFn) result = materialize(result, objects[i])";
const SNAPSHOT_FINISH = "return finishResults(resultCount, limited, !objects && !scoreFn && materialize)";
const KEYS_DEFER = "let deferMaterialization = indexed && !scoreFn && (limit !== INF || threshold > -INF)";

function replaceOnce(source, from, to, what) {
  const found =
    typeof from === "string"
      ? source.split(from).length - 1
      : (source.match(new RegExp(from.source, "g")) ?? []).length;
  if (found !== 1)
    throw new Error(`fuzzysort-shared-positions: ${what} found ${found} times, not 1; update the patch`);
  return typeof from === "string" ? source.replace(from, () => to) : source.replace(from, to);
}

export function transformFuzzysort(source) {
  let s = replaceOnce(
    source,
    PREPARE_ONE,
    "$1if(prepared !== noTarget) {$1  prepared._indexes = snapshotIndexes$1  indexBeginnings(prepared, this._first, row, this._buildingBeginnings)$1}",
    "a snapshot target's preparation",
  );
  s = replaceOnce(
    s,
    SNAPSHOT_CLASS,
    "\n// One positions array for every snapshot target: a result copies its own (materialize).\nlet snapshotIndexes = []\n" +
      SNAPSHOT_CLASS,
    "the snapshot class",
  );
  s = replaceOnce(
    s,
    MATERIALIZE,
    "$1let indexes = prepared._indexes\n  result._indexes = indexes.slice(0, indexes.len ?? indexes.length)\n  result._indexes.len = result._indexes.length",
    "a result's positions",
  );
  s = replaceOnce(
    s,
    SNAPSHOT_HEAP,
    "if(!scoreFn) result = materialize(result, objects?.[i])",
    "the snapshot search's results",
  );
  s = replaceOnce(
    s,
    SNAPSHOT_FINISH,
    "return finishResults(resultCount, limited)",
    "the snapshot search's end",
  );
  s = replaceOnce(s, KEYS_DEFER, "let deferMaterialization = false", "the keys search's deferred results");
  return s;
}

export const patch = {
  name: "fuzzysort-4.0.2-shared-positions",
  files: [{ package: "fuzzysort", version: "4.0.2", file: "fuzzysort.js", transform: transformFuzzysort }],
};
