// One invocation, checked before it is sent, with everything the response says made typed:
// status, version, error, request id, payload, the decoded tail and its REPORT metrics.
import { isUtf8 } from "node:buffer";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { parseErrorPayload } from "../core/error-payload.js";
import { parseReport, requestIdFromTail } from "../core/log-records.js";
import type { InvokeResult } from "../core/model.js";
import { checkPayload, describeCheck, type InvocationType } from "../core/payload.js";
import { sendInvoke } from "./call-options.js";
import type { Clients } from "./clients.js";
import { AwsFailure, describeAwsError } from "./errors.js";
import { listenToRetries, type RetryListener } from "./retry.js";
import { formatWait, invokeWaitMs } from "./timeouts.js";
import { parseJson } from "../core/json-depth.js";

export interface InvokeOptions {
  qualifier?: string | undefined;
  invocationType?: InvocationType;
  /** Ask for the 4 KB log tail (sync invocations only). Default true. */
  tail?: boolean;
  /** Client context (an object is JSON-encoded); Lambda passes it to the handler. */
  clientContext?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * The function's configured timeout in seconds, for how long to wait for the answer: known,
   * or still being asked for (the wait is cut down once it comes); unknown means Lambda's 15 min.
   */
  functionTimeoutS?: number | null | Promise<number | null> | undefined;
  /** Told of each retry of this invocation (after the client's own listener). */
  onRetry?: RetryListener | undefined;
}

/** Bad input that was never sent: the message says where and what. */
export class PayloadError extends Error {
  override name = "PayloadError";
}

export async function invoke(
  clients: Clients,
  functionName: string,
  payload: string,
  opts: InvokeOptions = {},
): Promise<InvokeResult> {
  const invocationType = opts.invocationType ?? "RequestResponse";
  const check = checkPayload(payload, invocationType);
  if (!check.ok)
    throw new PayloadError(
      check.kind === "size"
        ? `${check.message}.`
        : check.kind === "depth"
          ? `Payload refused: ${describeCheck(check)}.`
          : `Payload is not valid JSON: ${describeCheck(check)}`,
    );
  const wantTail = (opts.tail ?? true) && invocationType === "RequestResponse";
  const clientContext =
    opts.clientContext === undefined
      ? undefined
      : Buffer.from(
          typeof opts.clientContext === "string" ? opts.clientContext : JSON.stringify(opts.clientContext),
        ).toString("base64");

  const startedAt = Date.now();
  const t0 = performance.now();
  const wait = invokeDeadline(clients, opts, t0);
  let out;
  try {
    const command = new InvokeCommand({
      FunctionName: functionName,
      Qualifier: opts.qualifier,
      InvocationType: invocationType,
      LogType: wantTail ? "Tail" : "None",
      Payload: check.empty ? undefined : Buffer.from(payload, "utf8"),
      ClientContext: clientContext,
    });
    const onRetry = opts.onRetry;
    listenToRetries(command, (notice) => {
      wait.extend(notice.delayMs);
      onRetry?.(notice);
    });
    // The handler's own wait for an answer is for quick calls: this one is the deadline's.
    out = await sendInvoke(clients.lambda, command, { abortSignal: wait.signal, requestTimeout: 0 });
  } catch (err) {
    if (wait.expired()) throw wait.failure(functionName);
    throw describeAwsError(err, {
      profile: clients.profile,
      endpoint: clients.endpoint,
      region: clients.region,
    });
  } finally {
    wait.stop();
  }
  const clientMs = performance.now() - t0;

  const bytes = out.Payload ?? new Uint8Array();
  const payloadText = Buffer.from(bytes).toString("utf8");
  const utf8 = isUtf8(bytes);
  let payloadJson: unknown;
  // JSON is UTF-8 (RFC 8259): bytes that are not are no JSON, even if the replaced text parses.
  if (utf8 && payloadText.length > 0) {
    try {
      // Nested too deep to walk: shown and recorded as the text it is.
      payloadJson = parseJson(payloadText);
    } catch {
      payloadJson = undefined;
    }
  }
  const tail = out.LogResult ? Buffer.from(out.LogResult, "base64").toString("utf8") : null;
  // Read once: the REPORT gives the metrics and the request id (requestIdFromTail read it again).
  const reported = tail ? parseReport(tail) : null;
  const report = reported?.metrics ?? null;
  const functionError = out.FunctionError ?? null;
  return {
    functionName,
    qualifier: opts.qualifier ?? null,
    invocationType,
    statusCode: out.StatusCode ?? 0,
    executedVersion: out.ExecutedVersion ?? null,
    functionError,
    error: functionError ? parseErrorPayload(payloadText) : null,
    requestId:
      (reported ? reported.requestId : tail ? requestIdFromTail(tail) : null) ??
      out.$metadata.requestId ??
      null,
    payloadBytes: bytes.length,
    payloadText,
    ...(utf8 ? {} : { payloadRaw: bytes }),
    payloadJson,
    tail,
    report,
    startedAt,
    clientMs,
  };
}

interface Deadline {
  signal: AbortSignal;
  /** Moves the deadline on by a retry's back-off wait: the function runs only once answered. */
  extend(ms: number): void;
  expired(): boolean;
  failure(functionName: string): AwsFailure;
  stop(): void;
}

/**
 * Invoke's wait for its answer: as long as the function may run plus a margin. A 15-minute
 * function is legitimate, so without its timeout the wait is Lambda's longest; when the
 * configuration arrives while Invoke runs, the wait is cut to what that function needs.
 */
function invokeDeadline(clients: Clients, opts: InvokeOptions, t0: number): Deadline {
  const controller = new AbortController();
  const outer = opts.signal;
  const onAbort = () => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  let timeoutS: number | null = null;
  let waitMs = 0;
  let backoffMs = 0;
  let expired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (s: number | null) => {
    clearTimeout(timer);
    timeoutS = s;
    waitMs = invokeWaitMs(s, clients.timeouts);
    const left = Math.max(0, waitMs + backoffMs - (performance.now() - t0));
    timer = setTimeout(() => {
      expired = true;
      controller.abort();
    }, left);
  };
  const given = opts.functionTimeoutS;
  let stopped = false;
  if (given instanceof Promise) {
    arm(null);
    given.then(
      (s) => {
        if (!stopped && !expired && s) arm(s);
      },
      () => undefined,
    );
  } else arm(given ?? null);
  return {
    signal: controller.signal,
    extend: (ms) => {
      backoffMs += ms;
      if (!stopped && !expired) arm(timeoutS);
    },
    expired: () => expired,
    failure: (functionName) => {
      const where = clients.endpoint ?? `AWS in ${clients.region}`;
      const why =
        timeoutS === null
          ? `Lambda's longest timeout, 15 min, plus ${formatWait(clients.timeouts.invokeMarginMs)}`
          : `its timeout, ${formatWait(timeoutS * 1000)}, plus ${formatWait(clients.timeouts.invokeMarginMs)}`;
      return new AwsFailure(
        "no-answer",
        `${where} accepted Invoke of ${functionName} but did not answer within ${formatWait(waitMs)} (${why}).`,
        "The function may have run: check its logs before invoking it again. " +
          "(LAMBDA_EXPLORER_INVOKE_MARGIN_MS sets the margin.)",
      );
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      outer?.removeEventListener("abort", onAbort);
    },
  };
}
