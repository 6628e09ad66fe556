// The picker's state outside React's render path: key handlers dispatch into it and read it at
// once (store.get()), and only the components that show a part of it subscribe to that part. A
// filter key then re-renders the picker alone, not the App and every pane under it (issue 12:
// a key re-rendered the whole app, which cost more than the search).
import { useLayoutEffect, useRef, useState } from "react";
import { traceEvent, tracing } from "../../state/trace.js";
import { pickerReducer, type PickerAction, type PickerState } from "./pickerReducer.js";

export class PickerStore {
  private state: PickerState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: PickerState) {
    this.state = initial;
  }

  readonly get = (): PickerState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The reducer's next state; subscribers hear of it only when it is another state. */
  readonly dispatch = (action: PickerAction): void => {
    const next = tracing ? tracedReducer(this.state, action) : pickerReducer(this.state, action);
    if (next === this.state) return;
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
