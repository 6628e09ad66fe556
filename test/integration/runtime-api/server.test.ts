// The Runtime API endpoint one execution environment polls, driven over real HTTP as a runtime
// client drives it: the long poll, its headers, results, errors, init errors, and the status
// codes Lambda answers with when a runtime gets the protocol wrong.
import { afterEach, describe, expect, it } from "vitest";
import {
  RESPONSE_LIMIT,
  RuntimeApiServer,
  asciiJson,
  type Invocation,
} from "../../../src/sandbox/runtime-api/server.js";

interface Seen {
  next: number;
  responses: Array<{ id: string; body: string; tooLarge: boolean }>;
  errors: Array<{ id: string; body: string; type: string | undefined }>;
  initErrors: Array<{ body: string; type: string | undefined }>;
}

let server: RuntimeApiServer | null = null;

async function open(): Promise<{ base: string; seen: Seen; api: RuntimeApiServer }> {
  const seen: Seen = { next: 0, responses: [], errors: [], initErrors: [] };
  const api = new RuntimeApiServer({
    onNext: () => seen.next++,
    onResponse: (id, body, tooLarge) => seen.responses.push({ id, body, tooLarge }),
    onError: (id, body, type) => seen.errors.push({ id, body, type }),
    onInitError: (body, type) => seen.initErrors.push({ body, type }),
  });
  server = api;
  return { base: `http://${await api.address()}/2018-06-01/runtime`, seen, api };
}

afterEach(() => {
  server?.close();
  server = null;
});

const invocation = (requestId: string, extra: Partial<Invocation> = {}): Invocation => ({
  requestId,
  payload: '{"n":1}',
  deadlineMs: 1_900_000_000_000,
  invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:f",
  traceId: "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0",
  clientContext: null,
  cognitoIdentity: null,
  ...extra,
});

describe("Runtime API server", () => {
  it("listens on loopback and holds /invocation/next until an invocation comes", async () => {
    const { base, seen, api } = await open();
    expect(new URL(base).hostname).toBe("127.0.0.1");
    const next = fetch(`${base}/invocation/next`);
    // The poll is open once the server has counted it: only then deliver.
    await expect.poll(() => seen.next).toBe(1);
    api.deliver(invocation("req-1", { clientContext: '{"custom":{"a":1}}', cognitoIdentity: '{"id":"x"}' }));
    const res = await next;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"n":1}');
    expect(res.headers.get("lambda-runtime-aws-request-id")).toBe("req-1");
    expect(res.headers.get("lambda-runtime-deadline-ms")).toBe("1900000000000");
    expect(res.headers.get("lambda-runtime-invoked-function-arn")).toBe(
      "arn:aws:lambda:us-east-1:000000000000:function:f",
    );
    expect(res.headers.get("lambda-runtime-trace-id")).toMatch(/^Root=1-/);
    expect(res.headers.get("lambda-runtime-client-context")).toBe('{"custom":{"a":1}}');
    expect(res.headers.get("lambda-runtime-cognito-identity")).toBe('{"id":"x"}');
  });

  it("leaves out the client context and identity headers when the invoke has none", async () => {
    const { base, api } = await open();
    api.deliver(invocation("req-1"));
    const res = await fetch(`${base}/invocation/next`);
    expect(res.headers.has("lambda-runtime-client-context")).toBe(false);
    expect(res.headers.has("lambda-runtime-cognito-identity")).toBe(false);
  });

  it("accepts one response per invocation with 202, then 403; a wrong id gets 400", async () => {
    const { base, seen, api } = await open();
    api.deliver(invocation("req-1"));
    await (await fetch(`${base}/invocation/next`)).text();
    const wrong = await fetch(`${base}/invocation/nope/response`, { method: "POST", body: "1" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ errorType: "InvalidRequestID" });
    const ok = await fetch(`${base}/invocation/req-1/response`, { method: "POST", body: '{"ok":true}' });
    expect(ok.status).toBe(202);
    expect(await ok.json()).toEqual({ status: "OK" });
    const again = await fetch(`${base}/invocation/req-1/response`, { method: "POST", body: "2" });
    expect(again.status).toBe(403);
    expect(seen.responses).toEqual([{ id: "req-1", body: '{"ok":true}', tooLarge: false }]);
  });

  it("takes an invocation error with its Lambda-Runtime-Function-Error-Type", async () => {
    const { base, seen, api } = await open();
    api.deliver(invocation("req-2"));
    await (await fetch(`${base}/invocation/next`)).text();
    const body = JSON.stringify({ errorMessage: "boom", errorType: "ValueError", stackTrace: ["line 1"] });
    const res = await fetch(`${base}/invocation/req-2/error`, {
      method: "POST",
      body,
      headers: { "lambda-runtime-function-error-type": "ValueError" },
    });
    expect(res.status).toBe(202);
    expect(seen.errors).toEqual([{ id: "req-2", body, type: "ValueError" }]);
  });

  it("refuses a second poll while an invocation is unanswered (403)", async () => {
    const { base, api } = await open();
    api.deliver(invocation("req-3"));
    await (await fetch(`${base}/invocation/next`)).text();
    expect((await fetch(`${base}/invocation/next`)).status).toBe(403);
  });

  it("answers a response over 6 MB with 413 and reports it as too large", async () => {
    const { base, seen, api } = await open();
    api.deliver(invocation("req-4"));
    await (await fetch(`${base}/invocation/next`)).text();
    const res = await fetch(`${base}/invocation/req-4/response`, {
      method: "POST",
      body: "x".repeat(RESPONSE_LIMIT + 1),
    });
    expect(res.status).toBe(413);
    // Compared by length: a failure must not print 6 MB.
    expect(seen.responses.map((r) => [r.id, r.body.length, r.tooLarge])).toEqual([["req-4", 0, true]]);
  });

  it("takes an init error during init only", async () => {
    const { base, seen, api } = await open();
    const body = '{"errorMessage":"no module","errorType":"Runtime.ImportModuleError"}';
    const headers = { "lambda-runtime-function-error-type": "Runtime.ImportModuleError" };
    expect((await fetch(`${base}/init/error`, { method: "POST", body, headers })).status).toBe(202);
    expect(seen.initErrors).toEqual([{ body, type: "Runtime.ImportModuleError" }]);
    api.deliver(invocation("req-5"));
    await (await fetch(`${base}/invocation/next`)).text();
    expect((await fetch(`${base}/init/error`, { method: "POST", body, headers })).status).toBe(403);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    const { base } = await open();
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/invocation/next`, { method: "POST", body: "" })).status).toBe(405);
  });

  it("ends an open poll when closed", async () => {
    const { base, seen, api } = await open();
    const next = fetch(`${base}/invocation/next`);
    await expect.poll(() => seen.next).toBe(1);
    api.close();
    await expect(next).rejects.toThrow();
  });
});

describe("asciiJson", () => {
  it("keeps a client context with line breaks and emoji the same data, in header-safe text", () => {
    const text = '{\n\t"custom": {"name": "Zoë 🚀"}\r\n}';
    const safe = asciiJson(text);
    expect(safe).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(safe)).toEqual(JSON.parse(text));
  });
});
