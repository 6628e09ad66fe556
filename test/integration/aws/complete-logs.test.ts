// The complete-logs algorithm against the sandbox over HTTP, with CloudWatch delivery held
// back so polling, retries and cancellation are exercised for real. The calls it makes are
// counted in complete-logs-calls.test.ts, where the test decides when the logs exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients, type Clients } from "../../../src/aws/clients.js";
import { fetchCompleteLogs, type LogsProgress } from "../../../src/aws/complete-logs.js";
import { invoke } from "../../../src/aws/invoke.js";
import { AwsFailure } from "../../../src/aws/errors.js";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const DELAY = 700;
let sb: TestSandbox;
let clients: Clients;
beforeAll(async () => {
  sb = await startTestSandbox({ logDelayMs: DELAY });
  clients = await createClients({ endpointUrl: sb.url, region: "us-east-1" });
});
afterAll(async () => {
  clients?.destroy();
  await sb?.close();
});

async function invokeAndFetch(
  fn: string,
  payload = "{}",
  group = `/aws/lambda/${fn}`,
  type: "RequestResponse" | "Event" = "RequestResponse",
) {
  const result = await invoke(clients, fn, payload, { invocationType: type });
  const progress: LogsProgress[] = [];
  const logs = await fetchCompleteLogs(clients, {
    logGroup: group,
    requestId: result.requestId!,
    startTime: result.startedAt,
    deadlineMs: 15_000,
    firstDelayMs: 100,
    onProgress: (p) => progress.push(p),
  });
  return { result, logs, progress };
}

/** The events from START on: a cold start's complete log opens with the init phase. */
const fromStart = (events: Array<{ message: string }>) =>
  events.slice(events.findIndex((e) => /^START |"platform\.start"/.test(e.message)));

describe("fetchCompleteLogs", () => {
  it("waits for delivery, then returns START..REPORT with more than the 4 KB tail", async () => {
    const { result, logs, progress } = await invokeAndFetch("big-logger");
    expect(logs.state).toBe("complete");
    expect(fromStart(logs.events)[0]!.message).toBe(`START RequestId: ${result.requestId} Version: $LATEST`);
    expect(logs.events.at(-1)!.message).toMatch(new RegExp(`^REPORT RequestId: ${result.requestId}\\t`));
    const text = logs.events.map((e) => e.message + "\n").join("");
    expect(Buffer.byteLength(text)).toBeGreaterThan(Buffer.byteLength(result.tail!));
    // The tail is the end of the complete log (its first line may be cut).
    expect(text.endsWith(result.tail!.slice(result.tail!.indexOf("\n") + 1))).toBe(true);
    expect(progress[0]!.state).toBe("searching");
    expect(progress.at(-1)!.state).toBe("complete");
  });

  it("includes lines without a request id (raw stdout and stderr)", async () => {
    const { result, logs } = await invokeAndFetch("stdout-writer");
    const without = logs.events.filter((e) => !e.message.includes(result.requestId!));
    expect(without.length).toBeGreaterThan(0);
    expect(logs.events.some((e) => /\tINFO\t/.test(e.message))).toBe(true);
  });

  it("handles the JSON log format", async () => {
    const { result, logs } = await invokeAndFetch("json-logger");
    expect(logs.state).toBe("complete");
    const records = fromStart(logs.events).map(
      (e) => JSON.parse(e.message) as { type?: string; record?: { requestId?: string } },
    );
    expect(records[0]!.type).toBe("platform.start");
    expect(records.at(-1)!.type).toBe("platform.report");
    expect(records.at(-1)!.record!.requestId).toBe(result.requestId);
  });

  it("reads a custom log group", async () => {
    const { logs } = await invokeAndFetch("payments-audit", "{}", "/sandbox/payments-audit");
    expect(logs.state).toBe("complete");
    expect(logs.events.some((e) => e.message.includes("AUDIT"))).toBe(true);
  });

  it("finds the logs of an Event invocation by its request id", async () => {
    const { result, logs } = await invokeAndFetch(
      "handled-error",
      "{}",
      "/aws/lambda/handled-error",
      "Event",
    );
    expect(result.statusCode).toBe(202);
    expect(result.tail).toBeNull();
    expect(logs.state).toBe("complete");
    expect(fromStart(logs.events)[0]!.message).toContain(result.requestId!);
  });

  it("gives 20 concurrent invocations exactly their own lines", async () => {
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        invokeAndFetch("orders-api", JSON.stringify({ httpMethod: "GET", path: `/orders/o-${i}` })),
      ),
    );
    for (const { result, logs } of runs) {
      expect(logs.state).toBe("complete");
      const ids = new Set(
        logs.events.flatMap(
          (e) => e.message.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [],
        ),
      );
      expect([...ids]).toEqual([result.requestId]);
    }
    expect(new Set(runs.map((r) => r.result.requestId)).size).toBe(20);
  });

  it("stops polling at once when cancelled", async () => {
    const result = await invoke(clients, "orders-api", "{}");
    const ac = new AbortController();
    let calls = 0;
    let callsAtAbort = -1;
    const pending = fetchCompleteLogs(clients, {
      logGroup: "/aws/lambda/orders-api",
      requestId: "11111111-2222-3333-4444-555555555555",
      startTime: result.startedAt,
      firstDelayMs: 50,
      maxDelayMs: 50,
      signal: ac.signal,
      onProgress: (p) => (calls = p.calls),
    });
    setTimeout(() => {
      callsAtAbort = calls;
      ac.abort();
    }, 300);
    await expect(pending).rejects.toMatchObject({ kind: "cancelled" });
    // At once: no poll begun after the abort (one may have been in flight), however long the
    // machine took (a time limit here depended on how busy it was).
    expect(callsAtAbort).toBeGreaterThanOrEqual(0);
    expect(calls).toBeLessThanOrEqual(callsAtAbort + 1);
    const callsAtCancel = calls;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(callsAtCancel);
  });

  it("gives up at the deadline with what it found, and says why", async () => {
    const logs = await fetchCompleteLogs(clients, {
      logGroup: "/aws/lambda/orders-api",
      requestId: "11111111-2222-3333-4444-555555555555",
      startTime: Date.now(),
      deadlineMs: 600,
      firstDelayMs: 100,
    });
    expect(logs.state).toBe("gave-up");
    expect(logs.reason).toBe("START and REPORT were not delivered in time");
    expect(logs.events).toEqual([]);
    expect(logs.calls).toBeGreaterThan(1);
  });

  it("stops at once when the log group does not exist, and says how to fix it", async () => {
    const logs = await fetchCompleteLogs(clients, {
      logGroup: "/aws/lambda/never-invoked",
      requestId: "11111111-2222-3333-4444-555555555555",
      startTime: Date.now(),
    });
    expect(logs.state).toBe("gave-up");
    expect(logs.reason).toBe("log group /aws/lambda/never-invoked does not exist");
    expect(logs.hint).toMatch(/LoggingConfig/);
    expect(logs.calls).toBe(1);
  });
});

describe("invoke", () => {
  it("types the result: version, request id, parsed payload, tail and REPORT metrics", async () => {
    const r = await invoke(clients, "versioned-greeter", '{"name":"Ada"}', { qualifier: "live" });
    expect(r.statusCode).toBe(200);
    expect(r.executedVersion).toBe("1");
    expect(r.payloadJson).toMatchObject({ version: "1" });
    expect(r.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.report?.memoryMb).toBe(128);
    expect(r.report?.billedMs).toBeGreaterThanOrEqual(1);
    expect(r.clientMs).toBeGreaterThan(0);
  });

  it("parses the error payload of a failed invocation", async () => {
    const r = await invoke(clients, "thrower", "{}");
    expect(r.functionError).toBe("Unhandled");
    expect(r.error?.errorMessage).toBeTruthy();
    expect(r.error?.trace.length).toBeGreaterThan(1);
  });

  it("refuses invalid JSON and over-limit payloads before sending", async () => {
    await expect(invoke(clients, "orders-api", '{"a": }')).rejects.toThrow(/line 1, column 7/);
    await expect(
      invoke(clients, "orders-api", `"${"x".repeat(1024 * 1024)}"`, { invocationType: "Event" }),
    ).rejects.toThrow(/limit/);
  });

  it("maps AWS errors to failures that say what happened", async () => {
    await expect(invoke(clients, "nope", "{}")).rejects.toBeInstanceOf(AwsFailure);
    await expect(invoke(clients, "nope", "{}")).rejects.toMatchObject({ kind: "not-found" });
  });
});
