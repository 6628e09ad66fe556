// The lines of an invocation still running, picked out of its function's log group as
// CloudWatch gets them. Its request id is not known until Invoke answers, so the invocation is
// taken to be the first one that STARTs after it was sent: its stream (an execution
// environment runs one invocation at a time) from that START, or from the INIT_START just
// before it on a cold start, up to its REPORT. When others invoke the same function at the same
// moment this may be theirs for a few seconds; the complete log, found by request id once
// Invoke answers, replaces it.
import { parseLogLine } from "./log-records.js";
import type { LogEvent } from "./model.js";

export interface GroupEvent extends LogEvent {
  logStreamName: string;
}

export interface RunningLines {
  /** The START's request id, once a START is seen. */
  requestId: string | null;
  /** The START's stream: the only one that matters from then on. */
  logStreamName: string | null;
  events: LogEvent[];
}

/** `events` (any order) of the group since the invocation was sent: the lines of the invocation. */
export function runningLines(events: readonly GroupEvent[]): RunningLines {
  const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
  const marks = sorted.map((e) => parseLogLine(e.message));
  const at = marks.findIndex((m) => m.kind === "start");
  if (at < 0) return { requestId: null, logStreamName: null, events: [] };
  const start = marks[at] as { kind: "start"; requestId: string };
  const stream = sorted[at]!.logStreamName;
  const mine: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (sorted[i]!.logStreamName === stream) mine.push(i);
  let from = mine.indexOf(at);
  // A cold start: the environment's init lines (INIT_START, what the module logs while it
  // loads) come just before START in the same stream, after no earlier REPORT.
  for (let k = from - 1; k >= 0; k--) {
    const m = marks[mine[k]!]!;
    if (m.kind === "report") break;
    if (m.kind === "initStart") {
      from = k;
      break;
    }
  }
  const out: LogEvent[] = [];
  for (let k = from; k < mine.length; k++) {
    const e = sorted[mine[k]!]!;
    out.push({ timestamp: e.timestamp, message: e.message });
    const m = marks[mine[k]!]!;
    if (m.kind === "report" && m.requestId === start.requestId) break;
  }
  return { requestId: start.requestId, logStreamName: stream, events: out };
}
