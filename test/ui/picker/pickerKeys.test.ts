import type { Key } from "ink";
import { describe, expect, it, vi } from "vitest";
import type { FunctionSummary } from "../../../src/aws/functions.js";
import { handlePickerKey, pickerScopes } from "../../../src/ui/picker/pickerKeys.js";
import {
  initialPickerState,
  pickerReducer,
  type PickerAction,
  type PickerState,
} from "../../../src/ui/picker/pickerReducer.js";
import { fns, key } from "./functions.js";

/** Feeds one key press to the picker; the state after, what was dispatched, and what was chosen. */
function press(s: PickerState, input: string, k: Partial<Key> = {}) {
  const actions: PickerAction[] = [];
  const chosen: FunctionSummary[] = [];
  const consumed = handlePickerKey(
    s,
    (a) => actions.push(a),
    input,
    key(k),
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
    expect(press(list(), "qux").actions).toEqual([{ type: "startFilter", text: "qux" }]);
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
    ["j", {}, { type: "move", delta: 1 }],
    ["k", {}, { type: "move", delta: -1 }],
    ["", { downArrow: true }, { type: "move", delta: 1 }],
    ["", { upArrow: true }, { type: "move", delta: -1 }],
    ["", { pageDown: true }, { type: "page", delta: 1 }],
    ["", { pageUp: true }, { type: "page", delta: -1 }],
    ["g", {}, { type: "top" }],
    ["G", { shift: true }, { type: "bottom" }],
    ["", { home: true }, { type: "top" }],
    ["", { end: true }, { type: "bottom" }],
  ] as const)("moves with %s %o", (input, k, action) => {
    const r = press(list(), input, k);
    expect(r.consumed).toBe(true);
    expect(r.actions).toEqual([action]);
  });

  it("chooses the selected function with Enter", () => {
    const s = pickerReducer(list(), { type: "move", delta: 1 });
    const r = press(s, "\r", { return: true });
    expect(r.consumed).toBe(true);
    expect(r.chosen.map((f) => f.name)).toEqual(["bravo"]);
  });

  it("consumes Enter on an empty list without choosing", () => {
    const r = press(initialPickerState(), "\r", { return: true });
    expect(r).toMatchObject({ consumed: true, chosen: [] });
  });

  it("clears an applied filter with Escape, and otherwise leaves Escape to the app", () => {
    const applied = pickerReducer(filtering("al"), { type: "acceptFilter" });
    const r = press(applied, "", { escape: true });
    expect(r.consumed).toBe(true);
    expect(r.state).toMatchObject({ query: "", filtering: false });
    expect(press(list(), "", { escape: true }).consumed).toBe(false);
  });

  it("leaves Tab and Ctrl keys to the app", () => {
    expect(press(list(), "", { tab: true }).consumed).toBe(false);
    expect(press(list(), "c", { ctrl: true }).consumed).toBe(false);
    expect(press(list(), "x", { meta: true }).consumed).toBe(false);
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
    const r = press(filtering("ab"), "", { backspace: true });
    expect(r.state).toMatchObject({ query: "a", filtering: true });
    const empty = press(filtering(), "", { backspace: true });
    expect(empty.state.filtering).toBe(false);
  });

  it("accepts and chooses the selected function with Enter", () => {
    const r = press(filtering("qu"), "\r", { return: true });
    expect(r.consumed).toBe(true);
    expect(r.actions).toEqual([{ type: "acceptFilter" }]);
    expect(r.chosen.map((f) => f.name)).toEqual(["quux"]);
    expect(r.state).toMatchObject({ filtering: false, query: "qu" });
  });

  it("accepts without choosing when nothing matches", () => {
    const r = press(filtering("zzz"), "\r", { return: true });
    expect(r).toMatchObject({ consumed: true, chosen: [] });
  });

  it("stops the filter with Escape", () => {
    const r = press(filtering("al"), "", { escape: true });
    expect(r.actions).toEqual([{ type: "stopFilter" }]);
    expect(r.state).toMatchObject({ filtering: false, query: "" });
  });

  it("still moves with the arrow keys", () => {
    expect(press(filtering(), "", { downArrow: true }).actions).toEqual([{ type: "move", delta: 1 }]);
    expect(press(filtering(), "", { upArrow: true }).actions).toEqual([{ type: "move", delta: -1 }]);
    expect(press(filtering(), "", { pageDown: true }).actions).toEqual([{ type: "page", delta: 1 }]);
  });

  it("leaves Tab and Ctrl+C to the app", () => {
    const onChoose = vi.fn();
    expect(handlePickerKey(filtering(), () => {}, "", key({ tab: true }), onChoose)).toBe(false);
    expect(handlePickerKey(filtering(), () => {}, "c", key({ ctrl: true }), onChoose)).toBe(false);
    expect(onChoose).not.toHaveBeenCalled();
  });
});
