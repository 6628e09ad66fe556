// Retries reported before the UI subscribed (start-up's first request is sent while Ink loads)
// are told to it when it subscribes, while their wait lasts.
import { describe, expect, it } from "vitest";
import type { RetryNotice } from "../../../src/aws/retry.js";
import { onRetryNotice, reportRetry } from "../../../src/aws/retry-notices.js";

const notice = (delayMs: number): RetryNotice => ({
  service: "Lambda",
  operation: "ListFunctions",
  cause: "throttled",
  reason: "TooManyRequestsException",
  attempt: 2,
  maxAttempts: 3,
  delayMs,
});

describe("retry notices", () => {
  it("tells a listener each retry as it is reported", () => {
    const seen: Array<[number, number]> = [];
    const off = onRetryNotice((n, age) => seen.push([n.delayMs, age]));
    reportRetry(notice(0));
    reportRetry(notice(700));
    off();
    reportRetry(notice(800));
    expect(seen).toEqual([
      [0, 0],
      [700, 0],
    ]);
  });

  it("tells a late listener the latest retry while its wait lasts, with how long ago it was", async () => {
    reportRetry(notice(60_000));
    await new Promise((r) => setTimeout(r, 20));
    const seen: Array<[number, number]> = [];
    onRetryNotice((n, age) => seen.push([n.delayMs, age]))();
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toBe(60_000);
    expect(seen[0]![1]).toBeGreaterThan(0);
  });

  it("does not tell a late listener a retry whose wait is over", async () => {
    reportRetry(notice(5));
    await new Promise((r) => setTimeout(r, 20));
    const seen: RetryNotice[] = [];
    onRetryNotice((n) => seen.push(n))();
    expect(seen).toEqual([]);
  });
});
