import { describe, expect, it, vi } from "vitest";
import { handlePickerKey, pickerScopes } from "../../../src/ui/picker/pickerKeys.js";
import {
  initialPickerState,
  pickerReducer,
  searchDue,
  selectedFunction,
  type PickerAction,
  type PickerState,
} from "../../../src/ui/picker/pickerReducer.js";
import { fns } from "./functions.js";
import { press as keyPress, RAW } from "../../helpers/keys.js";
import type { FunctionSummary } from "../../../src/core/model.js";

/** Feeds one key press to the picker; the state after, what was dispatched, and what was chosen. */
function press(s: PickerState, raw: string) {
  const actions: PickerAction[] = [];
  const chosen: FunctionSummary[] = [];
  const consumed = handlePickerKey(
    s,
    (a) => actions.push(a),
    ...keyPress(raw),
    (f) => chosen.push(f),
  );
  return { consumed, actions, chosen, state: actions.reduce(pickerReducer, s) };
}

const list = () =>
  pickerReducer(initialPickerState(), {
    type: "items",
    items: fns("alpha", "bravo", "quux"),
    loading: false,
  });
const filtering = (query = "") => pickerReducer(list(), { type: "startFilter", text: query });

describe("pickerScopes", () => {
  it("is the filter while filtering, else the picker", () => {
    expect(pickerScopes(list())).toEqual(["picker"]);
    expect(pickerScopes(filtering())).toEqual(["filter"]);
  });
});

describe("handlePickerKey, not filtering", () => {
  it("starts the filter with a typed character", () => {
    const r = press(list(), "b");
    expect(r.consumed).toBe(true);
    expect(r.actions).toEqual([{ type: "startFilter", text: "b" }]);
    expect(r.state).toMatchObject({ filtering: true, query: "b" });
  });

  it("starts the filter with pasted text", () => {
    expect(press(list(), "\u001b[200~qux\u001b[201~").actions).toEqual([
      { type: "startFilter", text: "qux" },
    ]);
  });

  it("starts an empty filter with /", () => {
    const r = press(list(), "/");
    expect(r.actions).toEqual([{ type: "startFilter" }]);
    expect(r.state).toMatchObject({ filtering: true, query: "" });
  });

  it.each(["q", "?", "1", "2", "3", "4"])("leaves the global key %s to the app", (input) => {
    const r = press(list(), input);
    expect(r.consumed).toBe(false);
    expect(r.actions).toEqual([]);
  });

  it("leaves reload (r) to the app", () => {
    expect(press(list(), "r")).toMatchObject({ consumed: false, actions: [] });
  });

  it.each([
    ["j", { type: "move", delta: 1 }],
    ["k", { type: "move", delta: -1 }],
    [RAW.down, { type: "move", delta: 1 }],
    [RAW.up, { type: "move", delta: -1 }],
    [RAW.pgdn, { type: "page", delta: 1 }],
    [RAW.pgup, { type: "page", delta: -1 }],
    ["g", { type: "top" }],
    ["G", { type: "bottom" }],
    [RAW.home, { type: "top" }],
    [RAW.end, { type: "bottom" }],
  ] as const)("moves with %j", (raw, action) => {
    const r = press(list(), raw);
    expect(r.consumed).toBe(true);
    expect(r.actions).toEqual([action]);
  });

  it("chooses the selected function with Enter", () => {
    const s = pickerReducer(list(), { type: "move", delta: 1 });
    const r = press(s, RAW.enter);
    expect(r.consumed).toBe(true);
    expect(r.chosen.map((f) => f.name)).toEqual(["bravo"]);
  });

  it("consumes Enter on an empty list without choosing", () => {
    const r = press(initialPickerState(), RAW.enter);
    expect(r).toMatchObject({ consumed: true, chosen: [] });
  });

  it("clears an applied filter with Escape, and otherwise leaves Escape to the app", () => {
    const applied = pickerReducer(filtering("al"), { type: "acceptFilter" });
    const r = press(applied, RAW.esc);
    expect(r.consumed).toBe(true);
    expect(r.state).toMatchObject({ query: "", filtering: false });
    expect(press(list(), RAW.esc).consumed).toBe(false);
  });

  it("leaves Tab and Ctrl keys to the app", () => {
    expect(press(list(), RAW.tab).consumed).toBe(false);
    expect(press(list(), RAW.ctrl("c")).consumed).toBe(false);
    expect(press(list(), "\u001b[1;3C").consumed).toBe(false);
  });
});

describe("handlePickerKey, filtering", () => {
  it.each(["q", "?", "j", "k", "g", "G", "r", "/", "1", "4", " "])("types %s into the query", (input) => {
    const r = press(filtering("a"), input);
    expect(r.consumed).toBe(true);
    expect(r.actions).toEqual([{ type: "type", text: input }]);
    expect(r.state.query).toBe(`a${input}`);
  });

  it("deletes with Backspace, and leaves the filter on an empty query", () => {
    const r = press(filtering("ab"), RAW.backspace);
    expect(r.state).toMatchObject({ query: "a", filtering: true });
    const empty = press(filtering(), RAW.backspace);
    expect(empty.state.filtering).toBe(false);
  });

  it("accepts and chooses the selected function with Enter", () => {
    const r = press(filtering("qu"), RAW.enter);
    expect(r.consumed).toBe(true);
    expect(r.actions).toEqual([{ type: "acceptFilter" }]);
    expect(r.chosen.map((f) => f.name)).toEqual(["quux"]);
    expect(r.state).toMatchObject({ filtering: false, query: "qu" });
  });

  it("chooses the match of the query typed, not the earlier rows still shown", () => {
    // A list too long to search in the key's frame: its search has not come back, the rows on
    // screen are the whole list, alpha selected.
    const typed = pickerReducer({ ...list(), searchInKeyFrameUpTo: 0 }, { type: "startFilter", text: "qu" });
    expect(searchDue(typed)).toBe(true);
    expect(selectedFunction(typed)?.name).toBe("alpha");
    expect(press(typed, RAW.enter).chosen.map((f) => f.name)).toEqual(["quux"]);
  });

  it("accepts without choosing when nothing matches", () => {
    const r = press(filtering("zzz"), RAW.enter);
    expect(r).toMatchObject({ consumed: true, chosen: [] });
  });

  it("stops the filter with Escape", () => {
    const r = press(filtering("al"), RAW.esc);
    expect(r.actions).toEqual([{ type: "stopFilter" }]);
    expect(r.state).toMatchObject({ filtering: false, query: "" });
  });

  it("still moves with the arrow keys", () => {
    expect(press(filtering(), RAW.down).actions).toEqual([{ type: "move", delta: 1 }]);
    expect(press(filtering(), RAW.up).actions).toEqual([{ type: "move", delta: -1 }]);
    expect(press(filtering(), RAW.pgdn).actions).toEqual([{ type: "page", delta: 1 }]);
  });

  it("leaves Tab and Ctrl+C to the app", () => {
    const onChoose = vi.fn();
    expect(handlePickerKey(filtering(), () => {}, ...keyPress(RAW.tab), onChoose)).toBe(false);
    expect(handlePickerKey(filtering(), () => {}, ...keyPress(RAW.ctrl("c")), onChoose)).toBe(false);
    expect(onChoose).not.toHaveBeenCalled();
  });
});
