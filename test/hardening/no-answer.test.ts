// Endpoints that accept the request and then fail to answer: never a byte, the headers and then
// nothing, a body cut short or reset, a 200 that is not JSON. Each must end the command with a
// message that says which of these happened, exit 3, instead of hanging it (before, `list`
// and `invoke` waited forever) or blaming a network that worked. The waits are shortened
// through the environment variables users have for it, so these tests never wait the real
// tens of seconds; nothing here depends on how fast the machine is.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appendRecords } from "../../src/state/history-store.js";
import type { RunResult } from "../helpers/cli.js";
import { historyRecord } from "../helpers/history-records.js";
import { CLI } from "../helpers/sandbox.js";
import { startLocalServer, type Answer, type LocalServer } from "./local-server.js";

const children = new Set<ChildProcess>();
let server: LocalServer | null = null;
afterEach(async () => {
  // A command that still hangs (the bug) must not outlive its test.
  for (const c of children) c.kill("SIGKILL");
  children.clear();
  await server?.close();
  server = null;
});

// Waits an answer that does come never runs into, even on a loaded machine; the tests about
// the read timeout itself shorten it to SHORT_READ (the endpoint then never answers at all).
const WAITS = {
  LAMBDA_EXPLORER_READ_TIMEOUT_MS: "5000",
  LAMBDA_EXPLORER_INVOKE_MARGIN_MS: "500",
};
const SHORT_READ = { LAMBDA_EXPLORER_READ_TIMEOUT_MS: "400" };

function lx(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
    AWS_SECRET_ACCESS_KEY: "secret",
    ...WAITS,
    ...extra,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A body longer than what is sent: the client waits for the rest. */
function startBody(res: Parameters<Answer>[1]): void {
  res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
  res.write('{"Functions":[');
}

const CONFIG = (name: string, timeout: number) =>
  JSON.stringify({
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    Runtime: "nodejs20.x",
    Timeout: timeout,
    MemorySize: 128,
  });

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("list against an endpoint that does not answer", () => {
  it("accepts the request and never answers: gives up after the read timeout, retried, exit 3", async () => {
    server = await startLocalServer(() => undefined);
    const r = await lx(["list", "--endpoint-url", server.url], SHORT_READ);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${server.url} accepted the request but did not answer within 0.4 s.`);
    expect(r.stderr).toContain("LAMBDA_EXPLORER_READ_TIMEOUT_MS");
    expect(r.stderr.match(/did not answer ListFunctions in time .*retrying/g)).toHaveLength(2);
    expect(r.stderr).not.toContain("Is the endpoint running");
    expect(server.requests).toHaveLength(3);
    noStack(r.stderr);
  });

  it("sends the headers and stalls the body: says it stopped mid-answer", async () => {
    server = await startLocalServer((_req, res) => startBody(res));
    const r = await lx(["list", "--endpoint-url", server.url], SHORT_READ);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      `${server.url} stopped in the middle of its answer: nothing more came for 0.4 s.`,
    );
    noStack(r.stderr);
  });

  it.each([
    ["closes", (res: Parameters<Answer>[1]) => res.socket?.end()],
    ["resets", (res: Parameters<Answer>[1]) => res.socket?.resetAndDestroy()],
  ])(
    "%s the connection mid-body: says the answer was cut short, not that it is unreachable",
    async (_, end) => {
      server = await startLocalServer((_req, res) => {
        startBody(res);
        // Once the part sent has gone out.
        res.socket?.write("", () => end(res));
      });
      const r = await lx(["list", "--endpoint-url", server.url]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`${server.url} cut its answer short`);
      expect(r.stderr).toMatch(/cut its answer to ListFunctions short .*retrying/);
      expect(r.stderr).not.toContain("Cannot reach");
      expect(r.stderr).not.toContain("Is the endpoint running");
      noStack(r.stderr);
    },
  );

  it.each([
    ["an HTML page", "text/html", "<html><body>Welcome to nginx!</body></html>"],
    ["truncated JSON", "application/json", '{"Functions":[{"FunctionName":"a"'],
    ["null", "application/json", "null"],
  ])("a 200 with %s is named a malformed answer, exit 3", async (_, type, body) => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    });
    const r = await lx(["list", "--endpoint-url", server.url]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${server.url} sent a malformed answer: HTTP 200`);
    expect(r.stderr).not.toContain("without an AWS error");
    expect(r.stderr).not.toContain("<html>");
    noStack(r.stderr);
  });
});

describe("invoke against an endpoint that does not answer Invoke", () => {
  /** Answers GetFunctionConfiguration (a 1 s function); never answers Invoke. */
  const oneSecondFunction: Answer = (req, res) => {
    if (req.url?.includes("/configuration")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(CONFIG("slow", 1));
    }
  };

  it("waits the function's timeout plus the margin, says so, exit 3, and does not send Invoke again", async () => {
    server = await startLocalServer(oneSecondFunction);
    const r = await lx(["invoke", "slow", "--payload", "{}", "--endpoint-url", server.url]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(
      `${server.url} accepted Invoke of slow but did not answer within 1.5 s (its timeout, 1 s, plus 0.5 s).`,
    );
    expect(r.stderr).toContain("The function may have run");
    expect(server.requests.filter((q) => q.includes("/invocations"))).toHaveLength(1);
    expect(r.stderr).not.toContain("retrying");
    noStack(r.stderr);
  });

  it("a response body that stalls after the headers: stopped mid-answer, not retried", async () => {
    server = await startLocalServer((req, res) => {
      if (req.url?.includes("/configuration")) return oneSecondFunction(req, res, Buffer.alloc(0));
      startBody(res);
    });
    const r = await lx(["invoke", "slow", "--payload", "{}", "--endpoint-url", server.url], SHORT_READ);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${server.url} stopped in the middle of its answer`);
    expect(server.requests.filter((q) => q.includes("/invocations"))).toHaveLength(1);
  });

  it("replay: each function's timeout is asked for, so a silent Invoke ends the replay, exit 3", async () => {
    server = await startLocalServer(oneSecondFunction);
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-no-answer-"));
    const file = path.join(dir, "history.jsonl");
    await appendRecords(file, [historyRecord({ function: { name: "slow", arn: null } })]);
    const r = await lx(["replay", file, "--no-history", "--endpoint-url", server.url]);
    expect(r.code, r.stderr + r.stdout).toBe(3);
    expect(r.stdout + r.stderr).toContain("did not answer within 1.5 s");
  });
});

describe("logs against an endpoint whose CloudWatch Logs never answers", () => {
  it("gives up after the read timeout, naming the endpoint, exit 3", async () => {
    server = await startLocalServer((req, res) => {
      if (req.url?.includes("/configuration")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(CONFIG("slow", 1));
      }
    });
    const r = await lx(
      ["logs", "slow", "--request-id", "3d754295-c853-44fb-990b-27de9907d227", "--endpoint-url", server.url],
      SHORT_READ,
    );
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`${server.url} accepted the request but did not answer within 0.4 s.`);
  });
});
