// Keys in the payload editor: editor commands from the key table first, then text editing.
// Enter is a newline here (Ctrl+S invokes), as in the house style.
import type { Key } from "ink";
import { commandFor, printable, type CommandId } from "../../keys/keymap.js";
import type { EditAction } from "../../editor/textBuffer.js";

/** An editor command (invoke, format, …) or a text edit for this key; null when neither. */
export type EditorKeyResult = { command: CommandId } | { edit: EditAction } | { edits: EditAction[] } | null;

export function editorKey(input: string, key: Key, pageRows: number): EditorKeyResult {
  const command = commandFor("editor", input, key);
  if (command) return { command };
  const move = (to: Extract<EditAction, { type: "move" }>["to"]): { edit: EditAction } => ({
    edit: { type: "move", to, page: pageRows },
  });
  if (key.return) return { edit: { type: "newline" } };
  // Ink 6 reports the Backspace key as `delete`; forward delete arrives as Ctrl+D here.
  if (key.backspace || key.delete) return { edit: { type: "backspace" } };
  if (key.ctrl && input === "d") return { edit: { type: "delete" } };
  if (key.leftArrow) return move(key.ctrl || key.meta ? "wordLeft" : "left");
  if (key.rightArrow) return move(key.ctrl || key.meta ? "wordRight" : "right");
  if (key.upArrow) return move("up");
  if (key.downArrow) return move("down");
  if (key.home) return move(key.ctrl ? "top" : "home");
  if (key.end) return move(key.ctrl ? "bottom" : "end");
  if (key.pageUp) return move("pageUp");
  if (key.pageDown) return move("pageDown");
  if (key.tab) return { edit: { type: "insert", text: "  " } };
  // Pasted text, or keys typed faster than they are read, arrive as one input.
  if (!key.ctrl && !key.meta && input.length > 1 && !input.startsWith("\u001b"))
    return { edits: chunkEdits(input) };
  const text = printable(input, key);
  return text === null ? null : { edit: { type: "insert", text } };
}

/**
 * A multi-character input read character by character: runs of text are inserted (a paste
 * stays one undo step), DEL and BS delete back, CR and LF are newlines within the text, other
 * control characters are dropped rather than written into the payload.
 */
export function chunkEdits(input: string): EditAction[] {
  const edits: EditAction[] = [];
  let text = "";
  const flush = () => {
    if (text) edits.push({ type: "insert", text });
    text = "";
  };
  for (const ch of input.replace(/\r\n/g, "\n")) {
    if (ch === "\u007f" || ch === "\b") {
      flush();
      edits.push({ type: "backspace" });
    } else if (ch === "\r" || ch === "\n") {
      text += "\n";
    } else if (ch === "\t") {
      text += "  ";
    } else if (ch >= " ") {
      text += ch;
    }
  }
  flush();
  return edits;
}
