// History entries for the pane's tests, built as the store builds them (summaries of records).
import { serializeRecord, summarize, type HistoryRecord } from "../../../src/core/history-record.js";
import type { HistoryRow } from "../../../src/ui/panes/history/historyReducer.js";

let n = 0;

export function record(over: Partial<HistoryRecord> & { name?: string } = {}): HistoryRecord {
  const i = n++;
  const { name, ...rest } = over;
  return {
    id: `id-${i}`,
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, i % 60)).toISOString(),
    endpoint: { profile: null, region: "us-east-1", account: null, url: null },
    function: { name: name ?? "orders-api", arn: null },
    qualifier: null,
    invocationType: "RequestResponse",
    payload: `{"n":${i}}`,
    response: {
      statusCode: 200,
      executedVersion: "$LATEST",
      functionError: null,
      requestId: `req-${i}`,
      payload: '{"ok":true}',
      logTail: null,
    },
    report: { durationMs: 12.5, billedMs: 13, memoryMb: 128, maxMemoryMb: 60, initMs: null },
    logs: null,
    clientMs: 40,
    ...rest,
  };
}

export const row = (over: Parameters<typeof record>[0] = {}): HistoryRow => summarize(record(over));

/** Rows oldest first, as the index gives them. */
export const rows = (...names: string[]): HistoryRow[] => names.map((name) => row({ name }));

export const lines = (...records: HistoryRecord[]) => records.map(serializeRecord).join("");
