// `logs FUNCTION --since / --follow` as a user runs it against the sandbox: a real CLI process
// reading a real log group, lines printed while the function is still running.
import { spawn } from "node:child_process";
import http from "node:http";
import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { CLI, credentials } from "../helpers/sandbox.js";
import { startLocalServer } from "../hardening/local-server.js";

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

describe("logs FUNCTION --follow on a quiet log group", () => {
  it("waits on longer than the read timeout, then prints what comes", async () => {
    await lambda.send(new InvokeCommand({ FunctionName: "orders-api", Payload: Buffer.from("{}") }));
    const child = spawn(process.execPath, [CLI, "logs", "orders-api", "--follow", "--since", "1s"], {
      // Any other answer that is silent this long is given up on; a live tail's stream is not.
      env: { ...env(), LAMBDA_EXPLORER_READ_TIMEOUT_MS: "500" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (ok() ? resolve() : setTimeout(check, 20));
        check();
      });
    await until(() => stderr.includes("following with CloudWatch Live Tail") || child.exitCode !== null);
    // Three read timeouts of quiet (a slow machine only makes it longer).
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode, stderr).toBe(null);
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: "orders-api", Payload: Buffer.from("{}") }),
    );
    await until(() => stdout.includes(`START RequestId: ${out.$metadata.requestId}`));
    const code = await new Promise<number | null>((resolve) => {
      child.once("close", resolve);
      child.kill("SIGINT");
    });
    expect(code).toBe(0);
  });
});

describe("logs FUNCTION --follow without live tail", () => {
  it("polls instead, says so on stderr, and still prints the new events", async () => {
    // In front of the sandbox: everything passes but StartLiveTail, as on LocalStack or moto.
    const target = new URL(sb.endpoint);
    const proxy = await startLocalServer((req, res, body) => {
      if (req.headers["x-amz-target"] === "Logs_20140328.StartLiveTail") {
        res.writeHead(400, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-errortype": "UnknownOperationException",
        });
        return res.end(JSON.stringify({ __type: "UnknownOperationException", message: "not here" }));
      }
      const out = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.end(body);
    });
    try {
      const child = spawn(process.execPath, [CLI, "logs", "thrower", "--follow", "--json", "--since", "1s"], {
        env: { ...env(), AWS_ENDPOINT_URL: proxy.url },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      const waiters: Array<() => void> = [];
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        waiters.splice(0).forEach((w) => w());
      });
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
        waiters.splice(0).forEach((w) => w());
      });
      const until = (ok: () => boolean) =>
        new Promise<void>((resolve) => {
          const check = () => (ok() ? resolve() : waiters.push(check));
          check();
        });
      await until(() => stderr.includes("following by polling"));
      const out = await lambda.send(
        new InvokeCommand({ FunctionName: "thrower", Payload: Buffer.from("{}") }),
      );
      expect(out.FunctionError).toBe("Unhandled");
      await until(() => /"message":"REPORT RequestId: /.test(stdout));
      const code = await new Promise<number | null>((resolve) => {
        child.once("close", resolve);
        child.kill("SIGINT");
      });
      expect(code).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});
