// Ranking of functions for the picker: fuzzy matching over name, description and runtime with
// the name dominating, and "recently and often used first" when nothing is typed. Pure apart
// from fuzzysort's internal caches, which never change a result.
import fuzzysort, { type SnapshotKey, type SnapshotKeys } from "fuzzysort";

export interface Rankable {
  name: string;
  description: string;
  runtime: string | null;
}

/** Invocations of a function: how many, and the last one (epoch ms). */
export interface Usage {
  count: number;
  lastAt: number;
}

export interface Ranked<T> {
  item: T;
  /** Positions (UTF-16 indexes) of the matched characters in the name; empty when none. */
  nameIndexes: readonly number[];
  /** Match score, 0..1 (1 best); 0 for an empty query. */
  score: number;
}

/** A description or runtime match counts this much of an equally good name match. */
export const SECONDARY_WEIGHT = 0.5;
/** Most results a query returns unless told otherwise: nobody scrolls further. */
export const DEFAULT_QUERY_LIMIT = 500;
/** Usage loses half its weight every three days. */
const HALF_LIFE_MS = 3 * 24 * 60 * 60 * 1000;
/** Any match at all: consonant abbreviations ("vrsnd") score low but are what people type. */
const ANY = 0;

const NO_INDEXES: readonly number[] = Object.freeze([]);

/**
 * How strongly each used function is preferred: the count, decayed exponentially by age. Ages
 * are measured from the newest use rather than from "now": with exponential decay the order is
 * the same for any reference time, so the ranking stays a pure function of its inputs.
 */
export function frecencies(usage: ReadonlyMap<string, Usage>): Map<string, number> {
  let newest = -Infinity;
  for (const u of usage.values()) if (u.lastAt > newest) newest = u.lastAt;
  const out = new Map<string, number>();
  for (const [name, u] of usage) {
    if (!(u.count > 0)) continue;
    out.set(name, u.count * 2 ** ((u.lastAt - newest) / HALF_LIFE_MS));
  }
  return out;
}

// Plain code-unit order: stable across locales and far cheaper than localeCompare on 100,000 names.
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const runtimeOf = (f: Rankable): string | undefined => f.runtime ?? undefined;

interface Hit<T> {
  item: T;
  nameIndexes: readonly number[];
  score: number;
}

export class FunctionIndex<T extends Rankable> {
  readonly size: number;
  readonly #items: readonly T[];
  /** Names alone: most queries are decided here, and it is the cheap one to search. */
  readonly #names: SnapshotKey<T>;
  /** Description and runtime, searched only when they could still place in the results. */
  readonly #secondary: SnapshotKeys<T>;
  /** All three keys, for queries of several words that may match in different keys. */
  #combined: SnapshotKeys<T> | null = null;
  #alphabetical: readonly T[] | null = null;
  #byName: ReadonlyMap<string, T> | null = null;

  constructor(items: readonly T[]) {
    this.#items = items.slice();
    this.size = this.#items.length;
    // fuzzysort prepares snapshots in idle slices and finishes them on the first search, so a
    // list that grows page by page while loading does not pay for indexes nobody searches.
    this.#names = fuzzysort.snapshot(this.#items, { key: "name" });
    this.#secondary = fuzzysort.snapshot(this.#items, { keys: ["description", runtimeOf] });
  }

  /**
   * Finishes indexing now rather than in idle time or during the first search; for callers
   * that want the cost up front (benchmarks, a long list just loaded).
   */
  prepare(): void {
    fuzzysort.go("", this.#names, { limit: 1 });
    fuzzysort.go("", this.#secondary, { limit: 1 });
  }

  /**
   * Items for `query`, best first. A query matches name, description and runtime, the name
   * counting double; equal scores go to the more used function, then by name. An empty query
   * lists everything, used functions first, then by name.
   */
  search(query: string, usage: ReadonlyMap<string, Usage> = new Map(), limit?: number): Ranked<T>[] {
    if (query.trim() === "") return this.#all(usage, limit ?? Infinity);
    const max = limit ?? DEFAULT_QUERY_LIMIT;
    if (max <= 0 || this.size === 0) return [];
    const hits = /\s/.test(query.trim()) ? this.#searchWords(query, max) : this.#searchWord(query, max);
    const frecency = usage.size > 0 ? frecencies(usage) : null;
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        (frecency ? (frecency.get(b.item.name) ?? 0) - (frecency.get(a.item.name) ?? 0) : 0) ||
        byName(a.item.name, b.item.name),
    );
    if (hits.length > max) hits.length = max;
    return hits;
  }

  /**
   * One word: the best `max` names, then description and runtime matches that could beat the
   * weakest of them. When names alone fill the results with scores a weighted secondary match
   * can never reach, the (slow, long-text) secondary search is skipped altogether.
   */
  #searchWord(query: string, max: number): Hit<T>[] {
    const names = fuzzysort.go(query, this.#names, { limit: max, threshold: ANY });
    const hits = new Map<T, Hit<T>>();
    // Result index arrays belong to fuzzysort's prepared targets and the next search overwrites
    // them: copy them out now.
    for (const r of names) hits.set(r.obj, { item: r.obj, nameIndexes: r.indexes.slice(), score: r.score });
    const full = names.length >= max;
    const floor = full ? (names[names.length - 1]?.score ?? 0) : 0;
    if (SECONDARY_WEIGHT >= floor || !full) {
      const secondary = fuzzysort.go(query, this.#secondary, { limit: max, threshold: ANY });
      for (const r of secondary) {
        const score = SECONDARY_WEIGHT * r.score;
        if (full && score < floor) continue;
        const hit = hits.get(r.obj);
        if (hit) hit.score = Math.max(hit.score, score);
        // Not among the best names: the name may still match weakly, worth highlighting.
        else
          hits.set(r.obj, {
            item: r.obj,
            nameIndexes: full ? weakNameIndexes(query, r.obj.name) : NO_INDEXES,
            score,
          });
      }
    }
    return [...hits.values()];
  }

  /** Several words, each of which may match a different key ("payments python"). */
  #searchWords(query: string, max: number): Hit<T>[] {
    this.#combined ??= fuzzysort.snapshot(this.#items, { keys: ["name", "description", runtimeOf] });
    const results = fuzzysort.go(query, this.#combined, {
      limit: max,
      threshold: ANY,
      scoreFn: (r) =>
        Math.max(
          r[0]?.score ?? 0,
          SECONDARY_WEIGHT * (r[1]?.score ?? 0),
          SECONDARY_WEIGHT * (r[2]?.score ?? 0),
        ),
    });
    return results.map((r) => {
      const name = r[0];
      return {
        item: r.obj,
        nameIndexes: name && name.score > 0 ? name.indexes.slice() : NO_INDEXES,
        score: r.score,
      };
    });
  }

  #all(usage: ReadonlyMap<string, Usage>, limit: number): Ranked<T>[] {
    const out: Ranked<T>[] = [];
    if (limit <= 0) return out;
    this.#alphabetical ??= this.#items.slice().sort((a, b) => byName(a.name, b.name));
    const used = new Set<T>();
    if (usage.size > 0) {
      this.#byName ??= new Map(this.#items.map((f) => [f.name, f]));
      const byName_ = this.#byName;
      const recent = [...frecencies(usage)].filter(([name]) => byName_.has(name));
      recent.sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
      for (const [name] of recent) {
        if (out.length >= limit) return out;
        const item = byName_.get(name) as T;
        used.add(item);
        out.push({ item, nameIndexes: NO_INDEXES, score: 0 });
      }
    }
    for (const item of this.#alphabetical) {
      if (out.length >= limit) break;
      if (used.size > 0 && used.has(item)) continue;
      out.push({ item, nameIndexes: NO_INDEXES, score: 0 });
    }
    return out;
  }
}

function weakNameIndexes(query: string, name: string): readonly number[] {
  // prepare() rather than a bare string: fuzzysort caches bare strings for good.
  const r = fuzzysort.single(query, fuzzysort.prepare(name));
  return r ? r.indexes.slice() : NO_INDEXES;
}
