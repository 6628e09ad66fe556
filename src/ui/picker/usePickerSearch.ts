// Runs the picker's due search after the frame that shows the typed query, so a key over a
// long list is answered at once and its matches follow. The search goes a few blocks of the
// list at a time, giving way to keys between slices; a newer key stops it. Results that come
// back for an older query, list or usage are dropped by the reducer.
import { useEffect } from "react";
import { traceEvent, tracing } from "../../state/trace.js";
import { searchDue, type PickerAction, type PickerState } from "./pickerReducer.js";
import type { PickerStore } from "./pickerStore.js";

/**
 * Longest slice of searching between chances for a key to be read: half a 60 Hz frame, so a
 * key that comes mid-search still has its frame on the next refresh or the one after.
 */
const SLICE_MS = 8;

/**
 * The due search of `state`, run from an effect: after the commit that shows the query, so
 * Ink has written that frame before the first slice (a search started at the key would take
 * its first slice ahead of React's render of the key).
 */
export function usePickerSearch(state: PickerState, store: PickerStore): void {
  const due = searchDue(state);
  const { query, index, usage } = state;
  useEffect(() => {
    if (!due) return;
    return searchLater({ query, index, usage }, store);
  }, [due, query, index, usage, store]);
}

/** Goes on with the search the key began for `state`'s query, or starts it; the answer stops it. */
function searchLater(state: Pick<PickerState, "query" | "index" | "usage">, store: PickerStore): () => void {
  const { query, index, usage } = state;
  const dispatch: (a: PickerAction) => void = store.dispatch;
  const steps = store.takeBegun(query, index, usage) ?? index.searchSteps(query, usage);
  let id: NodeJS.Immediate;
  const slice = () => {
    const end = performance.now() + SLICE_MS;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        if (tracing) traceEvent("matches");
        dispatch({ type: "results", query, index, usage, results: step.value });
        return;
      }
      if (performance.now() >= end) break;
    }
    id = setImmediate(slice);
  };
  // setImmediate, not a microtask: Ink writes the committed frame first.
  id = setImmediate(slice);
  return () => {
    clearImmediate(id);
    void steps.return([]);
  };
}
