// Keys of the function picker, read through the key table. While filtering, every printable
// character is text (q and ? included); otherwise picker commands apply, and a character no
// command claims starts the filter with it.
import type { Key } from "../input/keys.js";
import type { FunctionSummary } from "../../core/model.js";
import { commandFor, printable, type CommandId, type Scope } from "../keys/keymap.js";
import { selectedFunction, settled, type PickerAction, type PickerState } from "./pickerReducer.js";

export function pickerScopes(s: PickerState): Scope[] {
  return s.filtering ? ["filter"] : ["picker"];
}

const MOVES: Partial<Record<CommandId, PickerAction>> = {
  "list.up": { type: "move", delta: -1 },
  "list.down": { type: "move", delta: 1 },
  "list.pageUp": { type: "page", delta: -1 },
  "list.pageDown": { type: "page", delta: 1 },
  "list.top": { type: "top" },
  "list.bottom": { type: "bottom" },
};

function choose(s: PickerState, onChoose: (f: FunctionSummary) => void): void {
  // What is chosen is the match of the query typed, even before its deferred search is back.
  const f = selectedFunction(settled(s));
  if (f) onChoose(f);
}

/** Handles a key for the focused picker; true when it consumed the key. */
export function handlePickerKey(
  s: PickerState,
  dispatch: (a: PickerAction) => void,
  input: string,
  key: Key,
  onChoose: (f: FunctionSummary) => void,
): boolean {
  if (s.filtering) {
    const cmd = commandFor("filter", input, key);
    if (cmd === "filter.accept") {
      dispatch({ type: "acceptFilter" });
      choose(s, onChoose);
      return true;
    }
    if (cmd === "filter.cancel") {
      dispatch({ type: "stopFilter" });
      return true;
    }
    if (cmd === "filter.deleteBack") {
      dispatch({ type: "backspace" });
      return true;
    }
    const text = printable(input, key);
    if (text !== null) {
      dispatch({ type: "type", text });
      return true;
    }
    // Arrows, paging, Home and End still move; the letters bound to moves were typed above.
    const nav = commandFor("picker", input, key);
    const move = nav && MOVES[nav];
    if (move) dispatch(move);
    return !!move;
  }

  const cmd = commandFor("picker", input, key);
  const move = cmd && MOVES[cmd];
  if (move) {
    dispatch(move);
    return true;
  }
  if (cmd === "list.choose") {
    choose(s, onChoose);
    return true;
  }
  if (cmd === "picker.filter") {
    dispatch({ type: "startFilter" });
    return true;
  }
  // picker.reload: the app owns the list and reloads it.
  if (cmd !== null) return false;

  const global = commandFor("global", input, key);
  // Back, with a filter applied: drop the filter before anything else goes back.
  if (global === "app.back" && s.query !== "") {
    dispatch({ type: "stopFilter" });
    return true;
  }
  const text = printable(input, key);
  if (text !== null && global === null) {
    dispatch({ type: "startFilter", text });
    return true;
  }
  return false;
}
