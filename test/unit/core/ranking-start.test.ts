// The explorer's first frame comes before the list is indexed: an index makes no fuzzysort
// snapshots (which prepare themselves in idle slices, and held that frame back) until its owner
// starts indexing or a search needs them, and it answers the same either way.
import { describe, expect, it } from "vitest";
import { BLOCK_SIZE, FunctionIndex, type Rankable } from "../../../src/core/ranking.js";
// @ts-expect-error: a plain .mjs bench helper, without types
import { realisticFunctions } from "../../../bench/lib.mjs";

const items = (realisticFunctions(2 * BLOCK_SIZE + 100) as Rankable[]).slice();
const shown = (rs: ReturnType<FunctionIndex<Rankable>["search"]>) =>
  rs.map((r) => [r.item.name, r.score, r.nameIndexes.join(",")].join(" "));

describe("FunctionIndex before and after startIndexing", () => {
  it("makes no snapshots for the list or its empty query until started, then all of them", () => {
    const index = new FunctionIndex(items);
    expect(index.search("").length).toBe(items.length);
    expect(index.indexedBlocks).toBe(0);
    index.startIndexing();
    expect(index.indexedBlocks).toBe(2);
  });

  it("indexes each block that fills after the start as it fills", () => {
    const index = new FunctionIndex(items.slice(0, BLOCK_SIZE - 10));
    index.startIndexing();
    expect(index.indexedBlocks).toBe(0);
    const grown = index.add(items.slice(BLOCK_SIZE - 10, BLOCK_SIZE + 5));
    expect(grown.indexedBlocks).toBe(1);
  });

  it("a query searched before the start makes what it needs and ranks as after it", () => {
    const started = new FunctionIndex(items);
    started.startIndexing();
    for (const query of ["pay", "orders api", "python ledger", "zzzz"]) {
      const cold = new FunctionIndex(items);
      expect(shown(cold.search(query)), query).toEqual(shown(started.search(query)));
      expect(cold.indexedBlocks).toBe(2);
    }
  });
});
