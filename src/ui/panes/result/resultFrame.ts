// The result pane as it stands at a size: the summary's rows, where each view goes, which view
// has the keys, and the lines each view shows. The pane draws from it and the keys move by it,
// so a key always acts on what is on screen. Pure.
import type { LogLines } from "../../../core/log-display.js";
import type { TailInfo } from "../../../core/tail-mark.js";
import type { InvocationState } from "./invocationReducer.js";
import type { BodyLines } from "./bodyLines.js";
import { boxOf, resultLayout, textRowsOf, type ResultLayout, type ViewBox } from "./resultLayout.js";
import { untouched, type ResultViewState, type ViewId } from "./resultViewReducer.js";
import { summaryLines, summaryRows, type SummaryLine } from "./summaryLines.js";
import { bottomTop, textWidthOf, viewRows, type ViewWindow } from "./viewRows.js";

export interface ResultLines {
  response: BodyLines | null;
  tail: LogLines | null;
  complete: LogLines | null;
  tailInfo: TailInfo;
}

export interface ResultFrame {
  /** The summary as rows already wrapped to the width; `layout.summaryRows` of them show. */
  summary: SummaryLine[];
  layout: ResultLayout;
  /** The view the keys act on. */
  active: ViewId;
}

/** Event times are a log's: the response has none, and a gutter would only indent it. */
function timestampsIn(view: ResultViewState, id: ViewId): boolean {
  return view.timestamps && id !== "response";
}

/** The lines view `id` shows in `box`, scrolled as `view` says. */
export function viewWindow(
  text: LogLines | BodyLines,
  view: ResultViewState,
  id: ViewId,
  box: ViewBox,
  isActive: boolean,
): ViewWindow {
  const scroll = view.scroll[id];
  return viewRows(text, {
    top: scroll.top,
    pinned: scroll.pinned,
    rows: textRowsOf(box),
    width: box.width,
    wrap: view.wrap,
    timestamps: timestampsIn(view, id),
    query: view.search.query,
    match: isActive ? view.search.match : null,
  });
}

/**
 * The view as drawn: while an invocation's lines come live, a log the user has not scrolled
 * follows its newest line (it opens at START again once the complete log is there).
 */
export function liveView(view: ResultViewState, state: InvocationState): ResultViewState {
  if (state.logs.phase !== "live" || !untouched(view.scroll.complete)) return view;
  return { ...view, scroll: { ...view.scroll, complete: { top: 0, pinned: true } } };
}

/** The highest first line view `id` can scroll to in `box`: the one that shows the last line. */
export function scrollMax(
  text: LogLines | BodyLines,
  view: ResultViewState,
  id: ViewId,
  box: ViewBox,
): number {
  const rows = Math.max(1, textRowsOf(box));
  return bottomTop(text, rows, textWidthOf(box.width, timestampsIn(view, id)), view.wrap);
}

/**
 * The view that has the keys. Until the user picks one for this invocation, the log takes them
 * while the function runs and its lines come, and a complete log that does not fit takes them
 * when it arrives: reading it is what the pane is for.
 */
export function shownActive(
  view: ResultViewState,
  state: InvocationState,
  lines: ResultLines,
  layout: ResultLayout,
): ViewId {
  if (view.picked) return view.active;
  // While it runs, its lines as CloudWatch gets them are the thing to watch.
  if (state.phase === "running" && state.logs.phase === "live" && lines.complete) return "complete";
  // Seen in the logs (the Live view): its log is all there is; the response and tail are unknown.
  if (state.target?.seenInLogs && lines.complete) return "complete";
  if (state.logs.phase !== "complete" || !lines.complete) return view.active;
  const one = layout.rows.length === 1 && layout.rows[0]!.length === 1 ? layout.rows[0]![0]! : null;
  const box = boxOf(layout, "complete") ?? (one && { ...one, view: "complete" as const });
  return box && scrollMax(lines.complete, view, "complete", box) > 0 ? "complete" : view.active;
}

export function resultFrame(
  state: InvocationState,
  view: ResultViewState,
  lines: ResultLines,
  now: number,
  width: number,
  height: number,
): ResultFrame {
  const logical = summaryLines(state, now, Math.max(2, Math.floor(height / 6)));
  const summary = summaryRows(logical, width);
  if (state.phase === "idle") {
    const layout = { summaryRows: Math.min(summary.length, height), rows: [], statusRow: false, tabs: false };
    return { summary, layout, active: view.active };
  }
  const lead = logical.length ? summaryRows(logical.slice(0, 1), width).length : 0;
  const status = view.search.editing || view.notice !== null;
  const at = (active: ViewId) =>
    resultLayout(width, height, summary.length, active, status, lines.response?.count, lead);
  const layout = at(view.active);
  const active = shownActive(view, state, lines, layout);
  return { summary, layout: active === view.active ? layout : at(active), active };
}
