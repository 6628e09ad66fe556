// Keys one at a time, each on the screen the one before it led to. Ink hands every key to
// useInput as soon as it is read, but React commits the state a key changed a little later
// (and subscribes useInput's handler in a passive effect). A key read in between reached the
// handler of a screen already gone: Esc then 4 typed fast put the 4 into the editor that Esc
// had just left. So a key that comes while the previous key's commit is pending waits for it,
// and every key bumps a counter so that a commit follows it even when it changed nothing.
import { useInput, type Key } from "ink";
import { useLayoutEffect, useRef, useState } from "react";

export interface SerialKeys {
  /** Keys to take next, before any read later: the rest of an input cut into its keys. */
  next(keys: Array<[string, Key]>): void;
}

export function useSerialKeys(handle: (input: string, key: Key) => void): SerialKeys {
  const handler = useRef(handle);
  const queue = useRef<Array<[string, Key]>>([]);
  const pending = useRef(false);
  const [, setTick] = useState(0);

  const run = (input: string, key: Key): void => {
    pending.current = true;
    setTick((n) => n + 1);
    handler.current(input, key);
  };

  // With the commit that draws the frame: the handler now sees that frame's state.
  useLayoutEffect(() => {
    handler.current = handle;
    pending.current = false;
    const next = queue.current.shift();
    if (next) run(...next);
  });

  useInput((input, key) => {
    if (pending.current) queue.current.push([input, key]);
    else run(input, key);
  });

  return { next: (keys) => queue.current.unshift(...keys) };
}
