// The SDK's HTTP handler with a wait for the answer and for each piece of it. The SDK's own
// socketTimeout is one idle limit for the whole exchange, so it cannot give Invoke (which may
// wait 15 minutes for a function before the first byte) a longer wait for its answer than the
// rest of its body, or than a ListFunctions gets. Failures of the answer are marked
// (answer-failure.ts), so the message can say "did not answer", "stopped mid-answer" or "cut
// the answer short" instead of "Is the endpoint running?".
import type { IncomingMessage } from "node:http";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { markAnswerFailure, timeoutError } from "./answer-failure.js";
import { callOptionsOf } from "./call-options.js";
import type { Timeouts } from "./timeouts.js";

type Handle = NodeHttpHandler["handle"];
type HandlerOptions = NonNullable<Parameters<Handle>[1]>;

/**
 * Ends the body with a timeout when nothing of it arrives for `idleMs`, and when the call is
 * aborted: a streamed answer (StartLiveTail) is read long after `handle` returned, and without
 * this, stopping it left the connection open until the idle limit. Marks its errors as mid-body.
 */
function watchBody(body: unknown, idleMs: number, signal: AbortSignal | undefined): void {
  const message = body as Partial<IncomingMessage> | null;
  const socket = message?.socket;
  if (!message || !socket || typeof message.once !== "function") return;
  // Already whole (most answers: the headers and a small body come in one read): nothing left to
  // wait for or to stop. Setting and clearing the watch cost each of a replay's Invokes.
  if (message.complete) return;
  const onIdle = () => message.destroy?.(timeoutError("body", idleMs));
  const onAbort = () => {
    const err = new Error("The request was aborted");
    err.name = "AbortError";
    message.destroy?.(err);
  };
  // 0: no idle limit (an event stream).
  if (idleMs > 0) {
    socket.setTimeout(idleMs);
    socket.on("timeout", onIdle);
  }
  if (signal?.aborted) onAbort();
  else signal?.addEventListener?.("abort", onAbort, { once: true });
  message.on?.("error", (err: Error) => markAnswerFailure(err, { phase: "body", timedOutMs: null }));
  message.once("close", () => {
    signal?.removeEventListener?.("abort", onAbort);
    socket.off("timeout", onIdle);
    // The socket goes back to the keep-alive pool: a pooled socket waits without a limit.
    socket.setTimeout(0);
  });
}

export class TimedHttpHandler extends NodeHttpHandler {
  constructor(private readonly limits: Timeouts) {
    super({ connectionTimeout: limits.connectMs });
  }

  /**
   * `requestTimeout` in a call's options is that call's wait for its answer; 0 waits without a
   * limit, which Invoke asks for: it keeps its own deadline (the function's timeout and a
   * margin, which can be cut once the configuration arrives).
   */
  override async handle(request: Parameters<Handle>[0], given: HandlerOptions = {}): ReturnType<Handle> {
    // A client that caches its middleware gives a call's options beside the request.
    const beside = callOptionsOf(request);
    const options: HandlerOptions = beside ? { ...given, ...beside } : given;
    const waitMs = options.requestTimeout ?? this.limits.readMs;
    const outer = options.abortSignal as AbortSignal | undefined;
    // Without a wait of its own (Invoke's: its deadline is the caller's signal) the call's signal
    // is passed on as it is: a controller and listener of its own per request were a share of a
    // replay's CPU, thousands of Invokes in a row.
    const controller = waitMs > 0 ? new AbortController() : null;
    const onAbort = () => controller?.abort(outer?.reason);
    if (controller) {
      if (outer?.aborted) onAbort();
      else outer?.addEventListener?.("abort", onAbort, { once: true });
    }
    let timedOut = false;
    const timer = controller
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, waitMs)
      : undefined;
    try {
      const out = await super.handle(request, {
        ...options,
        abortSignal: controller?.signal ?? options.abortSignal,
        requestTimeout: undefined,
      });
      // An event stream (StartLiveTail) is quiet for as long as the log group is: its session
      // ends it (3 hours at most), or Ctrl+C; an idle limit would cut a quiet follow short.
      const type = String(out.response.headers?.["content-type"] ?? "");
      const stream = type.startsWith("application/vnd.amazon.eventstream");
      watchBody(out.response.body, stream ? 0 : this.limits.readMs, outer);
      return out;
    } catch (err) {
      if (timedOut) throw timeoutError("answer", waitMs);
      throw err;
    } finally {
      if (controller) {
        clearTimeout(timer);
        outer?.removeEventListener?.("abort", onAbort);
      }
    }
  }
}
