// The payload editor: line numbers, JSON colours, the cursor, and a status line that says
// whether the payload is valid JSON (and where it is not) and its size against the limit.
import { memo } from "react";
import { Box, Text } from "ink";
import wrapAnsi from "wrap-ansi";
import type { PayloadCheck, InvocationType } from "../../../core/payload.js";
import { describeCheck, formatBytes, PAYLOAD_LIMITS } from "../../../core/payload.js";
import { layoutEditor, gutterText, type EditorLayout } from "./editorLayout.js";
import { tokenizeJsonLine, tokensInRange, type JsonTokenKind } from "./jsonTokens.js";
import type { TextBuffer } from "./textBuffer.js";
import { safeText } from "../../text/safeText.js";

export const COLOURS: Partial<Record<JsonTokenKind, string>> = {
  key: "cyan",
  string: "green",
  number: "yellow",
  keyword: "magenta",
  invalid: "red",
};

export interface PayloadEditorProps {
  title: string;
  buffer: TextBuffer;
  /** null while a large payload waits to be checked. */
  check: PayloadCheck | null;
  invocationType: InvocationType;
  /** A message after an action (e.g. why invoking was refused). */
  notice: string | null;
  scrollTop: number;
  width: number;
  height: number;
  focused: boolean;
}

export function statusText(check: PayloadCheck | null, type: InvocationType): { text: string; ok: boolean } {
  if (!check) return { text: "… checking", ok: true };
  const size = `${formatBytes(check.bytes)} of ${formatBytes(PAYLOAD_LIMITS[type])}`;
  if (check.ok)
    return { text: `✓ ${check.empty ? "empty payload (sent as {})" : "valid JSON"} · ${size}`, ok: true };
  return { text: `✗ ${describeCheck(check)} · ${size}`, ok: false };
}

/** The layout the editor will draw, for the app to keep its scroll position. */
export function editorLayout(
  buffer: TextBuffer,
  width: number,
  height: number,
  scrollTop: number,
  notice: string | null = null,
): EditorLayout {
  const rows = height - 2 - (notice ? noticeRows(notice, width) : 1);
  return layoutEditor(buffer, Math.max(1, width), Math.max(1, rows), scrollTop, { wrap: true });
}

export const PayloadEditor = memo(function PayloadEditor(p: PayloadEditorProps) {
  if (p.width <= 0 || p.height <= 0) return null;
  const lay = editorLayout(p.buffer, p.width, p.height, p.scrollTop, p.notice);
  const status = statusText(p.check, p.invocationType);
  const noticeHeight = p.notice ? noticeRows(p.notice, p.width) : 1;
  return (
    <Box flexDirection="column" width={p.width} height={p.height} overflow="hidden">
      <Text bold wrap="truncate">
        {safeText(p.title)} <Text color="gray">· {p.invocationType}</Text>
      </Text>
      {lay.rows.map((row, y) => {
        const line = p.buffer.lines[(row.lineNumber ?? 0) - 1] ?? "";
        const tokens = tokensInRange(tokenizeJsonLine(line), row.startCol, row.endCol);
        const cursorX = p.focused && lay.cursor && lay.cursor.y === y ? lay.cursor.x - lay.gutterWidth : -1;
        return (
          <Text key={y} wrap="truncate">
            <Text color="gray">{gutterText(row, lay.gutterWidth)}</Text>
            {" ".repeat(row.padLeft)}
            {cursorX >= 0
              ? withCursor(row.text, cursorX - row.padLeft)
              : tokens.map((t, i) => (
                  <Text key={i} color={COLOURS[t.kind]}>
                    {safeText(t.text)}
                  </Text>
                ))}
          </Text>
        );
      })}
      {Array.from({ length: Math.max(0, p.height - 2 - noticeHeight - lay.rows.length) }, (_, i) => (
        <Text key={`pad-${i}`}> </Text>
      ))}
      <Text color={status.ok ? "green" : "red"} wrap="truncate">
        {status.text}
      </Text>
      {p.notice ? (
        // A notice says why something was refused or what happened: it takes a few rows from
        // the text when it needs them, until the next edit clears it.
        <Box height={noticeRows(p.notice, p.width)} width={p.width} overflow="hidden">
          <Text color="yellow" wrap="wrap">
            {safeText(p.notice)}
          </Text>
        </Box>
      ) : (
        <Text color="gray" wrap="truncate">
          {p.focused
            ? "Ctrl+S invoke · Ctrl+P events · Ctrl+F format · Ctrl+T type · Esc leave"
            : "Enter or 2 to edit"}
        </Text>
      )}
    </Box>
  );
});

const MAX_NOTICE_ROWS = 3;

/** Rows the notice takes, wrapped as Ink wraps it (by words, so a long path takes a row alone). */
export function noticeRows(notice: string, width: number): number {
  const rows = wrapAnsi(safeText(notice), Math.max(1, width), { trim: false, hard: true }).split("\n").length;
  return Math.max(1, Math.min(MAX_NOTICE_ROWS, rows));
}

/** The row's text with the cell under the cursor shown inverse (plain: colours give way to it). */
function withCursor(text: string, x: number) {
  const chars = [...text];
  let col = 0;
  let i = 0;
  for (; i < chars.length && col < x; i++) col += 1;
  const before = chars.slice(0, i).join("");
  const at = chars[i] ?? " ";
  const after = chars.slice(i + 1).join("");
  return (
    <>
      {safeText(before)}
      <Text inverse>{safeText(at)}</Text>
      {safeText(after)}
    </>
  );
}
