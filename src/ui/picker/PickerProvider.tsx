// The picker's state handed down to what draws it, from one subscription to its store: a key
// that changes it re-renders this provider, the picker, and the payload pane's details only
// when the function under the cursor is another, while the App and the panes between them bail
// out (their elements are the ones the App made last, so React skips them).
import { createContext, useContext, type ReactNode } from "react";
import type { FunctionSummary } from "../../core/model.js";
import { initialPickerState, selectedFunction, type PickerState } from "./pickerReducer.js";
import { usePickerState, type PickerStore } from "./pickerStore.js";
import { usePickerSearch } from "./usePickerSearch.js";

const PickerStateContext = createContext<PickerState>(initialPickerState());
const SelectedContext = createContext<FunctionSummary | null>(null);

const whole = (s: PickerState) => s;

export function PickerProvider({ store, children }: { store: PickerStore; children: ReactNode }) {
  const state = usePickerState(store, whole);
  // The matches of a typed query are searched after the frame that shows the query, when the
  // key's own frame had no time for them.
  usePickerSearch(state, store);
  return (
    <PickerStateContext.Provider value={state}>
      <SelectedContext.Provider value={selectedFunction(state)}>{children}</SelectedContext.Provider>
    </PickerStateContext.Provider>
  );
}

/** The picker's whole state: for the picker itself. */
export function usePickerContext(): PickerState {
  return useContext(PickerStateContext);
}

/** The function under the picker's cursor: re-renders the caller only when it is another. */
export function useSelectedFunction(): FunctionSummary | null {
  return useContext(SelectedContext);
}
