// Where the result pane's parts go, from its inner size: the summary rows on top, then the
// response, then the two logs side by side when there is room (all three side by side on very
// wide panes; one view at a time, switched with h / l, when there is not). Pure; the pane and
// the key handler both use it, so paging moves by the rows actually shown.
import type { ViewId } from "./resultViewReducer.js";

export interface ViewBox {
  view: ViewId;
  width: number;
  /** Rows including the view's label rows. */
  height: number;
}

export interface ResultLayout {
  summaryRows: number;
  /** Rows of views, top to bottom; each row holds one view or several side by side. */
  rows: ViewBox[][];
  /** A bottom row for the search line or a notice. */
  statusRow: boolean;
  /** One view at a time: a row above it names all three (and the logs' state), the shown one marked. */
  tabs: boolean;
}

/**
 * Both logs side by side need this many columns (each then gets 44 or more, enough for a Text
 * log line's level and the start of its message); narrower panes show one view at a time.
 */
export const SIDE_BY_SIDE_WIDTH = 90;
/** All three views side by side, each about 60 columns, on panes this wide. */
export const THREE_COLUMNS_WIDTH = 180;
/** A view needs its label and one line of text. */
const MIN_VIEW = 2;
const GAP = 1;

/** How many of `count` summary rows to show in `room` rows, `lead` of them the first line's. */
export function summaryBudget(count: number, lead: number, room: number): number {
  // The summary wraps to as many rows as it needs, up to half the room, and gives way to the
  // views below it, but never below its first row: status, version, duration, FunctionError.
  const wanted = Math.min(count, Math.max(lead, Math.floor(room / 2)));
  const rows = Math.min(room, wanted, Math.max(Math.min(1, count), room - MIN_VIEW));
  // Too short for a view anyway: the summary may have every row.
  return room - rows < MIN_VIEW ? Math.min(count, room) : rows;
}

export function resultLayout(
  width: number,
  height: number,
  summaryCount: number,
  active: ViewId,
  statusRow: boolean,
  /** Lines the response has: a short one takes only its rows, leaving the rest to the logs. */
  responseLines = 1,
  /** Rows the summary's first line takes (wrapped); they are kept before any view. */
  summaryLead = 1,
): ResultLayout {
  const status = statusRow && height >= 4;
  const room = Math.max(0, height - (status ? 1 : 0));
  const summaryRows = summaryBudget(summaryCount, summaryLead, room);
  const rest = room - summaryRows;
  if (rest < MIN_VIEW) return { summaryRows, rows: [], statusRow: status, tabs: false };
  const base = { summaryRows, statusRow: status, tabs: false };
  if (width >= THREE_COLUMNS_WIDTH && rest >= 6) {
    const third = Math.floor((width - 2 * GAP) / 3);
    return {
      ...base,
      rows: [
        [
          { view: "response", width: third, height: rest },
          { view: "tail", width: third, height: rest },
          { view: "complete", width: width - 2 * GAP - 2 * third, height: rest },
        ],
      ],
    };
  }
  if (width >= SIDE_BY_SIDE_WIDTH && rest >= 8) {
    const want = headerRows(width) + Math.max(1, responseLines);
    const response = Math.max(3, Math.min(want, Math.floor(rest * 0.35)));
    const tail = Math.floor((width - GAP) / 2);
    return {
      ...base,
      rows: [
        [{ view: "response", width, height: response }],
        [
          { view: "tail", width: tail, height: rest - response },
          { view: "complete", width: width - GAP - tail, height: rest - response },
        ],
      ],
    };
  }
  const tabs = rest >= 4;
  return { ...base, tabs, rows: [[{ view: active, width, height: rest - (tabs ? 1 : 0) }]] };
}

/** A view narrower than this puts its state on a second label row, under its title and position. */
export const ONE_LABEL_ROW_WIDTH = 90;

/** The label rows of a view `width` columns wide and `height` rows high (a short one keeps one). */
export function headerRows(width: number, height = Infinity): number {
  return width >= ONE_LABEL_ROW_WIDTH || height < 5 ? 1 : 2;
}

/** The text rows of a view's box (its height less the label). */
export function textRowsOf(box: ViewBox): number {
  return Math.max(0, box.height - headerRows(box.width, box.height));
}

/** The box `view` is drawn in, or null when it is not shown. */
export function boxOf(l: ResultLayout, view: ViewId): ViewBox | null {
  for (const row of l.rows) for (const b of row) if (b.view === view) return b;
  return null;
}

/** The text rows of `view` (its box less the label), or 0 when it is not shown. */
export function viewRowsOf(l: ResultLayout, view: ViewId): { rows: number; width: number } {
  const b = boxOf(l, view);
  return b ? { rows: textRowsOf(b), width: b.width } : { rows: 0, width: 0 };
}

export const VIEW_GAP = GAP;
