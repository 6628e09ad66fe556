// How the result pane's three views (the response, Invoke's tail, the complete CloudWatch log)
// are being looked at: which one has the keys, where each is scrolled, wrap and timestamps, and
// the search. Pure and independent of the lines themselves: actions carry the line count and
// the rows a view shows, and the hook finds matches, so every state is reachable in a test.

export type ViewId = "response" | "tail" | "complete";
export const VIEWS: readonly ViewId[] = ["response", "tail", "complete"];

export interface ViewScroll {
  /** The first line shown. */
  top: number;
  /** Stuck to the last line, following it as lines arrive (`f`, or `G`). */
  pinned: boolean;
}

export interface ViewSearch {
  /** The `/` line is open and takes the keys. */
  editing: boolean;
  draft: string;
  /** The last search run (n / N repeat it). */
  query: string;
  /** The line of the current match in the active view. */
  match: number | null;
}

export interface ResultViewState {
  active: ViewId;
  scroll: Record<ViewId, ViewScroll>;
  wrap: boolean;
  timestamps: boolean;
  search: ViewSearch;
  /** What the last save, copy or search said. */
  notice: string | null;
}

export type ResultViewAction =
  | { type: "reset" }
  | { type: "view"; delta: 1 | -1 }
  | { type: "scroll"; delta: number; count: number; rows: number }
  | { type: "top" }
  | { type: "bottom" }
  | { type: "follow" }
  | { type: "wrap" }
  | { type: "timestamps" }
  | { type: "searchOpen" }
  | { type: "searchType"; text: string }
  | { type: "searchBack" }
  | { type: "searchCancel" }
  /** A search ran (the hook looked for `query`): `match` is the line found, or null. */
  | { type: "found"; query: string; match: number | null; count: number; rows: number; notice?: string }
  | { type: "notice"; notice: string | null };

const AT_TOP: ViewScroll = { top: 0, pinned: false };

export const initialResultView: ResultViewState = {
  active: "response",
  // The complete log starts at its top, where START is: that is where an invocation's story starts.
  scroll: { response: AT_TOP, tail: AT_TOP, complete: AT_TOP },
  wrap: false,
  timestamps: false,
  search: { editing: false, draft: "", query: "", match: null },
  notice: null,
};

/** The highest first line that still fills `rows` rows (no wrapping). */
export function maxTop(count: number, rows: number): number {
  return Math.max(0, count - Math.max(1, rows));
}

function setScroll(state: ResultViewState, scroll: ViewScroll): ResultViewState {
  return { ...state, scroll: { ...state.scroll, [state.active]: scroll } };
}

export function resultViewReducer(state: ResultViewState, action: ResultViewAction): ResultViewState {
  const current = state.scroll[state.active];
  switch (action.type) {
    case "reset":
      // A new invocation: back to the top of every view; wrap and timestamps are preferences, kept.
      return {
        ...initialResultView,
        active: state.active,
        wrap: state.wrap,
        timestamps: state.timestamps,
        search: { ...initialResultView.search, query: state.search.query },
      };
    case "view": {
      const i = VIEWS.indexOf(state.active);
      const active = VIEWS[(i + action.delta + VIEWS.length) % VIEWS.length]!;
      return { ...state, active, search: { ...state.search, match: null }, notice: null };
    }
    case "scroll": {
      // Scrolling from the pinned bottom starts from where the view actually is.
      const from = current.pinned ? maxTop(action.count, action.rows) : current.top;
      const top = Math.min(maxTop(action.count, action.rows), Math.max(0, from + action.delta));
      return setScroll(state, { top, pinned: false });
    }
    case "top":
      return setScroll(state, { top: 0, pinned: false });
    case "bottom":
      return setScroll(state, { top: current.top, pinned: true });
    case "follow":
      return setScroll(state, { top: current.top, pinned: !current.pinned });
    case "wrap":
      return { ...state, wrap: !state.wrap };
    case "timestamps":
      return { ...state, timestamps: !state.timestamps };
    case "searchOpen":
      return { ...state, search: { ...state.search, editing: true, draft: "" }, notice: null };
    case "searchType":
      return { ...state, search: { ...state.search, draft: state.search.draft + action.text } };
    case "searchBack":
      return { ...state, search: { ...state.search, draft: [...state.search.draft].slice(0, -1).join("") } };
    case "searchCancel":
      return { ...state, search: { ...state.search, editing: false, draft: "" } };
    case "found": {
      const search = { editing: false, draft: "", query: action.query, match: action.match };
      const notice =
        action.notice ?? (action.match === null && action.query ? `No match for "${action.query}"` : null);
      if (action.match === null) return { ...state, search, notice };
      // Show the match a few lines below the top, so what leads to it is visible too.
      const top = Math.min(maxTop(action.count, action.rows), Math.max(0, action.match - 2));
      return { ...setScroll(state, { top, pinned: false }), search, notice };
    }
    case "notice":
      return { ...state, notice: action.notice };
  }
}
