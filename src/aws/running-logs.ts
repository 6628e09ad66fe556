// The log lines of a synchronous invocation while it still runs: the function's log group is
// followed (StartLiveTail where the endpoint offers it, FilterLogEvents polling otherwise) from
// just before the invocation was sent, and its lines are picked out as they come
// (core/running-lines.ts). Runs until `signal` aborts: the caller stops it when Invoke answers,
// and the complete-logs search (complete-logs.ts) takes over.
import { runningLines, type GroupEvent, type RunningLines } from "../core/running-lines.js";
import type { Clients } from "./clients.js";
import { followLogGroup } from "./log-follow.js";
import { logGroupArn } from "./live-tail.js";

export interface RunningLogsRequest {
  logGroup: string;
  /** The function's ARN, for the log group's ARN that StartLiveTail takes; polls without it. */
  functionArn?: string | null | undefined;
  /** Epoch ms when the invocation was sent. */
  sentAt: number;
  signal: AbortSignal;
  /** Told each time the invocation's lines grow. */
  onLines: (lines: RunningLines) => void;
}

/**
 * How far before the send its START may be stamped: Lambda's clock and this machine's differ a
 * little. Small, so an earlier invocation's lines are rarely taken for this one's.
 */
const SKEW_MS = 1_000;

export async function followRunningLogs(clients: Clients, req: RunningLogsRequest): Promise<void> {
  let seen: GroupEvent[] = [];
  let shown = 0;
  const arn = req.functionArn ? logGroupArn(req.functionArn, req.logGroup) : null;
  try {
    await followLogGroup(clients, {
      logGroup: req.logGroup,
      since: req.sentAt - SKEW_MS,
      follow: true,
      signal: req.signal,
      // While it runs, a line a second matters: poll briskly (this lasts only until Invoke answers).
      minDelayMs: 250,
      maxDelayMs: 500,
      live: arn ? { logGroupArn: arn } : undefined,
      onEvents: (events) => {
        seen.push(...events);
        const lines = runningLines(seen);
        // Once its START is seen, other streams' events (other invocations) are of no use.
        if (lines.logStreamName) seen = seen.filter((e) => e.logStreamName === lines.logStreamName);
        if (lines.events.length === shown) return;
        shown = lines.events.length;
        req.onLines(lines);
      },
    });
  } catch {
    // Only a view of what is coming: when CloudWatch fails, the complete-logs search after the
    // answer says why, with the reason and what to do.
  }
}
