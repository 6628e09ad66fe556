import { describe, expect, it } from "vitest";
import { Throttle, lambdaThrottle, logsThrottle } from "../../../src/sandbox/throttle.js";

const pattern = (t: Throttle, n: number) => Array.from({ length: n }, () => t.next());

describe("Throttle", () => {
  it("throttles the Nth, 2Nth, … request and lets the others through", () => {
    expect(pattern(new Throttle(3), 7)).toEqual([false, false, true, false, false, true, false]);
  });

  it("throttles every request at 1 and none at 0", () => {
    expect(pattern(new Throttle(1), 3)).toEqual([true, true, true]);
    expect(pattern(new Throttle(0), 3)).toEqual([false, false, false]);
  });
});

describe("throttling errors", () => {
  it("are Lambda's 429 with a Reason and Retry-After, and CloudWatch Logs' ThrottlingException", () => {
    const invoke = lambdaThrottle(true);
    expect([invoke.status, invoke.code, invoke.message]).toEqual([
      429,
      "TooManyRequestsException",
      "Rate Exceeded.",
    ]);
    expect(invoke.extra).toEqual({ reason: "ConcurrentInvocationLimitExceeded", retryAfterSeconds: 1 });
    expect(lambdaThrottle(false).extra.reason).toBe("CallerRateLimitExceeded");
    const logs = logsThrottle();
    expect([logs.status, logs.code]).toEqual([400, "ThrottlingException"]);
  });
});
