// `lambda-explorer sandbox TEMPLATE` as a user runs it: the template's problems on stderr with
// what to do, --parameter-overrides, the folder a template is found in, and bad input.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CLI, ROOT, SIGNED } from "../helpers/sandbox.js";

const TEMPLATE = `
Parameters:
  Stage:
    Type: String
    Default: dev
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: !Sub "api-\${Stage}"
      CodeUri: code
      Handler: index.handler
      Runtime: nodejs20.x
      Description: !GetAtt Table.Arn
  JavaHello:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: java-hello
      CodeUri: code
      Handler: hello.App::handleRequest
      Runtime: java21
`;

async function templateDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lx-sam-cli-"));
  await mkdir(path.join(dir, "code"));
  await writeFile(path.join(dir, "code/index.mjs"), "export const handler = async () => 'ok';\n");
  await writeFile(path.join(dir, "template.yaml"), TEMPLATE);
  return dir;
}

/** Runs `sandbox --json ARGS` until it listens; answers its endpoint, its stderr once it holds a text, and a stop. */
function startSandbox(args: string[]) {
  const child = spawn(process.execPath, [CLI, "sandbox", "--json", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  const waiting: Array<() => void> = [];
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString();
    for (const wake of waiting.splice(0)) wake();
  });
  // stderr and stdout are separate pipes: what was written to stderr first may arrive later.
  const stderrOnceItHolds = async (text: string): Promise<string> => {
    while (!err.includes(text)) await new Promise<void>((r) => waiting.push(r));
    return err;
  };
  return new Promise<{
    endpoint: string;
    template: string;
    stderrOnceItHolds: (text: string) => Promise<string>;
    stop: () => Promise<void>;
  }>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (!out.includes("\n")) return;
      const line = JSON.parse(out.split("\n")[0]!) as { endpoint: string; template: string };
      resolve({
        ...line,
        stderrOnceItHolds,
        stop: () =>
          new Promise((r) => {
            child.once("close", () => r());
            child.kill("SIGTERM");
          }),
      });
    });
    child.on("close", (code) => reject(new Error(`sandbox exited ${code}: ${err}`)));
  });
}

async function listed(endpoint: string): Promise<Array<{ FunctionName: string; Description: string }>> {
  const res = await fetch(`${endpoint}/2015-03-31/functions/`, { headers: SIGNED });
  return ((await res.json()) as { Functions: Array<{ FunctionName: string; Description: string }> })
    .Functions;
}

describe("lambda-explorer sandbox TEMPLATE", () => {
  it("finds the template in a folder, runs what it can and says on stderr what it cannot", async () => {
    const dir = await templateDir();
    const sb = await startSandbox([dir]);
    try {
      expect(sb.template).toBe(path.join(dir, "template.yaml"));
      expect((await listed(sb.endpoint)).map((f) => f.FunctionName).sort()).toEqual([
        "api-dev",
        "java-hello",
      ]);
      const stderr = await sb.stderrOnceItHolds("Resources.JavaHello");
      expect(stderr).toContain(
        `${path.join(dir, "template.yaml")}: 2 problems (the sandbox runs what it can):`,
      );
      expect(stderr).toContain(
        "  Resources.Api (api-dev) Description: !GetAtt Table.Arn: a resource attribute, known only once the stack is deployed; left at its default",
      );
      expect(stderr).toMatch(
        / {2}Resources\.JavaHello \(java-hello\): cannot run: runtime java21 is not supported/,
      );
    } finally {
      await sb.stop();
    }
  });

  it("says in its instructions what it runs from the template, with a function that runs", async () => {
    const dir = await templateDir();
    const child = spawn(process.execPath, [CLI, "sandbox", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (c: Buffer) => {
        text += c.toString();
        if (text.includes("Ctrl+C")) resolve();
      }),
    );
    await new Promise((r) => {
      child.once("close", r);
      child.kill("SIGTERM");
    });
    expect(text).toContain(`  2 functions from template ${path.join(dir, "template.yaml")}\n`);
    expect(text).toContain("  1 of them cannot run here (see above): they are listed, and Invoke says why");
    expect(text).toContain("aws lambda invoke --function-name api-dev --log-type Tail out.json");
    expect(text).toContain("aws logs filter-log-events --log-group-name /aws/lambda/api-dev");
  });

  it("takes --parameter-overrides as SAM CLI spells them", async () => {
    const dir = await templateDir();
    const sb = await startSandbox([path.join(dir, "template.yaml"), "--parameter-overrides", "Stage=prod"]);
    try {
      expect((await listed(sb.endpoint)).map((f) => f.FunctionName)).toContain("api-prod");
    } finally {
      await sb.stop();
    }
  });

  it("starts on the SAM example named by its folder", async () => {
    const sb = await startSandbox([path.join(ROOT, "fixtures/sam-app")]);
    try {
      expect((await listed(sb.endpoint)).length).toBe(5);
    } finally {
      await sb.stop();
    }
  });

  it("says what is wrong with its input and exits 2", async () => {
    const dir = await templateDir();
    const bad = await runCli(["sandbox", dir, "--parameter-overrides", "Stage"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Stage" is not Key=Value (for example --parameter-overrides Stage=dev');
    const folder = await runCli([
      "sandbox",
      path.join(ROOT, "fixtures/functions"),
      "--parameter-overrides",
      "A=1",
    ]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--parameter-overrides is for templates, and .* holds no template\.yaml/);
    const empty = path.join(dir, "empty.yaml");
    await writeFile(empty, "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
    const none = await runCli(["sandbox", empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("defines no functions: the sandbox reads AWS::Serverless::Function");
  });
});
