// The history record of one invocation, built from what Invoke returned (any object with the
// fields of `InvokeResult` in src/aws/invoke.ts: core does not import from src/aws).
import type { HistoryLogLine, HistoryRecord, LogsRecord, LogsState } from "./history-record.js";
import type { InvocationType } from "./payload.js";

/** What recordFromInvocation needs of an invocation; `InvokeResult` (src/aws/invoke.ts) has it. */
export interface InvocationOutcome {
  functionName: string;
  qualifier: string | null;
  invocationType: InvocationType;
  statusCode: number;
  executedVersion: string | null;
  functionError: string | null;
  requestId: string | null;
  payloadText: string;
  /** The response's bytes, present only when they are not UTF-8. */
  payloadRaw?: Uint8Array;
  tail: string | null;
  report: {
    durationMs: number;
    billedMs: number;
    memoryMb: number;
    maxMemoryMb: number;
    initMs?: number;
  } | null;
  /** Epoch ms when the request was sent. */
  startedAt: number;
  clientMs: number;
}

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

/**
 * The record of one invocation. The function is stored by its bare name with the qualifier
 * apart (`orders-api:live` becomes name orders-api, qualifier live), so a replay can swap the
 * qualifier.
 */
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

export function recordFromInvocation(outcome: InvocationOutcome, ctx: RecordContext): HistoryRecord {
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
