// The function list's state and the function chosen from it: the picker (its filter and the
// ranking by recent use), the chosen function with its versions and aliases, and the qualifier
// it is invoked on.
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { Clients } from "../../aws/clients.js";
import type { UsageScope } from "../../state/usage.js";
import type { FunctionSummary } from "../../core/model.js";
import { useFunctionDetails, type FunctionDetails } from "../hooks/useFunctionDetails.js";
import type { FunctionList } from "../hooks/useFunctionList.js";
import {
  initialQualifierState,
  qualifierReducer,
  type QualifierAction,
  type QualifierState,
} from "../panes/payload/qualifierReducer.js";
import { initialPickerState, pickerReducer } from "../picker/pickerReducer.js";
import { PickerStore } from "../picker/pickerStore.js";
import { deferred } from "./deferred.js";

export interface FunctionChoice {
  /**
   * The picker's state, kept out of this hook's (and so the App's) renders: the functions pane
   * subscribes to it, key handlers read it with get() and dispatch into it.
   */
  picker: PickerStore;
  chosen: FunctionSummary | null;
  details: FunctionDetails;
  qualifier: QualifierState;
  dispatchQualifier: (a: QualifierAction) => void;
  /** The version or alias chooser is open in the payload pane. */
  qualifierOpen: boolean;
  setQualifierOpen: (open: boolean) => void;
  /** `qualifier`: choose it too, once the function's versions and aliases list it. */
  choose: (name: string, qualifier?: string | null) => void;
  /** Nothing chosen (another endpoint). */
  clear: () => void;
}

export function useFunctionChoice(
  clients: Clients | null,
  /** What usage is kept under (the built-in sandbox by its folder, not its port). */
  scope: UsageScope | null,
  list: FunctionList,
  pickerRows: number,
): FunctionChoice {
  // With the list start-up already has (cached, or its first page), so the first frame shows it.
  const [picker] = useState(
    () =>
      new PickerStore(
        pickerReducer(initialPickerState(), { type: "items", items: list.items, loading: list.loading }),
      ),
  );
  const dispatchPicker = picker.dispatch;
  const [qualifier, dispatchQualifier] = useReducer(qualifierReducer, undefined, initialQualifierState);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [qualifierOpen, setQualifierOpen] = useState(false);

  useEffect(() => {
    dispatchPicker({ type: "items", items: list.items, loading: list.loading });
    // Effects run once the frame is out: the search index is prepared in idle time from here
    // on, not before the first frame (FunctionIndex.startIndexing).
    picker.get().index.startIndexing();
  }, [dispatchPicker, picker, list.items, list.loading]);
  useEffect(() => {
    dispatchPicker({ type: "resize", rows: pickerRows });
  }, [dispatchPicker, pickerRows]);
  // Functions invoked recently and often come first in the unfiltered list.
  useEffect(() => {
    if (!scope) return;
    let live = true;
    void deferred("usage").then(({ readUsage }) =>
      readUsage(scope).then((usage) => {
        if (live) dispatchPicker({ type: "usage", usage });
      }),
    );
    return () => {
      live = false;
    };
  }, [dispatchPicker, scope]);

  const chosen = useMemo(
    () => list.items.find((f) => f.name === chosenName) ?? null,
    [list.items, chosenName],
  );
  const details = useFunctionDetails(clients, chosenName);
  useEffect(() => {
    dispatchQualifier({ type: "options", versions: details.versions, aliases: details.aliases });
  }, [details.versions, details.aliases]);

  const choose = useCallback(
    (name: string, want: string | null = null) => {
      // The same function again keeps its versions and aliases (they are not fetched again).
      if (name !== chosenName) dispatchQualifier({ type: "reset" });
      if (want) dispatchQualifier({ type: "want", qualifier: want });
      setChosenName(name);
      setQualifierOpen(false);
    },
    [chosenName],
  );
  const clear = useCallback(() => setChosenName(null), []);
  return {
    picker,
    chosen,
    details,
    qualifier,
    dispatchQualifier,
    qualifierOpen,
    setQualifierOpen,
    choose,
    clear,
  };
}
