import { describe, expect, it } from "vitest";
import {
  BLOCK_SIZE,
  DEFAULT_QUERY_LIMIT,
  FunctionIndex,
  frecencies,
  type Rankable,
  type Usage,
} from "../../../src/core/ranking.js";
import { SAMPLE } from "../../ui/picker/functions.js";

const item = (name: string, description = "", runtime: string | null = "nodejs20.x"): Rankable => ({
  name,
  description,
  runtime,
});
const names = (rs: Array<{ item: Rankable }>) => rs.map((r) => r.item.name);
const DAY = 24 * 60 * 60 * 1000;

describe("FunctionIndex, fuzzy query", () => {
  const index = new FunctionIndex(SAMPLE);

  it("ranks a consonant abbreviation's function first", () => {
    const results = index.search("vrsnd");
    expect(results[0]?.item.name).toBe("versioned-greeter");
    expect(results[0]?.nameIndexes).toEqual([0, 2, 3, 6, 8]);
  });

  it("puts prefix and word-start matches first", () => {
    expect(names(index.search("slow"))).toEqual(expect.arrayContaining(["slow-logger", "slow-timeout"]));
    expect(names(index.search("slow")).slice(0, 2)).toEqual(["slow-logger", "slow-timeout"]);
    expect(index.search("orders")[0]?.item.name).toBe("orders-api");
    expect(index.search("pa")[0]?.item.name).toBe("payments-audit");
    expect(index.search("jl")[0]?.item.name).toBe("json-logger");
  });

  it("breaks ties by name", () => {
    const tie = new FunctionIndex([item("b-x"), item("c-x"), item("a-x")]);
    expect(names(tie.search("x"))).toEqual(["a-x", "b-x", "c-x"]);
  });

  it("ranks description and runtime matches below name matches", () => {
    const idx = new FunctionIndex([
      item("alpha", "processes gateway events"),
      item("gateway-proxy"),
      item("beta", "", "python3.12"),
      item("python-tools"),
    ]);
    expect(names(idx.search("gateway"))).toEqual(["gateway-proxy", "alpha"]);
    expect(names(idx.search("python"))).toEqual(["python-tools", "beta"]);
    const [name, desc] = idx.search("gateway");
    expect(desc!.score).toBeLessThan(name!.score);
    expect(desc!.nameIndexes).toEqual([]);
    expect(name!.nameIndexes).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("ignores letters scattered over a description", () => {
    // "thrower nodejs20.x Always fails: throws…" holds s…l…w, but nobody means that.
    expect(names(index.search("slw"))).toEqual(["slow-logger", "slow-timeout"]);
    expect(names(index.search("vrsnd"))).toEqual(["versioned-greeter"]);
  });

  it("finds a function by its description or runtime alone", () => {
    expect(index.search("gracefully")[0]?.item.name).toBe("handled-error");
    expect(index.search("python")[0]?.item.name).toBe("payments-audit");
  });

  it("matches words spread over name and runtime", () => {
    const idx = new FunctionIndex([
      item("payments-api", "", "nodejs20.x"),
      item("payments-job", "", "python3.12"),
    ]);
    const results = idx.search("payments python");
    expect(names(results)).toEqual(["payments-job"]);
    expect(results[0]?.nameIndexes).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("reports matched name positions in order", () => {
    const [r] = new FunctionIndex([item("orders-api")]).search("api");
    expect(r?.nameIndexes).toEqual([7, 8, 9]);
    expect(r!.score).toBeGreaterThan(0);
    expect(r!.score).toBeLessThanOrEqual(1);
  });

  it("returns nothing when nothing matches", () => {
    expect(index.search("zzzzq")).toEqual([]);
    expect(new FunctionIndex([]).search("a")).toEqual([]);
  });

  it("caps results at the limit, by default 500", () => {
    const big = new FunctionIndex(Array.from({ length: 700 }, (_, i) => item(`fn-${i}`)));
    expect(big.size).toBe(700);
    expect(big.search("fn")).toHaveLength(DEFAULT_QUERY_LIMIT);
    expect(big.search("fn", new Map(), 3)).toHaveLength(3);
    expect(big.search("fn", new Map(), 0)).toHaveLength(0);
  });

  it("gives the same answer when the query is retyped", () => {
    const first = names(index.search("logger"));
    index.search("log");
    index.search("lo");
    expect(names(index.search("logger"))).toEqual(first);
  });

  it("lets usage order otherwise equal matches", () => {
    const tie = new FunctionIndex([item("a-x"), item("b-x")]);
    const usage = new Map<string, Usage>([["b-x", { count: 3, lastAt: 1000 }]]);
    expect(names(tie.search("x", usage))).toEqual(["b-x", "a-x"]);
  });
});

describe("FunctionIndex, empty query", () => {
  const index = new FunctionIndex([
    item("delta"),
    item("alpha"),
    item("charlie"),
    item("bravo"),
    item("echo"),
  ]);

  it("lists everything by name without usage", () => {
    expect(names(index.search(""))).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
    expect(names(index.search("   "))).toEqual(["alpha", "bravo", "charlie", "delta", "echo"]);
    expect(index.search("").every((r) => r.nameIndexes.length === 0 && r.score === 0)).toBe(true);
  });

  it("lists used functions first, by frequency and recency", () => {
    const now = 1_700_000_000_000;
    const usage = new Map<string, Usage>([
      ["echo", { count: 1, lastAt: now }],
      ["delta", { count: 10, lastAt: now - 60_000 }],
      ["charlie", { count: 10, lastAt: now - 30 * DAY }], // much used, long ago
      ["gone", { count: 99, lastAt: now }], // no longer in the list
    ]);
    expect(names(index.search("", usage))).toEqual(["delta", "echo", "charlie", "alpha", "bravo"]);
  });

  it("applies the limit", () => {
    const usage = new Map<string, Usage>([["echo", { count: 1, lastAt: 5 }]]);
    expect(names(index.search("", usage, 2))).toEqual(["echo", "alpha"]);
    expect(index.search("", usage, 0)).toEqual([]);
  });
});

describe("frecencies", () => {
  it("decays with age relative to the newest use", () => {
    const f = frecencies(
      new Map([
        ["a", { count: 4, lastAt: 10 * DAY }],
        ["b", { count: 4, lastAt: 7 * DAY }],
        ["c", { count: 0, lastAt: 10 * DAY }],
      ]),
    );
    expect(f.get("a")).toBe(4);
    expect(f.get("b")).toBeCloseTo(2);
    expect(f.has("c")).toBe(false);
  });
});

describe("FunctionIndex, growing page by page", () => {
  const page = (from: number, count = 50): Rankable[] =>
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      return item(
        `svc-${n % 97}-job-${n}`,
        n % 3 ? `handles batch ${n % 11} of orders` : "",
        n % 2 ? "python3.12" : null,
      );
    });

  it("prepares a page of 50 added to 10,000 functions, not the 10,050", () => {
    const big = new FunctionIndex(page(0, 10_000));
    big.search("svc");
    const before = big.prepared;
    const grown = big.add(page(10_000));
    expect(grown.size).toBe(10_050);
    // 10,000 leaves the last block unfilled, so the page is prepared alone, by the next search.
    expect((10_000 % BLOCK_SIZE) + 50).toBeLessThan(BLOCK_SIZE);
    expect(grown.search("job-10010")[0]?.item.name).toBe("svc-19-job-10010");
    expect(grown.prepared - before).toBe(50);
  });

  it("prepares each function once while nobody searches, at most twice while someone does", () => {
    const total = 50 * Math.ceil((2 * BLOCK_SIZE + 500) / 50);
    let quiet = new FunctionIndex<Rankable>([]);
    let searched = new FunctionIndex<Rankable>([]);
    for (let n = 0; n < total; n += 50) {
      quiet = quiet.add(page(n));
      searched = searched.add(page(n));
      searched.search("job");
    }
    expect(quiet.size).toBe(total);
    // Only what filled a block: the rest waits for a search.
    expect(quiet.prepared).toBe(2 * BLOCK_SIZE);
    expect(searched.prepared).toBeLessThanOrEqual(2 * total);
  });

  it("answers as an index of the whole list does, across its blocks", () => {
    const all = page(0, BLOCK_SIZE + 700);
    let grown = new FunctionIndex<Rankable>([]);
    for (let n = 0; n < all.length; n += 50) grown = grown.add(all.slice(n, n + 50));
    const whole = new FunctionIndex(all);
    for (const q of ["svc-4", "job-41", "orders", "batch 7 python", "sj41"]) {
      const a = grown.search(q, new Map(), 40);
      const b = whole.search(q, new Map(), 40);
      expect(a.map((r) => [r.item.name, r.score])).toEqual(b.map((r) => [r.item.name, r.score]));
      expect(a.length).toBeGreaterThan(0);
    }
    expect(names(grown.search("")).slice(0, 3)).toEqual(names(whole.search("")).slice(0, 3));
  });

  it("searches a block at a time, ending with the results search gives", () => {
    const index = new FunctionIndex(page(0, 2 * BLOCK_SIZE + 10));
    const steps = index.searchSteps("orders", new Map(), 30);
    let yielded = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yielded++;
    // Names, then descriptions: a pause after each of the two blocks in each.
    expect(yielded).toBeGreaterThanOrEqual(2);
    expect(step.value.map((r) => r.item.name)).toEqual(names(index.search("orders", new Map(), 30)));
  });

  it("lists a list grown page by page whole, in order, with one result a function for every showing", () => {
    // Random page sizes and usage: the empty query over the grown index answers as one over the
    // whole list, and each showing hands out the same result objects, not new ones.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const all = page(0, BLOCK_SIZE + 900).concat([item("svc-1-job-1"), item("Z-upper"), item("é-accent")]);
    const usage = new Map<string, Usage>(
      all.filter(() => rand() < 0.01).map((f, i) => [f.name, { count: 1 + (i % 4), lastAt: i * DAY }]),
    );
    let grown = new FunctionIndex<Rankable>([]);
    let shown = grown.search("", usage);
    for (let n = 0; n < all.length;) {
      const size = 1 + Math.floor(rand() * 400);
      grown = grown.add(all.slice(n, n + size));
      n += size;
      const again = grown.search("", usage);
      const byItem = new Map(again.map((r) => [r.item, r]));
      for (const r of shown) expect(byItem.get(r.item)).toBe(r);
      shown = again;
    }
    const whole = new FunctionIndex(all).search("", usage);
    expect(shown.map((r) => [r.item, r.score, r.nameIndexes])).toEqual(
      whole.map((r) => [r.item, r.score, r.nameIndexes]),
    );
    expect(names(shown).slice(0, usage.size).sort()).toEqual([...usage.keys()].sort());
  });

  it("keeps an index as it was when another is made from it", () => {
    const small = new FunctionIndex(page(0, 100));
    const bigger = small.add(page(100));
    expect(small.size).toBe(100);
    expect(names(small.search("job-120"))).not.toContain("svc-23-job-120");
    expect(names(bigger.search("job-120"))).toContain("svc-23-job-120");
    expect(small.search("")).toHaveLength(100);
    // Made from the older index again: it does not see `bigger`'s functions.
    const other = small.add([item("other")]);
    expect(other.size).toBe(101);
    expect(names(other.search("job-120"))).not.toContain("svc-23-job-120");
  });
});
