// The build's patch of fuzzysort (scripts/patches/fuzzysort-4.0.2-lower-codes.mjs) on the installed
// package: bundled with and without the plugin, the picker's own index (src/core/ranking.ts)
// must rank every query over realistic function names the same, matched positions included,
// while the patched one keeps no code array per target (it reads its lower-case text).
import { describe, expect, it } from "vitest";
import { bundleDir } from "../../helpers/patched-bundle.js";
import { rankingBundle, SEARCHED, type RankingBundle } from "../../helpers/fuzzysort-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { patch, transformFuzzysort } from "../../../scripts/patches/fuzzysort-4.0.2-lower-codes.mjs";
// @ts-expect-error: a plain .mjs bench helper, without types
import { FILTER_QUERIES } from "../../../bench/lib.mjs";

const dir = bundleDir("fuzzysort");

const bundle = (name: string, patched: boolean) => rankingBundle(dir, name, patched ? [patch] : []);

const [original, patched] = await Promise.all([bundle("original", false), bundle("patched", true)]);

const items = SEARCHED;
const queries = [
  ...FILTER_QUERIES,
  "orders nodejs",
  "a b",
  "unicode",
  "istanbul",
  "xx",
  "x".repeat(40),
  "ORDERS",
  "q",
  "zz9",
];

const indexes = new Map([original, patched].map((b) => [b, new b.FunctionIndex(items)]));
const ranked = (b: RankingBundle, query: string) =>
  indexes
    .get(b)!
    .search(query)
    .map((r) => [r.item.name, r.score, r.nameIndexes]);

describe("the build's patch of fuzzysort", () => {
  it("ranks every prefix of every query as the original does, positions included", () => {
    for (const q of queries)
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        expect(ranked(patched, prefix), prefix).toEqual(ranked(original, prefix));
      }
  });

  it("keeps no code array for a prepared target", () => {
    const target = (p: RankingBundle) =>
      p.fuzzysort.prepare("Payments-Ledger") as unknown as Record<string, unknown>;
    expect(Array.isArray(target(original)._targetLowerCodes)).toBe(true);
    expect(target(patched)._targetLowerCodes).toBeNull();
    expect(target(patched)._targetLower).toBe("payments-ledger");
  });

  it("matches each prefix of a query typed over an index searched before, as a fresh one does", () => {
    // The snapshots narrow a longer query to the rows the previous one matched: typed a key at
    // a time over one index must rank as each prefix searched alone over a fresh index.
    const typed = new patched.FunctionIndex(items);
    for (const q of ["pmtprd", "orders nodejs", "xx"])
      for (let i = 1; i <= q.length; i++) {
        const prefix = q.slice(0, i);
        const fresh = new patched.FunctionIndex(items).search(prefix);
        expect(
          typed.search(prefix).map((r) => [r.item.name, r.score]),
          prefix,
        ).toEqual(fresh.map((r) => [r.item.name, r.score]));
      }
  });

  it("fails loudly when fuzzysort no longer has what it replaces", () => {
    expect(() => transformFuzzysort("export function prepare() {}")).toThrow(/update the patch/);
  });
});
