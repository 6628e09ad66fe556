// Where the result pane's parts go, from its inner size: the summary rows on top, then the
// response, then the two logs side by side when there is room (one view at a time, switched
// with h / l, when there is not). Pure; the pane and the key handler both use it, so paging
// moves by the rows actually shown.
import type { InvocationState } from "../../invocation/invocationReducer.js";
import type { ResultViewState, ViewId } from "./resultViewReducer.js";
import { summaryLines, type SummaryLine } from "./summaryLines.js";

export interface ViewBox {
  view: ViewId;
  width: number;
  /** Rows including the view's label row. */
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

/** Both logs side by side need this many columns (each then gets about 48); narrower panes show one view at a time. */
export const SIDE_BY_SIDE_WIDTH = 96;
const GAP = 1;

export function resultLayout(
  width: number,
  height: number,
  summaryCount: number,
  active: ViewId,
  statusRow: boolean,
  /** Lines the response has: a short one takes only its rows, leaving the rest to the logs. */
  responseLines = 1,
): ResultLayout {
  const status = statusRow && height >= 4;
  const room = Math.max(0, height - (status ? 1 : 0));
  // The summary keeps at most a third of the room once there is a body to show below it.
  const summaryRows = Math.min(summaryCount, room < 6 ? room : Math.max(2, Math.floor(room / 3)));
  const rest = room - summaryRows;
  if (rest < 2) return { summaryRows, rows: [], statusRow: status, tabs: false };
  if (width >= SIDE_BY_SIDE_WIDTH && rest >= 10) {
    const want = headerRows(width) + Math.max(1, responseLines);
    const response = Math.max(3, Math.min(want, Math.floor(rest * 0.35)));
    const tail = Math.floor((width - GAP) / 2);
    return {
      summaryRows,
      statusRow: status,
      tabs: false,
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
  return {
    summaryRows,
    statusRow: status,
    tabs,
    rows: [[{ view: active, width, height: rest - (tabs ? 1 : 0) }]],
  };
}

/** A view narrower than this puts its state on a second label row, under its title and position. */
export const ONE_LABEL_ROW_WIDTH = 90;

/** The label rows of a view `width` columns wide. */
export function headerRows(width: number): number {
  return width >= ONE_LABEL_ROW_WIDTH ? 1 : 2;
}

/** The text rows of `view` (its box less the label), or 0 when it is not shown. */
export function viewRowsOf(l: ResultLayout, view: ViewId): { rows: number; width: number } {
  for (const row of l.rows)
    for (const b of row)
      if (b.view === view) return { rows: Math.max(0, b.height - headerRows(b.width)), width: b.width };
  return { rows: 0, width: 0 };
}

export const VIEW_GAP = GAP;

/** The summary and the layout of the whole pane, as the pane draws it and the keys page it. */
export function resultPaneLayout(
  state: InvocationState,
  view: ResultViewState,
  now: number,
  width: number,
  height: number,
  responseLines?: number,
): { summary: SummaryLine[]; layout: ResultLayout } {
  const summary = summaryLines(state, now, Math.max(2, Math.floor(height / 6)));
  const status = view.search.editing || view.notice !== null;
  if (state.phase === "idle")
    return {
      summary,
      layout: { summaryRows: Math.min(summary.length, height), rows: [], statusRow: false, tabs: false },
    };
  return { summary, layout: resultLayout(width, height, summary.length, view.active, status, responseLines) };
}
