import { describe, expect, it } from "vitest";
import type { Usage } from "../../../src/core/ranking.js";
import {
  initialPickerState,
  pickerReducer,
  selectedFunction,
  type PickerAction,
  type PickerState,
} from "../../../src/ui/picker/pickerReducer.js";
import { fn, fns, many } from "./functions.js";

const run = (s: PickerState, ...actions: PickerAction[]) => actions.reduce(pickerReducer, s);
const loaded = (items = fns("alpha", "bravo", "charlie", "delta", "echo"), rows = 3) =>
  run(initialPickerState(), { type: "resize", rows }, { type: "items", items, loading: false });
const shown = (s: PickerState) => s.results.map((r) => r.item.name);
const current = (s: PickerState) => selectedFunction(s)?.name ?? null;

describe("pickerReducer", () => {
  it("starts empty and loading", () => {
    const s = initialPickerState();
    expect(s.loading).toBe(true);
    expect(s.results).toEqual([]);
    expect(selectedFunction(s)).toBeNull();
    expect(s.rows).toBeGreaterThanOrEqual(1);
  });

  it("lists items in name order and takes the loading flag", () => {
    const s = run(initialPickerState(), { type: "items", items: fns("b", "a"), loading: true });
    expect(shown(s)).toEqual(["a", "b"]);
    expect(s.loading).toBe(true);
    expect(s.index.size).toBe(2);
    const done = pickerReducer(s, { type: "items", items: s.items, loading: false });
    expect(done.loading).toBe(false);
    expect(done.index).toBe(s.index); // same list: no new index
  });

  it("keeps the selection on the same function across reloads", () => {
    let s = run(loaded(), { type: "move", delta: 2 });
    expect(current(s)).toBe("charlie");
    s = pickerReducer(s, {
      type: "items",
      items: fns("aardvark", "alpha", "bravo", "charlie", "delta"),
      loading: false,
    });
    expect(current(s)).toBe("charlie");
    expect(s.selected).toBe(3);
    // Gone: the selection stays where it was, clamped.
    s = pickerReducer(s, { type: "items", items: fns("alpha", "bravo"), loading: false });
    expect(s.selected).toBe(1);
    expect(current(s)).toBe("bravo");
    s = pickerReducer(s, { type: "items", items: [], loading: false });
    expect(s.selected).toBe(0);
    expect(current(s)).toBeNull();
  });

  it("keeps the selection on the same function while pages arrive during a filter", () => {
    let s = run(
      loaded(fns("orders-api", "orders-worker")),
      { type: "startFilter", text: "ord" },
      { type: "move", delta: 1 },
    );
    expect(current(s)).toBe("orders-worker");
    s = pickerReducer(s, {
      type: "items",
      items: fns("orders-api", "orders-worker", "orders-admin"),
      loading: true,
    });
    expect(current(s)).toBe("orders-worker");
    expect(s.results).toHaveLength(3);
  });

  it("reorders by usage, the selection following its function", () => {
    let s = run(loaded(), { type: "move", delta: 4 });
    expect(current(s)).toBe("echo");
    const usage = new Map<string, Usage>([["echo", { count: 2, lastAt: 10 }]]);
    s = pickerReducer(s, { type: "usage", usage });
    expect(shown(s)).toEqual(["echo", "alpha", "bravo", "charlie", "delta"]);
    expect(s.selected).toBe(0);
    expect(current(s)).toBe("echo");
    expect(pickerReducer(s, { type: "usage", usage })).toBe(s);
  });

  it("filters as text is typed, selecting the best match", () => {
    let s = run(loaded(), { type: "move", delta: 3 }, { type: "startFilter" });
    expect(s.filtering).toBe(true);
    expect(s.query).toBe("");
    expect(current(s)).toBe("delta"); // entering the filter moves nothing
    s = run(s, { type: "type", text: "c" }, { type: "type", text: "h" });
    expect(s.query).toBe("ch");
    expect(shown(s)[0]).toBe("charlie");
    expect(s.selected).toBe(0);
    expect(s.scroll).toBe(0);
  });

  it("starts a filter with a typed character, added to an accepted query", () => {
    let s = run(loaded(), { type: "startFilter", text: "e" });
    expect(s).toMatchObject({ filtering: true, query: "e", selected: 0 });
    s = run(s, { type: "acceptFilter" }, { type: "startFilter", text: "c" });
    expect(s).toMatchObject({ filtering: true, query: "ec" });
    expect(shown(s)[0]).toBe("echo");
  });

  it("deletes by code point and leaves filter mode on an empty query", () => {
    let s = run(loaded(), { type: "startFilter", text: "a😀" });
    s = pickerReducer(s, { type: "backspace" });
    expect(s.query).toBe("a");
    s = pickerReducer(s, { type: "backspace" });
    expect(s).toMatchObject({ query: "", filtering: true });
    expect(s.results).toHaveLength(5);
    s = pickerReducer(s, { type: "backspace" });
    expect(s.filtering).toBe(false);
    expect(pickerReducer(s, { type: "backspace" })).toBe(s);
  });

  it("stopFilter clears the query, keeping the chosen function selected", () => {
    let s = run(loaded(), { type: "startFilter", text: "d" });
    expect(current(s)).toBe("delta");
    s = pickerReducer(s, { type: "stopFilter" });
    expect(s).toMatchObject({ filtering: false, query: "" });
    expect(shown(s)).toHaveLength(5);
    expect(current(s)).toBe("delta");
  });

  it("acceptFilter keeps the query and results", () => {
    const s = run(loaded(), { type: "startFilter", text: "ch" });
    const accepted = pickerReducer(s, { type: "acceptFilter" });
    expect(accepted).toMatchObject({ filtering: false, query: "ch" });
    expect(accepted.results).toBe(s.results);
    expect(pickerReducer(accepted, { type: "acceptFilter" })).toBe(accepted);
  });

  it("shows no results for a query nothing matches", () => {
    const s = run(loaded(), { type: "startFilter", text: "zzz" });
    expect(s.results).toEqual([]);
    expect(selectedFunction(s)).toBeNull();
    expect(run(s, { type: "move", delta: 1 }, { type: "bottom" }, { type: "page", delta: 1 }).selected).toBe(
      0,
    );
  });

  it("moves with clamping", () => {
    const s = loaded();
    expect(run(s, { type: "move", delta: -1 }).selected).toBe(0);
    expect(run(s, { type: "move", delta: 1 }).selected).toBe(1);
    expect(run(s, { type: "move", delta: 99 }).selected).toBe(4);
    expect(run(s, { type: "bottom" }).selected).toBe(4);
    expect(run(s, { type: "bottom" }, { type: "top" }).selected).toBe(0);
  });

  it("pages by the window height", () => {
    const s = loaded(many(20), 5);
    expect(run(s, { type: "page", delta: 1 }).selected).toBe(5);
    expect(run(s, { type: "page", delta: 1 }, { type: "page", delta: 1 }).selected).toBe(10);
    expect(run(s, { type: "bottom" }, { type: "page", delta: -1 }).selected).toBe(14);
    expect(run(s, { type: "page", delta: -1 }).selected).toBe(0);
    expect(run(s, { type: "bottom" }, { type: "page", delta: 1 }).selected).toBe(19);
  });

  it("scrolls just enough to keep the selection in the window", () => {
    let s = loaded(many(10), 3);
    s = run(s, { type: "move", delta: 2 });
    expect(s.scroll).toBe(0);
    s = run(s, { type: "move", delta: 1 });
    expect([s.selected, s.scroll]).toEqual([3, 1]);
    s = run(s, { type: "bottom" });
    expect([s.selected, s.scroll]).toEqual([9, 7]);
    s = run(s, { type: "move", delta: -1 });
    expect(s.scroll).toBe(7);
    s = run(s, { type: "move", delta: -3 });
    expect([s.selected, s.scroll]).toEqual([5, 5]);
    s = run(s, { type: "top" });
    expect(s.scroll).toBe(0);
  });

  it("keeps the window when the terminal resizes", () => {
    let s = run(loaded(many(10), 3), { type: "bottom" });
    s = pickerReducer(s, { type: "resize", rows: 2 });
    expect([s.rows, s.selected, s.scroll]).toEqual([2, 9, 8]);
    // Taller: no empty rows under the list while rows above are hidden.
    s = pickerReducer(s, { type: "resize", rows: 6 });
    expect([s.rows, s.selected, s.scroll]).toEqual([6, 9, 4]);
    s = pickerReducer(s, { type: "resize", rows: 50 });
    expect(s.scroll).toBe(0);
    expect(pickerReducer(s, { type: "resize", rows: 0 }).rows).toBe(1);
    expect(pickerReducer(s, { type: "resize", rows: -3 }).rows).toBe(1);
  });

  it("pulls the window back when the list shrinks", () => {
    let s = run(loaded(many(10), 3), { type: "bottom" });
    s = pickerReducer(s, { type: "items", items: many(4), loading: false });
    expect([s.selected, s.scroll]).toEqual([3, 1]);
    s = pickerReducer(s, { type: "items", items: [fn("solo")], loading: false });
    expect([s.selected, s.scroll]).toEqual([0, 0]);
  });
});
