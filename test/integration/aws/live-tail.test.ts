// StartLiveTail through the real SDK against the sandbox's event stream: events pushed as the
// function writes them, a session that ends (AWS: after 3 hours) started again, and an
// endpoint without live tail reported as such so the caller can poll instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients, type Clients } from "../../../src/aws/clients.js";
import { invoke } from "../../../src/aws/invoke.js";
import { liveTail, type LiveEvent } from "../../../src/aws/live-tail.js";
import { startLocalServer } from "../../hardening/local-server.js";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const ARN = (group: string) => `arn:aws:logs:us-east-1:123456789012:log-group:${group}`;

let sb: TestSandbox;
let clients: Clients;
beforeAll(async () => {
  // Sessions of 1.5 s, so that one ends and is started again within the test.
  sb = await startTestSandbox({ liveTailSessionMs: 1_500 });
  clients = await createClients({ endpointUrl: sb.url, region: "us-east-1" });
});
afterAll(async () => {
  clients?.destroy();
  await sb?.close();
});

describe("liveTail", () => {
  it("pushes each invocation's lines, across a session that ends and is started again", async () => {
    await invoke(clients, "orders-api", "{}"); // the group exists from here on
    const events: LiveEvent[] = [];
    const stop = new AbortController();
    let sessions = 0;
    const waiters: Array<() => void> = [];
    const wake = () => waiters.splice(0).forEach((w) => w());
    const tail = liveTail(clients, {
      logGroupArn: ARN("/aws/lambda/orders-api"),
      signal: stop.signal,
      onStart: () => {
        sessions++;
        wake();
      },
      onEvents: (e) => {
        events.push(...e);
        wake();
      },
    });
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (ok() ? resolve() : waiters.push(check));
        check();
      });
    await until(() => sessions === 1);
    const reportOf = (id: string) => () =>
      events.some((e) => e.message.startsWith(`REPORT RequestId: ${id}`));
    const first = await invoke(clients, "orders-api", "{}");
    await until(reportOf(first.requestId!));
    // Past the first session's end: the second invocation comes through a new session.
    await until(() => sessions === 2);
    const second = await invoke(clients, "orders-api", "{}");
    await until(reportOf(second.requestId!));
    stop.abort();
    expect(await tail).toBe("stopped");
    const messages = events.map((e) => e.message);
    expect(messages).toContain(`START RequestId: ${first.requestId} Version: $LATEST`);
    expect(messages).toContain(`START RequestId: ${second.requestId} Version: $LATEST`);
    expect(messages.every((m) => !m.endsWith("\n"))).toBe(true);
  });

  it("says unsupported when the endpoint has no StartLiveTail", async () => {
    const server = await startLocalServer((_req, res) => {
      res.writeHead(400, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-errortype": "UnknownOperationException",
      });
      res.end(JSON.stringify({ __type: "UnknownOperationException", message: "no live tail here" }));
    });
    const other = await createClients({ endpointUrl: server.url, region: "us-east-1" });
    try {
      const r = await liveTail(other, {
        logGroupArn: ARN("/aws/lambda/orders-api"),
        signal: new AbortController().signal,
        onEvents: () => undefined,
      });
      expect(r).toBe("unsupported");
    } finally {
      other.destroy();
      await server.close();
    }
  });
});
