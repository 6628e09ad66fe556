// How replay waits out throttling and counts it. A replay of a large history runs many
// invocations at once, and a function with reserved concurrency (or an account at its limit)
// answers some of them 429 TooManyRequestsException. Those are retried by the SDK's own retry
// loop, with our strategy (retry.ts: exponential back-off with full jitter, Retry-After
// honoured), given more attempts for throttling than an interactive command gets: one loop, so
// the attempts never multiply with a second loop of ours. Each retry is counted, in total and
// for the entry whose invocation it was, instead of printed (hundreds of lines would bury the
// report).
import type { RetryListener, RetryNotice } from "../aws/retry.js";

/**
 * Attempts for a throttled Invoke. With the waits doubling from 1 s up to 20 s (full jitter),
 * ten attempts give a throttled invocation about a minute and a half to find a free slot.
 */
export const REPLAY_THROTTLE_ATTEMPTS = 10;

const throttledInvoke = (notice: RetryNotice) =>
  notice.cause === "throttled" && notice.operation === "Invoke";

export class ThrottleCounter {
  /** Throttled retries so far, over every entry (the progress line shows it). */
  total = 0;

  /** Counts a retry notice if it is a throttled Invoke; false for any other, left to be said. */
  count(notice: RetryNotice): boolean {
    if (!throttledInvoke(notice)) return false;
    this.total++;
    return true;
  }

  /**
   * Runs one entry's replay, given the listener its invocations tell their retries to: the
   * throttled ones are counted for it.
   */
  async run<T>(fn: (onRetry: RetryListener) => Promise<T>): Promise<{ value: T; throttled: number }> {
    let retries = 0;
    const value = await fn((notice) => {
      if (throttledInvoke(notice)) retries++;
    });
    return { value, throttled: retries };
  }
}
