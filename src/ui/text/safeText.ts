// Text from functions we do not control, made safe for the terminal by the one rule in
// src/core/sanitize.ts: controls, escape sequences, bidi controls and stray zero-width characters
// are shown escaped so they can never drive the terminal or hide text. These are the panes'
// two ways to use it.
import { sanitize } from "../../core/sanitize.js";

/**
 * `text` with special characters escaped (`\e`, `\r`, `\x07`, `\u202e`), newlines kept and tabs
 * expanded to spaces: a tab in a frame would move the cursor past what Ink measured.
 */
export function safeText(text: string): string {
  return sanitize(text);
}

/** `text` for a single row: like `safeText`, and tabs and newlines escaped too. */
export function safeLine(text: string): string {
  return sanitize(text, { tabs: "escape", newlines: "escape" });
}
