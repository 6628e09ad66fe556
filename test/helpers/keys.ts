// Key presses for unit tests, made the way the app makes them: raw terminal input through the
// key layer's parser.
import { createKeyParser } from "../../src/ui/input/parseKeys.js";
import type { Key } from "../../src/ui/input/keys.js";

/** The one key `raw` is (e.g. "q", "\r", "\u001b[A", "\u0013" for Ctrl+S). */
export function keyOf(raw: string): Key {
  const keys = createKeyParser().feed(raw);
  if (keys.length !== 1) throw new Error(`${JSON.stringify(raw)} is ${keys.length} keys, not one`);
  return keys[0]!;
}

/** `[input, key]` for a handler taking both, as the app calls it. */
export function press(raw: string): [string, Key] {
  const key = keyOf(raw);
  return [key.input, key];
}

export const RAW = {
  enter: "\r",
  esc: "\u001b",
  tab: "\t",
  shiftTab: "\u001b[Z",
  up: "\u001b[A",
  down: "\u001b[B",
  right: "\u001b[C",
  left: "\u001b[D",
  ctrlLeft: "\u001b[1;5D",
  home: "\u001b[H",
  end: "\u001b[F",
  pgup: "\u001b[5~",
  pgdn: "\u001b[6~",
  delete: "\u001b[3~",
  backspace: "\u007f",
  ctrl: (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96),
} as const;
