// Invocation rows for the Live view's tests, as core/invocation-rows.ts makes them.
import type { InvocationRow } from "../../../src/core/invocation-rows.js";

export const id = (n: number) => `${String(n).padStart(8, "0")}-1111-2222-3333-444444444444`;

export function liveRow(n: number, more: Partial<InvocationRow> = {}): InvocationRow {
  return {
    requestId: id(n),
    logStreamName: "2026/01/01/[$LATEST]abc",
    startedAt: Date.UTC(2026, 0, 1, 12, 0, n),
    status: "success",
    durationMs: 12.5,
    coldStart: false,
    initMs: null,
    maxMemoryMb: 44,
    memoryMb: 128,
    errorType: null,
    events: [
      { timestamp: 1, message: `START RequestId: ${id(n)} Version: $LATEST` },
      { timestamp: 2, message: `REPORT RequestId: ${id(n)}\tDuration: 12.50 ms` },
    ],
    ...more,
  };
}

/** `count` rows, newest (the highest number) first. */
export const liveRows = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => liveRow(from + count - 1 - i));
