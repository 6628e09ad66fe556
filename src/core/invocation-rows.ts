// A function's log group as invocations rather than lines, for a Live view: one row per request
// id with what its REPORT says (duration, memory, cold start, status and error type), newest
// first. Lines without a request id (raw stdout, the init phase) belong to the invocation
// running in their stream: an execution environment runs one at a time, and its init lines
// come just before its first START. Pure, so every grouping is testable without a terminal.
import { parseLogLine } from "./log-records.js";
import type { LogEvent } from "./model.js";
import type { GroupEvent } from "./running-lines.js";

/** "running" until REPORT; then the REPORT's status, "error" when the handler threw. */
export type InvocationStatus = "running" | "success" | "error" | "timeout" | (string & {});

export interface InvocationRow {
  requestId: string;
  logStreamName: string;
  /** START's time (or its first line's). */
  startedAt: number;
  status: InvocationStatus;
  durationMs: number | null;
  coldStart: boolean;
  /** REPORT's Init Duration, on a cold start. */
  initMs: number | null;
  maxMemoryMb: number | null;
  memoryMb: number | null;
  /** From the REPORT (JSON format, Text on a failed init) or the runtime's "Invoke Error" line. */
  errorType: string | null;
  /** The invocation's lines in time order, init phase included on a cold start. */
  events: LogEvent[];
}

/** The errorType of a runtime's "Invoke Error" / error line, whose message is the error as JSON. */
function errorTypeIn(message: string): string | null {
  const m = /"errorType"\s*:\s*"([^"]+)"/.exec(message);
  return m ? m[1]! : null;
}

/** `events` of one log group (any order), as invocations, newest first; at most `limit`. */
export function invocationRows(events: readonly GroupEvent[], limit = 500): InvocationRow[] {
  const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
  const rows = new Map<string, InvocationRow>();
  // Per stream: the invocation running in it, and lines logged before its START (init).
  const current = new Map<string, InvocationRow | null>();
  const pending = new Map<string, LogEvent[]>();
  for (const e of sorted) {
    const line: LogEvent = { timestamp: e.timestamp, message: e.message };
    const mark = parseLogLine(e.message);
    const stream = e.logStreamName;
    if (mark.kind === "start") {
      const before = pending.get(stream) ?? [];
      pending.delete(stream);
      const row: InvocationRow = rows.get(mark.requestId) ?? {
        requestId: mark.requestId,
        logStreamName: stream,
        startedAt: e.timestamp,
        status: "running",
        durationMs: null,
        coldStart: before.some((l) => parseLogLine(l.message).kind === "initStart"),
        initMs: null,
        maxMemoryMb: null,
        memoryMb: null,
        errorType: null,
        events: [],
      };
      row.events.unshift(...before);
      row.events.push(line);
      rows.set(mark.requestId, row);
      current.set(stream, row);
      continue;
    }
    const byId = "requestId" in mark && mark.requestId ? rows.get(mark.requestId) : undefined;
    const row = byId ?? current.get(stream) ?? null;
    if (!row) {
      // Before any START in this stream: an init phase, or an invocation begun before the
      // window whose START was not read (its lines are then dropped with it).
      if (mark.kind === "initStart") pending.set(stream, [line]);
      else pending.get(stream)?.push(line);
      continue;
    }
    row.events.push(line);
    if (mark.kind === "app" && mark.level === "ERROR") row.errorType ??= errorTypeIn(mark.message);
    if (mark.kind === "report") {
      const m = mark.metrics;
      row.durationMs = m.durationMs;
      row.memoryMb = m.memoryMb || null;
      row.maxMemoryMb = m.maxMemoryMb || null;
      if (m.initMs !== undefined) {
        row.coldStart = true;
        row.initMs = m.initMs;
      }
      if (m.errorType) row.errorType = m.errorType;
      row.status = m.status ?? (row.errorType ? "error" : "success");
      if (current.get(stream) === row) current.set(stream, null);
    }
  }
  return [...rows.values()].sort((a, b) => b.startedAt - a.startedAt).slice(0, limit);
}
