// CloudWatch Logs StartLiveTail: events pushed as CloudWatch gets them, instead of polled.
// Not every endpoint offers it (LocalStack, moto, an older sandbox): `unsupported` tells the
// caller to poll instead. AWS ends a session after 3 hours; the session is then started again.
import { StartLiveTailCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { Clients } from "./clients.js";
import { describeAwsError } from "./errors.js";
import { sleep } from "./sleep.js";

export interface LiveEvent {
  timestamp: number;
  /** Without the newline Lambda ends each message with. */
  message: string;
  logStreamName: string;
}

export interface LiveTailRequest {
  /** The log group's ARN (StartLiveTail takes ARNs). */
  logGroupArn: string;
  signal: AbortSignal;
  onEvents: (events: LiveEvent[]) => void;
  /** Told each time a session starts (events from then on will come). */
  onStart?: () => void;
  /** Told once when the log group does not exist yet; it is waited for. */
  onMissingGroup?: () => void;
}

/** Names under which an endpoint says it has no StartLiveTail. */
const UNSUPPORTED = /UnknownOperation|InvalidAction|NotImplemented|UnsupportedOperation|InvalidOperation/;

export function logGroupArn(functionArn: string, logGroup: string): string | null {
  const m = /^arn:(aws[^:]*):lambda:([^:]+):(\d{12}):function:/.exec(functionArn);
  return m ? `arn:${m[1]}:logs:${m[2]}:${m[3]}:log-group:${logGroup}` : null;
}

/** Streams until `signal` aborts; resolves "unsupported" when the endpoint has no live tail. */
export async function liveTail(clients: Clients, req: LiveTailRequest): Promise<"stopped" | "unsupported"> {
  const ctx = { profile: clients.profile, endpoint: clients.endpoint, region: clients.region };
  let started = false;
  let missingTold = false;
  while (!req.signal.aborted) {
    try {
      const out = await clients.logs.send(
        new StartLiveTailCommand({ logGroupIdentifiers: [req.logGroupArn] }),
        {
          abortSignal: req.signal,
        },
      );
      for await (const ev of out.responseStream ?? []) {
        if (ev.sessionStart) {
          started = true;
          req.onStart?.();
        }
        const results = ev.sessionUpdate?.sessionResults;
        if (results?.length)
          req.onEvents(
            results.map((r) => ({
              timestamp: r.timestamp ?? 0,
              message: (r.message ?? "").replace(/\r?\n$/, ""),
              logStreamName: r.logStreamName ?? "",
            })),
          );
        if (ev.SessionTimeoutException) break; // time is up: start a new session
        if (ev.SessionStreamingException) throw ev.SessionStreamingException;
      }
    } catch (err) {
      const name = (err as Error).name ?? "";
      if (name === "AbortError" || req.signal.aborted) return "stopped";
      if (name === "SessionTimeoutException") continue;
      if (name === "ResourceNotFoundException") {
        if (!missingTold) req.onMissingGroup?.();
        missingTold = true;
        try {
          await sleep(1_000, req.signal);
        } catch {
          return "stopped";
        }
        continue;
      }
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (!started && (UNSUPPORTED.test(name) || status === 404 || status === 501)) return "unsupported";
      throw describeAwsError(err, ctx);
    }
  }
  return "stopped";
}
