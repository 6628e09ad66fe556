// Ranking of functions for the picker: fuzzy matching over name, description and runtime with
// the name dominating, and "recently and often used first" when nothing is typed. Pure apart
// from fuzzysort's internal caches, which never change a result.
import fuzzysort, { type KeyResults, type Prepared, type SnapshotKey } from "fuzzysort";

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

/**
 * One function in the index, with where it stands in the list (results are cut to a view's
 * size). It is also the function's result for an empty query, which lists every function: made
 * once here and shared by every view and showing of the list, rather than 100,000 new results
 * each time a loading list is shown again (megabytes of garbage a showing).
 */
interface Entry<T> extends Ranked<T> {
  readonly at: number;
}

/**
 * An item past the last full block: searched as prepared targets until its block fills. It is
 * prepared on the first search after it came, so an item that goes into a block unsearched
 * (most of a long list loading) is prepared once, by the block.
 */
interface Loose<T> {
  entry: Entry<T>;
  name: Prepared | null;
  all: Prepared | null;
}

interface Block<T> {
  /** Names alone: most queries are decided here, and it is the cheap one to search. */
  names: SnapshotKey<Entry<T>>;
  /**
   * Name, runtime and description as one line, for matches that need more than the name:
   * a word of the description, or "payments python" spread over two fields.
   */
  everything: SnapshotKey<Entry<T>>;
}

/** A full block before its snapshots are made (see `Shelf.start`). */
type FrozenEntries<T> = readonly Entry<T>[];

/** A match of one query in one field: the entry, its score, and the matched positions (copied). */
interface Match<T> {
  entry: Entry<T>;
  score: number;
  indexes: readonly number[];
}

/**
 * Functions per frozen block. A list grows by pages of 50 while it loads: only the items past
 * the last full block are prepared one by one, and a block is indexed once, when it fills, so
 * adding a page costs the page (and now and then one block), never the whole list.
 */
export const BLOCK_SIZE = 4096;

/** Queries whose results an index keeps (a query typed and erased is a dozen). */
const RECENT_QUERIES = 32;

/**
 * What the indexes of one growing list share: its entries and their blocks. Indexes made from
 * each other by `add` are views of a shelf, each of its first `size` items.
 */
class Shelf<T extends Rankable> {
  readonly entries: Entry<T>[] = [];
  readonly #blocks: (Block<T> | FrozenEntries<T>)[] = [];
  /**
   * Whether blocks get their snapshots when they fill. Until the list's owner says to start
   * (after its first frame), a full block keeps only its entries: fuzzysort prepares a snapshot
   * in idle slices from the moment it is made, and on 10,000 cached functions those slices ran
   * before the explorer's first frame, holding it back. A search makes what it needs at once.
   */
  #started = false;
  loose: Loose<T>[] = [];
  /** First entry of each name, for usage (the name of a used function is all usage keeps). */
  readonly byName = new Map<string, Entry<T>>();
  /** Items prepared for searching so far (entries given to a block count again): work, for tests. */
  prepared = 0;

  push(items: readonly T[]): void {
    for (const item of items) {
      const entry: Entry<T> = { item, nameIndexes: NO_INDEXES, score: 0, at: this.entries.length };
      this.entries.push(entry);
      if (!this.byName.has(item.name)) this.byName.set(item.name, entry);
      this.loose.push({ entry, name: null, all: null });
      if (this.loose.length === BLOCK_SIZE) this.#freeze();
    }
  }

  /** The loose items, each prepared. */
  looseForSearch(): readonly Loose<T>[] {
    for (let i = this.loose.length - 1; i >= 0; i--) {
      const l = this.loose[i] as Loose<T>;
      if (l.name) break;
      l.name = fuzzysort.prepare(l.entry.item.name);
      l.all = fuzzysort.prepare(allText(l.entry.item));
      this.prepared++;
    }
    return this.loose;
  }

  #freeze(): void {
    const entries = this.loose.map((l) => l.entry);
    this.loose = [];
    this.#blocks.push(this.#started ? snapshots(entries) : entries);
    this.prepared += entries.length;
  }

  get blockCount(): number {
    return this.#blocks.length;
  }

  /** Blocks whose snapshots are made: the indexing begun, counted for tests. */
  get snapshotBlocks(): number {
    return this.#blocks.filter((b) => !isFrozen(b)).length;
  }

  /** Block `b`, its snapshots made now if they were not yet. */
  block(b: number): Block<T> {
    const block = this.#blocks[b] as Block<T> | FrozenEntries<T>;
    if (!isFrozen(block)) return block;
    const made = snapshots(block);
    this.#blocks[b] = made;
    return made;
  }

  /** Makes the blocks' snapshots (prepared in idle time from now) and each later block's as it fills. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    for (let b = 0; b < this.#blocks.length; b++) this.block(b);
  }
}

const isFrozen = <T>(b: Block<T> | FrozenEntries<T>): b is FrozenEntries<T> => Array.isArray(b);

// fuzzysort prepares snapshots in idle slices and finishes them on the first search, so a list
// that grows while loading does not pay for a block in one piece.
function snapshots<T extends Rankable>(entries: readonly Entry<T>[]): Block<T> {
  return {
    names: fuzzysort.snapshot(entries as Entry<T>[], { key: (e) => e.item.name }),
    everything: fuzzysort.snapshot(entries as Entry<T>[], { key: (e) => allText(e.item) }),
  };
}

export class FunctionIndex<T extends Rankable> {
  readonly size: number;
  readonly #shelf: Shelf<T>;
  #alphabetical: readonly Entry<T>[] | null = null;
  /** The view this one was made from by `add`, for its name order (merged, not sorted again). */
  #before: FunctionIndex<T> | null;
  /**
   * The latest queries' results, for `#recentUsage`: Backspace goes back to a query typed a
   * moment ago, and the filter cleared to the whole list, which on 100,000 functions cost
   * 12-80 ms a search again. A view's items never change, so its results stay true.
   */
  readonly #recent = new Map<string, readonly Ranked<T>[]>();
  #recentUsage: ReadonlyMap<string, Usage> | null = null;

  constructor(items: readonly T[], shelf?: Shelf<T>, before?: FunctionIndex<T>) {
    if (shelf) this.#shelf = shelf;
    else {
      this.#shelf = new Shelf<T>();
      this.#shelf.push(items);
    }
    this.size = shelf ? shelf.entries.length : items.length;
    this.#before = before ?? null;
  }

  /** Items prepared for searching since the list began: the indexing work, counted for tests. */
  get prepared(): number {
    return this.#shelf.prepared;
  }

  /** Full blocks of the list whose snapshots are made (fuzzysort indexes them): for tests. */
  get indexedBlocks(): number {
    return this.#shelf.snapshotBlocks;
  }

  /** The items in list order. */
  get items(): readonly T[] {
    // One array, not a slice and its map: read at each showing of a list while it loads.
    const entries = this.#shelf.entries;
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = (entries[i] as Entry<T>).item;
    return out;
  }

  /**
   * An index of these items and `more` after them. It shares this one's work: only `more` is
   * prepared. This index stays as it was (searches keep to its own items), so a state that
   * holds it does not change.
   */
  add(more: readonly T[]): FunctionIndex<T> {
    if (more.length === 0) return this;
    // Another index was made from this one already: the shelf holds its items past ours.
    if (this.#shelf.entries.length !== this.size) return new FunctionIndex([...this.items, ...more]);
    this.#shelf.push(more);
    return new FunctionIndex<T>([], this.#shelf, this);
  }

  /**
   * Finishes indexing now rather than in idle time or during the first search; for callers
   * that want the cost up front (benchmarks, a long list just loaded).
   */
  prepare(): void {
    for (let i = 0; i < this.#shelf.blockCount; i++) {
      const b = this.#shelf.block(i);
      fuzzysort.go("", b.names, { limit: 1 });
      fuzzysort.go("", b.everything, { limit: 1 });
    }
  }

  /**
   * Starts indexing the list in idle time, and each block as it fills from then on: for the
   * list's owner to call once its first frame is out. Before, a search indexes what it needs.
   */
  startIndexing(): void {
    this.#shelf.start();
  }

  /**
   * Matches of `query` in one field over every block and loose item of this view, best first,
   * at most `max`. Once `max` are in hand, later blocks only look for better ones.
   */
  *#matches(
    query: string,
    field: "names" | "everything",
    max: number,
    min: number,
  ): Generator<void, Match<T>[], void> {
    let out: Match<T>[] = [];
    let threshold = min;
    const keep = (results: KeyResults<Entry<T>> | KeyResults<Loose<T>>, loose: boolean) => {
      for (const r of results) {
        if (r.score < threshold) continue;
        const entry = loose ? (r.obj as Loose<T>).entry : (r.obj as Entry<T>);
        if (entry.at >= this.size) continue;
        // `indexes` is a sorted copy: the result's own array (the build's fuzzysort) or its
        // target's, which the next search overwrites (fuzzysort as published).
        out.push({ entry, score: r.score, indexes: r.indexes });
      }
      if (out.length > max) {
        out.sort((a, b) => b.score - a.score || a.entry.at - b.entry.at);
        out = out.slice(0, max);
        threshold = Math.max(threshold, out[out.length - 1]?.score ?? 0);
      }
    };
    const shelf = this.#shelf;
    const blocks = Math.min(shelf.blockCount, Math.ceil(this.size / BLOCK_SIZE));
    for (let b = 0; b < blocks; b++) {
      const block = shelf.block(b);
      keep(fuzzysort.go(query, block[field], { limit: max, threshold }), false);
      yield;
    }
    const loose =
      shelf.loose.length > 0 && shelf.loose[0]!.entry.at < this.size ? shelf.looseForSearch() : [];
    if (loose.length > 0)
      keep(
        fuzzysort.go(query, loose, { key: field === "names" ? "name" : "all", limit: max, threshold }),
        true,
      );
    out.sort((a, b) => b.score - a.score || a.entry.at - b.entry.at);
    if (out.length > max) out.length = max;
    return out;
  }

  /**
   * Items for `query`, best first. Words that all match in the name score fully; a match that
   * needs the description or runtime counts half as much. Equal scores go to the more used
   * function, then by name. An empty query lists everything, used functions first, then by
   * name.
   */
  search(query: string, usage: ReadonlyMap<string, Usage> = new Map(), limit?: number): Ranked<T>[] {
    const steps = this.searchSteps(query, usage, limit);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Whether `search(query, usage, limit)` would answer from the results kept, without searching. */
  knows(query: string, usage: ReadonlyMap<string, Usage>, limit?: number): boolean {
    return usage === this.#recentUsage && this.#recent.has(`${limit ?? ""}/${query}`);
  }

  /**
   * `search` a block at a time: each `next()` searches one block of the list, and the last
   * returns the results. A caller can give way between blocks (to a key) or stop.
   */
  *searchSteps(
    query: string,
    usage: ReadonlyMap<string, Usage> = new Map(),
    limit?: number,
  ): Generator<void, Ranked<T>[], void> {
    const key = `${limit ?? ""}/${query}`;
    if (usage !== this.#recentUsage) {
      this.#recent.clear();
      this.#recentUsage = usage;
    }
    const known = this.#recent.get(key);
    if (known) {
      // Most recent last, so the oldest is the one let go.
      this.#recent.delete(key);
      this.#recent.set(key, known);
      return known.slice();
    }
    const results = yield* this.#searchSteps(query, usage, limit);
    if (this.#recent.size >= RECENT_QUERIES) this.#recent.delete(this.#recent.keys().next().value as string);
    this.#recent.set(key, results.slice());
    return results;
  }

  *#searchSteps(
    query: string,
    usage: ReadonlyMap<string, Usage>,
    limit: number | undefined,
  ): Generator<void, Ranked<T>[], void> {
    if (query.trim() === "") return this.#all(usage, limit ?? Infinity);
    const max = limit ?? DEFAULT_QUERY_LIMIT;
    if (max <= 0 || this.size === 0) return [];

    const hits = new Map<Entry<T>, Hit<T>>();
    const names = yield* this.#matches(query, "names", max, ANY);
    for (const r of names) hits.set(r.entry, { item: r.entry.item, nameIndexes: r.indexes, score: r.score });
    // When names alone fill the results with scores a half-weighted match can never reach, the
    // slower search over long descriptions is skipped: it could not change the outcome.
    const full = names.length >= max;
    const floor = full ? (names[names.length - 1]?.score ?? 0) : 0;
    if (!full || floor <= SECONDARY_WEIGHT) {
      const everything = yield* this.#matches(query, "everything", max, SECONDARY_MIN);
      for (const r of everything) {
        const score = SECONDARY_WEIGHT * r.score;
        if (full && score < floor) continue;
        const hit = hits.get(r.entry);
        if (hit) hit.score = Math.max(hit.score, score);
        else {
          const nameLength = r.entry.item.name.length;
          const nameIndexes = r.indexes.filter((i) => i < nameLength);
          hits.set(r.entry, {
            item: r.entry.item,
            nameIndexes: nameIndexes.length ? nameIndexes : NO_INDEXES,
            score,
          });
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

  /** The view's entries by name; from the view before it, its entries merged with the new ones. */
  #byName(): readonly Entry<T>[] {
    if (this.#alphabetical) return this.#alphabetical;
    const before = this.#before;
    this.#before = null;
    const entries = this.#shelf.entries;
    if (before && before.#alphabetical) {
      const added = entries.slice(before.size, this.size);
      added.sort((a, b) => byName(a.item.name, b.item.name));
      this.#alphabetical = merge(before.#alphabetical, added);
    } else {
      this.#alphabetical = entries.slice(0, this.size).sort((a, b) => byName(a.item.name, b.item.name));
    }
    return this.#alphabetical;
  }

  #all(usage: ReadonlyMap<string, Usage>, limit: number): Ranked<T>[] {
    const out: Ranked<T>[] = [];
    if (limit <= 0) return out;
    const alphabetical = this.#byName();
    const used = new Set<T>();
    if (usage.size > 0) {
      const lookup = this.#shelf.byName;
      const recent = [...frecencies(usage)].filter(
        ([name]) => (lookup.get(name)?.at ?? Infinity) < this.size,
      );
      recent.sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
      for (const [name] of recent) {
        if (out.length >= limit) return out;
        const entry = lookup.get(name) as Entry<T>;
        used.add(entry.item);
        out.push(entry);
      }
    }
    for (const entry of alphabetical) {
      if (out.length >= limit) break;
      if (used.size > 0 && used.has(entry.item)) continue;
      out.push(entry);
    }
    return out;
  }
}

/** Two lists in name order as one, in name order (ties: `a` first). */
function merge<T extends Rankable>(a: readonly Entry<T>[], b: readonly Entry<T>[]): Entry<T>[] {
  const out = new Array<Entry<T>>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Entry<T>;
    const y = b[j] as Entry<T>;
    if (byName(y.item.name, x.item.name) < 0) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as Entry<T>;
  while (j < b.length) out[k++] = b[j++] as Entry<T>;
  return out;
}
