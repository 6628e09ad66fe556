// Colouring for the payload editor, one line at a time. JSON strings cannot span lines, so a
// line is tokenized on its own: no state carries over, and only the visible lines are done.
// Tolerant by design: text being typed is half-formed, so anything unexpected becomes an
// "invalid" token and the rest of the line still colours. The tokens' texts joined are the line.

export type JsonTokenKind = "key" | "string" | "number" | "keyword" | "punct" | "space" | "invalid";

export interface JsonToken {
  text: string;
  kind: JsonTokenKind;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const KEYWORDS = new Set(["true", "false", "null"]);

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";
const isNumberChar = (c: string | undefined) => c !== undefined && /[0-9eE.+-]/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$]/.test(c);

export function tokenizeJsonLine(line: string): JsonToken[] {
  const out: JsonToken[] = [];
  const push = (text: string, kind: JsonTokenKind) => {
    const last = out[out.length - 1];
    if (kind === "invalid" && last?.kind === "invalid") last.text += text;
    else out.push({ text, kind });
  };
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i];
    let j = i + 1;
    if (isSpace(c)) {
      while (j < n && isSpace(line[j])) j++;
      push(line.slice(i, j), "space");
    } else if (c === '"') {
      // To the closing quote, or to the end of the line while it is still being typed.
      while (j < n && line[j] !== '"') j += line[j] === "\\" ? 2 : 1;
      j = Math.min(n, j + 1);
      let k = j;
      while (k < n && isSpace(line[k])) k++;
      push(line.slice(i, j), line[k] === ":" ? "key" : "string");
    } else if (c === "{" || c === "}" || c === "[" || c === "]" || c === ":" || c === ",") {
      push(c, "punct");
    } else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      while (j < n && isNumberChar(line[j])) j++;
      const text = line.slice(i, j);
      push(text, NUMBER.test(text) ? "number" : "invalid");
    } else if (c !== undefined && /[A-Za-z_$]/.test(c)) {
      while (j < n && isWordChar(line[j])) j++;
      const text = line.slice(i, j);
      push(text, KEYWORDS.has(text) ? "keyword" : "invalid");
    } else {
      // Whole code points, so an emoji is never split into halves.
      j = i + ((line.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
      push(line.slice(i, j), "invalid");
    }
    i = j;
  }
  return out;
}

/**
 * The tokens cut to the UTF-16 range [start, end) of their line: how a wrapped or sideways
 * scrolled row (`EditorRow.startCol`/`endCol`) is coloured from its whole line's tokens.
 */
export function tokensInRange(tokens: readonly JsonToken[], start: number, end: number): JsonToken[] {
  const out: JsonToken[] = [];
  if (start >= end) return out;
  let at = 0;
  for (const t of tokens) {
    const next = at + t.text.length;
    if (next > start && at < end) {
      out.push({
        text: t.text.slice(Math.max(0, start - at), Math.min(t.text.length, end - at)),
        kind: t.kind,
      });
    }
    if (next >= end) break;
    at = next;
  }
  return out;
}
