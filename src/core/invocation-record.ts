// The two mappings between an invocation's result and its history record: the record of a
// result (recordFromInvocation, with logsRecordFor for the logs that come later) and the result
// a record shows again (resultFromRecord, logsFromRecord).
import { parseErrorPayload } from "./error-payload.js";
import type { HistoryLogLine, HistoryRecord, LogsRecord, LogsState } from "./history-record.js";
import type { InvokeResult, LogEvent } from "./model.js";
import { parseJson } from "./json-depth.js";

export interface RecordContext {
  /** The request payload exactly as sent. */
  payload: string;
  endpoint: { profile?: string | null; region?: string | null; url?: string | null; account?: string | null };
  /** From the function's configuration, when known; a qualified ARN is cut to the function's. */
  functionArn?: string | null;
  logs?: { state: LogsState; events: HistoryLogLine[] } | null;
  replayOf?: string;
  /** Defaults to a random UUID. */
  id?: string;
}

export interface FunctionRef {
  name: string;
  qualifier: string | null;
  /** The unqualified ARN when the reference was a full ARN. */
  arn: string | null;
  account: string | null;
}

const FULL_ARN = /^(arn:[^:]+:lambda:[^:]*:(\d{12}):function:([^:]+))(?::([^:]+))?$/;
const PARTIAL_ARN = /^(\d{12}):function:([^:]+)(?::([^:]+))?$/;

/** A FunctionName parameter (name, name:qualifier, full or partial ARN) taken apart. */
export function parseFunctionRef(ref: string): FunctionRef {
  let m = FULL_ARN.exec(ref);
  if (m) return { arn: m[1]!, account: m[2]!, name: m[3]!, qualifier: m[4] ?? null };
  if ((m = PARTIAL_ARN.exec(ref))) return { arn: null, account: m[1]!, name: m[2]!, qualifier: m[3] ?? null };
  const [name, qualifier] = ref.split(":");
  return { arn: null, account: null, name: name!, qualifier: qualifier ?? null };
}

/** Log events as the history keeps them: time and message only (CloudWatch's carry more). */
export function logLinesOf(events: readonly HistoryLogLine[]): HistoryLogLine[] {
  return events.map((e) => ({ timestamp: e.timestamp, message: e.message }));
}

/** The further record that adds an invocation's complete logs once they arrive. */
export function logsRecordFor(
  id: string,
  logs: { state: LogsState; events: readonly HistoryLogLine[] },
  at: Date = new Date(),
): LogsRecord {
  return { logsFor: id, logsState: logs.state, at: at.toISOString(), logs: logLinesOf(logs.events) };
}

/**
 * The record of one invocation. The function is stored by its bare name with the qualifier
 * apart (`orders-api:live` becomes name orders-api, qualifier live), so a replay can swap the
 * qualifier.
 */
export function recordFromInvocation(outcome: InvokeResult, ctx: RecordContext): HistoryRecord {
  const ref = parseFunctionRef(outcome.functionName);
  const configArn = ctx.functionArn ? parseFunctionRef(ctx.functionArn) : null;
  const arn = configArn?.arn ?? ref.arn;
  const r = outcome.report;
  const record: HistoryRecord = {
    id: ctx.id ?? globalThis.crypto.randomUUID(),
    at: new Date(outcome.startedAt).toISOString(),
    endpoint: {
      profile: ctx.endpoint.profile ?? null,
      region: ctx.endpoint.region ?? null,
      account: ctx.endpoint.account ?? configArn?.account ?? ref.account,
      url: ctx.endpoint.url ?? null,
    },
    function: { name: ref.name, arn },
    qualifier: outcome.qualifier ?? ref.qualifier,
    invocationType: outcome.invocationType,
    payload: ctx.payload,
    response: {
      statusCode: outcome.statusCode,
      executedVersion: outcome.executedVersion,
      functionError: outcome.functionError,
      requestId: outcome.requestId,
      payload: outcome.payloadText,
      logTail: outcome.tail,
    },
    report: r
      ? {
          durationMs: r.durationMs,
          billedMs: r.billedMs,
          memoryMb: r.memoryMb,
          maxMemoryMb: r.maxMemoryMb,
          initMs: r.initMs ?? null,
        }
      : null,
    logs: ctx.logs ? logLinesOf(ctx.logs.events) : null,
    clientMs: Math.round(outcome.clientMs * 10) / 10,
  };
  if (outcome.payloadRaw) record.response.payloadBase64 = Buffer.from(outcome.payloadRaw).toString("base64");
  if (ctx.logs) record.logsState = ctx.logs.state;
  if (ctx.replayOf !== undefined) record.replayOf = ctx.replayOf;
  return record;
}

function parsedJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

/** A recorded invocation as the result it was, to be shown exactly as it was, never re-sent. */
export function resultFromRecord(r: HistoryRecord): InvokeResult {
  const res = r.response;
  // Bytes that are not UTF-8 were recorded as they came: shown and saved as they came.
  const raw =
    res.payloadBase64 !== undefined ? new Uint8Array(Buffer.from(res.payloadBase64, "base64")) : null;
  const report = r.report
    ? {
        durationMs: r.report.durationMs,
        billedMs: r.report.billedMs,
        memoryMb: r.report.memoryMb,
        maxMemoryMb: r.report.maxMemoryMb,
        ...(r.report.initMs === null ? {} : { initMs: r.report.initMs }),
      }
    : null;
  return {
    functionName: r.function.name,
    qualifier: r.qualifier,
    invocationType: r.invocationType,
    statusCode: res.statusCode,
    executedVersion: res.executedVersion,
    functionError: res.functionError,
    error: res.functionError ? parseErrorPayload(res.payload) : null,
    requestId: res.requestId,
    ...(raw ? { payloadRaw: raw } : {}),
    payloadBytes: raw ? raw.length : Buffer.byteLength(res.payload, "utf8"),
    payloadText: res.payload,
    payloadJson: raw ? undefined : parsedJson(res.payload),
    tail: res.logTail,
    report,
    startedAt: Date.parse(r.at),
    clientMs: r.clientMs,
  };
}

export function logsFromRecord(r: HistoryRecord): LogEvent[] | null {
  return r.logs ? r.logs.map((l) => ({ timestamp: l.timestamp, message: l.message })) : null;
}
