// The AWS CLI against a sandbox started from the SAM example (fixtures/sam-app): it lists the
// template's functions with their Node, Python and custom runtimes, and invokes the Node one.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, findAwsClis } from "../helpers/aws-cli.js";
import { startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { ROOT } from "../helpers/sandbox.js";

const clis = findAwsClis();

it("has an AWS CLI to check the sandbox with (.ci/run installs Debian's awscli)", () => {
  expect(clis.length).toBeGreaterThan(0);
});

let sb: SandboxProcess;
const out = mkdtempSync(path.join(os.tmpdir(), "lx-awscli-sam-"));
beforeAll(async () => {
  sb = await startSandboxProcess([path.join(ROOT, "fixtures/sam-app/template.yaml")]);
});
afterAll(async () => {
  await sb?.stop();
});

describe.each(clis)("AWS CLI v$major ($bin) on the SAM example", ({ bin, major }) => {
  it("lambda list-functions shows the template's functions and their runtimes", async () => {
    const r = await awsCli(bin, sb.endpoint, "lambda", "list-functions");
    expect(r.code, r.stderr).toBe(0);
    const functions = (
      JSON.parse(r.stdout) as { Functions: Array<{ FunctionName: string; Runtime: string }> }
    ).Functions;
    expect(Object.fromEntries(functions.map((f) => [f.FunctionName, f.Runtime]))).toEqual({
      CfnNodeFunction: "nodejs20.x",
      "sam-custom-echo": "provided.al2023",
      "sam-node-hello": "nodejs20.x",
      "sam-py-hello": "python3.12",
      "sam-py-raiser": "python3.12",
    });
  });

  it("lambda invoke runs sam-node-hello", async () => {
    const file = path.join(out, `v${major}.json`);
    const payload = '{"name":"Ada"}';
    const args =
      major === 2
        ? ["--cli-binary-format", "raw-in-base64-out", "--payload", payload]
        : ["--payload", payload];
    const r = await awsCli(
      bin,
      sb.endpoint,
      "lambda",
      "invoke",
      "--function-name",
      "sam-node-hello",
      ...args,
      file,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ StatusCode: 200, ExecutedVersion: "$LATEST" });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ message: "hello from node", name: "Ada" });
  });
});
