import type { InvokeResult } from "../../src/core/model.js";
// An InvokeResult for tests of what the UI shows; override what the test is about.

export function result(over: Partial<InvokeResult> = {}): InvokeResult {
  return {
    functionName: "orders-api",
    qualifier: "live",
    invocationType: "RequestResponse",
    statusCode: 200,
    executedVersion: "7",
    functionError: null,
    error: null,
    requestId: "req-1",
    payloadBytes: 11,
    payloadText: '{"ok":true}',
    payloadJson: { ok: true },
    tail: null,
    report: { durationMs: 41.2, billedMs: 42, memoryMb: 128, maxMemoryMb: 70 },
    startedAt: 1_000,
    clientMs: 52,
    ...over,
  };
}
