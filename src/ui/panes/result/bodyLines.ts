// A response body as lines for a text view: JSON re-indented, other text as it is, sanitized.
// It can be 6 MB (300,000 lines pretty-printed), so it stays one string with the start and end
// of each line in typed arrays: a frame slices out only the lines it draws, and a search runs
// over the one string, not over 300,000 small ones.
import { findIn, MAX_LINE, type TextLines } from "../../../core/log-display.js";
import { parseJson } from "../../../core/json-depth.js";
import { sanitize } from "../../../core/sanitize.js";

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
// Characters that end a number or a literal (true, false, null).
const STOP = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x22]);

/**
 * `text` pretty-printed as JSON.stringify(value, null, 2) would, but with every number and
 * string copied as it was sent (a parse would round 9007199254740993 and turn "\u00e9" into
 * "é"); null when `text` is not JSON.
 */
export function prettyJson(text: string): string | null {
  try {
    // Too deep is shown as text: indented, `[`×100000 would be 10 GB of spaces.
    parseJson(text);
  } catch {
    return null;
  }
  // Pieces are joined every few thousand: a 6 MB body has millions of them, and holding them
  // all until the end made the heap (and the resident memory, which stays) far bigger.
  const chunks: string[] = [];
  let pieces: string[] = [];
  const out = {
    push(piece: string) {
      pieces.push(piece);
      if (pieces.length >= 8192) {
        chunks.push(pieces.join(""));
        pieces = [];
      }
    },
  };
  const indents = [""];
  const indent = (d: number) => (indents[d] ??= "  ".repeat(d));
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (WS.has(c)) continue;
    if (c === 0x22) {
      // To the closing quote: the first one after an even run of backslashes.
      let q = text.indexOf('"', i + 1);
      for (;;) {
        let b = q - 1;
        while (text.charCodeAt(b) === 0x5c) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      out.push(text.slice(i, q + 1));
      i = q;
    } else if (c === 0x7b || c === 0x5b) {
      let j = i + 1;
      while (WS.has(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === c + 2) {
        // An empty object or array stays on its line, as JSON.stringify writes it.
        out.push(c === 0x7b ? "{}" : "[]");
        i = j;
      } else out.push(`${text[i]}\n${indent(++depth)}`);
    } else if (c === 0x7d || c === 0x5d) {
      out.push(`\n${indent(--depth)}${text[i]}`);
    } else if (c === 0x2c) {
      out.push(`,\n${indent(depth)}`);
    } else if (c === 0x3a) {
      out.push(": ");
    } else {
      let j = i + 1;
      while (j < text.length && !STOP.has(text.charCodeAt(j))) j++;
      out.push(text.slice(i, j));
      i = j - 1;
    }
  }
  chunks.push(pieces.join(""));
  return chunks.join("");
}

export interface BodyLines extends TextLines {
  /** The body was JSON and is shown pretty-printed. */
  readonly json: boolean;
}

/**
 * A response body as lines: JSON re-indented two spaces a level (numbers and strings exactly as
 * sent, where a parse and stringify would round big numbers), other text as it is; sanitized.
 * One string holds the text, with the start and end of each line in typed arrays.
 */
export function bodyLines(body: string): BodyLines {
  const pretty = prettyJson(body);
  return indexLines(sanitize(pretty ?? body.replace(/\r\n/g, "\n")), pretty !== null);
}

function indexLines(text: string, json: boolean): BodyLines {
  let starts = new Uint32Array(1024);
  let ends = new Uint32Array(1024);
  let n = 0;
  const add = (s: number, e: number) => {
    if (n === starts.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[n] = s;
    ends[n++] = e;
  };
  for (let at = 0; ;) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    for (let s = at; ;) {
      let e = Math.min(end, s + MAX_LINE);
      const c = text.charCodeAt(e - 1);
      if (e < end && c >= 0xd800 && c <= 0xdbff) e--;
      add(s, e);
      if (e >= end) break;
      s = e;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  const count = n;
  const lineOf = (i: number) => (i >= 0 && i < count ? text.slice(starts[i], ends[i]) : "");
  let lowered: string | null = null;
  const lower = () => (lowered ??= text.toLowerCase());
  const perLine = findIn(lineOf, (i) => lineOf(i).toLowerCase(), count);
  return {
    origin: starts,
    count,
    json,
    markLine: null,
    line: lineOf,
    eventOf: () => -1,
    timeOf: () => null,
    find(query, ignoreCase, from = 0, to = count) {
      if (!query) return [];
      const hay = ignoreCase ? lower() : text;
      // Lower-casing can change a string's length (rarely): then offsets do not map, go line by line.
      if (hay.length !== text.length) return perLine(query, ignoreCase, from, to);
      const q = ignoreCase ? query.toLowerCase() : query;
      const out: number[] = [];
      // The arrays have spare room past `count` (zeros): read starts through this, never directly.
      const startOf = (i: number) => (i < count ? starts[i]! : text.length);
      const stop = startOf(Math.min(to, count));
      let line = Math.max(0, from);
      for (let at = hay.indexOf(q, startOf(line)); at >= 0 && at < stop;) {
        while (line + 1 < count && startOf(line + 1) <= at) line++;
        // A match across a line break (or a cut between pieces) is not on any one line.
        if (at + q.length <= (ends[line] ?? 0)) {
          out.push(line);
          if (line + 1 >= count) break;
          at = hay.indexOf(q, startOf(line + 1));
        } else at = hay.indexOf(q, at + 1);
      }
      return out;
    },
  };
}
