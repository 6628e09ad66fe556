// The answer is never lost to the logs: a proxy in front of a real sandbox passes Lambda
// through and makes CloudWatch Logs fail (access denied, a server error, no such log group) or
// drops Invoke's tail. `invoke` must still print the response with the function's exit code
// and say why the logs are missing. The proxy is a real HTTP server; nothing is mocked.
import http from "node:http";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

type LogsFault = "pass" | "denied" | "500" | "no-group";

let sb: SandboxProcess;
let home: string;
beforeAll(async () => {
  sb = await startSandboxProcess();
  home = await mkdtemp(path.join(os.tmpdir(), "lx-logs-faults-"));
});
afterAll(async () => {
  await sb?.stop();
});

const env = (url: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ENDPOINT_URL: url,
});
const lx = (url: string, args: string[]) => runCli(args, env(url), undefined, false);

let proxy: LocalServer | null = null;
afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

function awsJsonError(res: http.ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": type });
  res.end(JSON.stringify({ __type: type, message }));
}

/** Forwards every request to the sandbox, except CloudWatch Logs calls when `fault` says so. */
async function startProxy(fault: LogsFault, dropTail = false): Promise<LocalServer> {
  const target = new URL(sb.endpoint);
  return startLocalServer((req, res, body) => {
    const isLogs = String(req.headers["x-amz-target"] ?? "").startsWith("Logs_");
    if (isLogs && fault === "denied")
      return awsJsonError(
        res,
        400,
        "AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/invoker is not authorized to perform: logs:FilterLogEvents",
      );
    if (isLogs && fault === "500")
      return awsJsonError(res, 500, "ServiceUnavailableException", "Internal failure");
    if (isLogs && fault === "no-group")
      return awsJsonError(res, 400, "ResourceNotFoundException", "The specified log group does not exist.");
    const out = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        const headers = { ...answer.headers };
        if (dropTail) delete headers["x-amz-log-result"];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    out.end(body);
  });
}

interface InvokeJson {
  payload: unknown;
  logs: Array<{ message: string }> | null;
  logsState: string | null;
  logsReason: string | null;
  logsHint: string | null;
  tailMissing: string | null;
  cloudWatchCalls: number;
  tail: string | null;
  historyId: string | null;
}

describe("CloudWatch Logs failing never hides the function's answer", () => {
  it("access denied: prints the response, exits 0, and names the IAM actions needed", async () => {
    proxy = await startProxy("denied");
    const r = await lx(proxy.url, ["invoke", "orders-api", "--payload", "{}"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ statusCode: 200 });
    expect(r.stderr).toMatch(/No complete logs: CloudWatch Logs denied access to \/aws\/lambda\/orders-api/);
    expect(r.stderr).toContain("logs:FilterLogEvents");
    // The tail it has is shown instead.
    expect(r.stderr).toMatch(/── log tail \(from Invoke, last 4 KB\) ──\n(INIT_START .*\n)?START RequestId/);

    const j = JSON.parse((await lx(proxy.url, ["invoke", "orders-api", "--json"])).stdout) as InvokeJson;
    expect(j.logsState).toBe("gave-up");
    expect(j.logsReason).toMatch(/denied access/);
    expect(j.logsHint).toContain("logs:FilterLogEvents");
    expect(j.cloudWatchCalls).toBe(1);
  });

  it("a server error: the function's own exit code, 0 or 1", async () => {
    proxy = await startProxy("500");
    const ok = await lx(proxy.url, ["invoke", "orders-api", "--json"]);
    expect(ok.code, ok.stderr).toBe(0);
    const j = JSON.parse(ok.stdout) as InvokeJson;
    expect(j.payload).toMatchObject({ statusCode: 200 });
    expect(j.logsState).toBe("gave-up");
    expect(j.logsReason).toMatch(/CloudWatch Logs failed/);
    const failed = await lx(proxy.url, ["invoke", "thrower"]);
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/errorMessage/);
    expect(failed.stderr).toMatch(/No complete logs: CloudWatch Logs failed/);
  });

  it("no such log group: says so after one call instead of searching until the deadline", async () => {
    proxy = await startProxy("no-group");
    const r = await lx(proxy.url, ["invoke", "orders-api", "--json", "--logs-timeout", "3600"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as InvokeJson;
    expect(j.logsReason).toBe("log group /aws/lambda/orders-api does not exist");
    expect(j.logsHint).toMatch(/LoggingConfig/);
    expect(j.cloudWatchCalls).toBe(1);
  });
});

describe("the tail", () => {
  it("names a missing tail (no X-Amz-Log-Result) instead of showing nothing", async () => {
    proxy = await startProxy("pass", true);
    const r = await lx(proxy.url, ["invoke", "orders-api", "--logs", "tail"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Invoke returned no log tail \(no X-Amz-Log-Result header\)/);
    const j = JSON.parse(
      (await lx(proxy.url, ["invoke", "orders-api", "--logs", "tail", "--json"])).stdout,
    ) as InvokeJson;
    expect(j.tailMissing).toMatch(/no X-Amz-Log-Result/);
  });
});

describe("a cold start's complete log", () => {
  it("starts with INIT_START in --json and in the history, like the tail", async () => {
    const history = path.join(home, "cold.jsonl");
    const r = await runCli(
      ["invoke", "stdout-writer", "--json", "--history", history],
      { ...env(sb.endpoint) },
      undefined,
      false,
    );
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as InvokeJson;
    expect(j.tail!.split("\n")[0]).toMatch(/^INIT_START /);
    expect(j.logs![0]!.message).toMatch(/^INIT_START /);
    expect(j.logs!.some((e) => e.message.startsWith("START RequestId"))).toBe(true);
    const records = (await readFile(history, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { logsFor?: string; logs?: Array<{ message: string }> });
    const logs = records.find((x) => x.logsFor === j.historyId)!;
    expect(logs.logs!.map((e) => e.message)).toEqual(j.logs!.map((e) => e.message));
  });
});
