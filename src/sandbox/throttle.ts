// `--throttle-every N`: every Nth request to an API is answered as throttled, the way Lambda
// and CloudWatch Logs answer a caller over its rate, so clients' back-off can be exercised.
import { AwsError } from "./errors.js";

/** Counts requests to one API; `next()` is true for the ones to throttle (the Nth, 2Nth, …). */
export class Throttle {
  private count = 0;

  constructor(private readonly every: number) {}

  next(): boolean {
    if (this.every <= 0) return false;
    this.count += 1;
    return this.count % this.every === 0;
  }
}

/** Seconds a throttled caller is told to wait (Retry-After), as Lambda sends with a 429. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * Lambda's 429. An invocation is refused for concurrency ("Rate Exceeded."); any other call for
 * the caller's request rate ("Rate exceeded", CallerRateLimitExceeded), with Lambda's wording.
 */
export function lambdaThrottle(isInvoke: boolean): AwsError {
  return new AwsError(
    429,
    "TooManyRequestsException",
    isInvoke ? "Rate Exceeded." : "Rate exceeded",
    "User",
    {
      reason: isInvoke ? "ConcurrentInvocationLimitExceeded" : "CallerRateLimitExceeded",
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    },
  );
}

/** CloudWatch Logs' throttle: a 400 ThrottlingException in the awsJson shape. */
export function logsThrottle(): AwsError {
  return new AwsError(400, "ThrottlingException", "Rate exceeded");
}
