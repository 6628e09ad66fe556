// One entry's replay: invoked again on its target and compared with the recorded response, or,
// with --against, invoked on two targets at once and the two answers compared with each other
// (live against canary, the sandbox against AWS, one region against another): the recording then only supplies the payload, so a history recorded
// long ago still tells whether a new version answers like the current one.
import type { Clients } from "../aws/clients.js";
import { AwsFailure } from "../aws/errors.js";
import { invoke } from "../aws/invoke.js";
import type { RetryListener } from "../aws/retry.js";
import type { HistoryRecord } from "../core/history-record.js";
import { recordFromInvocation } from "../core/invocation-record.js";
import type { JsonPath } from "../core/json-path.js";
import { diffResponses } from "../core/response-diff.js";
import type { ConnectionFlags } from "./connection.js";
import type { HistoryRecorder } from "./history-recorder.js";
import type { ReplayResult } from "./replay-table.js";

export interface ReplayOptions {
  /** Replay on this qualifier instead of the recorded one. */
  qualifier?: string;
  /** Also replay there, and compare the two answers. */
  against?: AgainstTarget;
  compareVersion: boolean;
  ignore: readonly JsonPath[];
}

/**
 * Each function's timeout, asked for once per function and qualifier while its first replay
 * runs: Invoke waits that long (and a margin) for an answer, not Lambda's longest 15 minutes.
 */
export function functionTimeouts(clients: Clients) {
  const asked = new Map<string, Promise<number | null>>();
  // Once known, given as a value: Invoke then sets its deadline once, not a first one for the
  // unknown and a second when the promise settles (two timers an entry).
  const known = new Map<string, number | null>();
  const controller = new AbortController();
  return {
    of(name: string, qualifier: string | null): number | null | Promise<number | null> {
      const key = `${name}\u0000${qualifier ?? ""}`;
      if (known.has(key)) return known.get(key)!;
      let p = asked.get(key);
      if (!p) {
        p = import("../aws/functions.js")
          .then((m) => m.getFunction(clients, name, qualifier ?? undefined, controller.signal))
          .then(
            (c) => c.timeoutS,
            () => null,
          )
          .then((s) => {
            known.set(key, s);
            return s;
          });
        asked.set(key, p);
      }
      return p;
    },
    /** Cancels what is still asked, and waits for it: the clients are destroyed next. */
    async close(): Promise<void> {
      controller.abort();
      await Promise.all(asked.values());
    },
  };
}

export type FunctionTimeouts = ReturnType<typeof functionTimeouts>;

/** --against's side: a qualifier, another endpoint, region or profile, or both. */
export interface AgainstTarget {
  /** Null: the same qualifier as the first side. */
  qualifier: string | null;
  /** The first side's when the connection options are the same. */
  clients: Clients;
  timeouts: FunctionTimeouts;
  /** How results name it: `canary`, `http://127.0.0.1:9002`, `canary @ us-west-2`. */
  label: string;
}

export interface AgainstFlags extends ConnectionFlags {
  against?: string;
  againstEndpointUrl?: string;
  againstRegion?: string;
  againstProfile?: string;
}

/** The other side's connection when it runs elsewhere (what is not given is the first side's). */
export function againstConnection(f: AgainstFlags): ConnectionFlags | null {
  if (f.againstEndpointUrl === undefined && f.againstRegion === undefined && f.againstProfile === undefined)
    return null;
  return {
    profile: f.againstProfile ?? f.profile,
    region: f.againstRegion ?? f.region,
    endpointUrl: f.againstEndpointUrl ?? f.endpointUrl,
    // --debug logs the requests of both sides.
    debug: f.debug,
  };
}

/** What results call the other side: `canary`, `@ URL`, `canary @ us-west-2 profile prod`. */
export function againstLabel(f: AgainstFlags): string | undefined {
  const where = [f.againstEndpointUrl, f.againstRegion, f.againstProfile && `profile ${f.againstProfile}`]
    .filter(Boolean)
    .join(" ");
  const parts = [f.against, where && `@ ${where}`].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** An answer that means "could not be replayed" (exit 3), not a bug to stop on. */
const isReplayFailure = (err: unknown): err is Error =>
  err instanceof AwsFailure || (err instanceof Error && err.name === "PayloadError");

export async function replayOne(
  clients: Clients,
  original: HistoryRecord,
  opts: ReplayOptions,
  recorder: HistoryRecorder,
  timeouts: FunctionTimeouts,
  onRetry?: RetryListener,
): Promise<ReplayResult> {
  const qualifier = opts.qualifier ?? original.qualifier;
  const on = async (q: string | null, c = clients, t = timeouts): Promise<HistoryRecord> => {
    const result = await invoke(c, original.function.name, original.payload, {
      qualifier: q ?? undefined,
      invocationType: original.invocationType,
      tail: original.response.logTail !== null,
      functionTimeoutS: t.of(original.function.name, q),
      onRetry,
    });
    const replay = recordFromInvocation(result, {
      payload: original.payload,
      endpoint: { profile: c.profile, region: c.region, url: c.endpoint },
      functionArn: original.function.arn,
      replayOf: original.id,
    });
    // Not awaited: the write (under the history's lock, batched with others) need not hold this
    // entry's concurrency slot; the recorder's close() waits for every write, and a write that
    // fails is its one warning, as before.
    void recorder.record(replay);
    return replay;
  };
  const diffOpts = { compareVersion: opts.compareVersion, ignore: opts.ignore };

  if (opts.against === undefined) {
    try {
      const replay = await on(qualifier);
      return { original, qualifier, replay, diff: diffResponses(original, replay, diffOpts), error: null };
    } catch (err) {
      if (!isReplayFailure(err)) throw err;
      return { original, qualifier, replay: null, diff: null, error: err.message };
    }
  }

  // Both at once: side by side, the two targets see the same moment (same data, same load).
  const against = opts.against;
  const [a, b] = await Promise.allSettled([
    on(qualifier),
    on(against.qualifier ?? qualifier, against.clients, against.timeouts),
  ]);
  const base = a.status === "fulfilled" ? a.value : null;
  const other = b.status === "fulfilled" ? b.value : null;
  const failures: string[] = [];
  for (const [s, q] of [
    [a, qualifier ?? "$LATEST"],
    [b, against.label],
  ] as const) {
    if (s.status === "fulfilled") continue;
    if (!isReplayFailure(s.reason)) throw s.reason;
    failures.push(`on ${q}: ${s.reason.message}`);
  }
  const diff = base && other ? diffResponses(base, other, diffOpts) : null;
  const error = failures.length > 0 ? failures.join("; ") : null;
  return {
    original,
    qualifier,
    replay: base,
    diff,
    error,
    against: { target: against.label, replay: other },
  };
}
