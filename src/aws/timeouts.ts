// How long a request may wait, and the environment variables that change it. Without limits an
// endpoint that accepts a connection and never answers (a wedged proxy, a debugger paused in a
// local server) hung `list`, `invoke` and the explorer for as long as the user would wait.

export interface Timeouts {
  /** To open the TCP connection. */
  connectMs: number;
  /**
   * For an answer to start, and then between two pieces of it: every call but Invoke's wait,
   * which lasts as long as the function may run.
   */
  readMs: number;
  /** Added to a function's timeout for Invoke's wait: start-up, Lambda's own work, the network. */
  invokeMarginMs: number;
}

/**
 * AWS answers a TCP connect in milliseconds; without a limit an unroutable address or a
 * black-holed network hangs each attempt for the operating system's minutes.
 */
const DEFAULT_CONNECT_MS = 5000;
/** Lambda's and CloudWatch Logs' describe, list and filter calls answer in well under a second. */
const DEFAULT_READ_MS = 30_000;
/** A cold start may take 10 s before the handler runs; the rest is Lambda and the network. */
const DEFAULT_INVOKE_MARGIN_MS = 60_000;
/** Lambda's largest timeout: the wait when the function's own is not known. */
export const MAX_FUNCTION_TIMEOUT_S = 900;

function fromEnv(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The limits, from LAMBDA_EXPLORER_CONNECT_TIMEOUT_MS, _READ_TIMEOUT_MS and _INVOKE_MARGIN_MS. */
export function timeoutsFrom(env: NodeJS.ProcessEnv): Timeouts {
  return {
    connectMs: fromEnv(env.LAMBDA_EXPLORER_CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_MS),
    readMs: fromEnv(env.LAMBDA_EXPLORER_READ_TIMEOUT_MS, DEFAULT_READ_MS),
    invokeMarginMs: fromEnv(env.LAMBDA_EXPLORER_INVOKE_MARGIN_MS, DEFAULT_INVOKE_MARGIN_MS),
  };
}

/** How long Invoke may wait for its answer: the function's timeout (15 min when unknown) plus the margin. */
export function invokeWaitMs(functionTimeoutS: number | null | undefined, t: Timeouts): number {
  const s = functionTimeoutS && functionTimeoutS > 0 ? functionTimeoutS : MAX_FUNCTION_TIMEOUT_S;
  return s * 1000 + t.invokeMarginMs;
}

/** "45 s", "1.5 s", "16 min". */
export function formatWait(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} min`;
  if (ms >= 10_000) return `${Math.round(ms / 1000)} s`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}
