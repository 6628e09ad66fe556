// A recorded invocation turned back into what the result and log panes draw, exactly as it was:
// the result pane takes an InvokeResult and the logs it had, so a record is shown through the
// same code as a live answer and never re-sent.
import type { LogEvent } from "../../../aws/complete-logs.js";
import type { InvokeResult } from "../../../aws/invoke.js";
import { parseErrorPayload } from "../../../core/error-payload.js";
import type { HistoryRecord } from "../../../core/history-record.js";
import type { InvocationTarget } from "../../invocation/invocationReducer.js";

function parsedJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function recordTarget(r: HistoryRecord, logGroup: string): InvocationTarget {
  return {
    functionName: r.function.name,
    qualifier: r.qualifier,
    invocationType: r.invocationType,
    payload: r.payload,
    logGroup,
  };
}

export function recordResult(r: HistoryRecord): InvokeResult {
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

export function recordLogs(r: HistoryRecord): LogEvent[] | null {
  return r.logs ? r.logs.map((l) => ({ timestamp: l.timestamp, message: l.message })) : null;
}
