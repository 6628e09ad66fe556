// Wrapping a line made of parts ("200 · version 7 · 41 ms") at a width: parts stay whole on a
// row where they fit, so a row never ends halfway through "41 ms (billed 42 ms)"; a part wider
// than the row breaks at spaces, and a word wider than the row at a grapheme.
import { textWidth, walkGraphemes } from "./graphemes.js";

/** `text` in rows of at most `width` columns, cut at grapheme boundaries. */
export function hardWrap(text: string, width: number): string[] {
  const cols = Math.max(1, width);
  const out: string[] = [];
  let start = 0;
  let w = 0;
  walkGraphemes(text, 0, (from, end, cw, plain) => {
    if (plain) {
      for (let i = from; i < end;) {
        if (w === cols) {
          out.push(text.slice(start, i));
          start = i;
          w = 0;
        }
        const take = Math.min(cols - w, end - i);
        i += take;
        w += take;
      }
      return;
    }
    if (w + cw > cols && from > start) {
      out.push(text.slice(start, from));
      start = from;
      w = 0;
    }
    w += cw;
  });
  out.push(text.slice(start));
  return out;
}

/** `text` in rows of at most `width` columns, broken at spaces where it can be. */
export function wrapWords(text: string, width: number): string[] {
  if (textWidth(text) <= Math.max(1, width)) return [text];
  // An indented line (a stack frame) keeps its indent on every row it takes.
  const indent = /^ */.exec(text)![0];
  if (indent && indent.length * 2 < width)
    return wrapWords(text.slice(indent.length), width - indent.length).map((r) => indent + r);
  const cols = Math.max(1, width);
  const rows: string[] = [];
  let row = "";
  for (const word of text.split(" ")) {
    const joined = row === "" ? word : `${row} ${word}`;
    if (textWidth(joined) <= cols) {
      row = joined;
      continue;
    }
    if (row !== "") rows.push(row);
    const pieces = hardWrap(word, cols);
    rows.push(...pieces.slice(0, -1));
    row = pieces[pieces.length - 1]!;
  }
  rows.push(row);
  return rows;
}

/** `parts` joined by `sep` in rows of at most `width` columns; a new row starts at a part. */
export function wrapParts(parts: readonly string[], width: number, sep = " · "): string[] {
  const cols = Math.max(1, width);
  const rows: string[] = [];
  let row = "";
  for (const part of parts) {
    const joined = row === "" ? part : row + sep + part;
    if (textWidth(joined) <= cols) {
      row = joined;
      continue;
    }
    if (row !== "") rows.push(row);
    const pieces = wrapWords(part, cols);
    rows.push(...pieces.slice(0, -1));
    row = pieces[pieces.length - 1]!;
  }
  if (row !== "" || rows.length === 0) rows.push(row);
  return rows;
}
