// One line of the history file: an invocation record (the shape in DESIGN.md), or a logs
// record that adds an invocation's complete CloudWatch logs once they have arrived.
//
// The history is append-only and never rewritten, so complete logs, which come seconds after
// the response, are a FURTHER line that refers to its invocation:
//
//   {"logsFor":"<id of the invocation>","logsState":"complete"|"gave-up","at":"<ISO>","logs":[{"timestamp":<epoch ms>,"message":"…"}]}
//
// It has no `id` of its own (an id always names an invocation). Keys are written in that order so
// a reader can recognise one from its first bytes without parsing the logs (see LOGS_PREFIX).
// When records are loaded, its logs are folded into the invocation (`logs`, plus `logsState`);
// of several for one invocation, the latest wins, except that "gave-up" never replaces
// "complete". Exported files carry merged records (logs folded in) and no logs records.
import type { InvocationType } from "./payload.js";
import { parseJson } from "./json-depth.js";

export type LogsState = "complete" | "gave-up";

export interface HistoryLogLine {
  timestamp: number;
  message: string;
}

export interface HistoryEndpoint {
  profile: string | null;
  region: string | null;
  account: string | null;
  /** The endpoint URL when it is not AWS's own (the sandbox, LocalStack). */
  url: string | null;
}

export interface HistoryResponse {
  statusCode: number;
  executedVersion: string | null;
  functionError: string | null;
  requestId: string | null;
  /** The response body as text, exactly as returned. */
  payload: string;
  /**
   * The response's exact bytes in base64, only when they are not UTF-8 (a custom runtime may
   * answer any bytes): `payload` then holds them decoded, with U+FFFD for the bytes that are not.
   */
  payloadBase64?: string;
  /** Invoke's decoded 4 KB log tail; null when none was asked for (Event, DryRun, --logs none). */
  logTail: string | null;
}

export interface HistoryReport {
  durationMs: number;
  billedMs: number;
  memoryMb: number;
  maxMemoryMb: number;
  /** Only on a cold start. */
  initMs: number | null;
}

export interface HistoryRecord {
  id: string;
  /** ISO time the invocation was sent. */
  at: string;
  endpoint: HistoryEndpoint;
  function: { name: string; arn: string | null };
  qualifier: string | null;
  invocationType: InvocationType;
  /** The request payload, exactly as sent. */
  payload: string;
  response: HistoryResponse;
  report: HistoryReport | null;
  /** The complete logs; null until a logs record supplies them. */
  logs: HistoryLogLine[] | null;
  /** Client round trip, ms. */
  clientMs: number;
  /** The id of the invocation this one replayed. */
  replayOf?: string;
  /** Whether `logs` are complete; present only when logs were folded in. */
  logsState?: LogsState;
}

export interface LogsRecord {
  logsFor: string;
  logsState: LogsState;
  at: string;
  logs: HistoryLogLine[];
}

export type ParsedLine =
  | { kind: "record"; record: HistoryRecord }
  | { kind: "logs"; logs: LogsRecord }
  | { kind: "blank" }
  | { kind: "damaged"; reason: string };

/** How every logs record written by serializeLogsRecord begins. */
export const LOGS_PREFIX = '{"logsFor":"';

const TYPES: readonly InvocationType[] = ["RequestResponse", "Event", "DryRun"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
const numOr = (v: unknown, d: number): number => (typeof v === "number" && Number.isFinite(v) ? v : d);

function logLines(v: unknown): HistoryLogLine[] | null {
  if (!Array.isArray(v)) return null;
  const out: HistoryLogLine[] = [];
  for (const e of v) {
    if (!isObj(e) || typeof e.message !== "string") return null;
    out.push({ timestamp: numOr(e.timestamp, 0), message: e.message });
  }
  return out;
}

function report(v: unknown): HistoryReport | null {
  if (!isObj(v) || typeof v.durationMs !== "number") return null;
  return {
    durationMs: v.durationMs,
    billedMs: numOr(v.billedMs, 0),
    memoryMb: numOr(v.memoryMb, 0),
    maxMemoryMb: numOr(v.maxMemoryMb, 0),
    initMs: typeof v.initMs === "number" ? v.initMs : null,
  };
}

/** Standard base64, padded, as Buffer.toString("base64") writes it. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks a parsed object as an invocation record. What a record cannot do without (id, time,
 * function, payload, status) must be there; optional parts missing or mistyped become null, so a
 * hand-edited or older file still loads.
 */
export function validateRecord(v: unknown): HistoryRecord | string {
  if (!isObj(v)) return "not a JSON object";
  if (typeof v.id !== "string" || v.id === "") return "no id";
  if (typeof v.at !== "string" || Number.isNaN(Date.parse(v.at))) return "no valid time (at)";
  const fn = v.function;
  if (!isObj(fn) || typeof fn.name !== "string" || fn.name === "") return "no function name";
  if (typeof v.payload !== "string") return "no payload text";
  const r = v.response;
  if (!isObj(r) || typeof r.statusCode !== "number") return "no response status";
  const type = TYPES.find((t) => t === v.invocationType);
  if (!type) return `unknown invocation type ${JSON.stringify(v.invocationType)}`;
  const ep = isObj(v.endpoint) ? v.endpoint : {};
  const record: HistoryRecord = {
    id: v.id,
    at: v.at,
    endpoint: {
      profile: strOrNull(ep.profile),
      region: strOrNull(ep.region),
      account: strOrNull(ep.account),
      url: strOrNull(ep.url),
    },
    function: { name: fn.name, arn: strOrNull(fn.arn) },
    qualifier: strOrNull(v.qualifier),
    invocationType: type,
    payload: v.payload,
    response: {
      statusCode: r.statusCode,
      executedVersion: strOrNull(r.executedVersion),
      functionError: strOrNull(r.functionError),
      requestId: strOrNull(r.requestId),
      payload: typeof r.payload === "string" ? r.payload : "",
      logTail: strOrNull(r.logTail),
    },
    report: report(v.report),
    logs: logLines(v.logs),
    clientMs: numOr(v.clientMs, 0),
  };
  if (typeof r.payloadBase64 === "string" && BASE64.test(r.payloadBase64))
    record.response.payloadBase64 = r.payloadBase64;
  if (typeof v.replayOf === "string" && v.replayOf !== "") record.replayOf = v.replayOf;
  if (record.logs && (v.logsState === "complete" || v.logsState === "gave-up"))
    record.logsState = v.logsState;
  return record;
}

export function validateLogsRecord(v: unknown): LogsRecord | string {
  if (!isObj(v) || typeof v.logsFor !== "string" || v.logsFor === "") return "not a logs record";
  if (v.logsState !== "complete" && v.logsState !== "gave-up") return "unknown logsState";
  const logs = logLines(v.logs);
  if (!logs) return "logs are not a list of {timestamp, message}";
  return { logsFor: v.logsFor, logsState: v.logsState, at: typeof v.at === "string" ? v.at : "", logs };
}

/** What one line of a history file holds. Never throws. */
export function parseHistoryLine(line: string): ParsedLine {
  const text = line.trim();
  if (text === "") return { kind: "blank" };
  let v: unknown;
  try {
    // A record's payloads are strings: a line nested deep is no record, and would overflow checks.
    v = parseJson(text);
  } catch {
    return { kind: "damaged", reason: "not valid JSON" };
  }
  if (isObj(v) && "logsFor" in v) {
    const logs = validateLogsRecord(v);
    return typeof logs === "string" ? { kind: "damaged", reason: logs } : { kind: "logs", logs };
  }
  const record = validateRecord(v);
  return typeof record === "string" ? { kind: "damaged", reason: record } : { kind: "record", record };
}

/** One line (with its newline), keys in the order of DESIGN.md. */
export function serializeRecord(r: HistoryRecord): string {
  const out: Obj = {
    id: r.id,
    at: r.at,
    endpoint: r.endpoint,
    function: r.function,
    qualifier: r.qualifier,
    invocationType: r.invocationType,
    payload: r.payload,
    response: r.response,
    report: r.report,
    logs: r.logs,
    clientMs: r.clientMs,
  };
  if (r.replayOf !== undefined) out.replayOf = r.replayOf;
  if (r.logs && r.logsState) out.logsState = r.logsState;
  return JSON.stringify(out) + "\n";
}

export function serializeLogsRecord(l: LogsRecord): string {
  // Key order matters: readers recognise a logs record by LOGS_PREFIX.
  return JSON.stringify({ logsFor: l.logsFor, logsState: l.logsState, at: l.at, logs: l.logs }) + "\n";
}

/** A record with a logs record folded in. "gave-up" logs never replace complete ones. */
export function withLogs(r: HistoryRecord, l: Pick<LogsRecord, "logsState" | "logs">): HistoryRecord {
  if (r.logsState === "complete" && l.logsState !== "complete") return r;
  return { ...r, logs: l.logs, logsState: l.logsState };
}

/** The fields a history list shows and filters on, cheap to keep for 100,000 entries. */
export interface HistorySummary {
  id: string;
  at: string;
  functionName: string;
  qualifier: string | null;
  invocationType: InvocationType;
  statusCode: number;
  functionError: string | null;
  executedVersion: string | null;
  durationMs: number | null;
  replayOf: string | null;
  /** The start of the request payload, whitespace squeezed, for fuzzy filtering. */
  payloadPreview: string;
}

const PREVIEW_CHARS = 160;

export function summarize(r: HistoryRecord): HistorySummary {
  return {
    id: r.id,
    at: r.at,
    functionName: r.function.name,
    qualifier: r.qualifier,
    invocationType: r.invocationType,
    statusCode: r.response.statusCode,
    functionError: r.response.functionError,
    executedVersion: r.response.executedVersion,
    durationMs: r.report?.durationMs ?? null,
    replayOf: r.replayOf ?? null,
    payloadPreview: r.payload
      .slice(0, PREVIEW_CHARS * 2)
      .replace(/\s+/g, " ")
      .slice(0, PREVIEW_CHARS),
  };
}
