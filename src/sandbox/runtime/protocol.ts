// Messages between the sandbox and one execution environment (a forked Node process).
// Log output does not travel here: it goes through the child's stdout/stderr, in order,
// and each invocation ends with a marker line on both so the parent knows it has it all.

export interface ErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

export type ToRuntime = {
  type: "invoke";
  requestId: string;
  payload: string;
  deadlineMs: number;
  invokedFunctionArn: string;
  clientContext: string | null;
};

export type FromRuntime =
  | { type: "ready"; initMs: number }
  | { type: "initError"; initMs: number; error: ErrorPayload }
  /** Sent as an invocation starts, so memory is known even if the process then dies. */
  | { type: "started"; requestId: string; maxRssKb: number }
  | {
      type: "result";
      requestId: string;
      durationMs: number;
      maxRssKb: number;
      /** JSON text of the handler's return value, or null when it threw. */
      payload: string | null;
      error: ErrorPayload | null;
    };

/** A line the runtime writes to stdout and stderr after an invocation's last output. */
export const END_MARKER = "\u0000LX-END ";
