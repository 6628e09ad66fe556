// The AWS CLI, as an independent client, invokes functions on the runtimes the Runtime API
// serves: a custom runtime's bootstrap answering and failing, and a runtime the sandbox refuses.
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AWS_CLI_ENV, findClis, payloadArgs } from "../helpers/aws-cli.js";
import { run, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { ROOT } from "../helpers/sandbox.js";

/** A custom runtime that fails every invocation through /invocation/{id}/error. */
const FAILING = `#!/usr/bin/env python3
import http.client, json, os
host, port = os.environ["AWS_LAMBDA_RUNTIME_API"].split(":")
c = http.client.HTTPConnection(host, int(port))
while True:
    c.request("GET", "/2018-06-01/runtime/invocation/next")
    r = c.getresponse(); r.read()
    rid = r.getheader("Lambda-Runtime-Aws-Request-Id")
    print("failing: refusing " + rid, flush=True)
    body = {"errorMessage": "refused", "errorType": "Custom.Refused", "stackTrace": ["bootstrap, line 9"]}
    c.request("POST", "/2018-06-01/runtime/invocation/" + rid + "/error", json.dumps(body),
              {"Lambda-Runtime-Function-Error-Type": "Custom.Refused"})
    c.getresponse().read()
`;

const clis = findClis();
let sb: SandboxProcess;
let out: string;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lx-awscli-runtimes-"));
  out = await mkdtemp(path.join(os.tmpdir(), "lx-awscli-runtimes-out-"));
  const fn = async (name: string, config: object) => {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "function.json"), JSON.stringify(config));
    return path.join(dir, name);
  };
  const echo = await fn("custom-echo", { runtime: "provided.al2023", handler: "function.handler" });
  await copyFile(path.join(ROOT, "fixtures/sam-app/src/custom-echo/bootstrap"), path.join(echo, "bootstrap"));
  const failing = await fn("custom-failing", { runtime: "provided.al2" });
  await writeFile(path.join(failing, "bootstrap"), FAILING, { mode: 0o755 });
  await fn("java-fn", { runtime: "java21" });
  sb = await startSandboxProcess([dir]);
});
afterAll(async () => {
  await sb?.stop();
});

it("has an AWS CLI to check the sandbox with", () => {
  expect(clis.length).toBeGreaterThan(0);
});

describe.each(clis)("AWS CLI v$major ($bin)", ({ bin, major }) => {
  const aws = (...args: string[]) =>
    run(bin, ["--endpoint-url", sb.endpoint, "--output", "json", ...args], {
      ...AWS_CLI_ENV,
      AWS_MAX_ATTEMPTS: "1",
    });

  it("invokes a custom runtime: its answer, ExecutedVersion and its log lines in the tail", async () => {
    const file = path.join(out, `echo-${major}.json`);
    const r = await aws(
      "lambda",
      "invoke",
      "--function-name",
      "custom-echo",
      "--log-type",
      "Tail",
      ...payloadArgs(major, '{"from":"cli"}'),
      file,
    );
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout) as { StatusCode: number; ExecutedVersion: string; LogResult: string };
    expect(meta.StatusCode).toBe(200);
    expect(meta.ExecutedVersion).toBe("$LATEST");
    const body = JSON.parse(await readFile(file, "utf8")) as { echo: unknown; requestId: string };
    expect(body.echo).toEqual({ from: "cli" });
    const tail = Buffer.from(meta.LogResult, "base64").toString("utf8");
    expect(tail).toContain(`custom-echo: got 14 bytes for ${body.requestId}`);
    expect(tail).toContain(`REPORT RequestId: ${body.requestId}`);
  });

  it("reports a custom runtime's posted error as FunctionError Unhandled with its payload", async () => {
    const file = path.join(out, `failing-${major}.json`);
    const r = await aws(
      "lambda",
      "invoke",
      "--function-name",
      "custom-failing",
      ...payloadArgs(major, "{}"),
      file,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ StatusCode: 200, FunctionError: "Unhandled" });
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({
      errorMessage: "refused",
      errorType: "Custom.Refused",
      stackTrace: ["bootstrap, line 9"],
    });
  });

  it("gets ResourceConflictException with the reason for a runtime the sandbox does not run", async () => {
    const r = await aws(
      "lambda",
      "invoke",
      "--function-name",
      "java-fn",
      path.join(out, `java-${major}.json`),
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("ResourceConflictException");
    expect(r.stderr).toContain("runtime java21 is not supported by the sandbox");
  });
});
