import { describe, expect, it } from "vitest";
import {
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
