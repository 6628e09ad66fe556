// The history pane's state: the entries (newest first), the fuzzy filter, the selection and the
// scroll window, plus what the pane shows over its list (a qualifier chooser, a replay's diff)
// and the entry opened in the payload pane.
// A history can hold 100,000 entries: the unfiltered list is never copied into a newest-first
// array or into per-row objects; positions are mapped onto the index (oldest first) instead,
// and only the filtered list holds positions of its own.
import { moveTarget, type ListMove } from "../../list/listMoves.js";
import type { HistoryRecord, HistorySummary } from "../../../core/history-record.js";
import type { HistoryIndexEntry } from "../../../state/history-store.js";
import type { ResponseDiff } from "../../../core/response-diff.js";
import type { QualifierOption } from "../payload/qualifierReducer.js";
import { diffLines } from "./diffLines.js";
import { filterRows } from "./historyFilter.js";

export { functionLabel, statusLabel } from "./historyFilter.js";

/** An entry: from the file's index (with where it is), or recorded in this session. */
export type HistoryRow = HistorySummary | HistoryIndexEntry;

export type LoadStatus = "loading" | "ready" | "failed";

export type HistoryOverlay =
  | { kind: "choose"; entry: HistoryRow; options: readonly QualifierOption[]; cursor: number }
  | {
      kind: "diff";
      original: HistoryRow;
      qualifier: string | null;
      /** The replay's summary once it answered. */
      replay: HistoryRow | null;
      diff: ResponseDiff | null;
      /** Why there is no diff (the replay failed), or null. */
      message: string | null;
      scroll: number;
    };

/** An opened entry, shown in the payload pane in place of the editor until the user leaves it. */
export interface ShownRecord {
  record: HistoryRecord;
  /** The first line of its payload on screen. */
  top: number;
}

export interface HistoryState {
  status: LoadStatus;
  /** Oldest first, as in the file; the pane shows them the other way round. */
  rows: readonly HistoryRow[];
  /** Older entries in the file not read yet: they are read as the list is scrolled or filtered. */
  more: boolean;
  /** "2 damaged records skipped (lines 3, 9)", or null. */
  damaged: string | null;
  /** Why the history could not be read, or null. */
  loadError: string | null;
  /** Why the last record could not be written, or null. */
  writeError: string | null;
  /** What the last action could not do (an entry that could not be read), or null. */
  notice: string | null;
  query: string;
  filtering: boolean;
  /** Indexes into `rows` of the entries matching the query, newest first; null when unfiltered. */
  matches: readonly number[] | null;
  selected: number;
  scroll: number;
  /** Rows of the list that fit on screen (at least 1). */
  height: number;
  overlay: HistoryOverlay | null;
  shown: ShownRecord | null;
}

export type HistoryAction =
  /** The newest entries from the file (oldest first); `more` when older ones are still to read. */
  | { type: "loaded"; rows: readonly HistoryRow[]; damaged: string | null; more?: boolean }
  /** Older entries from the file (oldest first), read as the list was scrolled or filtered. */
  | { type: "older"; rows: readonly HistoryRow[]; damaged: string | null; more: boolean }
  | { type: "loadFailed"; message: string }
  /** An invocation recorded in this session. */
  | { type: "added"; row: HistoryRow }
  | { type: "writeFailed"; message: string | null }
  | { type: "notice"; message: string | null }
  | { type: "startFilter" }
  | { type: "type"; text: string }
  | { type: "backspace" }
  | { type: "stopFilter" }
  | { type: "acceptFilter" }
  | ListMove
  | { type: "resize"; height: number }
  | { type: "choose"; entry: HistoryRow; options: readonly QualifierOption[] }
  | { type: "chooseMove"; delta: number }
  | { type: "replaying"; original: HistoryRow; qualifier: string | null }
  | { type: "replayed"; replay: HistoryRow | null; diff: ResponseDiff | null; message: string | null }
  | { type: "scrollDiff"; delta: number }
  | { type: "closeOverlay" }
  /** An entry opened (null: the user left it). */
  | { type: "show"; record: HistoryRecord | null }
  /** `max`: the last first line that still fills the view, from the view's size. */
  | { type: "scrollShown"; to: number; max: number };

export function initialHistoryState(): HistoryState {
  return {
    status: "loading",
    rows: [],
    more: false,
    damaged: null,
    loadError: null,
    writeError: null,
    notice: null,
    query: "",
    filtering: false,
    matches: null,
    selected: 0,
    scroll: 0,
    height: 5,
    overlay: null,
    shown: null,
  };
}

/** Entries shown with the current filter. */
export function shownCount(s: HistoryState): number {
  return s.matches ? s.matches.length : s.rows.length;
}

/** The entry shown at `position` (0 is the newest shown), or null. */
export function rowAt(s: HistoryState, position: number): HistoryRow | null {
  if (position < 0) return null;
  const i = s.matches ? s.matches[position] : s.rows.length - 1 - position;
  return i === undefined ? null : (s.rows[i] ?? null);
}

export function selectedRow(s: HistoryState): HistoryRow | null {
  return rowAt(s, s.selected);
}

/** Selection clamped to the shown entries, and the window moved just enough to show it. */
function place(s: HistoryState, selected: number): HistoryState {
  const count = shownCount(s);
  const rows = Math.max(1, s.height);
  const sel = count === 0 ? 0 : Math.min(Math.max(0, Math.trunc(selected) || 0), count - 1);
  let scroll = Math.min(s.scroll, sel);
  if (sel >= scroll + rows) scroll = sel - rows + 1;
  scroll = Math.max(0, Math.min(scroll, count - rows));
  if (sel === s.selected && scroll === s.scroll) return s;
  return { ...s, selected: sel, scroll };
}

/** The position of `row` among the shown entries, or -1. */
function positionOf(s: HistoryState, row: HistoryRow | null): number {
  if (!row) return -1;
  if (!s.matches) {
    const i = s.rows.lastIndexOf(row);
    return i < 0 ? -1 : s.rows.length - 1 - i;
  }
  const i = s.rows.indexOf(row);
  return s.matches.indexOf(i);
}

function requery(s: HistoryState, query: string): HistoryState {
  return place({ ...s, query, matches: filterRows(s.rows, query), scroll: 0 }, 0);
}

export function historyReducer(s: HistoryState, a: HistoryAction): HistoryState {
  switch (a.type) {
    case "loaded": {
      // Invocations recorded while the file was loading may be in it already: keep one of each.
      const session = new Set(s.rows.map((r) => r.id));
      const fromFile = session.size ? a.rows.filter((r) => !session.has(r.id)) : a.rows;
      const rows = s.rows.length ? [...fromFile, ...s.rows] : fromFile;
      const more = a.more ?? false;
      const next = { ...s, status: "ready" as const, rows, more, damaged: a.damaged, loadError: null };
      return place({ ...next, matches: filterRows(rows, s.query) }, 0);
    }
    case "older": {
      // Positions count from the newest, so the selection stays on its entry without a filter.
      const keep = selectedRow(s);
      const rows = [...a.rows, ...s.rows];
      const next = {
        ...s,
        rows,
        more: a.more,
        damaged: a.damaged ?? s.damaged,
        matches: filterRows(rows, s.query),
      };
      const at = positionOf(next, keep);
      return place(next, at < 0 ? s.selected : at);
    }
    case "loadFailed":
      return { ...s, status: "failed", loadError: a.message };
    case "added": {
      const keep = s.selected > 0 ? selectedRow(s) : null;
      const rows = [...s.rows, a.row];
      const next = { ...s, rows, matches: filterRows(rows, s.query) };
      const at = positionOf(next, keep);
      return place(next, at < 0 ? s.selected : at);
    }
    case "writeFailed":
      return a.message === s.writeError ? s : { ...s, writeError: a.message };
    case "notice":
      return a.message === s.notice ? s : { ...s, notice: a.message };
    case "startFilter":
      return s.filtering ? s : { ...s, filtering: true };
    case "type":
      if (!a.text) return s;
      return requery({ ...s, filtering: true }, s.query + a.text);
    case "backspace":
      if (s.query === "") return s.filtering ? { ...s, filtering: false } : s;
      return requery(s, Array.from(s.query).slice(0, -1).join(""));
    case "stopFilter": {
      if (s.query === "") return s.filtering ? { ...s, filtering: false } : s;
      // Back to every entry, still on the one the filter led to.
      const keep = selectedRow(s);
      const next = { ...s, filtering: false, query: "", matches: null };
      return place(next, Math.max(0, positionOf(next, keep)));
    }
    case "acceptFilter":
      return s.filtering ? { ...s, filtering: false } : s;
    case "move":
    case "page":
    case "top":
    case "bottom":
      return place(s, moveTarget(s.selected, a, s.height, shownCount(s)));
    case "resize": {
      const height = Math.max(1, Math.trunc(a.height) || 1);
      return height === s.height ? s : place({ ...s, height }, s.selected);
    }
    case "choose": {
      // New options (versions and aliases arriving) keep the cursor where it was.
      const o = s.overlay?.kind === "choose" && s.overlay.entry === a.entry ? s.overlay : null;
      const cursor = o ? Math.min(o.cursor, Math.max(0, a.options.length - 1)) : 0;
      return { ...s, overlay: { kind: "choose", entry: a.entry, options: a.options, cursor } };
    }
    case "chooseMove": {
      const o = s.overlay;
      if (o?.kind !== "choose") return s;
      const cursor = Math.min(o.options.length - 1, Math.max(0, o.cursor + a.delta));
      return { ...s, overlay: { ...o, cursor } };
    }
    case "replaying":
      return {
        ...s,
        overlay: {
          kind: "diff",
          original: a.original,
          qualifier: a.qualifier,
          replay: null,
          diff: null,
          message: null,
          scroll: 0,
        },
      };
    case "replayed": {
      const o = s.overlay;
      if (o?.kind !== "diff") return s;
      return { ...s, overlay: { ...o, replay: a.replay, diff: a.diff, message: a.message } };
    }
    case "scrollDiff": {
      const o = s.overlay;
      if (o?.kind !== "diff") return s;
      // Past the last line, a key up would first have to undo every extra key down.
      const last = Math.max(0, diffLines(o).length - s.height);
      const scroll = Math.min(last, Math.max(0, o.scroll + a.delta));
      return scroll === o.scroll ? s : { ...s, overlay: { ...o, scroll } };
    }
    case "closeOverlay":
      return s.overlay ? { ...s, overlay: null } : s;
    case "show":
      if (!a.record) return s.shown ? { ...s, shown: null } : s;
      return { ...s, shown: { record: a.record, top: 0 } };
    case "scrollShown": {
      if (!s.shown) return s;
      const top = Math.max(0, Math.min(Math.trunc(a.to) || 0, a.max));
      return top === s.shown.top ? s : { ...s, shown: { ...s.shown, top } };
    }
  }
}
