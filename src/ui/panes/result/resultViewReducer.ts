// How the result pane's three views (the response, Invoke's tail, the complete CloudWatch log)
// are being looked at: which one has the keys, where each is scrolled, wrap and timestamps, and
// the search. Pure and independent of the lines themselves: actions carry the highest line a
// view can start at (the hook measures it, wrapped lines and all), and the hook finds matches,
// so every state is reachable in a test.

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
  /** The user chose `active` (h / l) for this invocation: nothing else may change it. */
  picked: boolean;
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
  /** The pane gave `view` the keys (a complete log arrived): not the user's pick. */
  | { type: "show"; view: ViewId }
  /** `max`: the highest first line, the one that shows the view's last line. */
  | { type: "scroll"; delta: number; max: number }
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
  | { type: "found"; query: string; match: number | null; max: number; notice?: string }
  | { type: "notice"; notice: string | null };

const AT_TOP: ViewScroll = { top: 0, pinned: false };

export const initialResultView: ResultViewState = {
  active: "response",
  picked: false,
  // The complete log starts at its top, where START is: that is where an invocation's story starts.
  scroll: { response: AT_TOP, tail: AT_TOP, complete: AT_TOP },
  // Log lines carry request ids, REPORT metrics and error JSON past any pane's width: they are
  // read wrapped, and w cuts them when a screenful of lines matters more.
  wrap: true,
  timestamps: false,
  search: { editing: false, draft: "", query: "", match: null },
  notice: null,
};

/** The view is where a new invocation put it: the user has not scrolled it (a new object then). */
export function untouched(scroll: ViewScroll): boolean {
  return scroll === AT_TOP;
}

function setScroll(state: ResultViewState, scroll: ViewScroll): ResultViewState {
  return { ...state, scroll: { ...state.scroll, [state.active]: scroll } };
}

export function resultViewReducer(state: ResultViewState, action: ResultViewAction): ResultViewState {
  const current = state.scroll[state.active];
  switch (action.type) {
    case "reset":
      // A new invocation: back to the top of every view; wrap and timestamps are preferences,
      // kept, and so is the view, though a long complete log may take over once it arrives.
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
      return { ...state, active, picked: true, search: { ...state.search, match: null }, notice: null };
    }
    case "show":
      if (action.view === state.active) return state;
      return { ...state, active: action.view, search: { ...state.search, match: null } };
    case "scroll": {
      // Scrolling from the pinned bottom starts from where the view actually is.
      const max = Math.max(0, action.max);
      const from = current.pinned ? max : Math.min(current.top, max);
      const top = Math.min(max, Math.max(0, from + action.delta));
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
      const top = Math.min(Math.max(0, action.max), Math.max(0, action.match - 2));
      return { ...setScroll(state, { top, pinned: false }), search, notice };
    }
    case "notice":
      return { ...state, notice: action.notice };
  }
}
