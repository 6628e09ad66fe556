// The sandbox answers AWS clients on this machine, never a web page: raw HTTP with a foreign
// Host (DNS rebinding), without a signature, or from a browser is refused 403 before any
// function runs; the SDK, and Host values naming loopback, still get through.
import http from "node:http";
import { DescribeLogStreamsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvocationEvent } from "../../../src/sandbox/lambda/api.js";
import { SIGNED, payloadText, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let sb: TestSandbox;
const invocations: InvocationEvent[] = [];
beforeAll(async () => {
  sb = await startTestSandbox({ onInvocation: (e) => invocations.push(e) });
});
afterAll(async () => {
  await sb?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP request to the sandbox, with exactly the headers given (Host included). */
function request(path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: sb.port, path, method: body === undefined ? "GET" : "POST", headers },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const INVOKE = "/2015-03-31/functions/big-logger/invocations";
const own = () => `127.0.0.1:${sb.port}`;

/** The function under attack never ran: no invocation, no environment, no log stream. */
async function expectNotRun(): Promise<void> {
  expect(invocations.filter((e) => e.functionName === "big-logger")).toEqual([]);
  expect(sb.runner.count()).toBe(0);
  const streams = await sb.logs
    .send(new DescribeLogStreamsCommand({ logGroupName: "/aws/lambda/big-logger" }))
    .then((r) => r.logStreams ?? [])
    .catch((e: { name?: string }) => (e.name === "ResourceNotFoundException" ? [] : Promise.reject(e)));
  expect(streams).toEqual([]);
}

describe("requests the sandbox refuses, 403 with a reason, the function not run", () => {
  it("a foreign Host, as a DNS-rebound page sends, even signed", async () => {
    const r = await request(INVOKE, { ...SIGNED, host: `attacker.example:${sb.port}` }, "{}");
    expect(r.status).toBe(403);
    expect(r.headers["x-amzn-errortype"]).toBe("AccessDeniedException");
    const body = JSON.parse(r.body) as { Type: string; Message: string; message: string };
    expect(body.Type).toBe("User");
    expect(body.message).toContain('addressed to "attacker.example:');
    expect(body.message).toContain(`http://127.0.0.1:${sb.port}`);
    await expectNotRun();
  });

  it("a loopback Host with another port", async () => {
    const r = await request(INVOKE, { ...SIGNED, host: `127.0.0.1:${sb.port + 1}` }, "{}");
    expect(r.status).toBe(403);
    expect(r.headers["x-amzn-errortype"]).toBe("AccessDeniedException");
    await expectNotRun();
  });

  it("a browser's simple text/plain POST (Origin, no Authorization)", async () => {
    const headers = { host: own(), origin: "http://attacker.example", "content-type": "text/plain" };
    const r = await request(INVOKE, headers, '{"lines": 1}');
    expect(r.status).toBe(403);
    expect(r.headers["x-amzn-errortype"]).toBe("AccessDeniedException");
    expect(JSON.parse(r.body)).toMatchObject({ message: expect.stringContaining("origin header") as string });
    await expectNotRun();
  });

  it("a browser's request even when it carries a signature-shaped header", async () => {
    const headers = { ...SIGNED, host: own(), "sec-fetch-site": "same-origin" };
    const r = await request(INVOKE, headers, "{}");
    expect(r.status).toBe(403);
    await expectNotRun();
  });

  it("an unsigned request, told how to sign", async () => {
    const r = await request(INVOKE, { host: own(), "content-type": "application/json" }, "{}");
    expect(r.status).toBe(403);
    expect(r.headers["x-amzn-errortype"]).toBe("MissingAuthenticationTokenException");
    expect(JSON.parse(r.body)).toMatchObject({
      message: expect.stringContaining("Signature Version 4") as string,
    });
    await expectNotRun();
  });

  it("an Authorization header that is not SigV4", async () => {
    const r = await request(INVOKE, { host: own(), authorization: "Basic dGVzdDp0ZXN0" }, "{}");
    expect(r.status).toBe(403);
    expect(r.headers["x-amzn-errortype"]).toBe("IncompleteSignatureException");
    await expectNotRun();
  });

  it("an unsigned CloudWatch Logs request, in CloudWatch Logs' error shape", async () => {
    const r = await request(
      "/",
      {
        host: own(),
        "x-amz-target": "Logs_20140328.GetLogEvents",
        "content-type": "application/x-amz-json-1.1",
      },
      "{}",
    );
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ __type: "MissingAuthenticationTokenException" });
  });
});

describe("requests the sandbox lets in", () => {
  it.each([
    ["localhost", () => `localhost:${sb.port}`],
    ["LOCALHOST", () => `LOCALHOST:${sb.port}`],
    ["127.0.0.1", () => `127.0.0.1:${sb.port}`],
    ["127.1.2.3", () => `127.1.2.3:${sb.port}`],
    ["[::1]", () => `[::1]:${sb.port}`],
  ])("a signed request to %s", async (_, host) => {
    const r = await request("/2015-03-31/functions/?MaxItems=1", { ...SIGNED, host: host() });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toHaveProperty("Functions");
  });

  it("the AWS SDK, unchanged", async () => {
    const out = await sb.lambda.send(
      new InvokeCommand({ FunctionName: "orders-api", Payload: Buffer.from('{"orderId": "1"}') }),
    );
    expect(out.StatusCode).toBe(200);
    expect(payloadText(out.Payload).length).toBeGreaterThan(0);
  });
});
