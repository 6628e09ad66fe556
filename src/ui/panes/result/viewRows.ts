// The rows a text view draws, from its lines and where it is scrolled: only the visible lines
// are read, cut or wrapped to the width, given a timestamp column, the tail marker and search
// highlights. Pure, and its cost is the window's, never the whole log's or body's.
import { walkGraphemes } from "../../text/graphemes.js";
import { formatTime, TIME_WIDTH, type TextLines } from "../../../core/log-display.js";
import type { Segment } from "../../text/fit.js";
import { tonesOf, type Tone } from "./logTone.js";

export interface ViewRow {
  kind: "line" | "mark";
  /** The timestamp column ("" when timestamps are off). */
  time: string;
  segments: Segment[];
  /** The row belongs to the current search match. */
  current: boolean;
  /**
   * The line was cut to fit: an ellipsis follows the segments. It is kept apart so the row's
   * text stays ASCII when the line is, which Ink measures at once, where one "…" makes it
   * measure the row grapheme by grapheme, every frame.
   */
  cut?: boolean;
  /** An error, warning or platform line of a log (a response has none). */
  tone?: Tone;
}

export interface ViewWindow {
  rows: ViewRow[];
  /** The lines shown, first and last (last < first when there are none). */
  first: number;
  last: number;
}

export interface ViewRowsOptions {
  top: number;
  pinned: boolean;
  rows: number;
  width: number;
  wrap: boolean;
  timestamps: boolean;
  query: string;
  match: number | null;
  markText?: string;
}

export const MARK_TEXT = "▼ the tail from Invoke starts here";

/** Terminal columns of `s`, stopping once past `limit` (a 10,000-unit line costs only what shows). */
function widthUpTo(s: string, limit: number): number {
  let w = 0;
  walkGraphemes(s, 0, (_start, _end, width) => {
    w += width;
    return w <= limit;
  });
  return w;
}

/**
 * `s` in pieces of at most `width` columns, never splitting a grapheme (an emoji sequence, a
 * letter and its accents); at most `max` pieces.
 */
export function wrapLine(s: string, width: number, max: number): string[] {
  if (s === "") return [""];
  const cols = Math.max(1, width);
  const out: string[] = [];
  let start = 0;
  let w = 0;
  const cut = (at: number): boolean => {
    out.push(s.slice(start, at));
    start = at;
    w = 0;
    return out.length < max;
  };
  walkGraphemes(s, 0, (from, end, cw, plain) => {
    if (plain) {
      // A run of ASCII, a column a character: cut it where the row is full.
      for (let i = from; i < end;) {
        if (w === cols && !cut(i)) return false;
        const take = Math.min(cols - w, end - i);
        i += take;
        w += take;
      }
      return true;
    }
    if (w + cw > cols && from > start && !cut(from)) return false;
    w += cw;
    return true;
  });
  if (out.length < max) out.push(s.slice(start));
  return out;
}

/** `s` cut to `width` columns less one for an ellipsis, when it does not fit. */
export function cutPiece(s: string, width: number): { text: string; cut: boolean } {
  if (width <= 0) return { text: "", cut: false };
  if (widthUpTo(s, width) <= width) return { text: s, cut: false };
  return { text: width > 1 ? wrapLine(s, width - 1, 1)[0]! : "", cut: true };
}

/** `s` cut to `width` columns, ending in "…" when cut. */
export function cutLine(s: string, width: number): string {
  const c = cutPiece(s, width);
  return c.cut ? c.text + "…" : c.text;
}

/** How many rows line `i` takes at text width `tw`. */
function rowsOf(lines: TextLines, i: number, tw: number, wrap: boolean, limit: number): number {
  const mark = lines.markLine === i ? 1 : 0;
  if (!wrap) return 1 + mark;
  const w = widthUpTo(lines.line(i), tw * limit);
  return Math.max(1, Math.ceil(w / tw)) + mark;
}

/** Splits `text` around case-insensitive occurrences of `query`. */
export function highlight(text: string, query: string): Segment[] {
  if (!query) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  // Lower-casing that changes the length would misplace the marks: then show the text plain.
  if (lower.length !== text.length) return [{ text, hit: false }];
  const out: Segment[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > at) out.push({ text: text.slice(at, i), hit: false });
    out.push({ text: text.slice(i, i + q.length), hit: true });
    at = i + q.length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** The first line to show so that the last lines fill the view (for a pinned view). */
export function bottomTop(lines: TextLines, rows: number, tw: number, wrap: boolean): number {
  let used = 0;
  let i = lines.count - 1;
  for (; i >= 0; i--) {
    used += rowsOf(lines, i, tw, wrap, rows);
    if (used > rows) return i + 1;
  }
  return 0;
}

/** The columns left for text in a view `width` wide, after the timestamp column when shown. */
export function textWidthOf(width: number, timestamps: boolean): number {
  return Math.max(1, width - (timestamps ? TIME_WIDTH.local + 1 : 0));
}

export function viewRows(lines: TextLines, o: ViewRowsOptions): ViewWindow {
  const gutter = o.timestamps ? TIME_WIDTH.local + 1 : 0;
  const tw = textWidthOf(o.width, o.timestamps);
  const top = o.pinned ? bottomTop(lines, o.rows, tw, o.wrap) : Math.max(0, Math.min(o.top, lines.count - 1));
  const rows: ViewRow[] = [];
  // A window never holds more lines than rows.
  const tones = tonesOf(lines, top, top + o.rows - 1);
  let i = top;
  for (; i < lines.count && rows.length < o.rows; i++) {
    if (lines.markLine === i) {
      rows.push({
        kind: "mark",
        time: "",
        segments: [{ text: cutLine(o.markText ?? MARK_TEXT, o.width), hit: false }],
        current: false,
      });
      if (rows.length >= o.rows) break;
    }
    const text = lines.line(i);
    const one = o.wrap ? null : cutPiece(text, tw);
    const pieces = one ? [one.text] : wrapLine(text, tw, o.rows - rows.length);
    const t = o.timestamps ? lines.timeOf(i) : null;
    const tone = tones[i - top];
    pieces.forEach((p, k) => {
      const time = !o.timestamps ? "" : (k === 0 && t !== null ? formatTime(t, "local") : "").padEnd(gutter);
      rows.push({
        kind: "line",
        time,
        segments: highlight(p, o.query),
        current: o.match === i,
        ...(one?.cut ? { cut: true } : {}),
        ...(tone ? { tone } : {}),
      });
    });
  }
  return { rows, first: top, last: Math.min(i, lines.count) - 1 };
}
