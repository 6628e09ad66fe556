// Where an opened entry's payload lands in the payload pane: a title (what ran, and when), the
// payload wrapped to the width (so nothing of what was sent is hidden off to the side), and
// rows under it saying what the entry was and that it is read-only. Panes are often narrow
// (a third of the terminal), so the rows around the payload fold and give way as it shrinks.
// Pure; it reads only the lines it shows.
import stringWidth from "string-width";
import type { HistoryRecord } from "../../../core/history-record.js";
import { formatBytes } from "../../../core/payload.js";
import { fit } from "../../text/fit.js";
import { safeLine } from "../../text/safeText.js";
import { tokenizeJsonLine, tokensInRange, type JsonToken } from "../payload/jsonTokens.js";
import type { BodyLines } from "../result/bodyLines.js";
import { bottomTop, wrapLine } from "../result/viewRows.js";
import { timeLabel } from "../../text/timeLabel.js";

export interface RecordedFrame {
  /** The title: one row, or the time on a second when the pane is narrow. */
  title: string[];
  /** What the entry was besides its payload, in as many rows as there is room for. */
  meta: string[];
  /** Room for the "read-only" row. */
  note: boolean;
  /** Rows for the payload. */
  body: number;
}

/** Body rows kept before the meta rows get any. */
const MIN_BODY = 3;
const MAX_META = 3;

function labelOf(r: HistoryRecord): string {
  return safeLine(r.qualifier ? `${r.function.name}:${r.qualifier}` : r.function.name);
}

function metaParts(r: HistoryRecord): string[] {
  const res = r.response;
  const parts: string[] = [r.invocationType, String(res.statusCode)];
  if (res.functionError) parts.push(`FunctionError ${res.functionError}`);
  if (res.executedVersion) parts.push(`ExecutedVersion ${res.executedVersion}`);
  parts.push(`${formatBytes(Buffer.byteLength(r.payload, "utf8"))} sent`);
  return parts.map(safeLine);
}

/** `parts` joined with " · " into rows of at most `width` columns (a part too wide is cut). */
function pack(parts: readonly string[], width: number): string[] {
  const rows: string[] = [];
  for (const p of parts) {
    const last = rows[rows.length - 1];
    if (last !== undefined && stringWidth(last) + 3 + stringWidth(p) <= width)
      rows[rows.length - 1] = `${last} · ${p}`;
    else rows.push(fit(p, width));
  }
  return rows;
}

/**
 * The rows of a view `width` x `height` around the payload. As the pane shrinks, the meta rows
 * go first, then the time's own row, then the read-only row; the title and a payload row stay.
 */
export function recordedFrame(r: HistoryRecord, width: number, height: number): RecordedFrame {
  const time = timeLabel(r.at);
  const one = `Recorded · ${labelOf(r)} · ${time}`;
  const title = stringWidth(one) <= width ? [one] : [`Recorded · ${labelOf(r)}`, time];
  let left = Math.max(0, height - 1);
  const note = left >= 2;
  if (note) left--;
  if (title.length > 1 && left >= 2) left--;
  else title.length = 1;
  const meta = pack(metaParts(r), width).slice(0, Math.max(0, Math.min(MAX_META, left - MIN_BODY)));
  return { title, meta, note, body: left - meta.length };
}

/** The last first line that still fills `rows` rows: scrolling stops there. */
export function recordedMaxTop(lines: BodyLines, width: number, rows: number): number {
  return bottomTop(lines, Math.max(1, rows), Math.max(1, width), true);
}

export interface RecordedWindow {
  /** Each row's text as coloured pieces (JSON), or one plain piece. */
  rows: JsonToken[][];
  /** The lines shown, first and last (last < first when there are none). */
  first: number;
  last: number;
}

export function recordedRows(lines: BodyLines, top: number, rows: number, width: number): RecordedWindow {
  const w = Math.max(1, width);
  // A resize can leave the kept position past the end: the view still ends at the last line.
  const first = Math.max(0, Math.min(top, recordedMaxTop(lines, w, rows)));
  const out: JsonToken[][] = [];
  let i = first;
  for (; i < lines.count && out.length < rows; i++) {
    const line = lines.line(i);
    // Pieces of a wrapped line are coloured from the whole line, so a string cut in two stays
    // a string on its second row.
    // Text that is not JSON is shown uncoloured: "space" is a kind no colour is given to.
    const tokens: JsonToken[] = lines.json ? tokenizeJsonLine(line) : [{ text: line, kind: "space" }];
    let at = 0;
    for (const piece of wrapLine(line, w, rows - out.length)) {
      out.push(tokensInRange(tokens, at, at + piece.length));
      at += piece.length;
    }
  }
  return { rows: out, first, last: i - 1 };
}
