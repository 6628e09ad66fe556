// Runs the picker's due search after the frame that shows the typed query, so a key over a
// long list is answered at once and its matches follow. A newer key cancels a search not yet
// started; results that come back for an older query, list or usage are dropped by the reducer.
import { useEffect, type Dispatch } from "react";
import { traceEvent, tracing } from "../../state/trace.js";
import { searchDue, type PickerAction, type PickerState } from "./pickerReducer.js";

export function usePickerSearch(state: PickerState, dispatch: Dispatch<PickerAction>): void {
  const due = searchDue(state);
  const { query, index, usage } = state;
  useEffect(() => {
    if (!due) return;
    // setImmediate, not a microtask: Ink writes the committed frame first.
    const id = setImmediate(() => {
      const results = index.search(query, usage);
      if (tracing) traceEvent("matches");
      dispatch({ type: "results", query, index, usage, results });
    });
    return () => clearImmediate(id);
  }, [due, query, index, usage, dispatch]);
}
