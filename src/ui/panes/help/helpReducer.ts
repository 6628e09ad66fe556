// The `?` help's state: where it is scrolled to and what it is searched for. Moves carry the
// frame they happen in (how many rows there are and how many show), so the offset is always
// one the view can show.

export interface HelpState {
  /** The first body row shown. */
  offset: number;
  query: string;
  /** The search line has the keys. */
  editing: boolean;
}

export interface HelpFrame {
  total: number;
  rows: number;
}

export type HelpAction =
  | { type: "scroll"; delta: number; frame: HelpFrame }
  | { type: "top" }
  | { type: "bottom"; frame: HelpFrame }
  | { type: "startSearch" }
  | { type: "type"; text: string }
  | { type: "deleteBack" }
  /** Enter: the search line gives the keys back, its filter stays. */
  | { type: "acceptSearch" }
  /** Esc on the search line: the filter goes with it. */
  | { type: "clearSearch" }
  | { type: "reset" };

export const initialHelp: HelpState = { offset: 0, query: "", editing: false };

/** The largest offset that still fills the body (0 when everything fits). */
export function lastOffset(frame: HelpFrame): number {
  return Math.max(0, frame.total - frame.rows);
}

export function clampOffset(offset: number, frame: HelpFrame): number {
  return Math.min(Math.max(0, offset), lastOffset(frame));
}

export function helpReducer(state: HelpState, action: HelpAction): HelpState {
  switch (action.type) {
    case "scroll":
      // From where the view is, which a resize or a search may have moved below `offset`.
      return {
        ...state,
        offset: clampOffset(clampOffset(state.offset, action.frame) + action.delta, action.frame),
      };
    case "top":
      return { ...state, offset: 0 };
    case "bottom":
      return { ...state, offset: lastOffset(action.frame) };
    case "startSearch":
      return { ...state, editing: true };
    case "type":
      // A narrower list starts at its top: the matches may all sit above the old offset.
      return { ...state, query: state.query + action.text, offset: 0 };
    case "deleteBack":
      return { ...state, query: [...state.query].slice(0, -1).join(""), offset: 0 };
    case "acceptSearch":
      return { ...state, editing: false };
    case "clearSearch":
      return { ...state, query: "", editing: false, offset: 0 };
    case "reset":
      return initialHelp;
  }
}
