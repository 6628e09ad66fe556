// The key layer in React: one KeyInput over Ink's stdin for the app's life, and a subscriber
// that always calls the handler of the last committed render. The handler is set in a layout
// effect, which runs in the same synchronous commit as the state the previous key changed.
import { useLayoutEffect, useMemo, useRef } from "react";
import { KeyInput, type InputStream, type KeyHandler } from "./keyInput.js";

export function useKeyInput(stdin: InputStream, handler: KeyHandler): KeyInput {
  const input = useMemo(() => new KeyInput(stdin), [stdin]);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useLayoutEffect(() => {
    const unsubscribe = input.subscribe((key) => latest.current(key));
    input.start();
    return () => {
      unsubscribe();
      input.stop();
    };
  }, [input]);
  return input;
}
