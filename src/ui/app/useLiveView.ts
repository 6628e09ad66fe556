// The Live view's place in the explorer (Ctrl+L): it follows the chosen function, or the one
// under the picker's cursor, in the history pane's place; an invocation opened from it closes
// an opened history entry and, stacked, brings the result to the front; r invokes again only
// the function whose draft the editor holds. The view's own keys and following are useLive's.
import { useEffect } from "react";
import type { Clients } from "../../aws/clients.js";
import { liveListRows } from "../panes/live/LivePane.js";
import { useLive, type Live } from "../panes/live/useLive.js";
import { selectedFunction } from "../picker/pickerReducer.js";
import type { FocusAction } from "./focus.js";
import type { PaneId } from "./layout.js";
import type { FunctionChoice } from "./useFunctionChoice.js";
import type { InvokeFlow } from "./useInvokeFlow.js";
import type { Session } from "./useSession.js";

export interface LiveViewOptions {
  clients: Clients | null;
  session: Session;
  choice: FunctionChoice;
  focus: PaneId;
  /** The panes are stacked: only the focused one shows whole. */
  stacked: boolean;
  /** The history pane's inner height, which the view takes. */
  height: number;
  dispatchFocus: (a: FocusAction) => void;
  /** r invokes the chosen function with the editor's draft. */
  flow: InvokeFlow;
}

export interface LiveView {
  live: Live;
  /** Opens the view on the chosen function (or the one under the picker's cursor). */
  startLive: () => void;
}

export function useLiveView(o: LiveViewOptions): LiveView {
  const { choice, dispatchFocus } = o;
  const live = useLive(o.clients, o.session.invocation, {
    opened: () => {
      // A history entry's recorded payload is not this invocation's.
      o.session.history.dispatch({ type: "show", record: null });
      if (o.stacked) dispatchFocus({ type: "focus", pane: "result" });
    },
    closed: () => dispatchFocus({ type: "back" }),
    replay: (name) => {
      // The draft is the chosen function's: another function's draft is not this one's payload.
      if (choice.chosen?.name !== name) {
        live.dispatch({
          type: "notice",
          notice: `Live follows ${name}: choose it in the functions list (1) to invoke it with its draft.`,
        });
        return false;
      }
      return o.flow.editor.invoke();
    },
  });
  const rows = liveListRows(live.state, o.height);
  const dispatchLive = live.dispatch;
  useEffect(() => dispatchLive({ type: "resize", height: rows }), [rows, dispatchLive]);
  const startLive = () => {
    const fn = choice.chosen ?? (o.focus === "functions" ? selectedFunction(choice.picker.get()) : null);
    if (!fn) return;
    // Already following it: back to its rows, which starting again would lose.
    if (live.state.functionName !== fn.name)
      live.start({ name: fn.name, logGroup: fn.logGroup, arn: fn.arn });
    dispatchFocus({ type: "focus", pane: "history" });
  };
  return { live, startLive };
}
