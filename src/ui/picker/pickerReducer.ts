// The function picker's state: the list, the filter and the selection, with the scroll window
// kept here so the view only draws what this says is visible.
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
  | ListMove
  | { type: "resize"; rows: number };

const EMPTY_USAGE: ReadonlyMap<string, Usage> = new Map();

export function initialPickerState(): PickerState {
  return {
    items: [],
    index: new FunctionIndex<FunctionSummary>([]),
    usage: EMPTY_USAGE,
    loading: true,
    query: "",
    filtering: false,
    results: [],
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

/**
 * Results for the state's query, with the selection on `keep` when it is still listed, and
 * otherwise at the same position (clamped).
 */
function rerank(s: PickerState, keep: string | null): PickerState {
  const results = s.index.search(s.query, s.usage);
  const at = keep === null ? -1 : results.findIndex((r) => r.item.name === keep);
  return place({ ...s, results }, at === -1 ? s.selected : at);
}

/** A new query: the best match is selected. */
function requery(s: PickerState, query: string): PickerState {
  return place({ ...s, query, results: s.index.search(query, s.usage), scroll: 0 }, 0);
}

export function pickerReducer(s: PickerState, a: PickerAction): PickerState {
  switch (a.type) {
    case "items": {
      if (a.items === s.items) return a.loading === s.loading ? s : { ...s, loading: a.loading };
      const keep = selectedFunction(s)?.name ?? null;
      return rerank({ ...s, items: a.items, index: new FunctionIndex(a.items), loading: a.loading }, keep);
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
      // Back to the whole list, still on the function the filter led to.
      return rerank({ ...s, filtering: false, query: "" }, selectedFunction(s)?.name ?? null);
    case "acceptFilter":
      return s.filtering ? { ...s, filtering: false } : s;
    case "move":
    case "page":
    case "top":
    case "bottom":
      return place(s, moveTarget(s.selected, a, s.rows, s.results.length));
    case "resize":
      return place({ ...s, rows: Math.max(1, Math.trunc(a.rows) || 1) }, s.selected);
  }
}
