// `logs FUNCTION --since / --follow` as a user runs it against the sandbox: a real CLI process
// reading a real log group, lines printed while the function is still running.
import { spawn } from "node:child_process";
import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { CLI, credentials } from "../helpers/sandbox.js";

let sb: SandboxProcess;
let lambda: LambdaClient;
beforeAll(async () => {
  sb = await startSandboxProcess();
  lambda = new LambdaClient({ endpoint: sb.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
});
afterAll(async () => {
  lambda?.destroy();
  await sb?.stop();
});

const env = () => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ENDPOINT_URL: sb.endpoint,
});
const lx = (args: string[]) => runCli(args, env(), undefined, false);

interface Line {
  timestamp: number;
  message: string;
  logStreamName: string;
  eventId: string;
}

describe("logs FUNCTION --since", () => {
  it("prints the group's events since then, as text or JSON lines, and nothing from before", async () => {
    await lambda.send(new InvokeCommand({ FunctionName: "orders-api", Payload: Buffer.from("{}") }));
    const text = await lx(["logs", "orders-api", "--since", "15m"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^\d{4}-\d\d-\d\dT\S+Z START RequestId: /m);
    const json = await lx(["logs", "orders-api", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Line);
    expect(lines.some((l) => l.message.startsWith("REPORT RequestId:"))).toBe(true);
    expect(lines.every((l) => !l.message.endsWith("\n") && l.logStreamName.length > 0)).toBe(true);
    expect(new Set(lines.map((l) => l.eventId)).size).toBe(lines.length);
    // From a moment after the invocation (and the two runs above) ended: none of its events.
    const later = await lx(["logs", "orders-api", "--since", String(Date.now())]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toBe("");
  });

  it("says a log group does not exist, exit 3", async () => {
    const r = await lx(["logs", "escape-printer"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Log group \/aws\/lambda\/escape-printer does not exist/);
  });
});

describe("logs FUNCTION --follow", () => {
  it("prints slow-logger's lines while it still runs, until Ctrl+C", async () => {
    const child = spawn(
      process.execPath,
      [CLI, "logs", "slow-logger", "--follow", "--json", "--since", "1s"],
      {
        env: env(),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const lines: Line[] = [];
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    let buffered = "";
    const waiters: Array<() => void> = [];
    child.stdout.on("data", (c: Buffer) => {
      buffered += c.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      for (const p of parts) lines.push(JSON.parse(p) as Line);
      waiters.splice(0).forEach((w) => w());
    });
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (ok() ? resolve() : waiters.push(check));
        check();
      });

    let returned = false;
    const invocation = lambda
      .send(new InvokeCommand({ FunctionName: "slow-logger", Payload: Buffer.from("{}") }))
      .then(() => (returned = true));
    await until(() => lines.some((l) => /\tINFO\t/.test(l.message)));
    // The function logs for about 3 s: its first line was printed before it returned.
    expect(returned).toBe(false);
    await invocation;
    await until(() => lines.some((l) => l.message.startsWith("REPORT RequestId:")));
    const info = lines.filter((l) => /\tINFO\t/.test(l.message));
    expect(info.length).toBeGreaterThanOrEqual(10);
    const code = await new Promise<number | null>((resolve) => {
      child.once("close", resolve);
      child.kill("SIGINT");
    });
    expect(code).toBe(0);
    // The sandbox offers StartLiveTail: the lines were pushed, not polled.
    expect(stderr).toContain("following with CloudWatch Live Tail");
  });
});
