// Keys in the payload editor, all through the key table: its commands (invoke, format, …),
// its moves and deletions, then typed text. Enter is a newline here (Ctrl+S invokes), as in
// the house style.
import type { Key } from "../../input/keys.js";
import { commandFor, printable, type CommandId } from "../../keys/keymap.js";
import type { EditAction, MoveTarget } from "./textBuffer.js";

/** An editor command (invoke, format, …) or a text edit for this key; null when neither. */
export type EditorKeyResult = { command: CommandId } | { edit: EditAction } | null;

const MOVES: Partial<Record<CommandId, MoveTarget>> = {
  "editor.left": "left",
  "editor.right": "right",
  "editor.up": "up",
  "editor.down": "down",
  "editor.wordLeft": "wordLeft",
  "editor.wordRight": "wordRight",
  "editor.home": "home",
  "editor.end": "end",
  "editor.top": "top",
  "editor.bottom": "bottom",
  "editor.pageUp": "pageUp",
  "editor.pageDown": "pageDown",
};

const EDITS: Partial<Record<CommandId, EditAction>> = {
  "editor.newline": { type: "newline" },
  "editor.indent": { type: "insert", text: "  " },
  "editor.deleteBack": { type: "backspace" },
  "editor.deleteForward": { type: "delete" },
};

const NAMED = /^(?:(?:ctrl|alt|shift)\+)+(up|down|left|right|home|end|pgup|pgdn|delete|tab)$/;

/**
 * The editor has no selection, so a modifier the table does not bind on a named key is
 * dropped, Shift first, then Alt, then all: Shift+→ moves as → does, Ctrl+Alt+← as Ctrl+←,
 * Ctrl+↑ as ↑, and Shift+Tab indents (Tab never leaves the editor). Letters keep theirs:
 * Ctrl+X is not x.
 */
function editorCommand(input: string, key: Key): CommandId | null {
  const exact = commandFor("editor", input, key);
  if (exact || !NAMED.test(key.name)) return exact;
  const base = key.name.replace(/^.*\+/, "");
  const ctrl = key.ctrl ? "ctrl+" : "";
  const alt = key.meta ? "alt+" : "";
  for (const name of [`${ctrl}${alt}${base}`, `${ctrl}${base}`, base]) {
    const cmd = commandFor("editor", input, { ...key, name });
    if (cmd) return cmd;
  }
  return null;
}

export function editorKey(input: string, key: Key, pageRows: number): EditorKeyResult {
  // A paste is one edit, so one Ctrl+Z takes it back whole.
  if (key.paste) return { edit: { type: "insert", text: pastedText(input) } };
  const command = editorCommand(input, key);
  const to = command && MOVES[command];
  if (to) return { edit: { type: "move", to, page: pageRows } };
  const edit = command && EDITS[command];
  if (edit) return { edit };
  if (command) return { command };
  const text = printable(input, key);
  return text === null ? null : { edit: { type: "insert", text } };
}

/**
 * Pasted text as the payload takes it: CR LF and CR (what terminals send for a newline) become
 * LF, a tab two spaces as the Tab key types, other control characters are dropped rather
 * than written into the payload.
 */
export function pastedText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, "  ")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "")
  );
}
