// Ranking of functions for the picker: fuzzy matching over name, description and runtime with
// the name dominating, and "recently and often used first" when nothing is typed. Pure apart
// from fuzzysort's internal caches, which never change a result.
import fuzzysort, { type SnapshotKey } from "fuzzysort";

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
/**
 * Least score for a match that needs the description: letters scattered over a sentence match
 * almost anything (~0.2-0.3), while a word or the start of one scores ~0.6 and up.
 */
export const SECONDARY_MIN = 0.35;

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

/** Everything searchable in one line, the name first so its match positions are its own. */
const allText = (f: Rankable): string => [f.name, f.runtime ?? "", f.description].filter(Boolean).join(" ");

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
  /**
   * Name, runtime and description as one line, for matches that need more than the name:
   * a word of the description, or "payments python" spread over two fields.
   */
  readonly #everything: SnapshotKey<T>;
  #alphabetical: readonly T[] | null = null;
  #byName: ReadonlyMap<string, T> | null = null;

  constructor(items: readonly T[]) {
    this.#items = items.slice();
    this.size = this.#items.length;
    // fuzzysort prepares snapshots in idle slices and finishes them on the first search, so a
    // list that grows page by page while loading does not pay for indexes nobody searches.
    this.#names = fuzzysort.snapshot(this.#items, { key: "name" });
    this.#everything = fuzzysort.snapshot(this.#items, { key: allText });
  }

  /**
   * Finishes indexing now rather than in idle time or during the first search; for callers
   * that want the cost up front (benchmarks, a long list just loaded).
   */
  prepare(): void {
    fuzzysort.go("", this.#names, { limit: 1 });
    fuzzysort.go("", this.#everything, { limit: 1 });
  }

  /**
   * Items for `query`, best first. Words that all match in the name score fully; a match that
   * needs the description or runtime counts half as much. Equal scores go to the more used
   * function, then by name. An empty query lists everything, used functions first, then by
   * name.
   */
  search(query: string, usage: ReadonlyMap<string, Usage> = new Map(), limit?: number): Ranked<T>[] {
    if (query.trim() === "") return this.#all(usage, limit ?? Infinity);
    const max = limit ?? DEFAULT_QUERY_LIMIT;
    if (max <= 0 || this.size === 0) return [];

    const hits = new Map<T, Hit<T>>();
    const names = fuzzysort.go(query, this.#names, { limit: max, threshold: ANY });
    // Result index arrays belong to fuzzysort's prepared targets and the next search overwrites
    // them: copy them out now.
    for (const r of names) hits.set(r.obj, { item: r.obj, nameIndexes: r.indexes.slice(), score: r.score });
    // When names alone fill the results with scores a half-weighted match can never reach, the
    // slower search over long descriptions is skipped: it could not change the outcome.
    const full = names.length >= max;
    const floor = full ? (names[names.length - 1]?.score ?? 0) : 0;
    if (!full || floor <= SECONDARY_WEIGHT) {
      const everything = fuzzysort.go(query, this.#everything, { limit: max, threshold: ANY });
      for (const r of everything) {
        if (r.score < SECONDARY_MIN) continue;
        const score = SECONDARY_WEIGHT * r.score;
        if (full && score < floor) continue;
        const hit = hits.get(r.obj);
        if (hit) hit.score = Math.max(hit.score, score);
        else {
          const nameLength = r.obj.name.length;
          const nameIndexes = r.indexes.filter((i) => i < nameLength);
          hits.set(r.obj, { item: r.obj, nameIndexes: nameIndexes.length ? nameIndexes : NO_INDEXES, score });
        }
      }
    }

    const frecency = usage.size > 0 ? frecencies(usage) : null;
    const ranked = [...hits.values()].sort(
      (a, b) =>
        b.score - a.score ||
        (frecency ? (frecency.get(b.item.name) ?? 0) - (frecency.get(a.item.name) ?? 0) : 0) ||
        byName(a.item.name, b.item.name),
    );
    if (ranked.length > max) ranked.length = max;
    return ranked;
  }

  #all(usage: ReadonlyMap<string, Usage>, limit: number): Ranked<T>[] {
    const out: Ranked<T>[] = [];
    if (limit <= 0) return out;
    this.#alphabetical ??= this.#items.slice().sort((a, b) => byName(a.name, b.name));
    const used = new Set<T>();
    if (usage.size > 0) {
      this.#byName ??= new Map(this.#items.map((f) => [f.name, f]));
      const lookup = this.#byName;
      const recent = [...frecencies(usage)].filter(([name]) => lookup.has(name));
      recent.sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
      for (const [name] of recent) {
        if (out.length >= limit) return out;
        const item = lookup.get(name) as T;
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
