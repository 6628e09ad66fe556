// The retry strategy that reports: the SDK's policy, a notice before each wait, and the
// operation name recorded per attempt (checked through a real client and a real HTTP server).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients } from "../../../src/aws/clients.js";
import { retryMessage } from "../../../src/aws/errors.js";
import { listFunctions } from "../../../src/aws/functions.js";
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import {
  listenToRetries,
  ReportingRetryStrategy,
  retryCause,
  type RetryNotice,
} from "../../../src/aws/retry.js";

const throttling = Object.assign(new Error("Rate exceeded"), {
  name: "TooManyRequestsException",
  $fault: "client",
  $metadata: { httpStatusCode: 429 },
});

async function refresh(strategy: ReportingRetryStrategy, count: number, info: object) {
  const token = { getRetryCount: () => count, getRetryDelay: () => 0 };
  return strategy.refreshRetryTokenForRetry(token, info as never);
}

describe("ReportingRetryStrategy", () => {
  it("backs off exponentially with full jitter, from 1 s for throttling, and says so first", async () => {
    const notices: RetryNotice[] = [];
    const s = new ReportingRetryStrategy(
      "Lambda",
      (n) => notices.push(n),
      () => 0.5,
    );
    s.operations.set(throttling, { operation: "Invoke", listener: undefined });
    const t1 = await refresh(s, 0, { error: throttling, errorType: "THROTTLING" });
    expect([t1.getRetryCount(), t1.getRetryDelay()]).toEqual([1, 500]);
    const t2 = await refresh(s, 1, { error: throttling, errorType: "THROTTLING" });
    expect(t2.getRetryDelay()).toBe(1000);
    expect(notices).toEqual([
      {
        service: "Lambda",
        operation: "Invoke",
        cause: "throttled",
        reason: "TooManyRequestsException",
        attempt: 2,
        maxAttempts: 3,
        delayMs: 500,
      },
      expect.objectContaining({ attempt: 3, delayMs: 1000 }),
    ]);
  });

  it("waits at least as long as Retry-After asks, up to 5 s more than its own delay", async () => {
    const s = new ReportingRetryStrategy("Lambda", undefined, () => 0.1);
    const soon = new Date(Date.now() + 2000);
    const t = await refresh(s, 0, { error: throttling, errorType: "THROTTLING", retryAfterHint: soon });
    expect(t.getRetryDelay()).toBeGreaterThan(1900);
    expect(t.getRetryDelay()).toBeLessThanOrEqual(2000);
    const late = new Date(Date.now() + 60_000);
    const t2 = await refresh(s, 0, { error: throttling, errorType: "THROTTLING", retryAfterHint: late });
    expect(t2.getRetryDelay()).toBe(100 + 5000);
  });

  it("refuses client errors, and any retry once max attempts are made", async () => {
    const notices: RetryNotice[] = [];
    const s = new ReportingRetryStrategy("Lambda", (n) => notices.push(n));
    await expect(refresh(s, 0, { error: new Error("bad"), errorType: "CLIENT_ERROR" })).rejects.toThrow();
    await expect(refresh(s, 0, { error: new Error("x"), errorType: "SERVER_ERROR" })).rejects.toThrow();
    s.maxAttempts = async () => 2;
    await expect(refresh(s, 1, { error: throttling, errorType: "THROTTLING" })).rejects.toThrow();
    expect(notices).toEqual([]);
  });

  it("gives throttling more attempts when asked (replay), and only throttling", async () => {
    const notices: RetryNotice[] = [];
    const s = new ReportingRetryStrategy(
      "Lambda",
      (n) => notices.push(n),
      () => 0.5,
      10,
    );
    s.operations.set(throttling, { operation: "Invoke", listener: undefined });
    const t = await refresh(s, 8, { error: throttling, errorType: "THROTTLING" });
    // Still the one loop's back-off: doubling from 1 s, capped at 20 s.
    expect(t.getRetryDelay()).toBe(10_000);
    expect(notices[0]).toMatchObject({ attempt: 10, maxAttempts: 10 });
    await expect(refresh(s, 9, { error: throttling, errorType: "THROTTLING" })).rejects.toThrow();
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    await expect(refresh(s, 2, { error: refused, errorType: "TRANSIENT" })).rejects.toThrow();
  });
});

describe("listenToRetries", () => {
  // A real server that throttles the first attempt of the requests marked "slow" only.
  let server: http.Server;
  let url: string;
  const seen = new Set<string>();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      const slow = req.url?.includes("Marker=slow") === true;
      if (slow && !seen.has(req.url!)) {
        seen.add(req.url!);
        res.writeHead(429, {
          "x-amzn-errortype": "TooManyRequestsException",
          "content-type": "application/json",
        });
        res.end(JSON.stringify({ Type: "User", message: "Rate exceeded" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ Functions: [] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("tells a command's listener of its own retries, after the client's, and no other command's", async () => {
    const order: string[] = [];
    const client: RetryNotice[] = [];
    const clients = await createClients(
      {
        endpointUrl: url,
        onRetry: (n) => {
          client.push(n);
          order.push("client");
        },
      },
      {},
    );
    const slow: RetryNotice[] = [];
    const fast: RetryNotice[] = [];
    try {
      await Promise.all([
        clients.lambda.send(
          listenToRetries(new ListFunctionsCommand({ Marker: "slow" }), (n) => {
            slow.push(n);
            order.push("command");
          }),
        ),
        clients.lambda.send(
          listenToRetries(new ListFunctionsCommand({ Marker: "fast" }), (n) => fast.push(n)),
        ),
        clients.lambda.send(new ListFunctionsCommand({ Marker: "slow-too" })),
      ]);
    } finally {
      clients.destroy();
    }
    // Two throttled requests: the client heard both, the slow command only its own.
    expect(client).toHaveLength(2);
    expect(slow).toEqual([
      expect.objectContaining({ operation: "ListFunctions", cause: "throttled", attempt: 2 }),
    ]);
    expect(client).toContainEqual(slow[0]);
    expect(fast).toEqual([]);
    expect(order.filter((o) => o === "command")).toHaveLength(1);
    expect(order.indexOf("command")).toBeGreaterThan(order.indexOf("client"));
  });
});

describe("retryCause", () => {
  it("names throttling, sockets, timeouts and server errors", () => {
    expect(retryCause(throttling, "THROTTLING")).toEqual({
      cause: "throttled",
      reason: "TooManyRequestsException",
    });
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(retryCause(refused, "TRANSIENT")).toEqual({ cause: "unreachable", reason: "ECONNREFUSED" });
    expect(retryCause(Object.assign(new Error("t"), { name: "TimeoutError" }), "TRANSIENT")).toEqual({
      cause: "timeout",
      reason: "TimeoutError",
    });
    const html = Object.assign(new SyntaxError("Unexpected token '<'"), {
      $metadata: { httpStatusCode: 503 },
    });
    expect(retryCause(html, "TRANSIENT")).toEqual({ cause: "server-error", reason: "HTTP 503" });
    const aws = Object.assign(new Error("x"), {
      name: "ServiceException",
      $fault: "server",
      $metadata: { httpStatusCode: 500 },
    });
    expect(retryCause(aws, "TRANSIENT")).toEqual({
      cause: "server-error",
      reason: "HTTP 500 ServiceException",
    });
  });
});

describe("retryMessage", () => {
  const base = { service: "Lambda", operation: "Invoke", attempt: 2, maxAttempts: 3 } as const;
  it("says what failed, how long the wait is, and which attempt comes next", () => {
    expect(
      retryMessage({ ...base, cause: "throttled", reason: "TooManyRequestsException", delayMs: 740 }),
    ).toBe("Lambda throttled Invoke (TooManyRequestsException); retrying in 0.7 s (attempt 2 of 3)…");
    expect(retryMessage({ ...base, cause: "unreachable", reason: "ECONNREFUSED", delayMs: 20 })).toBe(
      "Cannot reach Lambda for Invoke (ECONNREFUSED); retrying now (attempt 2 of 3)…",
    );
    expect(retryMessage({ ...base, cause: "server-error", reason: "HTTP 503", delayMs: 2500 })).toBe(
      "Lambda answered Invoke with a server error (HTTP 503); retrying in 2.5 s (attempt 2 of 3)…",
    );
    expect(retryMessage({ ...base, cause: "timeout", reason: "TimeoutError", delayMs: 0 })).toMatch(
      /^Lambda did not answer Invoke in time/,
    );
  });
});

describe("createClients({ onRetry })", () => {
  // A real server that throttles the first request, so the SDK's own retry middleware runs.
  let server: http.Server;
  let url: string;
  let calls = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      calls += 1;
      if (calls === 1) {
        res.writeHead(429, {
          "x-amzn-errortype": "TooManyRequestsException",
          "content-type": "application/json",
        });
        res.end(
          JSON.stringify({ Type: "User", message: "Rate exceeded", Reason: "CallerRateLimitExceeded" }),
        );
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ Functions: [{ FunctionName: "f" }] }));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("reports the retry with the operation, and the call then succeeds", async () => {
    const notices: RetryNotice[] = [];
    const clients = await createClients({ endpointUrl: url, onRetry: (n) => notices.push(n) }, {});
    try {
      const pages = [];
      for await (const page of listFunctions(clients)) pages.push(page);
      expect(pages.flat().map((f) => f.name)).toEqual(["f"]);
    } finally {
      clients.destroy();
    }
    expect(notices).toEqual([
      expect.objectContaining({
        service: "Lambda",
        operation: "ListFunctions",
        cause: "throttled",
        reason: "TooManyRequestsException",
        attempt: 2,
      }),
    ]);
  });

  it("honours AWS_MAX_ATTEMPTS", async () => {
    calls = 0;
    const notices: RetryNotice[] = [];
    // The SDK reads its settings from the process environment, as it does for users.
    process.env.AWS_MAX_ATTEMPTS = "1";
    const clients = await createClients({ endpointUrl: url, onRetry: (n) => notices.push(n) }, {});
    try {
      await expect(listFunctions(clients).next()).rejects.toMatchObject({ kind: "throttled" });
    } finally {
      delete process.env.AWS_MAX_ATTEMPTS;
      clients.destroy();
    }
    expect(notices).toEqual([]);
  });
});
