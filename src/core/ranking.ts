// Ranking of functions for the picker: fuzzy matching over name, description and runtime with
// the name dominating, and "recently and often used first" when nothing is typed. Pure apart
// from fuzzysort's internal caches, which never change a result.
import fuzzysort, { type SnapshotKeys } from "fuzzysort";

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
/** Most results a query returns unless told otherwise: more is never looked at. */
export const DEFAULT_QUERY_LIMIT = 500;
/** Usage loses half its weight every three days. */
const HALF_LIFE_MS = 3 * 24 * 60 * 60 * 1000;

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

export class FunctionIndex<T extends Rankable> {
  readonly size: number;
  readonly #items: readonly T[];
  readonly #snapshot: SnapshotKeys<T>;
  /** Items in name order, computed once for empty queries. */
  readonly #alphabetical: readonly T[];
  readonly #byName: ReadonlyMap<string, T>;

  constructor(items: readonly T[]) {
    this.#items = items.slice();
    this.size = this.#items.length;
    this.#snapshot = fuzzysort.snapshot(this.#items, {
      keys: ["name", "description", (f: T) => f.runtime ?? undefined],
    });
    // fuzzysort prepares a snapshot in idle slices; finish it now so the cost is paid here once
    // and no timer is left behind.
    fuzzysort.go("", this.#snapshot, { limit: 1 });
    this.#alphabetical = this.#items.slice().sort((a, b) => byName(a.name, b.name));
    this.#byName = new Map(this.#items.map((f) => [f.name, f]));
  }

  /**
   * Items for `query`, best first. A query matches name, description and runtime, the name
   * counting double; equal scores go to the more used function, then by name. An empty query
   * lists everything, used functions first.
   */
  search(query: string, usage: ReadonlyMap<string, Usage> = new Map(), limit?: number): Ranked<T>[] {
    if (query.trim() === "") return this.#all(usage, limit ?? Infinity);
    const max = limit ?? DEFAULT_QUERY_LIMIT;
    if (max <= 0 || this.size === 0) return [];
    const results = fuzzysort.go(query, this.#snapshot, {
      limit: max,
      // Any match at all: consonant abbreviations ("vrsnd") score low but are what people type.
      threshold: 0,
      scoreFn: (r) =>
        Math.max(
          r[0]?.score ?? 0,
          SECONDARY_WEIGHT * (r[1]?.score ?? 0),
          SECONDARY_WEIGHT * (r[2]?.score ?? 0),
        ),
    });
    const frecency = usage.size > 0 ? frecencies(usage) : null;
    // Results share their index arrays with fuzzysort's prepared targets, which the next search
    // overwrites: copy them out now.
    const ranked = results.map((r): Ranked<T> => {
      const name = r[0];
      return {
        item: r.obj,
        nameIndexes: name && name.score > 0 ? name.indexes.slice() : NO_INDEXES,
        score: r.score,
      };
    });
    return ranked.sort(
      (a, b) =>
        b.score - a.score ||
        (frecency ? (frecency.get(b.item.name) ?? 0) - (frecency.get(a.item.name) ?? 0) : 0) ||
        byName(a.item.name, b.item.name),
    );
  }

  #all(usage: ReadonlyMap<string, Usage>, limit: number): Ranked<T>[] {
    const out: Ranked<T>[] = [];
    if (limit <= 0) return out;
    const used = new Set<T>();
    if (usage.size > 0) {
      const frecency = frecencies(usage);
      const recent = [...frecency].filter(([name]) => this.#byName.has(name));
      recent.sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
      for (const [name] of recent) {
        if (out.length >= limit) return out;
        const item = this.#byName.get(name) as T;
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
