// An invocation seen in the logs, shown in the result pane as an invocation from here would be:
// the target it ran on and a result built only from what its log lines say (REPORT's metrics,
// the request id, an error type). Its payload and answer never reach the logs, so the result
// carries none, and the target is marked seen-in-logs for the pane to say so.
import type { InvocationRow } from "../../../core/invocation-rows.js";
import type { InvokeResult, ReportMetrics } from "../../../core/model.js";
import type { InvocationTarget } from "../result/invocationReducer.js";

export interface LiveSource {
  functionName: string;
  logGroup: string;
  functionArn: string | null;
}

export function liveTarget(src: LiveSource): InvocationTarget {
  return {
    functionName: src.functionName,
    qualifier: null,
    invocationType: "RequestResponse",
    payload: "",
    logGroup: src.logGroup,
    functionArn: src.functionArn,
    seenInLogs: true,
  };
}

function report(row: InvocationRow): ReportMetrics | null {
  if (row.durationMs === null) return null;
  return {
    durationMs: row.durationMs,
    billedMs: Math.ceil(row.durationMs),
    memoryMb: row.memoryMb ?? 0,
    maxMemoryMb: row.maxMemoryMb ?? 0,
    ...(row.initMs !== null ? { initMs: row.initMs } : {}),
    ...(row.status !== "success" && row.status !== "running" ? { status: row.status } : {}),
    ...(row.errorType ? { errorType: row.errorType } : {}),
  };
}

export function liveResult(src: LiveSource, row: InvocationRow): InvokeResult {
  const failed = row.status !== "success" && row.status !== "running";
  return {
    functionName: src.functionName,
    qualifier: null,
    invocationType: "RequestResponse",
    // Unknown: the logs do not say. The pane shows the row's status instead (summaryLines).
    statusCode: 200,
    executedVersion: null,
    functionError: failed ? "Unhandled" : null,
    error: null,
    requestId: row.requestId,
    payloadBytes: 0,
    payloadText: "",
    payloadJson: undefined,
    tail: null,
    report: report(row),
    startedAt: row.startedAt,
    clientMs: 0,
  };
}
