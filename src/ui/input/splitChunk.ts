// Keys typed faster than they are read arrive as one input: "ord\r" (a filter and Enter),
// "\r{" (Enter, then the payload's first character). Ink splits a read only at escape
// sequences, so such an input is neither text nor a key, and was dropped whole. It is cut into
// its keys here: runs of text, and each Enter, Tab and Backspace alone.
import type { Key } from "ink";

const CONTROL = /[\r\n\t\u007f\b]/;
const PARTS = /[\r\n\t\u007f\b]|[^\r\n\t\u007f\b]+/g;

/** The keys of a multi-key input, or null when it is one key (or starts an escape sequence). */
export function splitChunk(input: string): string[] | null {
  if (input.length < 2 || input.startsWith("\u001b") || !CONTROL.test(input)) return null;
  return input.match(PARTS);
}

/** The key Ink would have reported for `part` read alone. */
export function keyOf(part: string, base: Key): [string, Key] {
  const key: Key = { ...base, return: false, tab: false, backspace: false, delete: false };
  if (part === "\r" || part === "\n") return ["", { ...key, return: true }];
  if (part === "\t") return ["", { ...key, tab: true }];
  // Ink 6 reports DEL (the Backspace key) as delete, and BS as backspace.
  if (part === "\u007f") return ["", { ...key, delete: true }];
  if (part === "\b") return ["", { ...key, backspace: true }];
  return [part, key];
}
