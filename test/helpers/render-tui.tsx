// Renders a component with ink-testing-library and presses keys as a terminal would send them.
import type { ReactElement } from "react";
import { render } from "ink-testing-library";

const KEYS = {
  enter: "\r",
  escape: "\u001b",
  up: "\u001b[A",
  down: "\u001b[B",
  tab: "\t",
  shiftTab: "\u001b[Z",
  backspace: "\u007f",
  ctrlC: "\u0003",
} as const;

export type KeyName = keyof typeof KEYS;

const turn = () =>
  new Promise((res) => setImmediate(res)).then(() => new Promise((res) => setTimeout(res, 0)));

/**
 * Waits until the app is idle: no new frame over a few turns of the event loop (React commits
 * and Ink draws in the turns after a key; the key layer hands keys on after each commit).
 */
async function settled(count: () => number, before: number): Promise<void> {
  let seen = before;
  for (let quiet = 0; quiet < 3;) {
    await turn();
    const now = count();
    quiet = now === seen ? quiet + 1 : 0;
    seen = now;
  }
}

export function renderTui(element: ReactElement) {
  const r = render(element);
  const frame = () => r.lastFrame() ?? "";
  return {
    ...r,
    frame,
    /**
     * Types text, or presses a named key, and resolves once the app is done with it: the key was
     * read and the work it set off (commits, frames, effects) has settled, however slow the
     * machine. Work the app schedules later on purpose (a search in slices) needs `waitFor`.
     */
    press: async (what: string | { key: KeyName }) => {
      const frames = r.frames.length;
      r.stdin.write(typeof what === "string" ? what : KEYS[what.key]);
      await settled(() => r.frames.length, frames);
    },
    waitFor: async (pattern: RegExp, ms = 20_000): Promise<string> => {
      const end = Date.now() + ms;
      for (;;) {
        if (pattern.test(frame())) return frame();
        if (Date.now() > end) throw new Error(`frame never matched ${pattern}:\n${frame()}`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
  };
}
