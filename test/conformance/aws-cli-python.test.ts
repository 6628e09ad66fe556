// The AWS CLI (each major version on the machine) invoking the sandbox's Python functions:
// `aws lambda invoke --log-type Tail` gets the answer, the tail with its REPORT line, and for
// a raising handler FunctionError "Unhandled" with the error as Lambda's Python runtime writes it.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AWS_CLI_ENV, findClis, payloadArgs } from "../helpers/aws-cli.js";
import { run, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { pythonFunctions } from "../integration/sandbox/python-functions.js";

const clis = findClis();
const functionsDir = pythonFunctions({
  "py-hello": { config: { handler: "app.handler" }, copyFrom: "py-hello" },
  "py-raiser": { config: { handler: "app.handler" }, copyFrom: "py-raiser" },
});
const out = mkdtempSync(path.join(os.tmpdir(), "lx-awscli-py-"));
let sb: SandboxProcess;
beforeAll(async () => {
  sb = await startSandboxProcess([functionsDir]);
});
afterAll(async () => {
  await sb?.stop();
});

it("has an AWS CLI to check the sandbox with", () => {
  expect(clis.length).toBeGreaterThan(0);
});

describe.each(clis)("AWS CLI v$major ($bin) on Python functions", ({ bin, major }) => {
  const invoke = async (name: string, payload: string) => {
    const file = path.join(out, `${name}-v${major}.json`);
    const args = [
      "--endpoint-url",
      sb.endpoint,
      "--output",
      "json",
      "lambda",
      "invoke",
      "--function-name",
      name,
    ];
    args.push("--log-type", "Tail", ...payloadArgs(major, payload), file);
    const r = await run(bin, args, AWS_CLI_ENV);
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout) as { StatusCode: number; FunctionError?: string; LogResult: string };
    return {
      meta,
      tail: Buffer.from(meta.LogResult, "base64").toString("utf8"),
      body: readFileSync(file, "utf8"),
    };
  };

  it("invokes py-hello: the answer in the file, its lines and REPORT in the tail", async () => {
    const { meta, tail, body } = await invoke("py-hello", '{"name":"cli"}');
    expect(meta.StatusCode).toBe(200);
    expect(meta.FunctionError).toBeUndefined();
    expect(JSON.parse(body)).toEqual({ message: "hello from python", name: "cli" });
    expect(tail).toContain("hello from python, print");
    expect(tail).toMatch(/^\[INFO\]\t\S+Z\t[0-9a-f-]{36}\tgreeting cli$/m);
    expect(tail).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms/m);
  });

  it("invokes py-raiser: FunctionError Unhandled and Lambda's Python error shape", async () => {
    const { meta, tail, body } = await invoke("py-raiser", '{"value":"cli"}');
    expect(meta.StatusCode).toBe(200);
    expect(meta.FunctionError).toBe("Unhandled");
    const error = JSON.parse(body) as Record<string, unknown>;
    expect(Object.keys(error)).toEqual(["errorMessage", "errorType", "requestId", "stackTrace"]);
    expect(error).toMatchObject({ errorType: "ValueError", errorMessage: "bad input: 'cli'" });
    expect(error.stackTrace).toEqual([
      expect.stringContaining(", in handler\n"),
      expect.stringContaining(", in check\n"),
    ]);
    expect(tail).toMatch(/^\[ERROR\] ValueError: bad input: 'cli'\r/m);
    expect(tail).toMatch(/^REPORT RequestId: /m);
  });
});
