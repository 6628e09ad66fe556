// Text from functions we do not control, made safe for the terminal: control characters and
// escape sequences are shown escaped so they can never drive the terminal (the same rule as
// src/cli/text.ts, kept here so the UI does not reach into the CLI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Tabs and newlines are fine in a log but break a one-line row.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeChar(c: string): string {
  if (c === "\r") return "\\r";
  if (c === "\n") return "\\n";
  if (c === "\t") return "\\t";
  if (c === "\u001b") return "\\e";
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

/** `text` with control characters escaped (`\e`, `\r`, `\x07`); tabs and newlines kept. */
export function safeText(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** `text` for a single row: like `safeText`, and tabs and newlines escaped too. */
export function safeLine(text: string): string {
  return text.replace(CONTROL_OR_BREAK, escapeChar);
}
