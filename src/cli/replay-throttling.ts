// How replay waits out throttling and counts it. A replay of a large history runs many
// invocations at once, and a function with reserved concurrency (or an account at its limit)
// answers some of them 429 TooManyRequestsException. Those are retried by the SDK's own retry
// loop, with our strategy (retry.ts: exponential back-off with full jitter, Retry-After
// honoured), given more attempts for throttling than an interactive command gets: one loop, so
// the attempts never multiply with a second loop of ours. Each retry is counted, in total and
// for the entry whose invocation it was, instead of printed (hundreds of lines would bury the
// report).
import { AsyncLocalStorage } from "node:async_hooks";
import type { RetryNotice } from "../aws/retry.js";

/**
 * Attempts for a throttled Invoke. With the waits doubling from 1 s up to 20 s (full jitter),
 * ten attempts give a throttled invocation about a minute and a half to find a free slot.
 */
export const REPLAY_THROTTLE_ATTEMPTS = 10;

export class ThrottleCounter {
  private readonly entry = new AsyncLocalStorage<{ retries: number }>();
  /** Throttled retries so far, over every entry (the progress line shows it). */
  total = 0;

  /** Counts a retry notice if it is a throttled Invoke; false for any other, left to be said. */
  count(notice: RetryNotice): boolean {
    if (notice.cause !== "throttled" || notice.operation !== "Invoke") return false;
    this.total++;
    const e = this.entry.getStore();
    if (e) e.retries++;
    return true;
  }

  /** Runs one entry's replay; the retries its invocations made are counted for it. */
  async run<T>(fn: () => Promise<T>): Promise<{ value: T; throttled: number }> {
    const e = { retries: 0 };
    const value = await this.entry.run(e, fn);
    return { value, throttled: e.retries };
  }
}
