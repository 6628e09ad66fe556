// Retries that say so. The SDK retries throttling and transient failures silently, so a
// throttled user sees a command hang for seconds. This strategy keeps the SDK's policy (which
// errors, how many attempts, exponential back-off with full jitter, Retry-After honoured) and
// tells a listener before each wait: which service, which operation, why, and for how long.
import type { LambdaClient, LambdaClientConfig } from "@aws-sdk/client-lambda";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { answerFailure } from "./answer-failure.js";
import type { SchemasClient } from "@aws-sdk/client-schemas";

export type RetryService = "Lambda" | "CloudWatch Logs" | "the schema registry";

/** Why an attempt failed, in the classes a user acts on differently. */
export type RetryCause = "throttled" | "unreachable" | "timeout" | "cut-short" | "server-error";

export interface RetryNotice {
  service: RetryService;
  /** The API operation, e.g. "Invoke", "ListFunctions", "FilterLogEvents". */
  operation: string;
  cause: RetryCause;
  /** What the failure was called: an error name, a socket code, or "HTTP 503". */
  reason: string;
  /** The attempt about to be made after the wait: 2 is the first retry. */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
}

export type RetryListener = (notice: RetryNotice) => void;

type RetryStrategyV2 = Extract<
  NonNullable<LambdaClientConfig["retryStrategy"]>,
  { refreshRetryTokenForRetry: unknown }
>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2["acquireInitialRetryToken"]>>;
type RetryErrorInfo = Parameters<RetryStrategyV2["refreshRetryTokenForRetry"]>[1];

// The SDK's current standard-mode figures (@smithy/core util-retry, 2026 defaults).
const BASE_DELAY_MS = 50;
const THROTTLING_BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 20_000;
/** A Retry-After longer than the computed delay is honoured up to this much more. */
const RETRY_AFTER_SLACK_MS = 5000;

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

function socketCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && SOCKET_CODES.has(code)) return code;
    e = (e as { cause?: unknown }).cause ?? (e as { errors?: unknown[] }).errors?.[0];
  }
  return null;
}

/** Classifies a failed attempt the SDK judged retryable. */
export function retryCause(
  err: unknown,
  errorType: RetryErrorInfo["errorType"],
): { cause: RetryCause; reason: string } {
  const name = (err as { name?: unknown } | null)?.name;
  const status = (err as { $metadata?: { httpStatusCode?: unknown } } | null)?.$metadata?.httpStatusCode;
  if (errorType === "THROTTLING")
    return { cause: "throttled", reason: typeof name === "string" ? name : `HTTP ${String(status)}` };
  const broken = answerFailure(err);
  if (broken?.phase === "body")
    return broken.timedOutMs === null
      ? { cause: "cut-short", reason: socketCode(err) ?? "connection closed" }
      : { cause: "timeout", reason: "the answer stalled" };
  const code = socketCode(err);
  if (code) return { cause: code === "ETIMEDOUT" ? "timeout" : "unreachable", reason: code };
  if (name === "TimeoutError" || name === "RequestTimeout" || name === "RequestTimeoutException")
    return { cause: "timeout", reason: String(name) };
  if (typeof status === "number" && status >= 500) {
    // Only an AWS error body names the failure; a proxy's HTML page leaves the SDK a SyntaxError.
    const fault = (err as { $fault?: unknown }).$fault;
    const known =
      typeof fault === "string" && typeof name === "string" && name !== "Unknown" ? ` ${name}` : "";
    return { cause: "server-error", reason: `HTTP ${status}${known}` };
  }
  return { cause: "server-error", reason: typeof name === "string" ? name : "error" };
}

/**
 * Listeners for the retries of one command's requests, by the command's input: each attempt's
 * middleware sees the input, while the command it finds in its context is the first one sent
 * when the client caches its middleware (call-options.ts).
 */
const commandListeners = new WeakMap<object, RetryListener>();

/**
 * `command`, its requests' retries told to `listener` too (after the client's listener): a
 * deadline over a call (Invoke's) leaves the waits out, so a call throttled for a minute and
 * then answered is not taken for one that never answered; replay counts each entry's
 * throttling. Found through the command's input (the SDK hands it to each attempt's
 * middleware), not through AsyncLocalStorage, whose hooks on every promise cost a replay of
 * 2,000 entries a twentieth of its CPU.
 */
export function listenToRetries<C extends { input: object }>(command: C, listener: RetryListener): C {
  commandListeners.set(command.input, listener);
  return command;
}

/** What a failed attempt was: its operation, and who listens to its command's retries. */
interface AttemptTag {
  operation: string;
  listener: RetryListener | undefined;
}

class Token implements RetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  /** The retry middleware waits this long (and stops waiting if the call is aborted). */
  getRetryDelay(): number {
    return this.delay;
  }
}

/**
 * The SDK's standard retry policy with a listener. Operation names come from the per-attempt
 * middleware (`tagOperations`), which records which operation each failed attempt belonged to.
 */
export class ReportingRetryStrategy implements RetryStrategyV2 {
  /** Replaced once the client has resolved max_attempts (AWS_MAX_ATTEMPTS, the profile). */
  maxAttempts: () => Promise<number> = async () => 3;
  readonly operations = new WeakMap<object, AttemptTag>();
  /**
   * Set when the client is destroyed: a request still in flight then fails with the socket
   * reset that destroying caused, and must end there, not be retried on a closed client
   * with a notice about an endpoint that never failed.
   */
  closed = false;

  constructor(
    private readonly service: RetryService,
    private readonly listener: RetryListener | undefined,
    private readonly random: () => number = Math.random,
    /**
     * Attempts for a throttled request, when more than max_attempts: a batch (replay) waits
     * throttling out, a person at a prompt is better told. Still this one loop, the SDK's: a
     * caller that retried a throttled call again on top would multiply the attempts.
     */
    private readonly throttleAttempts = 0,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return new Token(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const configured = await this.maxAttempts();
    const maxAttempts =
      info.errorType === "THROTTLING" ? Math.max(configured, this.throttleAttempts) : configured;
    const made = token.getRetryCount() + 1;
    const retryable = info.errorType === "THROTTLING" || info.errorType === "TRANSIENT";
    if (!retryable || made >= maxAttempts || this.closed) throw new Error("No retry token available");

    const base = info.errorType === "THROTTLING" ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
    let delayMs = Math.floor(this.random() * Math.min(base * 2 ** token.getRetryCount(), MAX_DELAY_MS));
    if (info.retryAfterHint instanceof Date) {
      const asked = info.retryAfterHint.getTime() - Date.now();
      delayMs = Math.max(delayMs, Math.min(asked, delayMs + RETRY_AFTER_SLACK_MS));
    }
    const err = info.error as unknown;
    const tag = typeof err === "object" && err !== null ? this.operations.get(err) : undefined;
    const operation = tag?.operation || "request";
    // An Invoke whose answer stalled or broke off reached the function, which may have run:
    // sending it again could run it twice.
    if (operation === "Invoke" && answerFailure(err)) throw new Error("No retry token available");
    const notice: RetryNotice = {
      service: this.service,
      operation,
      ...retryCause(err, info.errorType),
      attempt: made + 1,
      maxAttempts,
      delayMs,
    };
    this.listener?.(notice);
    tag?.listener?.(notice);
    return new Token(made, delayMs);
  }

  recordSuccess(): void {}
}

type AnyClient = LambdaClient | CloudWatchLogsClient | SchemasClient;

interface AttemptContext {
  commandName?: string;
}
type Middleware = Parameters<LambdaClient["middlewareStack"]["addRelativeTo"]>[0];

/**
 * Sits inside the SDK's retry middleware, so it runs once per attempt: a failed attempt's error
 * is remembered with its operation name for the strategy to report.
 */
function tagOperations(operations: WeakMap<object, AttemptTag>): Middleware {
  const middleware =
    (next: (args: { input?: object }) => Promise<unknown>, context: AttemptContext) =>
    async (args: { input?: object }) => {
      try {
        return await next(args);
      } catch (err) {
        if (err && typeof err === "object") {
          operations.set(err, {
            operation: (context.commandName ?? "request").replace(/Command$/, ""),
            listener: args.input ? commandListeners.get(args.input) : undefined,
          });
        }
        throw err;
      }
    };
  return middleware as unknown as Middleware;
}

/** Wires a strategy made for `client` (passed as its retryStrategy) to the client's settings. */
export function attachRetryReporting(client: AnyClient, strategy: ReportingRetryStrategy): void {
  strategy.maxAttempts = (client.config as LambdaClient["config"]).maxAttempts;
  (client.middlewareStack as LambdaClient["middlewareStack"]).addRelativeTo(
    tagOperations(strategy.operations),
    { relation: "after", toMiddleware: "retryMiddleware", name: "lambdaExplorerAttemptTag" },
  );
}
