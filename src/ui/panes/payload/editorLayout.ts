// Where the payload editor's text lands on screen: a line-number gutter, long lines wrapped or
// cut at a horizontal offset, and the scroll positions that keep the cursor in view. Pure, and
// it measures only the lines it shows (plus at most a screenful above the cursor), so its cost
// follows the frame, not the payload. Plain ASCII lines, the usual JSON, are measured by length.
import { displayText, graphemeAfter, graphemeWidth, textWidth, walkGraphemes } from "../../text/graphemes.js";
import type { TextBuffer } from "./textBuffer.js";

export interface EditorRow {
  /** 1-based, on the first row of a line; null on the rows a long line wraps onto. */
  lineNumber: number | null;
  /** What to draw after the gutter: `padLeft` spaces, then the shown form of [startCol, endCol). */
  text: string;
  /** UTF-16 range of the line this row shows, to colour it from the whole line's tokens. */
  startCol: number;
  endCol: number;
  /** Columns of a wide character cut off by the left edge, drawn as spaces. */
  padLeft: number;
}

export interface EditorLayout {
  /** At most `height` rows; fewer when the text ends (the caller pads). */
  rows: EditorRow[];
  /** Terminal cell of the cursor from the editor's top-left corner, gutter included. */
  cursor: { x: number; y: number } | null;
  /** The first line shown (a line index, also when wrapping): feed it back on the next frame. */
  scrollTop: number;
  /** The first terminal column shown when not wrapping (0 when wrapping): feed it back too. */
  scrollLeft: number;
  /** Columns of the gutter, its trailing space included; 0 when there is no room for it. */
  gutterWidth: number;
}

export interface LayoutOptions {
  /** Wrap long lines (the default) or cut them and scroll sideways. */
  wrap: boolean;
  scrollLeft?: number;
}

const PLAIN = /^[\x20-\x7e]*$/;

/** The gutter for a row: its line number right-aligned, or blank on a wrapped row. */
export function gutterText(row: Pick<EditorRow, "lineNumber">, gutterWidth: number): string {
  if (gutterWidth <= 0) return "";
  return `${row.lineNumber === null ? "" : row.lineNumber}`.padStart(gutterWidth - 1) + " ";
}

const whole = (n: number) => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/** Where each row of a wrapped line starts, and how wide each row is. */
interface Wrapped {
  starts: number[];
  widths: number[];
}

function wrapLine(line: string, width: number): Wrapped {
  if (PLAIN.test(line)) {
    const starts = [0];
    const widths: number[] = [];
    for (let s = width; s < line.length; s += width) starts.push(s);
    for (const s of starts) widths.push(Math.min(width, line.length - s));
    return { starts, widths };
  }
  const starts = [0];
  const widths: number[] = [];
  let used = 0;
  const breakAt = (at: number) => {
    starts.push(at);
    widths.push(used);
    used = 0;
  };
  walkGraphemes(line, 0, (start, end, w, plain) => {
    if (!plain) {
      if (used > 0 && used + w > width) breakAt(start);
      used += w;
      return;
    }
    for (let p = start; p < end;) {
      if (used >= width) breakAt(p);
      const take = Math.min(end - p, width - used);
      used += take;
      p += take;
    }
  });
  widths.push(used);
  return { starts, widths };
}

/** One row's text: a character too wide for the whole row shows as "…". */
function rowText(line: string, start: number, end: number, w: number, width: number): string {
  return w > width ? "…" : displayText(line.slice(start, end));
}

export function layoutEditor(
  b: TextBuffer,
  width: number,
  height: number,
  scrollTop: number,
  opts: LayoutOptions = { wrap: true },
): EditorLayout {
  const w = whole(width);
  const h = whole(height);
  const lineCount = Math.max(1, b.lines.length);
  const top = Math.min(whole(scrollTop), lineCount - 1);
  let gutterWidth = String(lineCount).length + 1;
  if (w - gutterWidth < 1) gutterWidth = 0;
  if (w === 0 || h === 0) return { rows: [], cursor: null, scrollTop: top, scrollLeft: 0, gutterWidth: 0 };
  const row = Math.max(0, Math.min(b.row, lineCount - 1));
  const line = b.lines[row] ?? "";
  const col = Math.max(0, Math.min(b.col, line.length));
  const at = { row, col, line };
  return opts.wrap
    ? wrapped(b, w - gutterWidth, h, top, at, gutterWidth)
    : cut(b, w - gutterWidth, h, top, whole(opts.scrollLeft ?? 0), at, gutterWidth);
}

interface At {
  row: number;
  col: number;
  line: string;
}

function wrapped(
  b: TextBuffer,
  width: number,
  height: number,
  scroll: number,
  at: At,
  gutter: number,
): EditorLayout {
  const n = b.lines.length;
  const cache = new Map<number, Wrapped>();
  const wrapOf = (i: number) => {
    let x = cache.get(i);
    if (!x) cache.set(i, (x = wrapLine(b.lines[i] ?? "", width)));
    return x;
  };
  // The cursor's row within its line, and its column there. At the end of a line whose last
  // row is full, it sits on one more (empty) row.
  const mine = wrapOf(at.row);
  let k = mine.starts.length - 1;
  while (k > 0 && (mine.starts[k] ?? 0) > at.col) k--;
  let x = textWidth(at.line.slice(mine.starts[k] ?? 0, at.col));
  let extra = 0;
  if (x >= width && at.col === at.line.length && at.col > 0) [k, x, extra] = [k + 1, 0, 1];
  const rowsOf = (i: number) => wrapOf(i).starts.length + (i === at.row ? extra : 0);

  let top = scroll;
  let skip = 0;
  if (at.row <= top) {
    top = at.row;
    skip = Math.max(0, k + 1 - height);
  } else {
    // Walk up from the cursor while the lines still fit: at most a screenful is measured.
    let need = k + 1;
    let t = at.row;
    while (t > top && need + rowsOf(t - 1) <= height) need += rowsOf(--t);
    if (t > top) {
      top = t;
      skip = Math.max(0, need - height);
    }
  }
  if (skip === 0) {
    // No blank rows under the last line while lines above it are hidden.
    let below = 0;
    for (let i = top; i < n && below < height; i++) below += rowsOf(i);
    while (top > 0 && below + rowsOf(top - 1) <= height) below += rowsOf(--top);
  }

  const rows: EditorRow[] = [];
  let cursor: { x: number; y: number } | null = null;
  for (let i = top; i < n && rows.length < height; i++) {
    const line = b.lines[i] ?? "";
    const { starts, widths } = wrapOf(i);
    const count = rowsOf(i);
    for (let r = i === top ? skip : 0; r < count && rows.length < height; r++) {
      const start = starts[r] ?? line.length;
      const end = starts[r + 1] ?? line.length;
      if (i === at.row && r === k) cursor = { x: gutter + x, y: rows.length };
      rows.push({
        lineNumber: r === 0 ? i + 1 : null,
        text: rowText(line, start, end, widths[r] ?? 0, width),
        startCol: start,
        endCol: end,
        padLeft: 0,
      });
    }
  }
  return { rows, cursor, scrollTop: top, scrollLeft: 0, gutterWidth: gutter };
}

/** The part of `line` between terminal columns `from` and `from + width`. */
function cutLine(line: string, from: number, width: number): Omit<EditorRow, "lineNumber"> {
  if (PLAIN.test(line)) {
    const startCol = Math.min(from, line.length);
    const endCol = Math.min(from + width, line.length);
    return { text: line.slice(startCol, endCol), startCol, endCol, padLeft: 0 };
  }
  let x = 0;
  let startCol = -1;
  let endCol = line.length;
  let padLeft = 0;
  const right = from + width;
  walkGraphemes(line, 0, (start, _end, w, plain) => {
    if (plain) {
      if (startCol < 0 && x + w > from) startCol = start + Math.max(0, from - x);
      if (x + w > right) {
        endCol = start + Math.max(0, right - x);
        return false;
      }
    } else {
      if (startCol < 0) {
        if (x >= from) startCol = start;
        else if (x + w > from) padLeft = Math.min(width, x + w - from);
      }
      if (startCol >= 0 && x + w > right) {
        endCol = start;
        return false;
      }
    }
    x += w;
    return true;
  });
  if (startCol < 0) return { text: " ".repeat(padLeft), startCol: line.length, endCol, padLeft };
  return { text: " ".repeat(padLeft) + displayText(line.slice(startCol, endCol)), startCol, endCol, padLeft };
}

function cut(
  b: TextBuffer,
  width: number,
  height: number,
  scroll: number,
  scrollLeft: number,
  at: At,
  gutter: number,
): EditorLayout {
  const n = b.lines.length;
  let top = Math.min(scroll, at.row);
  if (at.row >= top + height) top = at.row - height + 1;
  top = Math.max(0, Math.min(top, n - height));

  // Sideways only as far as it takes to show the cursor and the character under it.
  const cx = textWidth(at.line.slice(0, at.col));
  const under = Math.max(1, graphemeWidth(graphemeAfter(at.line, at.col) || " "));
  let left = Math.min(scrollLeft, cx);
  if (cx + under > left + width) left = cx + under - width;
  left = Math.max(0, Math.min(left, cx));

  const rows: EditorRow[] = [];
  for (let i = top; i < n && rows.length < height; i++) {
    rows.push({ lineNumber: i + 1, ...cutLine(b.lines[i] ?? "", left, width) });
  }
  return {
    rows,
    cursor: { x: gutter + Math.min(cx - left, width - 1), y: at.row - top },
    scrollTop: top,
    scrollLeft: left,
    gutterWidth: gutter,
  };
}
