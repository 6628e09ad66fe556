// The picker store's search in a key's frame, on a list searched after the query's frame: done
// within its budget, the key's state has the matches; not done, the search goes on where it
// stopped (usePickerSearch takes it) and answers as a search from the start would.
import { describe, expect, it } from "vitest";
import { FunctionIndex } from "../../../src/core/ranking.js";
import {
  initialPickerState,
  pickerReducer,
  searchDue,
  settled,
} from "../../../src/ui/picker/pickerReducer.js";
import { PickerStore } from "../../../src/ui/picker/pickerStore.js";
import { fn, many } from "./functions.js";

// Over two blocks of the index (BLOCK_SIZE 4096), so a search takes more than one step.
const items = many(10_000).map((f, i) => (i % 7 === 0 ? fn(f.name, { description: "orders queue" }) : f));

/** A store over `items` whose reducer searches after the query's frame (a "long" list). */
function store(keyFrameSearchMs?: number, keyFrameSearchUpTo?: number): PickerStore {
  const loaded = pickerReducer(initialPickerState(0), { type: "items", items, loading: false });
  return new PickerStore(loaded, keyFrameSearchMs, keyFrameSearchUpTo);
}

const run = <T>(steps: Generator<void, T, void>): T => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};
const names = (results: readonly { item: { name: string } }[]) => results.map((r) => r.item.name);
/** The matches of `query` from a fresh index: what any search of it must answer. */
const expected = (query: string) => names(new FunctionIndex(items).search(query));

describe("PickerStore's search in the key's frame", () => {
  it("shows a key's matches in its own state when the search is done within the budget", () => {
    const s = store(Infinity);
    s.dispatch({ type: "type", text: "f12" });
    const state = s.get();
    expect(searchDue(state)).toBe(false);
    expect(names(state.results)).toEqual(expected("f12"));
    expect(s.takeBegun("f12", state.index, state.usage)).toBeNull();
  });

  it("leaves the search to after the frame with no budget", () => {
    const s = store(0);
    s.dispatch({ type: "type", text: "f12" });
    const state = s.get();
    expect(state.query).toBe("f12");
    expect(searchDue(state)).toBe(true);
    expect(s.takeBegun("f12", state.index, state.usage)).toBeNull();
  });

  it("leaves the search of a list past KEY_FRAME_SEARCH_UP_TO to after the query's frame", () => {
    // Any budget: on a list that long the key's frame shows the query at once.
    const s = store(Infinity, items.length - 1);
    s.dispatch({ type: "type", text: "f12" });
    const state = s.get();
    expect(state.query).toBe("f12");
    expect(searchDue(state)).toBe(true);
    expect(s.takeBegun("f12", state.index, state.usage)).toBeNull();
    // A list of that length searches in the key's frame.
    const within = store(Infinity, items.length);
    within.dispatch({ type: "type", text: "f12" });
    expect(searchDue(within.get())).toBe(false);
    expect(names(within.get().results)).toEqual(expected("f12"));
  });

  it("hands a search it could not finish to the hook, which ends it as a whole search would", () => {
    // A budget over at the first check: one block searched, then the frame.
    const s = store(Number.MIN_VALUE);
    s.dispatch({ type: "type", text: "orders" });
    const state = s.get();
    expect(searchDue(state)).toBe(true);
    const steps = s.takeBegun("orders", state.index, state.usage);
    expect(steps).not.toBeNull();
    expect(s.takeBegun("orders", state.index, state.usage)).toBeNull();
    const results = run(steps!);
    expect(results.length).toBeGreaterThan(0);
    expect(names(results)).toEqual(expected("orders"));
  });

  it("keeps a begun search through other changes, and drops it for the next key", () => {
    const s = store(Number.MIN_VALUE);
    s.dispatch({ type: "type", text: "ord" });
    s.dispatch({ type: "resize", rows: 5 });
    const before = s.get();
    expect(s.takeBegun("ord", before.index, before.usage)).not.toBeNull();

    s.dispatch({ type: "type", text: "e" });
    s.dispatch({ type: "type", text: "r" });
    const after = s.get();
    expect(after.query).toBe("order");
    expect(s.takeBegun("orde", after.index, after.usage)).toBeNull();
    // Taking it for another query dropped it.
    expect(s.takeBegun("order", after.index, after.usage)).toBeNull();
  });

  it("answers the key as the reducer's own search of the query would", () => {
    const s = store(Infinity);
    s.dispatch({ type: "type", text: "orders" });
    const deferred = pickerReducer(
      pickerReducer(initialPickerState(0), { type: "items", items, loading: false }),
      { type: "type", text: "orders" },
    );
    expect(searchDue(deferred)).toBe(true);
    const searched = settled(deferred);
    expect(names(s.get().results)).toEqual(names(searched.results));
    expect(s.get().selected).toBe(searched.selected);
    expect(s.get().scroll).toBe(searched.scroll);
  });
});
