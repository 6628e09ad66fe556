// Every log line of one invocation, by the algorithm in DESIGN.md: find the invocation's START
// and REPORT with FilterLogEvents (by request id, polling while CloudWatch delivers), then read
// the stream between them with GetLogEvents, which also brings the lines that carry no request
// id (raw stdout, crash output) and, on a cold start, the init phase logged before START. Two
// CloudWatch calls once the logs are there. When the logs cannot be had (access denied, no
// such log group, a failing service) the result says why instead of throwing: the invocation
// ran, and its answer must not be lost to its logs.
import {
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type FilteredLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import { isInitStart, isReportOf, isStartOf, parseLogLine } from "../core/log-records.js";
import type { LogEvent } from "../core/model.js";
import type { Clients } from "./clients.js";
import { AwsFailure, describeAwsError } from "./errors.js";
import { logsFailure, missingGroup } from "./logs-unavailable.js";
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
  /** The longest wait between polls once the first `fastForMs` have passed. */
  maxDelayMs?: number;
  /**
   * For this long after the search starts, polls are at most `fastDelayMs` apart, so logs
   * CloudWatch delivers within seconds are shown within ~300 ms of their arrival; later the
   * wait grows to `maxDelayMs`, as logs that late are rare and polling costs quota.
   */
  fastForMs?: number;
  fastDelayMs?: number;
  /**
   * Invoke's tail showed a cold start (INIT_START, or Init Duration in REPORT): the init
   * phase's lines before START belong to the complete log too. REPORT's Init Duration is also
   * read from CloudWatch, but a failed init has none, so the tail's word counts.
   */
  coldStart?: boolean;
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
  /** What to do about it, when something can be done (e.g. the IAM actions needed). */
  hint: string | null;
}

const toEvent = (e: { timestamp?: number; message?: string }): LogEvent => ({
  timestamp: e.timestamp ?? 0,
  message: (e.message ?? "").replace(/\n$/, ""),
});

const isThrottling = (err: unknown) =>
  /Throttl|TooManyRequests|LimitExceeded/.test((err as { name?: string } | null)?.name ?? "");

/** Whether a REPORT (Text or JSON) says the invocation was a cold start. */
function reportShowsInit(message: string): boolean {
  const mark = parseLogLine(message);
  return mark.kind === "report" && mark.metrics.initMs !== undefined;
}

export async function fetchCompleteLogs(clients: Clients, req: CompleteLogsRequest): Promise<CompleteLogs> {
  const t0 = Date.now();
  const deadline = t0 + (req.deadlineMs ?? 60_000);
  const maxDelay = req.maxDelayMs ?? 2_000;
  const fastUntil = t0 + (req.fastForMs ?? 10_000);
  const fastDelay = req.fastDelayMs ?? 250;
  let delay = req.firstDelayMs ?? 100;
  let calls = 0;
  const ctx = { profile: clients.profile, endpoint: clients.logsEndpoint, region: clients.region };
  const progress = (state: LogsState, events: LogEvent[]) =>
    req.onProgress?.({ state, events, calls, elapsedMs: Date.now() - t0 });
  const send = async <T>(fn: () => Promise<T>): Promise<T> => {
    calls++;
    return fn();
  };
  const gaveUp = (
    events: LogEvent[],
    stream: string | null,
    why: { reason: string; hint: string | null },
  ) => {
    progress("gave-up", events);
    return {
      state: "gave-up" as const,
      events,
      logGroup: req.logGroup,
      logStreamName: stream,
      calls,
      ...why,
    };
  };
  /** A failure no retry mends ends the search with its reason; cancelling still throws. */
  const unrecoverable = (err: unknown, events: LogEvent[], stream: string | null) => {
    if ((err as Error).name === "AbortError") throw describeAwsError(err);
    if ((err as Error).name === "ResourceNotFoundException")
      return gaveUp(events, stream, missingGroup(req.logGroup));
    return gaveUp(events, stream, logsFailure(err, req.logGroup, ctx));
  };
  const wait = async () => {
    await sleep(delay, req.signal).catch((err: unknown) => {
      throw describeAwsError(err);
    });
    const grown = Math.round(delay * 1.6);
    delay = Date.now() < fastUntil ? Math.min(fastDelay, grown) : Math.min(maxDelay, grown);
  };

  progress("searching", []);
  let start: FilteredLogEvent | undefined;
  let report: FilteredLogEvent | undefined;
  let found: FilteredLogEvent[] = [];
  let why = { reason: "START and REPORT were not delivered in time", hint: null as string | null };
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
      // Throttling past the SDK's own retries: poll on, more slowly, until the deadline. A
      // server error has had the SDK's retries already: waiting for the deadline would only
      // keep the user from the answer.
      if (!isThrottling(err)) return unrecoverable(err, found.map(toEvent), null);
      why = { reason: "CloudWatch Logs kept throttling", hint: "Try again in a moment." };
      delay = Math.min(maxDelay, Math.round(delay * 2));
    }
    if (Date.now() + delay > deadline) return gaveUp(found.map(toEvent), start?.logStreamName ?? null, why);
    await wait();
  }

  // Read the stream up to REPORT: from START, or on a cold start from the stream's head, where
  // the environment's init phase was logged. One page unless the invocation logged a lot.
  const cold = req.coldStart === true || reportShowsInit(report.message ?? "");
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
            startTime: cold ? undefined : start.timestamp,
            endTime: (report.timestamp ?? start.timestamp!) + 1,
            startFromHead: true,
            nextToken: token,
          }),
          { abortSignal: req.signal },
        ),
      );
    } catch (err) {
      if (isThrottling(err) && Date.now() < deadline) {
        await wait();
        continue;
      }
      return unrecoverable(err, found.map(toEvent), stream);
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
  let from = lines.findIndex((e) => isStartOf(e.message, req.requestId));
  const to = lines.findIndex((e) => isReportOf(e.message, req.requestId));
  if (from < 0 || to < from) {
    throw new AwsFailure("service", `The stream ${stream} did not hold START..REPORT of ${req.requestId}.`);
  }
  if (cold) {
    // The last INIT_START before START opens this environment's init (the stream's first
    // event when it has none, e.g. a runtime that does not write one).
    let init = 0;
    for (let i = from - 1; i >= 0; i--)
      if (isInitStart(lines[i]!.message)) {
        init = i;
        break;
      }
    from = init;
  }
  const events = lines.slice(from, to + 1);
  progress("complete", events);
  return {
    state: "complete",
    events,
    logGroup: req.logGroup,
    logStreamName: stream,
    calls,
    reason: null,
    hint: null,
  };
}
