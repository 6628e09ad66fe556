// Where grapheme clusters begin and end in a line, and how many terminal columns text takes as
// the editor shows it. Shared by the text buffer (cursor moves, edits) and the layout (wrapping,
// scrolling); pure, and built so that a 1 MB line costs no more than the part of it looked at.
import stringWidth from "string-width";
import { escapeSpecial } from "../../core/sanitize.js";

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
/** A tab is shown as two spaces, the editor's indent, so a pasted tab lines up with typed ones. */
const TAB = "  ";

// ---- Graphemes -------------------------------------------------------------------------------
// The editor's lines never hold "\r", so two ASCII code units in a row always have a cluster
// boundary between them: the common case needs no segmenter. Elsewhere only a short window is
// segmented, starting from a position known to be a boundary so the segmenter sees the clusters
// it would see in the whole line. Never hand it a long string: in Node 20 iterating the segments
// of one is quadratic (a 40 kB line takes 100 ms, a 1 MB line minutes).

const ascii = (line: string, i: number) => line.charCodeAt(i) < 0x80;

/**
 * A cluster boundary at or before `at`: two ASCII characters in a row, searched for within 1 kB.
 * Failing that (a long run of, say, Chinese), 1 kB back: only a cluster or a run of flags longer
 * than that could make it wrong, where starting from 0 would cost a segmenter pass over it all.
 */
function knownBoundary(line: string, at: number): number {
  const limit = at - 1024;
  for (let i = at; i > 0 && i > limit; i--) if (ascii(line, i) && ascii(line, i - 1)) return i;
  if (limit <= 0) return 0;
  const lo = line.charCodeAt(limit);
  return lo >= 0xdc00 && lo <= 0xdfff ? limit + 1 : limit;
}

/** The cluster holding the code unit at `at` (0 <= at < line.length). */
function clusterAt(line: string, at: number): { start: number; end: number } {
  const from = knownBoundary(line, at);
  for (let span = 64; ; span *= 4) {
    const to = Math.min(line.length, at + span);
    const seg = segmenter.segment(line.slice(from, to)).containing(at - from);
    const start = from + (seg?.index ?? at - from);
    const end = start + (seg?.segment.length ?? 1);
    if (end < to || to === line.length) return { start, end };
  }
}

function isBoundary(line: string, col: number): boolean {
  if (col <= 0 || col >= line.length) return true;
  if (ascii(line, col) && ascii(line, col - 1)) return true;
  return clusterAt(line, col).start === col;
}

/** `col` moved forward to the end of the cluster it falls inside, if any. */
export function snap(line: string, col: number): number {
  const c = Math.max(0, Math.min(col, line.length));
  return isBoundary(line, c) ? c : clusterAt(line, c).end;
}

export function snapBack(line: string, col: number): number {
  const c = Math.max(0, Math.min(col, line.length));
  return isBoundary(line, c) ? c : clusterAt(line, c).start;
}

export function nextBoundary(line: string, col: number): number {
  if (col >= line.length) return line.length;
  if (ascii(line, col) && (col + 1 === line.length || ascii(line, col + 1))) return col + 1;
  return clusterAt(line, col).end;
}

export function prevBoundary(line: string, col: number): number {
  if (col <= 0) return 0;
  if (ascii(line, col - 1) && (col === 1 || ascii(line, col - 2))) return col - 1;
  return clusterAt(line, col - 1).start;
}

/** The grapheme that starts at `col` ("" at the end of the line). */
export function graphemeAfter(line: string, col: number): string {
  return line.slice(col, nextBoundary(line, col));
}

export function isOneGrapheme(text: string): boolean {
  if (text.length === 1) return true;
  return nextBoundary(text, 0) === text.length;
}

// ---- Display width ---------------------------------------------------------------------------
// Special characters are shown escaped by the product's one rule (src/core/sanitize.ts) and a
// tab as two spaces, so what a payload holds can never drive the terminal; widths count what is
// shown.

const PLAIN = /^[\x20-\x7e]*$/;

/** `text` as the editor shows it: special characters escaped, tabs as two spaces. */
export function displayText(text: string): string {
  return escapeSpecial(text, TAB);
}

const widths = new Map<string, number>();

/** Terminal columns one grapheme takes as shown (wide CJK and emoji take 2). */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let w = widths.get(g);
  if (w === undefined) {
    w = stringWidth(displayText(g));
    if (widths.size > 10_000) widths.clear();
    widths.set(g, w);
  }
  return w;
}

const NOT_PLAIN = /[^\x20-\x7e]/g;

/**
 * Walks `text` from `from` (a grapheme boundary) in pieces: runs of plain ASCII, where each code
 * unit is a grapheme one column wide (`plain`), and single other graphemes with their width.
 * `visit` returns false to stop. Cost follows the text walked, with the segmenter used only
 * around non-ASCII characters.
 */
export function walkGraphemes(
  text: string,
  from: number,
  visit: (start: number, end: number, width: number, plain: boolean) => boolean | void,
): void {
  const n = text.length;
  let i = from;
  while (i < n) {
    NOT_PLAIN.lastIndex = i;
    let j = NOT_PLAIN.exec(text)?.index ?? n;
    // The character before a non-ASCII one may take a combining mark: leave it to the segmenter.
    if (j < n && j > i) j--;
    if (j > i) {
      if (visit(i, j, j - i, true) === false) return;
      i = j;
      if (i >= n) return;
    }
    // Segment up to the next sure boundary (two ASCII characters in a row), in bounded windows.
    const cap = Math.min(n, i + 256);
    let k = i + 1;
    while (k < cap && !(ascii(text, k - 1) && ascii(text, k))) k++;
    const whole = k < cap || k === n;
    let next = i;
    for (const { segment, index } of segmenter.segment(text.slice(i, k))) {
      const start = i + index;
      const end = start + segment.length;
      if (!whole && end === k) break; // may go on past the window: segment it again from here
      if (visit(start, end, graphemeWidth(segment), false) === false) return;
      next = end;
    }
    if (next === i) {
      // One cluster longer than the window.
      const end = clusterAt(text, i).end;
      if (visit(i, end, graphemeWidth(text.slice(i, end)), false) === false) return;
      next = end;
    }
    i = next;
  }
}

/** Terminal columns `text` takes as shown. */
export function textWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let w = 0;
  walkGraphemes(text, 0, (_s, _e, width) => {
    w += width;
  });
  return w;
}

/** The last grapheme boundary of `line` whose terminal column is at most `column`. */
export function colAtColumn(line: string, column: number): number {
  let x = 0;
  let at = line.length;
  walkGraphemes(line, 0, (start, _end, w, plain) => {
    if (x + w <= column) {
      x += w;
      return true;
    }
    at = plain ? start + (column - x) : start;
    return false;
  });
  return at;
}
