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

export function renderTui(element: ReactElement) {
  const r = render(element);
  const frame = () => r.lastFrame() ?? "";
  return {
    ...r,
    frame,
    /** Types text, or presses a named key. */
    press: async (what: string | { key: KeyName }) => {
      r.stdin.write(typeof what === "string" ? what : KEYS[what.key]);
      await new Promise((res) => setTimeout(res, 30));
    },
    waitFor: async (pattern: RegExp, ms = 8000): Promise<string> => {
      const end = Date.now() + ms;
      for (;;) {
        if (pattern.test(frame())) return frame();
        if (Date.now() > end) throw new Error(`frame never matched ${pattern}:\n${frame()}`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
  };
}
