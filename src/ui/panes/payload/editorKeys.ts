// Keys in the payload editor: editor commands from the key table first, then text editing.
// Enter is a newline here (Ctrl+S invokes), as in the house style.
import type { Key } from "../../input/keys.js";
import { commandFor, printable, type CommandId } from "../../keys/keymap.js";
import type { EditAction } from "../../editor/textBuffer.js";

/** An editor command (invoke, format, …) or a text edit for this key; null when neither. */
export type EditorKeyResult = { command: CommandId } | { edit: EditAction } | null;

export function editorKey(input: string, key: Key, pageRows: number): EditorKeyResult {
  // A paste is one edit, so one Ctrl+Z takes it back whole.
  if (key.paste) return { edit: { type: "insert", text: pastedText(input) } };
  const command = commandFor("editor", input, key);
  if (command) return { command };
  const move = (to: Extract<EditAction, { type: "move" }>["to"]): { edit: EditAction } => ({
    edit: { type: "move", to, page: pageRows },
  });
  if (key.return) return { edit: { type: "newline" } };
  if (key.backspace) return { edit: { type: "backspace" } };
  if (key.delete || (key.ctrl && input === "d")) return { edit: { type: "delete" } };
  if (key.leftArrow) return move(key.ctrl || key.meta ? "wordLeft" : "left");
  if (key.rightArrow) return move(key.ctrl || key.meta ? "wordRight" : "right");
  if (key.upArrow) return move("up");
  if (key.downArrow) return move("down");
  if (key.home) return move(key.ctrl ? "top" : "home");
  if (key.end) return move(key.ctrl ? "bottom" : "end");
  if (key.pageUp) return move("pageUp");
  if (key.pageDown) return move("pageDown");
  if (key.tab) return { edit: { type: "insert", text: "  " } };
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
