// The payload editor's text as data: lines, a cursor with a remembered column, and an undo
// history, changed only through `editReducer` so every behaviour is testable without a terminal.
// Arrays are never mutated. An edit copies the lines array shallowly (the strings are shared),
// and an undo step keeps only the lines the edit replaced, so a keystroke in a 1 MB payload
// costs a pointer copy of the lines, never a copy or a join of the text.
import {
  colAtColumn,
  isOneGrapheme,
  nextBoundary,
  prevBoundary,
  snap,
  snapBack,
  textWidth,
} from "../../text/graphemes.js";

/** One undo (or redo) step: put `lines` back in place of the `count` lines from `start`. */
export interface Snapshot {
  start: number;
  /** The lines as they were; shared, never mutated. */
  lines: string[];
  count: number;
  /** The cursor to restore. */
  row: number;
  col: number;
  /** UTF-16 units held in `lines`, so the history can be capped by memory as well as steps. */
  size: number;
  /** Present while later keystrokes of the same kind may merge into this step. */
  run?: Run;
}

interface Run {
  kind: RunKind;
  /** The buffer's version and cursor right after the run's last edit: it continues only from there. */
  version: number;
  row: number;
  col: number;
  /** The last character typed was whitespace: a non-space next starts a new word and a new step. */
  space: boolean;
}

type RunKind = "type" | "backspace" | "delete";

export interface TextBuffer {
  /** Never empty. Treated as immutable: every change makes a new array. */
  lines: string[];
  row: number;
  /** UTF-16 offset in the line, always on a grapheme boundary. */
  col: number;
  /** Terminal column that up/down/page moves aim for, kept across a run of them. */
  preferredCol: number | null;
  undo: Snapshot[];
  redo: Snapshot[];
  /** Increases on every change of the text (and only then): a cheap key for memoising. */
  version: number;
}

export type MoveTarget =
  | "left"
  | "right"
  | "up"
  | "down"
  | "wordLeft"
  | "wordRight"
  | "home"
  | "end"
  | "top"
  | "bottom"
  | "pageUp"
  | "pageDown";

export type EditAction =
  /** Typed text, or pasted text when it is more than one character or holds a newline. */
  | { type: "insert"; text: string }
  | { type: "newline" }
  | { type: "backspace" }
  | { type: "delete" }
  /** `page` is the number of lines a page move goes (the editor's height); 10 when absent. */
  | { type: "move"; to: MoveTarget; page?: number }
  /** Replaces all the text (a template, a draft) as one undoable step; the cursor goes to the top. */
  | { type: "setText"; text: string }
  | { type: "undo" }
  | { type: "redo" };

export const UNDO_STEPS = 200;
/** About 16 MB of replaced text; the newest step is always kept. */
export const UNDO_UNITS = 8_000_000;
const DEFAULT_PAGE = 10;
const INDENT = "  ";

const NO_SNAPSHOTS: Snapshot[] = [];

function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

export function createBuffer(text = ""): TextBuffer {
  return { lines: splitLines(text), row: 0, col: 0, preferredCol: null, undo: [], redo: [], version: 0 };
}

/** The whole text. O(size): call it when the text is needed (validation, invoke), memoised on `version`. */
export function bufferText(b: Pick<TextBuffer, "lines">): string {
  return b.lines.join("\n");
}

export function editReducer(b: TextBuffer, a: EditAction): TextBuffer {
  switch (a.type) {
    case "insert":
      return insert(b, a.text);
    case "newline":
      return newline(b);
    case "backspace":
      return backspace(b);
    case "delete":
      return deleteForward(b);
    case "move":
      return move(b, a.to, a.page);
    case "setText":
      return setText(b, a.text);
    case "undo":
      return replay(b, "undo");
    case "redo":
      return replay(b, "redo");
  }
}

// ---- Words -----------------------------------------------------------------------------------

type CharClass = "space" | "word" | "other";
const WORD = /[\p{L}\p{N}\p{M}_]/u;

function classOf(cp: number): CharClass {
  if (cp === 0x20 || cp === 0x09 || cp === 0xa0 || cp === 0x3000) return "space";
  return WORD.test(String.fromCodePoint(cp)) ? "word" : "other";
}

function wordRight(line: string, col: number): number {
  let i = col;
  const step = () => (i += (line.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
  const cls = () => classOf(line.codePointAt(i) ?? 0);
  while (i < line.length && cls() === "space") step();
  const k = i < line.length ? cls() : "space";
  while (i < line.length && cls() === k) step();
  return snap(line, i);
}

function wordLeft(line: string, col: number): number {
  let i = col;
  const before = () => {
    const lo = line.charCodeAt(i - 1);
    const pair = i >= 2 && lo >= 0xdc00 && lo <= 0xdfff;
    return { cp: line.codePointAt(i - (pair ? 2 : 1)) ?? 0, len: pair ? 2 : 1 };
  };
  while (i > 0 && classOf(before().cp) === "space") i -= before().len;
  const k = i > 0 ? classOf(before().cp) : "space";
  while (i > 0 && classOf(before().cp) === k) i -= before().len;
  return snapBack(line, i);
}

// ---- Edits -----------------------------------------------------------------------------------

function lineAt(b: TextBuffer, row: number): string {
  return b.lines[row] ?? "";
}

/** The cursor clamped into the text, in case a buffer was built by hand. */
function cursor(b: TextBuffer): { row: number; col: number; line: string } {
  const row = Math.max(0, Math.min(b.row, b.lines.length - 1));
  const line = lineAt(b, row);
  return { row, col: Math.max(0, Math.min(b.col, line.length)), line };
}

/** `lines` with `remove` lines from `start` replaced by `insert`; a new array, or a shared one. */
function splice(lines: string[], start: number, remove: number, insert: string[]): string[] {
  if (start === 0 && remove === lines.length) return insert;
  if (remove === 1 && insert.length === 1) {
    const out = lines.slice();
    out[start] = insert[0] ?? "";
    return out;
  }
  const out = lines.slice(0, start);
  for (const l of insert) out.push(l);
  for (let i = start + remove; i < lines.length; i++) out.push(lines[i] ?? "");
  return out;
}

function units(lines: string[]): number {
  let n = 0;
  for (const l of lines) n += l.length;
  return n;
}

/** The `count` lines from `start`, sharing the array when that is all of it. */
function take(lines: string[], start: number, count: number): string[] {
  return start === 0 && count === lines.length ? lines : lines.slice(start, start + count);
}

function pushCapped(stack: Snapshot[], s: Snapshot): Snapshot[] {
  const out = [...stack, s];
  let total = 0;
  for (const x of out) total += x.size;
  let drop = 0;
  while (out.length - drop > 1 && (out.length - drop > UNDO_STEPS || total > UNDO_UNITS)) {
    total -= out[drop]?.size ?? 0;
    drop++;
  }
  return drop ? out.slice(drop) : out;
}

function closeRun(undo: Snapshot[]): Snapshot[] {
  const top = undo[undo.length - 1];
  if (!top?.run) return undo;
  const { run: _run, ...closed } = top;
  const out = undo.slice();
  out[out.length - 1] = closed;
  return out;
}

/**
 * Replaces `remove` lines from `start` with `insert` and puts the cursor at (row, col). A
 * keystroke of kind `run` merges into the previous undo step when it carries straight on from it.
 */
function commit(
  b: TextBuffer,
  start: number,
  remove: number,
  insert: string[],
  row: number,
  col: number,
  run: { kind: RunKind; space: boolean } | null = null,
): TextBuffer {
  const version = b.version + 1;
  const top = b.undo[b.undo.length - 1];
  const nextRun = run ? { ...run, version, row, col } : undefined;
  let undo: Snapshot[];
  if (
    run &&
    top?.run &&
    top.run.kind === run.kind &&
    top.run.version === b.version &&
    top.run.row === b.row &&
    top.run.col === b.col &&
    !(run.kind === "type" && top.run.space && !run.space)
  ) {
    // Runs only ever edit one line in place, so the step still describes the whole run.
    undo = b.undo.slice();
    undo[undo.length - 1] = { ...top, run: nextRun };
  } else {
    const old = take(b.lines, start, remove);
    const step: Snapshot = {
      start,
      lines: old,
      count: insert.length,
      row: b.row,
      col: b.col,
      size: units(old),
    };
    if (nextRun) step.run = nextRun;
    undo = pushCapped(b.undo, step);
  }
  const lines = splice(b.lines, start, remove, insert);
  return { lines, row, col, preferredCol: null, undo, redo: NO_SNAPSHOTS, version };
}

const isSpace = (text: string) => /^\s+$/.test(text);

function insert(b: TextBuffer, raw: string): TextBuffer {
  const text = raw.replace(/\r\n?/g, "\n");
  if (text === "") return b;
  const { row, col, line } = cursor(b);
  let left = line.slice(0, col);
  const right = line.slice(col);
  if (!text.includes("\n")) {
    const typed = isOneGrapheme(text);
    // A closer typed on an indented blank line goes back to its opener's indent.
    if (typed && (text === "}" || text === "]") && left.length >= 2 && /^ +$/.test(left)) {
      left = left.slice(INDENT.length);
    }
    const next = left + text + right;
    const at = snap(next, left.length + text.length);
    return commit(b, row, 1, [next], row, at, typed ? { kind: "type", space: isSpace(text) } : null);
  }
  const parts = text.split("\n");
  const last = parts.length - 1;
  parts[0] = left + (parts[0] ?? "");
  const end = (parts[last] ?? "").length + (last === 0 ? left.length : 0);
  parts[last] = (parts[last] ?? "") + right;
  return commit(b, row, 1, parts, row + last, snap(parts[last] ?? "", end));
}

function newline(b: TextBuffer): TextBuffer {
  const { row, col, line } = cursor(b);
  const before = line.slice(0, col);
  const indent = /^[ \t]*/.exec(before)?.[0] ?? "";
  const left = before.trimEnd();
  const right = line.slice(col).trimStart();
  const opener = left.endsWith("{") ? "}" : left.endsWith("[") ? "]" : null;
  const inner = opener ? indent + INDENT : indent;
  const lines = opener && right.startsWith(opener) ? [left, inner, indent + right] : [left, inner + right];
  return commit(b, row, 1, lines, row + 1, inner.length);
}

function backspace(b: TextBuffer): TextBuffer {
  const { row, col, line } = cursor(b);
  if (col === 0) {
    if (row === 0) return b;
    const prev = lineAt(b, row - 1);
    const joined = prev + line;
    return commit(b, row - 1, 2, [joined], row - 1, snap(joined, prev.length));
  }
  const from = prevBoundary(line, col);
  const next = line.slice(0, from) + line.slice(col);
  return commit(b, row, 1, [next], row, snap(next, from), { kind: "backspace", space: false });
}

function deleteForward(b: TextBuffer): TextBuffer {
  const { row, col, line } = cursor(b);
  if (col === line.length) {
    if (row === b.lines.length - 1) return b;
    const joined = line + lineAt(b, row + 1);
    return commit(b, row, 2, [joined], row, snap(joined, col));
  }
  const next = line.slice(0, col) + line.slice(nextBoundary(line, col));
  return commit(b, row, 1, [next], row, snap(next, col), { kind: "delete", space: false });
}

function setText(b: TextBuffer, text: string): TextBuffer {
  const lines = splitLines(text);
  if (lines.length === b.lines.length && lines.every((l, i) => l === b.lines[i])) return b;
  return commit(b, 0, b.lines.length, lines, 0, 0);
}

function move(b: TextBuffer, to: MoveTarget, page = DEFAULT_PAGE): TextBuffer {
  const { row, col, line } = cursor(b);
  const last = b.lines.length - 1;
  let r = row;
  let c = col;
  let preferred: number | null = null;
  switch (to) {
    case "left":
      if (col > 0) c = prevBoundary(line, col);
      else if (row > 0) c = lineAt(b, --r).length;
      break;
    case "right":
      if (col < line.length) c = nextBoundary(line, col);
      else if (row < last) [r, c] = [row + 1, 0];
      break;
    case "wordLeft":
      if (col > 0) c = wordLeft(line, col);
      else if (row > 0) c = lineAt(b, --r).length;
      break;
    case "wordRight":
      if (col < line.length) c = wordRight(line, col);
      else if (row < last) [r, c] = [row + 1, 0];
      break;
    case "home": {
      // First to the text after the indent, then to the very start.
      const indent = /^\s*/.exec(line)?.[0].length ?? 0;
      c = col === indent ? 0 : indent;
      break;
    }
    case "end":
      c = line.length;
      break;
    case "top":
      [r, c] = [0, 0];
      break;
    case "bottom":
      [r, c] = [last, lineAt(b, last).length];
      break;
    case "up":
    case "down":
    case "pageUp":
    case "pageDown": {
      const n = to === "up" || to === "down" ? 1 : Math.max(1, Math.trunc(page) || 1);
      const delta = to === "up" || to === "pageUp" ? -n : n;
      preferred = b.preferredCol ?? textWidth(line.slice(0, col));
      // Past the first or last line: to its start or end, still remembering the column.
      if (delta < 0 && row === 0) c = 0;
      else if (delta > 0 && row === last) c = line.length;
      else {
        r = Math.max(0, Math.min(last, row + delta));
        c = colAtColumn(lineAt(b, r), preferred);
      }
      break;
    }
  }
  if (r === b.row && c === b.col && preferred === b.preferredCol) return b;
  return { ...b, row: r, col: c, preferredCol: preferred, undo: closeRun(b.undo) };
}

/** Applies the newest step of one stack and pushes its inverse onto the other: undo and redo alike. */
function replay(b: TextBuffer, from: "undo" | "redo"): TextBuffer {
  const stack = b[from];
  const s = stack[stack.length - 1];
  if (!s) return b;
  const current = take(b.lines, s.start, s.count);
  const back: Snapshot = {
    start: s.start,
    lines: current,
    count: s.lines.length,
    row: b.row,
    col: b.col,
    size: units(current),
  };
  return {
    lines: splice(b.lines, s.start, s.count, s.lines),
    row: s.row,
    col: s.col,
    preferredCol: null,
    undo: from === "undo" ? stack.slice(0, -1) : pushCapped(b.undo, back),
    redo: from === "redo" ? stack.slice(0, -1) : pushCapped(b.redo, back),
    version: b.version + 1,
  };
}
