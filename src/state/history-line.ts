// One history line read as bytes: what the index of a history keeps of it (the summary a list
// shows, where the line is) without parsing the parts no list shows. Shared by the forward
// index (history-store.ts) and the newest-first scan (history-scan.ts).
import {
  LOGS_PREFIX,
  parseHistoryLine,
  summarize,
  type HistoryRecord,
  type HistorySummary,
  type LogsState,
} from "../core/history-record.js";
import { bytesAt } from "./history-line-tests.js";

export interface LineLocation {
  offset: number;
  length: number;
}

export interface HistoryIndexEntry extends HistorySummary, LineLocation {
  /** 1-based line number of the invocation (0 when a scan stopped before knowing it). */
  line: number;
  /** Where its complete logs are: a logs record, or the record itself when they are folded in. */
  logs: (LineLocation & { state: LogsState }) | null;
  logsState: LogsState | null;
}

const PREFIX = Buffer.from(LOGS_PREFIX);
const STATE_KEY = Buffer.from('","logsState":"');
const COMPLETE = Buffer.from('complete"');
const GAVE_UP = Buffer.from('gave-up"');

/**
 * The id and state of a logs record from its first bytes (`{"logsFor":"<id>","logsState":"…"`,
 * as serializeLogsRecord writes it), or null when the line does not start so. Bytes only: this
 * runs for every logs line, and decoding them was a third of the time to open a history.
 */
export function logsHead(bytes: Buffer): { id: string; state: LogsState } | null {
  const head = logsHeadEnd(bytes);
  return head ? { id: bytes.toString("utf8", PREFIX.length, head.idEnd), state: head.state } : null;
}

/** Where a logs record's id ends (its text is `bytes[LOGS_ID_START, idEnd)`) and its state, as logsHead reads them, without decoding the id. */
export function logsHeadEnd(bytes: Buffer): { idEnd: number; state: LogsState } | null {
  if (!bytesAt(bytes, 0, PREFIX)) return null;
  let q = PREFIX.length;
  while (q < bytes.length && bytes[q] !== 0x22 && bytes[q] !== 0x5c) q++;
  if (q === PREFIX.length || !bytesAt(bytes, q, STATE_KEY)) return null;
  const s = q + STATE_KEY.length;
  const state = bytesAt(bytes, s, COMPLETE) ? "complete" : bytesAt(bytes, s, GAVE_UP) ? "gave-up" : null;
  return state ? { idEnd: q, state } : null;
}

/** Where the id of a logs record starts in its line. */
export const LOGS_ID_START = PREFIX.length;

const RESPONSE_HEAD = Buffer.from(',"response":{"statusCode":');
const RESPONSE_PAYLOAD = Buffer.from(',"payload":');
const LOG_TAIL = Buffer.from(',"logTail":');
const REPORT = Buffer.from('},"report":');
const FOLDED_LOGS = Buffer.from(',"logs":[{');
const CLIENT_MS = Buffer.from('],"clientMs":');

/**
 * An invocation line's text without the response payload and log tail, which the index does
 * not show and which are most of its bytes (a 4 KB tail, up to a 6 MB response): parsing them
 * was most of the time to open a history. The cut is found by byte sequences that cannot occur
 * inside a JSON string (each begins with an unescaped `,"` or `},"`, and a string's quotes are
 * always escaped), in the key order serializeRecord writes. Null when the line is not in that
 * shape: it is then parsed whole. The parts cut are checked when the entry is opened.
 * (Only the invocation's own keys are searched for: the request payload, a string, comes first
 * and is kept, as the index shows its start.)
 */
export function indexText(bytes: Buffer): string | null {
  const head = bytes.indexOf(RESPONSE_HEAD);
  if (head < 0) return null;
  const payload = bytes.indexOf(RESPONSE_PAYLOAD, head + RESPONSE_HEAD.length);
  if (payload < 0) return null;
  const tail = bytes.indexOf(LOG_TAIL, payload + RESPONSE_PAYLOAD.length);
  if (tail < 0) return null;
  const end = bytes.indexOf(REPORT, tail + LOG_TAIL.length);
  if (end < 0) return null;
  const text = bytes.toString("utf8", 0, payload);
  // Logs folded into the record (an exported file) are cut too, leaving `[]` so the index still
  // knows they are there.
  const logs = bytes.indexOf(FOLDED_LOGS, end);
  const after = logs < 0 ? -1 : bytes.indexOf(CLIENT_MS, logs + FOLDED_LOGS.length);
  if (after < 0) return text + bytes.toString("utf8", end);
  return text + bytes.toString("utf8", end, logs) + ',"logs":[' + bytes.toString("utf8", after);
}

/**
 * Every field written out: objects built by spreading this many fields end up in V8's slow
 * dictionary mode, which doubled the time and memory of opening 100,000 entries.
 */
export function indexEntry(r: HistoryRecord, loc: LineLocation, line: number): HistoryIndexEntry {
  const s = summarize(r);
  const folded =
    r.logs && r.logsState ? { offset: loc.offset, length: loc.length, state: r.logsState } : null;
  return {
    id: s.id,
    at: s.at,
    functionName: s.functionName,
    qualifier: s.qualifier,
    invocationType: s.invocationType,
    statusCode: s.statusCode,
    functionError: s.functionError,
    executedVersion: s.executedVersion,
    durationMs: s.durationMs,
    replayOf: s.replayOf,
    payloadPreview: s.payloadPreview,
    offset: loc.offset,
    length: loc.length,
    line,
    logs: folded,
    logsState: folded?.state ?? null,
  };
}

export type LineKind =
  | { kind: "blank" }
  | { kind: "damaged" }
  | { kind: "logs"; id: string; state: LogsState }
  | { kind: "record"; record: HistoryRecord };

/**
 * What one line is. A logs record we wrote is known by its head, and its logs are parsed only
 * when opened; an unterminated one may be cut short, so it is parsed now. An invocation is
 * parsed without its response payload and log tail (see indexText).
 */
export function classifyLine(bytes: Buffer, terminated: boolean): LineKind {
  if (terminated && bytes[bytes.length - 1] === 0x7d) {
    const head = logsHead(bytes);
    if (head) return { kind: "logs", id: head.id, state: head.state };
  }
  const cut = terminated ? indexText(bytes) : null;
  let parsed = parseHistoryLine(cut ?? bytes.toString("utf8"));
  // A line the cut made invalid is judged whole, so damage is never misreported.
  if (cut !== null && parsed.kind !== "record") parsed = parseHistoryLine(bytes.toString("utf8"));
  switch (parsed.kind) {
    case "blank":
      return { kind: "blank" };
    case "damaged":
      return { kind: "damaged" };
    case "logs":
      return { kind: "logs", id: parsed.logs.logsFor, state: parsed.logs.logsState };
    case "record":
      return { kind: "record", record: parsed.record };
  }
}
