// The Live view's state: which function's log group is followed and how (live tail or
// polling), its invocations as rows (newest first), the cursor and the scroll window, and what
// to say (a missing log group, throttling, the payload of a replay being unknown). A pure
// reducer, so every state the view can show is reachable in a test.
import type { InvocationRow } from "../../../core/invocation-rows.js";
import { moveTarget, type ListMove } from "../../list/listMoves.js";

export type LivePath = "live tail" | "polling";

export interface LiveState {
  /** The function followed; null while the view is closed. */
  functionName: string | null;
  logGroup: string | null;
  /** Epoch ms the rows start from. */
  since: number;
  path: LivePath | null;
  rows: readonly InvocationRow[];
  /**
   * The selected invocation's request id. null follows the newest row: the cursor stays on top
   * as invocations come in, until the user moves it.
   */
  selected: string | null;
  /** The first row shown. */
  scroll: number;
  /** Rows the list has on screen. */
  height: number;
  /** What the view says above its rows (a missing group, throttling, a replay's payload). */
  notice: string | null;
  /** Following failed and stopped. */
  error: string | null;
}

export type LiveAction =
  | { type: "open"; functionName: string; logGroup: string; since: number }
  | { type: "close" }
  | { type: "path"; path: LivePath }
  | { type: "rows"; rows: readonly InvocationRow[] }
  | { type: "missingGroup" }
  | { type: "throttled"; waitMs: number }
  | { type: "failed"; message: string }
  | { type: "notice"; notice: string | null }
  | { type: "resize"; height: number }
  | ListMove;

export const initialLive: LiveState = {
  functionName: null,
  logGroup: null,
  since: 0,
  path: null,
  rows: [],
  selected: null,
  scroll: 0,
  height: 1,
  notice: null,
  error: null,
};

/** The index of the selected row (0, the newest, while following the top). */
export function selectedIndex(s: LiveState): number {
  if (s.selected === null) return 0;
  const i = s.rows.findIndex((r) => r.requestId === s.selected);
  return i < 0 ? 0 : i;
}

export function selectedLiveRow(s: LiveState): InvocationRow | null {
  return s.rows[selectedIndex(s)] ?? null;
}

/** The scroll that keeps row `i` in a window of `height` rows. */
function keepInView(scroll: number, i: number, height: number, count: number): number {
  const h = Math.max(1, height);
  let top = Math.min(scroll, i);
  if (i >= top + h) top = i - h + 1;
  return Math.max(0, Math.min(top, Math.max(0, count - h)));
}

/** `s` with the cursor on row `i`: the top row means following the newest again. */
function select(s: LiveState, i: number): LiveState {
  const count = s.rows.length;
  if (count === 0) return s;
  const at = Math.max(0, Math.min(count - 1, i));
  return {
    ...s,
    selected: at === 0 ? null : s.rows[at]!.requestId,
    scroll: keepInView(s.scroll, at, s.height, count),
  };
}

export function liveReducer(s: LiveState, a: LiveAction): LiveState {
  switch (a.type) {
    case "open":
      return {
        ...initialLive,
        height: s.height,
        functionName: a.functionName,
        logGroup: a.logGroup,
        since: a.since,
      };
    case "close":
      return { ...initialLive, height: s.height };
    case "path":
      return { ...s, path: a.path };
    case "rows": {
      const next = { ...s, rows: a.rows };
      // The selected invocation fell out of the kept rows: back to the newest.
      if (s.selected !== null && !a.rows.some((r) => r.requestId === s.selected)) next.selected = null;
      // A notice about the group missing or throttling is over once events come.
      if (a.rows.length > 0 && s.notice?.startsWith("Waiting")) next.notice = null;
      return { ...next, scroll: keepInView(next.scroll, selectedIndex(next), next.height, a.rows.length) };
    }
    case "missingGroup":
      return {
        ...s,
        notice: `Waiting for log group ${s.logGroup ?? ""}: it is created when the function first logs.`,
      };
    case "throttled":
      return {
        ...s,
        notice: `CloudWatch is throttling: next poll in ${Math.ceil(a.waitMs / 1000)} s.`,
      };
    case "failed":
      return { ...s, error: a.message };
    case "notice":
      return { ...s, notice: a.notice };
    case "resize":
      return {
        ...s,
        height: a.height,
        scroll: keepInView(s.scroll, selectedIndex(s), a.height, s.rows.length),
      };
    case "move":
    case "page":
    case "top":
    case "bottom":
      return select(s, moveTarget(selectedIndex(s), a, s.height, s.rows.length));
  }
}
