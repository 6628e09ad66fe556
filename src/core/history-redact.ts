// Redaction for sharing a history: the values of named keys (case-insensitive, at any depth)
// become "[redacted]" in the request and response payloads, the log tail and the complete logs.
// Only the values are replaced, in place, so a pretty-printed payload stays as it was written.
// JSON inside a JSON string (an API Gateway `body`) and the JSON part of a log line
// (`…\tINFO\t{"token":…}`) are redacted too. Text that is not JSON is left alone: there is no
// reliable way to find a key's value in free text.
import { parseTree, type Node, type ParseError } from "jsonc-parser";
import { MAX_JSON_DEPTH, tooDeepAt } from "./json-depth.js";
import type { HistoryLogLine, HistoryRecord } from "./history-record.js";

export const REDACTED = "[redacted]";
export const REDACTED_TOO_DEEP = `[redacted: JSON nested more than ${MAX_JSON_DEPTH} levels deep]`;
export const DEFAULT_REDACT_KEYS: readonly string[] = ["password", "secret", "token", "authorization"];

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };
/** Nested JSON strings are followed this deep; deeper ones are left as they are. */
const MAX_NESTING = 4;

interface Edit {
  offset: number;
  length: number;
  text: string;
}

function collectEdits(node: Node, keys: ReadonlySet<string>, depth: number, edits: Edit[]): void {
  if (node.type === "property") {
    const [key, value] = node.children ?? [];
    if (!key || !value) return;
    if (keys.has(String(key.value).toLowerCase())) {
      edits.push({ offset: value.offset, length: value.length, text: JSON.stringify(REDACTED) });
      return;
    }
    collectEdits(value, keys, depth, edits);
    return;
  }
  if (node.type === "string" && typeof node.value === "string" && depth < MAX_NESTING) {
    const inner = redactJsonText(node.value, keys, depth + 1);
    if (inner !== null && inner !== node.value)
      edits.push({ offset: node.offset, length: node.length, text: JSON.stringify(inner) });
    return;
  }
  for (const child of node.children ?? []) collectEdits(child, keys, depth, edits);
}

/** `text` with the named keys' values redacted, or null when it is not a JSON object or array. */
function redactJsonText(text: string, keys: ReadonlySet<string>, depth = 0): string | null {
  const start = text.search(/\S/);
  if (start < 0 || (text[start] !== "{" && text[start] !== "[")) return null;
  // Too deep for the parse tree (it recurses) and so never searched: it may hold a secret, so
  // none of it is shared.
  if (tooDeepAt(text) >= 0) return JSON.stringify(REDACTED_TOO_DEEP);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  if (!root || errors.length > 0) return null;
  const edits: Edit[] = [];
  collectEdits(root, keys, depth, edits);
  let out = text;
  // From the end, so earlier offsets stay right.
  for (const e of edits.sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

/** A JSON text redacted; other text unchanged. */
export function redactText(text: string, keys: ReadonlySet<string>): string {
  return redactJsonText(text, keys) ?? text;
}

/** A log line redacted when it is JSON or ends in JSON after a prefix (Text format app lines). */
export function redactLogLine(line: string, keys: ReadonlySet<string>): string {
  const whole = redactJsonText(line, keys);
  if (whole !== null) return whole;
  // The JSON starts at one of the first few braces ("[INFO] {…}" has a bracket before it).
  const brace = /[{[]/g;
  for (let tries = 0; tries < 4; tries++) {
    const m = brace.exec(line);
    if (!m) break;
    const rest = redactJsonText(line.slice(m.index), keys);
    if (rest !== null) return line.slice(0, m.index) + rest;
  }
  return line;
}

function keySet(keys: readonly string[]): Set<string> {
  return new Set(keys.map((k) => k.trim().toLowerCase()).filter((k) => k !== ""));
}

const redactLines = (lines: HistoryLogLine[], keys: ReadonlySet<string>) =>
  lines.map((l) => ({ timestamp: l.timestamp, message: redactLogLine(l.message, keys) }));

/** A copy of `record` with the values of `keys` replaced by "[redacted]". */
export function redact(record: HistoryRecord, keys: readonly string[] = DEFAULT_REDACT_KEYS): HistoryRecord {
  const set = keySet(keys);
  if (set.size === 0) return record;
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
