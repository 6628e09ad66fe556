// The function picker's state: the list, the filter and the selection, with the scroll window
// kept here so the view only draws what this says is visible. A typed key changes the query
// alone; its matches come in a "results" action once the search has run (usePickerSearch), so
// the key's frame never waits for the search over a long list.
import { moveTarget, type ListMove } from "../list/listMoves.js";
import type { FunctionSummary } from "../../core/model.js";
import { FunctionIndex, type Ranked, type Usage } from "../../core/ranking.js";

export interface PickerState {
  items: readonly FunctionSummary[];
  index: FunctionIndex<FunctionSummary>;
  usage: ReadonlyMap<string, Usage>;
  loading: boolean;
  query: string;
  filtering: boolean;
  results: readonly Ranked<FunctionSummary>[];
  /**
   * The query `results` are the matches of. When it is not `query`, a search is due and the
   * results on screen are an earlier query's.
   */
  searched: string;
  /** The function to keep selected when the due search's results come (else the best match). */
  keep: string | null;
  /**
   * Lists up to this size are searched in the key's own frame: a few milliseconds, and one frame
   * instead of the query's and then its matches' (Ink draws at most one every 16 ms). Longer
   * lists are searched after the frame that shows the query (usePickerSearch).
   */
  searchInKeyFrameUpTo: number;
  selected: number;
  scroll: number;
  /** Rows of the list that fit on screen (at least 1). */
  rows: number;
}

export type PickerAction =
  | { type: "items"; items: readonly FunctionSummary[]; loading: boolean }
  | { type: "usage"; usage: ReadonlyMap<string, Usage> }
  /** Enters filter mode, keeping the query so it can be refined; `text` is typed at once. */
  | { type: "startFilter"; text?: string }
  | { type: "type"; text: string }
  /** Deletes the last character; on an empty query, leaves filter mode. */
  | { type: "backspace" }
  /** Leaves filter mode and clears the query. */
  | { type: "stopFilter" }
  /** Leaves filter mode, keeping the query. */
  | { type: "acceptFilter" }
  /** A search's results; dropped unless they are for the state's query, list and usage. */
  | {
      type: "results";
      query: string;
      index: FunctionIndex<FunctionSummary>;
      usage: ReadonlyMap<string, Usage>;
      results: readonly Ranked<FunctionSummary>[];
    }
  | ListMove
  | { type: "resize"; rows: number };

const EMPTY_USAGE: ReadonlyMap<string, Usage> = new Map();

/**
 * See PickerState.searchInKeyFrameUpTo. A deferred search's matches can never come sooner than
 * Ink's frame interval (17 ms at 60 fps) after the query's frame, so the matches of a key over
 * a deferred list take 23 ms at the very least (38 ms median at 10,000, key-frame bench): too
 * late for the 16 ms a key's matches are due in. Searched in the key's own frame they come in
 * one frame, and the key costs one render instead of two. A search of 10,000 names is 2-3 ms of
 * CPU, of 20,000 about twice that (the search alone, as the build bundles fuzzysort); past that
 * the query's frame goes first, so a long list never holds a key back.
 */
export const SEARCH_IN_KEY_FRAME_UP_TO = 20_000;

export function initialPickerState(searchInKeyFrameUpTo = SEARCH_IN_KEY_FRAME_UP_TO): PickerState {
  return {
    searchInKeyFrameUpTo,
    items: [],
    index: new FunctionIndex<FunctionSummary>([]),
    usage: EMPTY_USAGE,
    loading: true,
    query: "",
    filtering: false,
    results: [],
    searched: "",
    keep: null,
    selected: 0,
    scroll: 0,
    rows: 10,
  };
}

export function selectedFunction(s: PickerState): FunctionSummary | null {
  return s.results[s.selected]?.item ?? null;
}

/** Selection clamped to the results, and the scroll window moved just enough to show it. */
function place(s: PickerState, selected: number): PickerState {
  const count = s.results.length;
  const rows = Math.max(1, s.rows);
  const sel = count === 0 ? 0 : Math.min(Math.max(0, Math.trunc(selected) || 0), count - 1);
  let scroll = Math.min(s.scroll, sel);
  if (sel >= scroll + rows) scroll = sel - rows + 1;
  // No empty rows below the last result while there are results above the window.
  scroll = Math.max(0, Math.min(scroll, count - rows));
  if (sel === s.selected && scroll === s.scroll && rows === s.rows) return s;
  return { ...s, selected: sel, scroll, rows };
}

/** A search for the query is due: the results shown are for an earlier one. */
export function searchDue(s: PickerState): boolean {
  return s.searched !== s.query;
}

/**
 * `results` (for the state's query) placed: the selection on `keep` when it is still listed,
 * otherwise on the best match for a new query, or at the same position (clamped).
 */
function withResults(
  s: PickerState,
  results: readonly Ranked<FunctionSummary>[],
  keep: string | null,
  newQuery: boolean,
): PickerState {
  const at = keep === null ? -1 : results.findIndex((r) => r.item.name === keep);
  const next = { ...s, results, searched: s.query, keep: null };
  if (at !== -1) return place(next, at);
  return newQuery ? place({ ...next, scroll: 0 }, 0) : place(next, s.selected);
}

/** Results for the state's query, searched now, the selection kept on `keep` when listed. */
function rerank(s: PickerState, keep: string | null): PickerState {
  const newQuery = searchDue(s);
  return withResults(s, s.index.search(s.query, s.usage), newQuery ? s.keep : keep, newQuery);
}

/**
 * The state with its due search done now: for what needs the matches of the query typed so
 * far (a move in them, choosing one) before the deferred search has come back.
 */
export function settled(s: PickerState): PickerState {
  return searchDue(s) ? rerank(s, null) : s;
}

/** A new query: its search is due; the best match will be selected, or `keep`. */
function requery(s: PickerState, query: string, keep: string | null = null): PickerState {
  if (query === s.searched) return { ...s, query, keep: null };
  const next = { ...s, query, keep };
  // Results kept for the query (Backspace, Esc back to the whole list) come in the key's frame.
  const now = s.index.size <= s.searchInKeyFrameUpTo || s.index.knows(query, s.usage);
  return now ? settled(next) : next;
}

/** The list `items` takes the place of `s.items`: by adding to the index when it only grew. */
function indexFor(s: PickerState, items: readonly FunctionSummary[]): FunctionIndex<FunctionSummary> {
  const before = s.items;
  if (items.length < before.length || before.length !== s.index.size) return new FunctionIndex(items);
  for (let i = 0; i < before.length; i++) if (items[i] !== before[i]) return new FunctionIndex(items);
  return s.index.add(items.slice(before.length));
}

export function pickerReducer(s: PickerState, a: PickerAction): PickerState {
  switch (a.type) {
    case "items": {
      if (a.items === s.items) return a.loading === s.loading ? s : { ...s, loading: a.loading };
      const keep = selectedFunction(s)?.name ?? null;
      return rerank({ ...s, items: a.items, index: indexFor(s, a.items), loading: a.loading }, keep);
    }
    case "usage":
      if (a.usage === s.usage) return s;
      return rerank({ ...s, usage: a.usage }, selectedFunction(s)?.name ?? null);
    case "startFilter": {
      const filtering = { ...s, filtering: true };
      return a.text ? requery(filtering, s.query + a.text) : filtering;
    }
    case "type":
      if (!a.text) return s.filtering ? s : { ...s, filtering: true };
      return requery({ ...s, filtering: true }, s.query + a.text);
    case "backspace":
      if (s.query === "") return s.filtering ? { ...s, filtering: false } : s;
      // By code point, so an emoji or other astral character goes in one press.
      return requery(s, Array.from(s.query).slice(0, -1).join(""));
    case "stopFilter":
      if (s.query === "") return s.filtering ? { ...s, filtering: false } : s;
      // Back to the whole list, still on the function selected on screen (not searching the
      // query typed last, which Escape is leaving).
      return requery({ ...s, filtering: false }, "", selectedFunction(s)?.name ?? null);
    case "acceptFilter":
      // Accepted to choose from: the matches of what was typed, not an earlier query's.
      return s.filtering ? { ...settled(s), filtering: false } : s;
    case "results":
      if (a.query !== s.query || a.index !== s.index || a.usage !== s.usage || !searchDue(s)) return s;
      return withResults(s, a.results, s.keep, true);
    case "move":
    case "page":
    case "top":
    case "bottom": {
      // A move is in the matches of the query typed, so their search is done first.
      const on = settled(s);
      return place(on, moveTarget(on.selected, a, on.rows, on.results.length));
    }
    case "resize":
      return place({ ...s, rows: Math.max(1, Math.trunc(a.rows) || 1) }, s.selected);
  }
}
