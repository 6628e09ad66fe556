import { describe, expect, it } from "vitest";
import { FunctionIndex, type Usage } from "../../../src/core/ranking.js";
import {
  initialPickerState,
  pickerReducer,
  searchDue,
  selectedFunction,
  type PickerAction,
  type PickerState,
} from "../../../src/ui/picker/pickerReducer.js";
import { fn, fns, many } from "./functions.js";

const run = (s: PickerState, ...actions: PickerAction[]) => actions.reduce(pickerReducer, s);
/** The results of the state's due search, as usePickerSearch dispatches them. */
const resultsOf = (s: PickerState, query = s.query): PickerAction => ({
  type: "results",
  query,
  index: s.index,
  usage: s.usage,
  results: s.index.search(query, s.usage),
});
/** The state once its due search has come back. */
const searched = (s: PickerState) => pickerReducer(s, resultsOf(s));
const loaded = (items = fns("alpha", "bravo", "charlie", "delta", "echo"), rows = 3) =>
  run(initialPickerState(), { type: "resize", rows }, { type: "items", items, loading: false });
/** As a list too long to search in the key's own frame. */
const long = (s: PickerState = loaded()): PickerState => ({ ...s, searchInKeyFrameUpTo: 0 });
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
    s = searched(run(s, { type: "type", text: "c" }, { type: "type", text: "h" }));
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
    let s = searched(run(loaded(), { type: "startFilter", text: "d" }));
    expect(current(s)).toBe("delta");
    s = searched(pickerReducer(s, { type: "stopFilter" }));
    expect(s).toMatchObject({ filtering: false, query: "" });
    expect(shown(s)).toHaveLength(5);
    expect(current(s)).toBe("delta");
  });

  it("acceptFilter keeps the query and results", () => {
    const s = searched(run(loaded(), { type: "startFilter", text: "ch" }));
    const accepted = pickerReducer(s, { type: "acceptFilter" });
    expect(accepted).toMatchObject({ filtering: false, query: "ch" });
    expect(accepted.results).toBe(s.results);
    expect(pickerReducer(accepted, { type: "acceptFilter" })).toBe(accepted);
  });

  it("shows no results for a query nothing matches", () => {
    const s = searched(run(loaded(), { type: "startFilter", text: "zzz" }));
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

  describe("the search off the key's frame", () => {
    it("searches a short list in the key's own frame: one frame, the query and its matches", () => {
      const typed = run(loaded(), { type: "startFilter", text: "ch" });
      expect(searchDue(typed)).toBe(false);
      expect(shown(typed)).toEqual(["charlie", "echo"]);
    });

    it("shows the typed query at once and its matches when the search comes back", () => {
      const before = long();
      const typed = run(before, { type: "startFilter", text: "ch" });
      expect(typed).toMatchObject({ query: "ch", filtering: true });
      // No search ran: the rows are still the whole list's, and the state says so.
      expect(typed.results).toBe(before.results);
      expect(searchDue(typed)).toBe(true);
      const done = searched(typed);
      expect(searchDue(done)).toBe(false);
      expect(shown(done)[0]).toBe("charlie");
      expect(done.selected).toBe(0);
    });

    it("answers Backspace on a long list in the key's frame, from the results kept", () => {
      const c0 = searched(run(long(), { type: "startFilter", text: "c" }));
      const typed = pickerReducer(c0, { type: "type", text: "h" });
      expect(searchDue(typed)).toBe(true);
      const ch = searched(typed);
      const c = pickerReducer(ch, { type: "backspace" });
      // "c" was searched as it was typed: its matches are there at once, as searched afresh.
      expect(searchDue(c)).toBe(false);
      expect(c.results).toEqual(new FunctionIndex(c.items).search("c", c.usage));
      // A query never searched still waits for its search.
      expect(searchDue(pickerReducer(c, { type: "type", text: "x" }))).toBe(true);
    });

    it("never lets an older query's results replace a newer one's", () => {
      const c = run(loaded(), { type: "startFilter", text: "c" });
      const forC = resultsOf(c);
      const ch = pickerReducer(c, { type: "type", text: "h" });
      // The search for "c" comes back after "h" was typed: dropped, the search for "ch" still due.
      expect(pickerReducer(ch, forC)).toBe(ch);
      const done = searched(ch);
      expect(shown(done)[0]).toBe("charlie");
      // …and once "ch" has its matches, a late answer for "c" changes nothing either.
      expect(pickerReducer(done, forC)).toBe(done);
      expect(pickerReducer(done, resultsOf(done))).toBe(done);
    });

    it("drops results searched in a list that has since changed", () => {
      const typed = run(loaded(), { type: "startFilter", text: "e" });
      const stale = resultsOf(typed);
      const grown = pickerReducer(typed, {
        type: "items",
        items: [...typed.items, fn("echo-two")],
        loading: true,
      });
      // The new list is searched when it comes, so nothing is due and the old answer is dropped.
      expect(searchDue(grown)).toBe(false);
      expect(pickerReducer(grown, stale)).toBe(grown);
      expect(shown(grown)).toContain("echo-two");
    });

    it("moves in the matches of the query typed, even before its search is back", () => {
      const typed = run(loaded(), { type: "move", delta: 4 }, { type: "startFilter", text: "a" });
      const moved = pickerReducer(typed, { type: "move", delta: 1 });
      expect(searchDue(moved)).toBe(false);
      expect(moved.results).toEqual(typed.index.search("a"));
      expect(moved.selected).toBe(1);
    });

    it("accepts the matches of the query typed", () => {
      const typed = run(loaded(), { type: "startFilter", text: "ch" });
      const accepted = pickerReducer(typed, { type: "acceptFilter" });
      expect(accepted.filtering).toBe(false);
      expect(current(accepted)).toBe("charlie");
    });

    it("keeps the selected function when the filter is cleared, once the whole list is back", () => {
      const filtered = searched(run(loaded(), { type: "startFilter", text: "d" }));
      const cleared = pickerReducer(filtered, { type: "stopFilter" });
      expect(cleared.query).toBe("");
      const done = searched(cleared);
      expect(shown(done)).toHaveLength(5);
      expect(current(done)).toBe("delta");
    });

    it("leaves the whole list as it was when the filter is cleared before its search is back", () => {
      const before = run(long(), { type: "move", delta: 2 });
      const typed = run(before, { type: "startFilter", text: "d" });
      const cleared = pickerReducer(typed, { type: "stopFilter" });
      expect(searchDue(cleared)).toBe(false);
      expect(cleared.results).toBe(before.results);
      expect(current(cleared)).toBe("charlie");
      // The search for "d" that was on its way is dropped.
      expect(pickerReducer(cleared, resultsOf(typed))).toBe(cleared);
    });

    it("adds only the new functions to the index while the list grows", () => {
      const first = run(initialPickerState(), { type: "items", items: many(100), loading: true });
      first.index.search("fn");
      const prepared = first.index.prepared;
      const grown = pickerReducer(first, {
        type: "items",
        items: [...first.items, ...many(150).slice(100)],
        loading: true,
      });
      expect(grown.index.size).toBe(150);
      expect(searched(pickerReducer(grown, { type: "startFilter", text: "fn" })).results).toHaveLength(150);
      expect(grown.index.prepared - prepared).toBe(50);
      // A list that is not the old one grown starts a new index.
      const other = pickerReducer(grown, { type: "items", items: fns("x", "y"), loading: false });
      expect(other.index.size).toBe(2);
      expect(shown(other)).toEqual(["x", "y"]);
    });
  });
});
