// Invoke through the real AWS SDK v3 against the sandbox over HTTP: results, tails,
// qualifiers, faults, limits, and that the sandbox keeps serving after each fault.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvokeCommand, type InvokeCommandOutput } from "@aws-sdk/client-lambda";
import { decodeTail, payloadText, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb?.close();
});

const invoke = (
  FunctionName: string,
  payload: unknown = {},
  extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {},
) =>
  sb.lambda.send(
    new InvokeCommand({
      FunctionName,
      LogType: "Tail",
      Payload: typeof payload === "string" ? Buffer.from(payload) : Buffer.from(JSON.stringify(payload)),
      ...extra,
    }),
  );

const json = (out: InvokeCommandOutput) => JSON.parse(payloadText(out.Payload)) as Record<string, unknown>;

async function stillServes(): Promise<void> {
  const out = await invoke("orders-api");
  expect(out.StatusCode).toBe(200);
  expect(out.FunctionError).toBeUndefined();
}

describe("a successful invocation", () => {
  it("returns the payload, $LATEST, a request id and a tail from START to REPORT", async () => {
    const out = await invoke("orders-api");
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe("$LATEST");
    expect(out.FunctionError).toBeUndefined();
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(json(out).statusCode).toBe(200);
    const tail = decodeTail(out.LogResult);
    const id = /^START RequestId: ([0-9a-f-]+) Version: \$LATEST$/m.exec(tail)?.[1];
    expect(id).toBeDefined();
    expect(tail).toContain(`END RequestId: ${id}`);
    expect(tail).toMatch(
      new RegExp(
        `REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: \\d+ MB\\tMax Memory Used: \\d+ MB\\t`,
      ),
    );
    // console.log lines are formatted as the Node runtime does: ts \t id \t LEVEL \t message
    expect(tail).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${id}\\tINFO\\t`, "m"));
  });

  it("reports a cold start once: INIT_START and Init Duration, then warm", async () => {
    const fresh = await startTestSandbox();
    try {
      const cold = decodeTail(
        (await fresh.lambda.send(new InvokeCommand({ FunctionName: "handled-error", LogType: "Tail" })))
          .LogResult,
      );
      expect(cold).toMatch(/^INIT_START Runtime Version: /m);
      expect(cold).toMatch(/Init Duration: \d+\.\d\d ms\t/);
      const warm = decodeTail(
        (await fresh.lambda.send(new InvokeCommand({ FunctionName: "handled-error", LogType: "Tail" })))
          .LogResult,
      );
      expect(warm).not.toContain("INIT_START");
      expect(warm).not.toContain("Init Duration");
    } finally {
      await fresh.close();
    }
  });

  it("omits the tail unless asked, and sends an empty payload as {}", async () => {
    const out = await sb.lambda.send(new InvokeCommand({ FunctionName: "orders-api" }));
    expect(out.LogResult).toBeUndefined();
    expect(out.StatusCode).toBe(200);
  });

  it("cuts the tail to the last 4 KB for a function that logs more", async () => {
    const out = await invoke("big-logger");
    const tail = decodeTail(out.LogResult);
    expect(Buffer.byteLength(tail)).toBeLessThanOrEqual(4096);
    expect(tail).toContain("REPORT RequestId:");
    expect(tail).not.toMatch(/^START RequestId:/m);
  });

  it("keeps raw process.stdout.write lines, which carry no request id", async () => {
    const tail = decodeTail((await invoke("stdout-writer")).LogResult);
    const lines = tail.split("\n").filter((l) => l && !/^(START|END|REPORT|INIT_START)/.test(l));
    expect(lines.some((l) => !/\t[0-9a-f-]{36}\t/.test(l))).toBe(true);
    expect(lines.some((l) => /\t[0-9a-f-]{36}\tINFO\t/.test(l))).toBe(true);
  });

  it("writes JSON log records for a JSON-format function", async () => {
    const tail = decodeTail((await invoke("json-logger")).LogResult);
    const records = tail
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map(
        (l) =>
          JSON.parse(l) as { type?: string; level?: string; record?: { metrics?: Record<string, number> } },
      );
    expect(records.some((r) => r.type === "platform.start")).toBe(true);
    const report = records.find((r) => r.type === "platform.report");
    expect(report?.record?.metrics?.durationMs).toBeTypeOf("number");
    expect(report?.record?.metrics?.maxMemoryUsedMB).toBeGreaterThan(0);
    expect(records.some((r) => r.level === "WARN" || r.level === "ERROR")).toBe(true);
  });

  it("returns a ~1 MB response intact", async () => {
    const out = await invoke("big-response");
    expect(out.Payload!.length).toBeGreaterThan(900_000);
    expect(() => json(out)).not.toThrow();
  });
});

describe("qualifiers", () => {
  it("resolves aliases to their versions and reports ExecutedVersion", async () => {
    const live = await invoke("versioned-greeter", { name: "Ada" }, { Qualifier: "live" });
    const canary = await invoke("versioned-greeter", { name: "Ada" }, { Qualifier: "canary" });
    expect(live.ExecutedVersion).toBe("1");
    expect(canary.ExecutedVersion).toBe("2");
    expect(payloadText(live.Payload)).not.toEqual(payloadText(canary.Payload));
    expect(decodeTail(live.LogResult)).toMatch(/^START RequestId: \S+ Version: 1$/m);
  });

  it("takes a version number, $LATEST, or a qualifier inside the ARN", async () => {
    expect((await invoke("versioned-greeter", {}, { Qualifier: "2" })).ExecutedVersion).toBe("2");
    expect((await invoke("versioned-greeter", {}, { Qualifier: "$LATEST" })).ExecutedVersion).toBe("$LATEST");
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:versioned-greeter:live";
    expect((await invoke(arn)).ExecutedVersion).toBe("1");
    expect((await invoke("versioned-greeter:canary")).ExecutedVersion).toBe("2");
  });

  it("rejects an unknown qualifier and a mismatch between name and Qualifier", async () => {
    await expect(invoke("versioned-greeter", {}, { Qualifier: "nope" })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
    await expect(invoke("versioned-greeter:live", {}, { Qualifier: "canary" })).rejects.toMatchObject({
      name: "InvalidParameterValueException",
    });
  });
});

describe("function errors", () => {
  it("reports a thrown error as Unhandled with the Node-shaped payload", async () => {
    const out = await invoke("thrower");
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    const body = json(out);
    expect(body.errorType).toBeTypeOf("string");
    expect(body.errorMessage).toBeTypeOf("string");
    expect(Array.isArray(body.trace)).toBe(true);
    expect((body.trace as string[])[0]).toContain(body.errorMessage as string);
    expect(decodeTail(out.LogResult)).toMatch(/\tERROR\tInvoke Error \t\{"errorType":/);
    await stillServes();
  });

  it("returns a handled error object as a normal result", async () => {
    const out = await invoke("handled-error");
    expect(out.FunctionError).toBeUndefined();
    expect(json(out).statusCode).toBeGreaterThanOrEqual(400);
  });

  it("times out with Sandbox.Timedout, then starts a fresh environment", { timeout: 20_000 }, async () => {
    const out = await invoke("slow-timeout");
    expect(out.FunctionError).toBe("Unhandled");
    const body = json(out);
    expect(body.errorType).toBe("Sandbox.Timedout");
    expect(body.errorMessage).toMatch(/Task timed out after \d+\.\d\d seconds/);
    const tail = decodeTail(out.LogResult);
    expect(tail).toMatch(/Task timed out after \d+\.\d\d seconds/);
    expect(tail).toMatch(/REPORT RequestId: .*Status: timeout/);
    const again = decodeTail(
      (await invoke("slow-timeout", {}, { InvocationType: "RequestResponse" })).LogResult,
    );
    expect(again).toContain("INIT_START");
    await stillServes();
  });

  it("reports process.exit and an uncaught exception in a callback as Runtime.ExitError", async () => {
    for (const payload of [{}, { mode: "uncaught" }]) {
      const out = await invoke("crasher", payload);
      expect(out.FunctionError).toBe("Unhandled");
      expect(json(out).errorType).toBe("Runtime.ExitError");
      expect(decodeTail(out.LogResult)).toMatch(
        /Runtime exited with error: exit status \d+\nRuntime.ExitError\nEND RequestId/,
      );
    }
    const ok = await invoke("crasher", { mode: "ok" });
    expect(ok.FunctionError).toBeUndefined();
    expect(decodeTail(ok.LogResult)).toContain("INIT_START");
    await stillServes();
  });
});

describe("invocation types and limits", () => {
  it("answers Event with 202 and no tail, and DryRun with 204", async () => {
    const ev = await invoke("orders-api", {}, { InvocationType: "Event" });
    expect(ev.StatusCode).toBe(202);
    expect(ev.LogResult).toBeUndefined();
    expect(ev.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const dry = await invoke("orders-api", {}, { InvocationType: "DryRun" });
    expect(dry.StatusCode).toBe(204);
  });

  it("rejects an unknown function with ResourceNotFoundException", async () => {
    await expect(invoke("no-such-function")).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("rejects a payload that is not JSON with InvalidRequestContentException", async () => {
    await expect(invoke("orders-api", "{not json")).rejects.toMatchObject({
      name: "InvalidRequestContentException",
      $metadata: { httpStatusCode: 400 },
    });
    await stillServes();
  });

  it("rejects payloads over 6 MB sync and 1 MB async with RequestTooLargeException", async () => {
    const big = (n: number) => `"${"x".repeat(n - 2)}"`;
    await expect(invoke("orders-api", big(6 * 1024 * 1024 + 1))).rejects.toMatchObject({
      name: "RequestTooLargeException",
      $metadata: { httpStatusCode: 413 },
    });
    await expect(
      invoke("orders-api", big(1024 * 1024 + 1), { InvocationType: "Event" }),
    ).rejects.toMatchObject({ name: "RequestTooLargeException" });
    expect((await invoke("orders-api", big(1024 * 1024 + 1))).StatusCode).toBe(200);
    await stillServes();
  });
});
