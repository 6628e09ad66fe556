// The focus stack: which overlay (help, the quit question) is in front, and the panes the user
// went through, the focused one last. Esc goes back down it, so leaving the result after an
// invoke returns to the payload that was invoked, not to the function list. A pure reducer:
// key routing, the footer and the layout all derive from this one state.
import { PANES, type PaneId } from "./layout.js";

export type Overlay = "help" | "confirmQuit";

export interface FocusState {
  /** Never empty; the function list at the bottom. */
  stack: readonly PaneId[];
  overlay: Overlay | null;
  /** The focused pane has the whole body. */
  zoomed: boolean;
}

export type FocusAction =
  | { type: "focus"; pane: PaneId }
  | { type: "cycle"; delta: 1 | -1 }
  | { type: "back" }
  | { type: "overlay"; overlay: Overlay | null }
  | { type: "zoom" };

export const initialFocus: FocusState = { stack: ["functions"], overlay: null, zoomed: false };

export function focusedPane(s: FocusState): PaneId {
  return s.stack[s.stack.length - 1]!;
}

/** `pane` on top: back to it when it is already on the stack, else on top of the rest. */
function focus(s: FocusState, pane: PaneId): FocusState {
  if (focusedPane(s) === pane) return s;
  const at = s.stack.indexOf(pane);
  const stack = at >= 0 ? s.stack.slice(0, at + 1) : [...s.stack, pane];
  // As in tmux: going to another pane leaves the zoom.
  return { ...s, stack, zoomed: false };
}

export function focusReducer(s: FocusState, a: FocusAction): FocusState {
  switch (a.type) {
    case "focus":
      return focus(s, a.pane);
    case "cycle": {
      const i = PANES.indexOf(focusedPane(s));
      return focus(s, PANES[(i + a.delta + PANES.length) % PANES.length]!);
    }
    case "back":
      if (s.zoomed) return { ...s, zoomed: false };
      return s.stack.length > 1 ? { ...s, stack: s.stack.slice(0, -1) } : s;
    case "overlay":
      return s.overlay === a.overlay ? s : { ...s, overlay: a.overlay };
    case "zoom":
      return { ...s, zoomed: !s.zoomed };
  }
}
