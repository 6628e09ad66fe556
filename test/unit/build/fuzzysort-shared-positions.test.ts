// The build's patch of fuzzysort (scripts/patches/fuzzysort-4.0.2-shared-positions.mjs) on the
// installed package, bundled after the other fuzzysort patches as the build applies them: the
// picker's index (src/core/ranking.ts) and fuzzysort's own results (scores, positions,
// highlights) must be what fuzzysort as published gives, while a snapshot's matched targets keep
// no positions array of their own.
import { describe, expect, it } from "vitest";
import { bundleDir } from "../../helpers/patched-bundle.js";
import { rankingBundle, SEARCHED, type RankingBundle } from "../../helpers/fuzzysort-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { patch, transformFuzzysort } from "../../../scripts/patches/fuzzysort-4.0.2-shared-positions.mjs";
// @ts-expect-error: a plain .mjs build script, without types
import { patch as lowerCodes } from "../../../scripts/patches/fuzzysort-4.0.2-lower-codes.mjs";
// @ts-expect-error: a plain .mjs build script, without types
import { patch as beginnings } from "../../../scripts/patches/fuzzysort-4.0.2-snapshot-beginnings.mjs";
// @ts-expect-error: a plain .mjs bench helper, without types
import { FILTER_QUERIES } from "../../../bench/lib.mjs";
import type { Result } from "fuzzysort";

const dir = bundleDir("fuzzysort-shared-positions");

const bundle = (name: string, patches: unknown[]) => rankingBundle(dir, name, patches);

// As published; with the build's other fuzzysort patches; with all of them.
const [published, before, patched] = await Promise.all([
  bundle("published", []),
  bundle("before", [lowerCodes, beginnings]),
  bundle("patched", [lowerCodes, beginnings, patch]),
]);

const items = SEARCHED;
const queries = [...FILTER_QUERIES, "orders nodejs", "stackorders", "httpserver", "x".repeat(40), "ORDERS"];
/** Enough for fuzzysort's own searches, the unusual ones included. */
const sample = items.slice(0, 3000).concat(items.slice(-3));
const sampleNames = sample.map((f) => f.name);

const indexes = new Map([published, before, patched].map((b) => [b, new b.FunctionIndex(items)]));
const ranked = (b: RankingBundle, query: string) =>
  indexes
    .get(b)!
    .search(query)
    .map((r) => [r.item.name, r.score, r.nameIndexes]);

type Target = { _indexes: unknown[] & { len?: number } };
const targetsOf = (snapshot: unknown) => (snapshot as { _targets: Target[] })._targets;

/** fuzzysort's own answer: each result's text, score, sorted positions and highlight. */
const answer = (b: RankingBundle, results: readonly Result[]) =>
  results.map((r) => [r.target, r.score, r.indexes, b.fuzzysort.highlight(r, "[", "]")]);

/** Searches over snapshots of names (no key), of items by name (key) and by name and runtime (keys). */
function snapshotAnswers(b: RankingBundle, query: string) {
  const plain = b.fuzzysort.snapshot(sampleNames);
  const keyed = b.fuzzysort.snapshot(sample, { key: "name" });
  const keys = b.fuzzysort.snapshot(sample, { keys: ["name", "runtime"] });
  const options = { limit: 40, threshold: 0 };
  return {
    plain: answer(b, b.fuzzysort.go(query, plain, options)),
    keyed: answer(b, b.fuzzysort.go(query, keyed, options)),
    keys: b.fuzzysort
      .go(query, keys, options)
      .map((r) => [r.obj.name, r.score, ...r.map((k) => [k.score, k.indexes, k.highlight("[", "]")])]),
  };
}

describe("the build's patch of fuzzysort's positions", () => {
  it("ranks every prefix of every query as fuzzysort as published does, positions included", () => {
    for (const q of queries)
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        const expected = ranked(published, prefix);
        expect(ranked(before, prefix), prefix).toEqual(expected);
        expect(ranked(patched, prefix), prefix).toEqual(expected);
      }
  });

  it("gives fuzzysort's own results the published positions and highlights", () => {
    // "orders nodejs" matches across the two keys: positions merged from both.
    for (const q of ["pay", "pmtprd", "orders nodejs", "stackorders", "o", "xy"]) {
      const expected = snapshotAnswers(published, q);
      expect(expected.keyed.length + expected.keys.length, q).toBeGreaterThan(0);
      expect(snapshotAnswers(patched, q), q).toEqual(expected);
    }
  });

  it("leaves each result its positions when later searches run", () => {
    const snapshot = patched.fuzzysort.snapshot(sampleNames);
    const first = patched.fuzzysort.go("pmtprd", snapshot, { limit: 20, threshold: 0 });
    const positions = first.map((r) => r.indexes);
    patched.fuzzysort.go("orders", snapshot, { limit: 20, threshold: 0 });
    patched.fuzzysort.go("xy", snapshot, { limit: 20, threshold: 0 });
    expect(first.map((r) => r.indexes)).toEqual(positions);
    expect(positions).toEqual(first.map((r) => published.fuzzysort.single("pmtprd", r.target)?.indexes));
  });

  it("keeps no positions array on a snapshot's matched targets", () => {
    const distinctArrays = (b: RankingBundle) => {
      const snapshot = b.fuzzysort.snapshot(sampleNames);
      for (const q of ["pay", "pmtprd", "orders nodejs"]) b.fuzzysort.go(q, snapshot, { threshold: 0 });
      const targets = targetsOf(snapshot);
      return {
        arrays: new Set(targets.map((t) => t._indexes)).size,
        holding: targets.filter((t) => (t._indexes.len ?? 0) > 0).length,
      };
    };
    // As before: every target its own array, most of them holding a match's positions.
    const own = distinctArrays(before);
    expect(own.arrays).toBe(sample.length);
    expect(own.holding).toBeGreaterThan(100);
    expect(distinctArrays(patched).arrays).toBe(1);
  });

  it("fails loudly when fuzzysort no longer has what it replaces", () => {
    expect(() => transformFuzzysort("export function prepare() {}")).toThrow(/update the patch/);
  });
});
