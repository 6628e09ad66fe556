// The key layer in React: one KeyInput over Ink's stdin for the app's life, a subscriber that
// always calls the handler of the last committed render, and the pace of keys read together:
// each next one waits for the commit that follows the one before. Every key bumps a counter,
// so a commit follows it even when it changed nothing. React 19 commits an update from
// outside its own events later (a microtask, or the scheduler's next turn when it is busy),
// and a handler called before then would act on a screen already gone.
import { createElement, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { KeyInput, type InputStream, type KeyHandler } from "./keyInput.js";

export interface KeyLayer {
  input: KeyInput;
  /**
   * Rendered anywhere in the tree, the counter's own component: a key re-renders it (and what
   * the key changed), not the component that owns the key layer, so a key that changes only a
   * pane's own store (the picker's filter) renders that pane alone (issue 12).
   */
  pulse: ReactElement;
}

export function useKeyLayer(stdin: InputStream, handler: KeyHandler): KeyLayer {
  const counter = useMemo(() => new Counter(), []);
  const { input, noteCommit } = useKeyPace(stdin, handler, counter.bump);
  const pulse = useMemo(
    () => createElement(KeyPulse, { counter, onCommit: noteCommit }),
    [counter, noteCommit],
  );
  return { input, pulse };
}

class Counter {
  private readonly listeners = new Set<() => void>();
  readonly bump = (): void => {
    for (const l of this.listeners) l();
  };
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Draws nothing: each bump is a state update of its own, in the lane of the App's updates from
 * the same key, so they commit together and its layout effect sees that commit.
 */
function KeyPulse({ counter, onCommit }: { counter: Counter; onCommit: () => void }) {
  const [, setKeysTaken] = useState(0);
  useLayoutEffect(() => counter.subscribe(() => setKeysTaken((n) => n + 1)), [counter]);
  useLayoutEffect(() => onCommit());
  return null;
}

function useKeyPace(stdin: InputStream, handler: KeyHandler, bump: () => void) {
  const input = useMemo(() => new KeyInput(stdin), [stdin]);
  const latest = useRef(handler);
  const bumpRef = useRef(bump);
  const waiting = useRef<(() => void) | null>(null);
  const commits = useRef(0);
  const commitsAtKey = useRef(0);
  const settling = useRef<(() => void)[]>([]);
  // Stable, for KeyPulse's element: it reads only refs.
  const noteCommit = useMemo(
    () => () => {
      commits.current++;
      const resume = waiting.current;
      waiting.current = null;
      resume?.();
      const settled = settling.current;
      settling.current = [];
      for (const s of settled) s();
    },
    [],
  );
  useLayoutEffect(() => {
    latest.current = handler;
    bumpRef.current = bump;
    noteCommit();
  });
  useLayoutEffect(() => {
    const unsubscribe = input.subscribe((key) => {
      commitsAtKey.current = commits.current;
      const used = latest.current(key);
      bumpRef.current();
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
          bumpRef.current();
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
  return { input, noteCommit };
}
