// Text shown in a terminal comes from functions and logs we do not control: escape control
// characters and escape sequences so they can never drive the terminal.

import stringWidth from "string-width";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === "\r") return "\\r";
    if (c === "\u001b") return "\\e";
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
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

/** Cuts text to `width` terminal columns (wide characters count two), ending in "…" when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}
