// Text shown in a terminal comes from functions and logs we do not control: control characters,
// escape sequences and bidi controls are shown escaped (src/core/sanitize.ts) so they can never
// drive the terminal.

import stringWidth from "string-width";
import { sanitize } from "../core/sanitize.js";

/** `text` with control characters shown escaped; tabs and newlines kept (the terminal lays them out). */
export function escapeControl(text: string): string {
  return sanitize(text, { tabs: "keep", newlines: "keep" });
}

/** A log message for reading: Lambda's inner-newline `\r` becomes a real, indented newline. */
export function readableLogLine(message: string): string {
  return message
    .split("\r")
    .map((part, i) => (i === 0 ? escapeControl(part) : `    ${escapeControl(part)}`))
    .join("\n");
}

export function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

// Made on first use: building a Segmenter loads ICU's break rules, tens of ms that every
// command paid at start (this module loads with the command table) though few ever cut text.
let graphemes: Intl.Segmenter | undefined;

/** Cuts text to `width` terminal columns (wide characters count two), ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  // Whole graphemes, so an emoji sequence (👩‍💻) or a letter and its accent is never cut apart.
  let out = "";
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
    if (stringWidth(out + segment) > width - 1) break;
    out += segment;
  }
  return out + "…";
}
