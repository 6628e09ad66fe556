// The key layer in React: one KeyInput over Ink's stdin for the app's life, a subscriber that
// always calls the handler of the last committed render, and the pace of keys read together:
// each next one waits for the commit that follows the one before. Every key bumps a counter,
// so a commit follows it even when it changed nothing. React 19 commits an update from
// outside its own events later (a microtask, or the scheduler's next turn when it is busy),
// and a handler called before then would act on a screen already gone.
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { KeyInput, type InputStream, type KeyHandler } from "./keyInput.js";

export function useKeyInput(stdin: InputStream, handler: KeyHandler): KeyInput {
  const input = useMemo(() => new KeyInput(stdin), [stdin]);
  const latest = useRef(handler);
  const [, setKeysTaken] = useState(0);
  const waiting = useRef<(() => void) | null>(null);
  const commits = useRef(0);
  const commitsAtKey = useRef(0);
  const settling = useRef<(() => void)[]>([]);
  useLayoutEffect(() => {
    latest.current = handler;
    commits.current++;
    const resume = waiting.current;
    waiting.current = null;
    resume?.();
    const settled = settling.current;
    settling.current = [];
    for (const s of settled) s();
  });
  useLayoutEffect(() => {
    const unsubscribe = input.subscribe((key) => {
      commitsAtKey.current = commits.current;
      const used = latest.current(key);
      setKeysTaken((n) => n + 1);
      return used;
    });
    input.setPace(() =>
      // Already committed (React rendered at once): nothing to wait for.
      commits.current > commitsAtKey.current
        ? Promise.resolve()
        : new Promise<void>((resolve) => (waiting.current = resolve)),
    );
    // Held keys (KeyInput.holdUntil) go on once the work's own update is on screen: a render
    // is asked for here, so a commit follows even when the work changed nothing.
    input.setSettle(
      () =>
        new Promise<void>((resolve) => {
          settling.current.push(resolve);
          setKeysTaken((n) => n + 1);
        }),
    );
    input.start();
    return () => {
      unsubscribe();
      input.stop();
      waiting.current?.();
      for (const s of settling.current) s();
    };
  }, [input]);
  return input;
}
