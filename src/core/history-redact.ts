// Redaction for sharing a history: secrets in the request and response payloads, the log tail
// and the complete logs become "[redacted]" (see secret-shapes.ts for what counts as one). In
// JSON, the value of a key that holds a secret is replaced whole, and every other string value
// is searched for secrets by shape, as free text is. Only those values are replaced, in place,
// so a pretty-printed payload stays as it was written. JSON inside a JSON string (an API
// Gateway `body`) and the JSON part of a log line (`…\tINFO\t{"token":…}`) are redacted as
// JSON; the rest of a log line, and a payload that is not JSON, as free text.
// The JSON walk is a loop over the scanner's tokens with a stack of its own, so a payload
// nested thousands deep is redacted like any other.
import { createScanner, type SyntaxKind } from "jsonc-parser";
import type { HistoryLogLine, HistoryRecord } from "./history-record.js";
import { isSecretKey, normalizeKey, redactFreeText, REDACTED } from "./secret-shapes.js";

export { REDACTED } from "./secret-shapes.js";

/** Nested JSON strings are followed this deep; deeper ones are searched as free text. */
const MAX_NESTING = 4;

/** The scanner's token kinds we act on (jsonc-parser declares them as a const enum, which
 * isolated modules cannot read). */
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  string: 10,
  eof: 17,
} as const satisfies Record<string, SyntaxKind>;

interface Edit {
  offset: number;
  length: number;
  text: string;
}

interface Frame {
  object: boolean;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

/** A string value redacted: as JSON when it holds JSON (not too deep), else as free text. */
function redactString(value: string, keys: ReadonlySet<string>, depth: number): string {
  const inner = depth < MAX_NESTING ? redactJsonText(value, keys, depth + 1) : null;
  return inner ?? redactFreeText(value, keys);
}

/** The edits that redact a valid JSON text, found in one pass over its tokens. */
function collectEdits(text: string, keys: ReadonlySet<string>, depth: number): Edit[] {
  const edits: Edit[] = [];
  const stack: Frame[] = [];
  const scanner = createScanner(text, true);
  // The next value belongs to a secret key: replaced whole.
  let secret = false;
  // Inside a secret value that is an object or array: where it starts, and the depth it closes at.
  let secretFrom = -1;
  let secretDepth = -1;
  for (let token = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const end = offset + scanner.getTokenLength();
    const top = stack[stack.length - 1];
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      if (secret && secretFrom < 0) {
        secretFrom = offset;
        secretDepth = stack.length;
        secret = false;
      }
      stack.push({ object: token === TOKEN.openBrace, expectKey: true });
      continue;
    }
    if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      stack.pop();
      if (secretFrom >= 0 && stack.length === secretDepth) {
        edits.push({ offset: secretFrom, length: end - secretFrom, text: JSON.stringify(REDACTED) });
        secretFrom = -1;
      }
      continue;
    }
    if (secretFrom >= 0) continue;
    if (token === TOKEN.comma) {
      if (top?.object) top.expectKey = true;
      continue;
    }
    if (token === TOKEN.colon) continue;
    if (token === TOKEN.string && top?.object && top.expectKey) {
      top.expectKey = false;
      secret = isSecretKey(scanner.getTokenValue(), keys);
      continue;
    }
    // A scalar value.
    if (secret) {
      edits.push({ offset, length: end - offset, text: JSON.stringify(REDACTED) });
      secret = false;
      continue;
    }
    if (token === TOKEN.string) {
      const value = scanner.getTokenValue();
      const redacted = redactString(value, keys, depth);
      if (redacted !== value) edits.push({ offset, length: end - offset, text: JSON.stringify(redacted) });
    }
  }
  return edits;
}

/** `text` redacted, or null when it is not a JSON object or array. */
function redactJsonText(text: string, keys: ReadonlySet<string>, depth = 0): string | null {
  const start = text.search(/\S/);
  if (start < 0 || (text[start] !== "{" && text[start] !== "[")) return null;
  // V8's JSON.parse checks validity at any depth; the scan below can then trust the structure.
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  const edits = collectEdits(text, keys, depth);
  if (edits.length === 0) return text;
  // Edits come in text order and never overlap: join the pieces once.
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.offset), e.text);
    at = e.offset + e.length;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** A payload redacted: as JSON when it is JSON, else as free text. */
export function redactText(text: string, keys: ReadonlySet<string> = new Set()): string {
  return redactJsonText(text, keys) ?? redactFreeText(text, keys);
}

/** A log line redacted: JSON, or a Text-format line whose end is JSON, or free text. */
export function redactLogLine(line: string, keys: ReadonlySet<string> = new Set()): string {
  const whole = redactJsonText(line, keys);
  if (whole !== null) return whole;
  // The JSON starts at one of the first few braces ("[INFO] {…}" has a bracket before it).
  const brace = /[{[]/g;
  for (let tries = 0; tries < 4; tries++) {
    const m = brace.exec(line);
    if (!m) break;
    const rest = redactJsonText(line.slice(m.index), keys);
    if (rest !== null) return redactFreeText(line.slice(0, m.index), keys) + rest;
  }
  return redactFreeText(line, keys);
}

/** The names given with --redact-key, normalised as keys are matched. */
export function extraKeySet(names: readonly string[]): Set<string> {
  return new Set(names.map(normalizeKey).filter((k) => k !== ""));
}

const redactLines = (lines: HistoryLogLine[], keys: ReadonlySet<string>) =>
  lines.map((l) => ({ timestamp: l.timestamp, message: redactLogLine(l.message, keys) }));

/**
 * A copy of `record` with its secrets replaced by "[redacted]": the default names and shapes,
 * and the values of `extraKeys`.
 */
export function redact(record: HistoryRecord, extraKeys: readonly string[] = []): HistoryRecord {
  const set = extraKeySet(extraKeys);
  const tail = record.response.logTail;
  const { payloadBase64, ...response } = record.response;
  const payload = redactText(response.payload, set);
  // A response that is not UTF-8 keeps its exact bytes only when nothing in it was redacted:
  // they would give the redacted values away.
  const bytes = payloadBase64 !== undefined && payload === response.payload ? { payloadBase64 } : {};
  return {
    ...record,
    payload: redactText(record.payload, set),
    response: {
      ...response,
      ...bytes,
      payload,
      logTail:
        tail === null
          ? null
          : tail
              .split("\n")
              .map((l) => redactLogLine(l, set))
              .join("\n"),
    },
    logs: record.logs ? redactLines(record.logs, set) : null,
  };
}
