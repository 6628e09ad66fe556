// Typing into the picker searches one index a key at a time: fuzzysort narrows a longer query to
// the rows the previous one matched, and the index keeps its latest queries' results for
// Backspace. Whatever was typed before, a query must rank as it does searched alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BLOCK_SIZE, FunctionIndex, type Rankable, type Usage } from "../../../src/core/ranking.js";
// @ts-expect-error: a plain .mjs bench helper, without types
import { realisticFunctions } from "../../../bench/lib.mjs";

// A full block and loose items after it: both kinds of search are typed into.
const items = (realisticFunctions(BLOCK_SIZE + 300) as Rankable[]).slice();
const usage: ReadonlyMap<string, Usage> = new Map(
  items.slice(0, 40).map((f, i) => [f.name, { count: i + 1, lastAt: 1_700_000_000_000 + i * 1000 }]),
);
const shown = (rs: ReturnType<FunctionIndex<Rankable>["search"]>) =>
  rs.map((r) => [r.item.name, r.score, r.nameIndexes.join(",")].join(" "));

const fresh = new Map<string, string[]>();
/** The query searched alone, on an index that has searched nothing else. */
const alone = (query: string) => {
  let r = fresh.get(query);
  if (!r) fresh.set(query, (r = shown(new FunctionIndex(items).search(query, usage))));
  return r;
};

describe("FunctionIndex, typed a key at a time", () => {
  it("ranks every query typed or erased as that query searched alone", () => {
    const edit = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(..."aeioprstdgl-x ".split("")) },
      { weight: 1, arbitrary: fc.constant("\b") },
    );
    const typed = new FunctionIndex(items);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let query = "";
        for (const e of edits) {
          query = e === "\b" ? query.slice(0, -1) : query + e;
          expect(shown(typed.search(query, usage)), JSON.stringify(query)).toEqual(alone(query));
        }
      }),
      { numRuns: 10 },
    );
  });

  it("ranks by a new usage, not by the one a kept result was ranked with", () => {
    const index = new FunctionIndex([
      { name: "b-x", description: "", runtime: null },
      { name: "a-x", description: "", runtime: null },
    ]);
    const bFirst = new Map([["b-x", { count: 3, lastAt: 1 }]]);
    expect(index.search("x", bFirst).map((r) => r.item.name)).toEqual(["b-x", "a-x"]);
    expect(index.search("x", new Map()).map((r) => r.item.name)).toEqual(["a-x", "b-x"]);
    expect(index.search("x", bFirst).map((r) => r.item.name)).toEqual(["b-x", "a-x"]);
  });

  it("gives each caller its own results array", () => {
    const index = new FunctionIndex(items);
    const first = index.search("pay", usage);
    const count = first.length;
    first.length = 0;
    expect(index.search("pay", usage)).toHaveLength(count);
  });
});
