// Custom runtimes (provided, provided.al2, provided.al2023): the function's own executable
// `bootstrap` runs as is, talks to the sandbox over the Lambda Runtime API, and its output is
// the function's log stream. Runtimes the sandbox cannot run are refused with the reason.
import { copyFile, mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, decodeTail, payloadText, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const ECHO = path.join(ROOT, "fixtures/sam-app/src/custom-echo/bootstrap");

/** A bash bootstrap that answers with the environment it was given, as JSON (through python3). */
const ENV_BOOTSTRAP = `#!/usr/bin/env bash
echo "env-bootstrap: starting" >&2
exec python3 -c '
import http.client, json, os
host, port = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
c = http.client.HTTPConnection(host, int(port))
while True:
    c.request("GET", "/2018-06-01/runtime/invocation/next")
    r = c.getresponse(); event = json.loads(r.read())
    rid = r.getheader("Lambda-Runtime-Aws-Request-Id")
    headers = {k.lower(): v for k, v in r.getheaders() if k.lower().startswith("lambda-runtime-")}
    base = "/2018-06-01/runtime/invocation/" + rid
    failure = {"Lambda-Runtime-Function-Error-Type": "Custom.Failure"}
    if event.get("fail") == "json":
        c.request("POST", base + "/error", json.dumps({"errorMessage": "asked to", "errorType": "Custom.Failure", "stackTrace": ["at bootstrap"]}), failure)
    elif event.get("fail") == "text":
        c.request("POST", base + "/error", "plain words", failure)
    else:
        c.request("POST", base + "/response", json.dumps({"env": dict(os.environ), "headers": headers, "cwd": os.getcwd()}))
    c.getresponse().read()
'
`;

let sb: TestSandbox;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-custom-"));
  const fn = async (name: string, config: object) => {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "function.json"), JSON.stringify(config));
    return path.join(dir, name);
  };
  await copyFile(
    ECHO,
    path.join(
      await fn("custom-echo", { runtime: "provided.al2023", handler: "function.handler" }),
      "bootstrap",
    ),
  );
  await writeFile(
    path.join(
      await fn("custom-env", {
        runtime: "provided",
        handler: "function.handler",
        environment: { MY_VAR: "mine", AWS_REGION: "nope" },
      }),
      "bootstrap",
    ),
    ENV_BOOTSTRAP,
    { mode: 0o755 },
  );
  await fn("no-bootstrap", { runtime: "provided.al2" });
  await fn("java-fn", { runtime: "java21", handler: "example.Handler::handleRequest" });
  sb = await startTestSandbox({ functionsDir: dir });
});
afterAll(async () => {
  await sb?.close();
});

const invoke = (name: string, payload: string) =>
  sb.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(payload), LogType: "Tail" }));

describe("custom runtimes", () => {
  it("runs the bootstrap as is: its answer is the response, its stdout the log, cold then warm", async () => {
    const first = await invoke("custom-echo", '{"hello":"world"}');
    expect(first.FunctionError).toBeUndefined();
    const body = JSON.parse(payloadText(first.Payload)) as { echo: unknown; requestId: string };
    expect(body.echo).toEqual({ hello: "world" });
    const tail = decodeTail(first.LogResult);
    const lines = tail.split("\n");
    // The bootstrap's own init line comes after INIT_START and before START.
    const init = lines.findIndex((l) => l.startsWith("INIT_START"));
    const ready = lines.findIndex((l) => l === "custom-echo: ready, handler function.handler");
    const start = lines.findIndex((l) => l.startsWith("START RequestId: " + body.requestId));
    expect(lines[init]).toMatch(/^INIT_START Runtime Version: provided:al2023\.v\d+\t/);
    expect(ready).toBeGreaterThan(init);
    expect(start).toBeGreaterThan(ready);
    // Its invocation line is between START and END, as Lambda's stream has it.
    const got = lines.findIndex((l) => l === `custom-echo: got 17 bytes for ${body.requestId}`);
    const end = lines.findIndex((l) => l.startsWith("END RequestId: " + body.requestId));
    expect(got).toBeGreaterThan(start);
    expect(end).toBeGreaterThan(got);
    expect(tail).toMatch(/REPORT RequestId: .*Init Duration: /);

    const second = await invoke("custom-echo", "[1,2]");
    expect(JSON.parse(payloadText(second.Payload))).toMatchObject({ echo: [1, 2] });
    const warm = decodeTail(second.LogResult);
    expect(warm).not.toContain("INIT_START");
    expect(warm).not.toContain("Init Duration");
  });

  it("gives the bootstrap Lambda's environment and the Runtime-API headers", async () => {
    const out = await invoke("custom-env", "{}");
    const { env, headers, cwd } = JSON.parse(payloadText(out.Payload)) as {
      env: Record<string, string>;
      headers: Record<string, string>;
      cwd: string;
    };
    expect(env.AWS_LAMBDA_RUNTIME_API).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(env._HANDLER).toBe("function.handler");
    expect(env.LAMBDA_TASK_ROOT).toBe(path.join(dir, "custom-env"));
    expect(cwd).toBe(path.join(dir, "custom-env"));
    expect(env.AWS_LAMBDA_FUNCTION_NAME).toBe("custom-env");
    expect(env.AWS_LAMBDA_FUNCTION_VERSION).toBe("$LATEST");
    expect(env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE).toBe("128");
    expect(env.AWS_LAMBDA_LOG_GROUP_NAME).toBe("/aws/lambda/custom-env");
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env.AWS_LAMBDA_LOG_FORMAT).toBe("Text");
    // Reserved variables win over the function's own; unreserved ones are the function's.
    expect(env.AWS_REGION).toBe("us-east-1");
    expect(env.AWS_DEFAULT_REGION).toBe("us-east-1");
    expect(env.MY_VAR).toBe("mine");
    expect(env.TZ).toBe(":UTC");
    expect(env.LANG).toBe("en_US.UTF-8");
    expect(env.PATH).toBeTruthy();
    expect(env.LD_LIBRARY_PATH).toContain(path.join(dir, "custom-env"));
    expect(headers["lambda-runtime-aws-request-id"]).toBe(out.$metadata.requestId);
    expect(Number(headers["lambda-runtime-deadline-ms"])).toBeGreaterThan(Date.now());
    expect(headers["lambda-runtime-invoked-function-arn"]).toMatch(/:function:custom-env$/);
    expect(headers["lambda-runtime-trace-id"]).toMatch(
      /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/,
    );
    // The bootstrap's stderr is in the log stream too.
    expect(decodeTail(out.LogResult)).toContain("env-bootstrap: starting");
  });

  it("returns an error posted to /invocation/{id}/error as Unhandled, its body as posted", async () => {
    const json = await invoke("custom-env", '{"fail":"json"}');
    expect(json.FunctionError).toBe("Unhandled");
    expect(JSON.parse(payloadText(json.Payload))).toEqual({
      errorMessage: "asked to",
      errorType: "Custom.Failure",
      stackTrace: ["at bootstrap"],
    });
    // A body that is not a JSON object is wrapped, typed by Lambda-Runtime-Function-Error-Type.
    const text = await invoke("custom-env", '{"fail":"text"}');
    expect(text.FunctionError).toBe("Unhandled");
    expect(JSON.parse(payloadText(text.Payload))).toEqual({
      errorType: "Custom.Failure",
      errorMessage: "plain words",
    });
    // The environment survives a reported error, as on Lambda: the next invoke is warm.
    const after = await invoke("custom-env", "{}");
    expect(after.FunctionError).toBeUndefined();
    expect(decodeTail(after.LogResult)).not.toContain("INIT_START");
  });

  it("fails an invoke with Runtime.InvalidEntrypoint when the bootstrap is missing", async () => {
    const out = await invoke("no-bootstrap", "{}");
    expect(out.FunctionError).toBe("Unhandled");
    const body = JSON.parse(payloadText(out.Payload)) as { errorType: string; errorMessage: string };
    expect(body.errorType).toBe("Runtime.InvalidEntrypoint");
    expect(body.errorMessage).toContain("Couldn't find valid bootstrap(s)");
    expect(decodeTail(out.LogResult)).toContain("Couldn't find valid bootstrap(s)");
  });

  it("refuses a runtime the sandbox cannot run, with the reason", async () => {
    await expect(invoke("java-fn", "{}")).rejects.toMatchObject({
      name: "ResourceConflictException",
      message: expect.stringContaining("runtime java21 is not supported by the sandbox"),
    });
  });
});
