// Keys typed faster than they are read arrive as one input: "ord\r" (a filter and Enter),
// "\r{" (Enter, then the payload's first character). Ink splits a read only at escape
// sequences, so such an input is neither text nor a key, and was dropped whole. It is cut into
// its keys here: runs of text, and each control key (Enter, Tab, Backspace, Ctrl+letter) alone.
import type { Key } from "ink";

// eslint-disable-next-line no-control-regex
const KEYS = /([\u0000-\u001a\u007f])/;
// In the editor Enter, Tab and Backspace belong to the text (a paste is one edit).
// eslint-disable-next-line no-control-regex
const EDITOR_KEYS = /([\u0000-\u0007\u000b\u000c\u000e-\u001a])/;

/**
 * The keys of a multi-key input, or null when it is one key (or starts an escape sequence).
 * `editor`: Enter, Tab and Backspace stay in the text runs, for the editor to take whole.
 */
export function splitChunk(input: string, editor = false): string[] | null {
  const keys = editor ? EDITOR_KEYS : KEYS;
  if (input.length < 2 || input.startsWith("\u001b") || !keys.test(input)) return null;
  return input.split(keys).filter((p) => p !== "");
}

/** The key Ink would have reported for `part` read alone. */
export function keyOf(part: string, base: Key): [string, Key] {
  const key: Key = { ...base, return: false, tab: false, backspace: false, delete: false };
  if (part === "\r" || part === "\n") return ["", { ...key, return: true }];
  if (part === "\t") return ["", { ...key, tab: true }];
  // Ink 6 reports DEL (the Backspace key) as delete, and BS as backspace.
  if (part === "\u007f") return ["", { ...key, delete: true }];
  if (part === "\b") return ["", { ...key, backspace: true }];
  // Ctrl+A to Ctrl+Z: Ink reports the letter with ctrl.
  const code = part.charCodeAt(0);
  if (part.length === 1 && code >= 1 && code <= 26)
    return [String.fromCharCode(code + 96), { ...key, ctrl: true }];
  return [part, key];
}
