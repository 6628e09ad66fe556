// The build's patch of fuzzysort (scripts/patches/fuzzysort-4.0.2-snapshot-beginnings.mjs) on
// the installed package, bundled after the lower-codes patch as the build applies them: with and
// without it, the picker's own index (src/core/ranking.ts) must rank every query over realistic
// function names the same, matched positions included, while the patched search makes no
// per-target table of word beginnings for a snapshot's targets.
import { describe, expect, it } from "vitest";
import { bundleDir } from "../../helpers/patched-bundle.js";
import { rankingBundle, SEARCHED, type RankingBundle } from "../../helpers/fuzzysort-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { patch, transformFuzzysort } from "../../../scripts/patches/fuzzysort-4.0.2-snapshot-beginnings.mjs";
// @ts-expect-error: a plain .mjs build script, without types
import { patch as lowerCodes } from "../../../scripts/patches/fuzzysort-4.0.2-lower-codes.mjs";
// @ts-expect-error: a plain .mjs bench helper, without types
import { FILTER_QUERIES } from "../../../bench/lib.mjs";

const dir = bundleDir("fuzzysort-beginnings");

const bundle = (name: string, withPatch: boolean) =>
  rankingBundle(dir, name, withPatch ? [lowerCodes, patch] : [lowerCodes]);

const [before, patched] = await Promise.all([bundle("before", false), bundle("patched", true)]);

const items = SEARCHED;
const queries = [...FILTER_QUERIES, "orders nodejs", "stackorders", "httpserver", "x".repeat(40), "ORDERS"];

const indexes = new Map([before, patched].map((b) => [b, new b.FunctionIndex(items)]));
const ranked = (b: RankingBundle, query: string) =>
  indexes
    .get(b)!
    .search(query)
    .map((r) => [r.item.name, r.score, r.nameIndexes]);

/** Targets of a snapshot of `texts` that made a beginnings table of their own in a search. */
function ownTables(b: RankingBundle, texts: string[], query: string): number {
  const snapshot = b.fuzzysort.snapshot(texts);
  b.fuzzysort.go(query, snapshot, { threshold: 0, limit: 1000 });
  const targets = (snapshot as unknown as { _targets: { _nextBeginningIndexes: unknown }[] })._targets;
  return targets.filter((t) => t._nextBeginningIndexes !== null).length;
}

describe("the build's patch of fuzzysort's snapshot search", () => {
  it("ranks every prefix of every query as before, positions included", () => {
    for (const q of queries)
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        expect(ranked(patched, prefix), prefix).toEqual(ranked(before, prefix));
      }
  });

  it("makes no beginnings table per target for a query longer than 3 characters", () => {
    const names = items.slice(0, 2000).map((f) => f.name);
    expect(ownTables(before, names, "pmtprd")).toBeGreaterThan(0);
    expect(ownTables(patched, names, "pmtprd")).toBe(0);
  });

  it("fails loudly when fuzzysort no longer has what it replaces", () => {
    expect(() => transformFuzzysort("export function prepare() {}")).toThrow(/update the patch/);
  });
});
