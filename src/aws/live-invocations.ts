// A function's log group followed as invocations, for the explorer's Live view: the group's
// events since `since`, then new ones as they come (StartLiveTail where the endpoint offers it,
// FilterLogEvents polling otherwise: log-follow.ts), grouped by request id into rows
// (core/invocation-rows.ts), newest first. Runs until `signal` aborts.
import { invocationRows, type InvocationRow } from "../core/invocation-rows.js";
import type { GroupEvent } from "../core/running-lines.js";
import type { Clients } from "./clients.js";
import { logGroupArn } from "./live-tail.js";
import { followLogGroup } from "./log-follow.js";

export interface LiveInvocationsRequest {
  logGroup: string;
  /** For the group's ARN that StartLiveTail takes; polls without it. */
  functionArn?: string | null | undefined;
  since: number;
  signal: AbortSignal;
  /** At most this many rows (the newest), and the events they hold, are kept. */
  limit?: number;
  onRows: (rows: InvocationRow[]) => void;
  onPath?: (path: "live tail" | "polling") => void;
  onMissingGroup?: () => void;
  /** A poll was throttled: the wait before the next (polling backs off). */
  onThrottled?: (waitMs: number) => void;
}

export async function followInvocations(clients: Clients, req: LiveInvocationsRequest): Promise<void> {
  const limit = req.limit ?? 200;
  let events: GroupEvent[] = [];
  const arn = req.functionArn ? logGroupArn(req.functionArn, req.logGroup) : null;
  await followLogGroup(clients, {
    logGroup: req.logGroup,
    since: req.since,
    follow: true,
    signal: req.signal,
    onMissingGroup: req.onMissingGroup,
    onThrottled: req.onThrottled,
    live: arn ? { logGroupArn: arn, onPath: req.onPath } : undefined,
    onEvents: (fresh) => {
      events.push(...fresh.map((e) => ({ ...e })));
      const rows = invocationRows(events, limit);
      // Bounded: only the kept rows' streams from their oldest START on matter any more.
      if (rows.length === limit) {
        // From the oldest row's first line, its init phase included (it comes before START).
        const oldest = Math.min(...rows.map((r) => r.events[0]?.timestamp ?? r.startedAt));
        events = events.filter((e) => e.timestamp >= oldest);
      }
      req.onRows(rows);
    },
  });
}
