// Every log line of one invocation, by the algorithm in DESIGN.md: find the invocation's START
// and REPORT with FilterLogEvents (by request id, polling while CloudWatch delivers), then read
// the stream between them with GetLogEvents, which also brings the lines that carry no request
// id (raw stdout, crash output). Two CloudWatch calls once the logs are there.
import {
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type FilteredLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { isReportOf, isStartOf } from "../core/log-records.js";
import type { LogEvent } from "../core/model.js";
import type { Clients } from "./clients.js";
import { AwsFailure, describeAwsError, isRetryableLogsError } from "./errors.js";
import { sleep } from "./sleep.js";

export type LogsState = "searching" | "receiving" | "complete" | "gave-up";

export interface LogsProgress {
  state: LogsState;
  /** What is known so far: lines found by request id while searching, all lines once complete. */
  events: LogEvent[];
  calls: number;
  elapsedMs: number;
}

export interface CompleteLogsRequest {
  logGroup: string;
  requestId: string;
  /** Epoch ms when the invocation was sent; the search starts `skewMs` before it. */
  startTime: number;
  endTime?: number | undefined;
  /** Allowance for clock differences between this machine and Lambda's hosts. */
  skewMs?: number;
  /** How long to keep polling for START and REPORT before giving up. */
  deadlineMs?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal | undefined;
  onProgress?: (p: LogsProgress) => void;
}

export interface CompleteLogs {
  state: "complete" | "gave-up";
  events: LogEvent[];
  logGroup: string;
  logStreamName: string | null;
  /** CloudWatch Logs API calls made. */
  calls: number;
  /** Why it gave up, when it did. */
  reason: string | null;
}

const toEvent = (e: { timestamp?: number; message?: string }): LogEvent => ({
  timestamp: e.timestamp ?? 0,
  message: (e.message ?? "").replace(/\n$/, ""),
});

export async function fetchCompleteLogs(clients: Clients, req: CompleteLogsRequest): Promise<CompleteLogs> {
  const t0 = Date.now();
  const deadline = t0 + (req.deadlineMs ?? 60_000);
  const maxDelay = req.maxDelayMs ?? 2_000;
  let delay = req.firstDelayMs ?? 250;
  let calls = 0;
  const ctx = { profile: clients.profile, endpoint: clients.logsEndpoint, region: clients.region };
  const progress = (state: LogsState, events: LogEvent[]) =>
    req.onProgress?.({ state, events, calls, elapsedMs: Date.now() - t0 });
  const send = async <T>(fn: () => Promise<T>): Promise<T> => {
    calls++;
    return fn();
  };

  progress("searching", []);
  let start: FilteredLogEvent | undefined;
  let report: FilteredLogEvent | undefined;
  let found: FilteredLogEvent[] = [];
  let reason = "START and REPORT were not delivered in time";
  for (;;) {
    try {
      found = [];
      let nextToken: string | undefined;
      do {
        const page = await send(() =>
          clients.logs.send(
            new FilterLogEventsCommand({
              logGroupName: req.logGroup,
              startTime: req.startTime - (req.skewMs ?? 5 * 60_000),
              endTime: req.endTime,
              filterPattern: `"${req.requestId}"`,
              nextToken,
            }),
            { abortSignal: req.signal },
          ),
        );
        found.push(...(page.events ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      start = found.find((e) => isStartOf(e.message ?? "", req.requestId));
      report = found.find((e) => isReportOf(e.message ?? "", req.requestId));
      if (found.length > 0) progress("receiving", found.map(toEvent));
      if (start && report) break;
    } catch (err) {
      if ((err as Error).name === "AbortError") throw describeAwsError(err);
      if (!isRetryableLogsError(err)) throw describeAwsError(err, ctx);
      reason =
        (err as Error).name === "ResourceNotFoundException"
          ? `log group ${req.logGroup} does not exist yet (it appears with the function's first logs)`
          : "CloudWatch Logs kept throttling";
    }
    if (Date.now() + delay > deadline) {
      const events = found.map(toEvent);
      progress("gave-up", events);
      return {
        state: "gave-up",
        events,
        logGroup: req.logGroup,
        logStreamName: start?.logStreamName ?? null,
        calls,
        reason,
      };
    }
    await sleep(delay, req.signal).catch((err: unknown) => {
      throw describeAwsError(err);
    });
    delay = Math.min(maxDelay, Math.round(delay * 1.6));
  }

  // Read the stream from START to REPORT: one page unless the invocation logged a lot.
  const stream = start.logStreamName!;
  const lines: LogEvent[] = [];
  let token: string | undefined;
  for (;;) {
    let page;
    try {
      page = await send(() =>
        clients.logs.send(
          new GetLogEventsCommand({
            logGroupName: req.logGroup,
            logStreamName: stream,
            startTime: start.timestamp,
            endTime: (report.timestamp ?? start.timestamp!) + 1,
            startFromHead: true,
            nextToken: token,
          }),
          { abortSignal: req.signal },
        ),
      );
    } catch (err) {
      if (isRetryableLogsError(err) && Date.now() < deadline) {
        await sleep(delay, req.signal);
        continue;
      }
      throw describeAwsError(err, ctx);
    }
    const events = (page.events ?? []).map(toEvent);
    lines.push(...events);
    progress("receiving", lines);
    // Stop when the stream says it is done (the same token back) or REPORT is in hand.
    if (
      !page.nextForwardToken ||
      page.nextForwardToken === token ||
      events.some((e) => isReportOf(e.message, req.requestId))
    )
      break;
    token = page.nextForwardToken;
  }
  const from = lines.findIndex((e) => isStartOf(e.message, req.requestId));
  const to = lines.findIndex((e) => isReportOf(e.message, req.requestId));
  if (from < 0 || to < from) {
    throw new AwsFailure("service", `The stream ${stream} did not hold START..REPORT of ${req.requestId}.`);
  }
  const events = lines.slice(from, to + 1);
  progress("complete", events);
  return { state: "complete", events, logGroup: req.logGroup, logStreamName: stream, calls, reason: null };
}
