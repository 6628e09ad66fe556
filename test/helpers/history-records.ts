// History records for tests: a complete, valid record; override what the test is about.
import type { HistoryRecord } from "../../src/core/history-record.js";

let n = 0;

export function historyRecord(over: Partial<HistoryRecord> = {}): HistoryRecord {
  n++;
  return {
    id: `rec-${n}-${Math.random().toString(36).slice(2, 8)}`,
    at: new Date(Date.UTC(2026, 10, 25, 10, 0, n % 60)).toISOString(),
    endpoint: { profile: null, region: "us-east-1", account: null, url: "http://127.0.0.1:9001" },
    function: { name: "versioned-greeter", arn: null },
    qualifier: "live",
    invocationType: "RequestResponse",
    payload: `{"n":${n}}`,
    response: {
      statusCode: 200,
      executedVersion: "1",
      functionError: null,
      requestId: `req-${n}`,
      payload: '{"message":"hello, world!","version":"1"}',
      logTail: "START RequestId: x Version: 1\n",
    },
    report: { durationMs: 1.5, billedMs: 2, memoryMb: 128, maxMemoryMb: 43, initMs: null },
    logs: null,
    clientMs: 3.2,
    ...over,
  };
}
