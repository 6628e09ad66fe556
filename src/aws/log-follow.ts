// A function's log group as it grows: FilterLogEvents from a start time, then, when following,
// polled again and again. An event CloudWatch delivers a little late (its time before the
// newest one seen) is still caught: each poll looks back a few seconds and skips event ids it
// has already given. The wait between polls is short while events come, grows while none do,
// and grows further while CloudWatch throttles: honest back-off, never a tight loop.
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { Clients } from "./clients.js";
import { describeAwsError } from "./errors.js";
import { liveTail } from "./live-tail.js";
import { sleep } from "./sleep.js";

export interface FollowedEvent {
  timestamp: number;
  /** Without the newline Lambda ends each message with. */
  message: string;
  logStreamName: string;
  eventId: string;
}

export interface FollowRequest {
  logGroup: string;
  /** Epoch ms: the first events given are from then on. */
  since: number;
  /** Keep polling for new events (until `signal` aborts); else give what is there and end. */
  follow: boolean;
  signal?: AbortSignal | undefined;
  onEvents: (events: FollowedEvent[]) => void;
  /** Told once when the log group does not exist (when following, it is waited for). */
  onMissingGroup?: () => void;
  /** Told when a poll is throttled, with the wait before the next. */
  onThrottled?: (waitMs: number) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How far back each poll looks for events delivered late. */
  lookBackMs?: number;
  /**
   * When following: the group's ARN, to have new events pushed by StartLiveTail where the
   * endpoint offers it (polling otherwise). Told which path was taken.
   */
  live?: { logGroupArn: string; onPath?: (path: "live tail" | "polling") => void };
}

const isThrottling = (err: unknown) =>
  /Throttl|TooManyRequests|LimitExceeded/.test((err as { name?: string } | null)?.name ?? "");

/**
 * Gives the group's events from `since`; when following, goes on until aborted, with
 * StartLiveTail when `live` is given and the endpoint offers it.
 */
export async function followLogGroup(clients: Clients, req: FollowRequest): Promise<void> {
  if (!req.follow || !req.live) return poll(clients, req);
  // The session starts first, its events held back, so nothing falls between the events read
  // up to now and the ones pushed from now on; those read both ways are given once.
  let held: FollowedEvent[] | null = [];
  const given = new Set<string>();
  const key = (e: { timestamp: number; logStreamName: string; message: string }) =>
    `${e.timestamp}\u0000${e.logStreamName}\u0000${e.message}`;
  let serial = 0;
  let started!: () => void;
  const start = new Promise<void>((r) => (started = r));
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  req.signal?.addEventListener("abort", onAbort, { once: true });
  const live = liveTail(clients, {
    logGroupArn: req.live.logGroupArn,
    signal: stop.signal,
    onStart: started,
    onMissingGroup: () => req.onMissingGroup?.(),
    onEvents: (events) => {
      const fresh = events
        .filter((e) => !given.has(key(e)))
        .map((e) => ({ ...e, eventId: `live-${++serial}` }));
      if (held) held.push(...fresh);
      else if (fresh.length) req.onEvents(fresh);
    },
  });
  const first = await Promise.race([start.then(() => "started" as const), live]);
  try {
    if (first !== "started") {
      req.live.onPath?.("polling");
      return await poll(clients, req);
    }
    req.live.onPath?.("live tail");
    await poll(clients, {
      ...req,
      follow: false,
      onEvents: (events) => {
        for (const e of events) given.add(key(e));
        req.onEvents(events);
      },
    });
    const rest = held.filter((e) => !given.has(key(e)));
    held = null;
    if (rest.length) req.onEvents(rest);
    await live;
  } finally {
    req.signal?.removeEventListener("abort", onAbort);
    stop.abort();
  }
}

async function poll(clients: Clients, req: FollowRequest): Promise<void> {
  const minDelay = req.minDelayMs ?? 300;
  const maxDelay = req.maxDelayMs ?? 1_000;
  const lookBack = req.lookBackMs ?? 5_000;
  const ctx = { profile: clients.profile, endpoint: clients.endpoint, region: clients.region };
  // Event ids already given whose time is within the look-back window of the newest.
  const seen = new Map<string, number>();
  let newest = req.since;
  let delay = minDelay;
  let told = false;
  for (;;) {
    const fresh: FollowedEvent[] = [];
    try {
      let nextToken: string | undefined;
      do {
        const page = await clients.logs.send(
          new FilterLogEventsCommand({
            logGroupName: req.logGroup,
            startTime: Math.max(req.since, newest - lookBack),
            nextToken,
          }),
          { abortSignal: req.signal },
        );
        for (const e of page.events ?? []) {
          const id = e.eventId ?? `${e.logStreamName}/${e.timestamp}/${e.message}`;
          if (seen.has(id)) continue;
          const timestamp = e.timestamp ?? 0;
          seen.set(id, timestamp);
          fresh.push({
            timestamp,
            message: (e.message ?? "").replace(/\r?\n$/, ""),
            logStreamName: e.logStreamName ?? "",
            eventId: id,
          });
        }
        nextToken = page.nextToken;
      } while (nextToken);
      delay = fresh.length > 0 ? minDelay : Math.min(maxDelay, Math.round(delay * 1.5));
    } catch (err) {
      const name = (err as Error).name;
      if (name === "AbortError") return;
      if (name === "ResourceNotFoundException") {
        if (!told) req.onMissingGroup?.();
        told = true;
        if (!req.follow) return;
        delay = maxDelay;
      } else if (isThrottling(err)) {
        delay = Math.min(10_000, Math.max(delay * 2, 1_000));
        req.onThrottled?.(delay);
      } else throw describeAwsError(err, ctx);
    }
    if (fresh.length > 0) {
      fresh.sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : 1));
      newest = Math.max(newest, fresh[fresh.length - 1]!.timestamp);
      req.onEvents(fresh);
      for (const [id, t] of seen) if (t < newest - lookBack) seen.delete(id);
    }
    if (!req.follow || req.signal?.aborted) return;
    try {
      await sleep(delay, req.signal);
    } catch {
      return;
    }
  }
}
