// The picker's state outside React's render path: key handlers dispatch into it and read it at
// once (store.get()), and only the components that show a part of it subscribe to that part. A
// filter key then re-renders the picker alone, not the App and every pane under it (issue 12:
// a key re-rendered the whole app, which cost more than the search).
import { useLayoutEffect, useRef, useState } from "react";
import type { FunctionSummary } from "../../core/model.js";
import { traceEvent, tracing } from "../../state/trace.js";
import type { FunctionIndex, Ranked, Usage } from "../../core/ranking.js";
import { pickerReducer, searchDue, type PickerAction, type PickerState } from "./pickerReducer.js";

/**
 * How long a key may search before its frame, on a list searched after the query's frame: a
 * search done by then shows its matches in the key's own frame (skipping Ink's 17 ms between two
 * frames and a second render); a longer one goes on after the frame from where it was, having
 * started at the key rather than after the query's frame was written. The query's frame waits
 * at most this long.
 */
export const KEY_FRAME_SEARCH_MS = 10;

/**
 * Longest list a key searches in its own frame at all. Past it a search seldom ends within
 * KEY_FRAME_SEARCH_MS (100,000 names: 10-30 ms), and the budget spent then only delays the
 * query's frame, and with it the matches' frame, which Ink writes no sooner than 17 ms after the
 * query's: written at once instead, the matches of a key whose search takes 10-27 ms come up to
 * 10 ms sooner (key-frame bench, 100,000 functions, key to frame with its matches, pooled over
 * runs in turns at load 1-5: median 33.9 ms with the query's frame at once, 39.0 ms with the
 * budget). Up to here a search mostly ends within the budget (2-3 ms for 10,000 names, linear
 * in the list), and one frame with the matches is the sooner.
 */
export const KEY_FRAME_SEARCH_UP_TO = 50_000;

/** A search a key began that did not finish in its frame: usePickerSearch goes on with it. */
interface Begun {
  query: string;
  index: FunctionIndex<FunctionSummary>;
  usage: ReadonlyMap<string, Usage>;
  steps: Generator<void, Ranked<FunctionSummary>[], void>;
}

export class PickerStore {
  private state: PickerState;
  private readonly listeners = new Set<() => void>();
  private begun: Begun | null = null;

  constructor(
    initial: PickerState,
    private readonly keyFrameSearchMs = KEY_FRAME_SEARCH_MS,
    private readonly keyFrameSearchUpTo = KEY_FRAME_SEARCH_UP_TO,
  ) {
    this.state = initial;
  }

  /**
   * The search a key began for this query, list and usage, to go on with; null when there is
   * none (another key came since, or the search had no time in the key's frame).
   */
  readonly takeBegun = (
    query: string,
    index: FunctionIndex<FunctionSummary>,
    usage: ReadonlyMap<string, Usage>,
  ): Begun["steps"] | null => {
    const begun = this.begun;
    if (begun !== null && this.isBegun(query, index, usage)) {
      this.begun = null;
      return begun.steps;
    }
    this.dropBegun();
    return null;
  };

  /** Whether the search a key began is this query's, on this list and usage. */
  private isBegun(
    query: string,
    index: FunctionIndex<FunctionSummary>,
    usage: ReadonlyMap<string, Usage>,
  ): boolean {
    const b = this.begun;
    return b !== null && b.query === query && b.index === index && b.usage === usage;
  }

  private dropBegun(): void {
    const begun = this.begun;
    this.begun = null;
    void begun?.steps.return([]);
  }

  /** `s` with its due search done, if it takes no longer than the key's budget; else begun. */
  private searchInKeyFrame(s: PickerState): PickerState {
    const { query, index, usage } = s;
    const due = searchDue(s);
    // Another change (a resize) while the search of the same query goes on: it still holds.
    if (due && this.isBegun(query, index, usage)) return s;
    this.dropBegun();
    if (!due || this.keyFrameSearchMs <= 0 || index.size > this.keyFrameSearchUpTo) return s;
    const steps = index.searchSteps(query, usage);
    const end = performance.now() + this.keyFrameSearchMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return pickerReducer(s, { type: "results", query, index, usage, results: step.value });
      if (performance.now() >= end) break;
    }
    this.begun = { query, index, usage, steps };
    return s;
  }

  readonly get = (): PickerState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The reducer's next state; subscribers hear of it only when it is another state. */
  readonly dispatch = (action: PickerAction): void => {
    const reduced = tracing ? tracedReducer(this.state, action) : pickerReducer(this.state, action);
    if (reduced === this.state) return;
    const next = this.searchInKeyFrame(reduced);
    this.state = next;
    for (const l of [...this.listeners]) l();
  };
}

/**
 * For LAMBDA_EXPLORER_TRACE: `picker ACTION MS`, the reducer's time, which holds a filter key's
 * search over a list searched in the key's frame: a slow key's time split between the search
 * and the render (traced by Ink's `render`).
 */
function tracedReducer(s: PickerState, action: PickerAction): PickerState {
  const start = performance.now();
  const next = pickerReducer(s, action);
  traceEvent(`picker ${action.type} ${(performance.now() - start).toFixed(3)}`, start);
  return next;
}

/**
 * The part of the picker's state `select` takes, re-rendering the caller only when that part
 * changes (compared with Object.is): pass a select that returns a primitive or a reference the
 * state keeps, never a new object.
 *
 * A state update of the subscriber's own, not useSyncExternalStore: React 19 renders a store's
 * change in a lane of its own (SyncLane), ahead of the key layer's pace and of the App's own
 * updates from the same key, so one key would commit, and Ink draw, twice. A setState is in
 * the lane of the others and commits with them.
 */
export function usePickerState<T>(store: PickerStore, select: (s: PickerState) => T): T {
  const [part, setPart] = useState(() => select(store.get()));
  // What was last asked for: a store change that leaves the part as it is asks for nothing
  // (a setState of the same value may still render the caller before React bails out).
  const shown = useRef(part);
  useLayoutEffect(() => {
    const update = () => {
      const next = select(store.get());
      if (Object.is(next, shown.current)) return;
      shown.current = next;
      setPart(() => next);
    };
    // A change between this render and the subscription is not missed.
    update();
    return store.subscribe(update);
  }, [store, select]);
  return part;
}
