// Trying to break the commands with throttling: the sandbox answers every Nth Lambda and
// CloudWatch Logs request 429 / ThrottlingException (--throttle-every N), as a busy account
// does. The commands must back off, say so on stderr, and still finish; or, throttled every
// time, stop after the SDK's attempts with a message that says what to do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

const env = (endpoint: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ENDPOINT_URL: endpoint,
  ...extra,
});

describe("every 2nd request throttled", () => {
  let sb: SandboxProcess;
  beforeAll(async () => {
    sb = await startSandboxProcess(["--throttle-every", "2", "--synthetic", "120", "--quiet"]);
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it("invoke --logs full backs off, says so for Lambda and CloudWatch Logs, and gets the complete logs", async () => {
    const r = await runCli(["invoke", "big-logger", "--json"], env(sb.endpoint), undefined, false);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { logsState: string; logs: unknown[]; functionError: unknown };
    expect(j.functionError).toBeNull();
    expect(j.logsState).toBe("complete");
    expect(j.logs.length).toBeGreaterThan(150);
    // One line per retry, naming the service, the operation, the error and the wait (full
    // jitter: a wait under 0.1 s is "now"; Lambda's Retry-After makes its waits at least 1 s).
    const retries = r.stderr.split("\n").filter((l) => l.includes("retrying"));
    expect(retries.length).toBeGreaterThan(0);
    for (const l of retries)
      expect(l).toMatch(
        /^lambda-explorer: (Lambda|CloudWatch Logs) throttled \w+ \((TooManyRequestsException|ThrottlingException)\); retrying (now|in \d+\.\d s) \(attempt 2 of 3\)…$/,
      );
  });

  it("list pages through every function despite the throttling", async () => {
    const r = await runCli(["list", "--json"], env(sb.endpoint), undefined, false);
    expect(r.code, r.stderr).toBe(0);
    const names = (JSON.parse(r.stdout) as Array<{ name: string }>).map((f) => f.name);
    expect(names.filter((n) => n.startsWith("synthetic-"))).toHaveLength(120);
    expect(new Set(names).size).toBe(names.length);
    expect(r.stderr).toMatch(/Lambda throttled ListFunctions \(TooManyRequestsException\); retrying/);
  });
});

describe("every request throttled", () => {
  let sb: SandboxProcess;
  beforeAll(async () => {
    sb = await startSandboxProcess(["--throttle-every", "1", "--quiet"]);
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it("gives up after 3 attempts, saying it is still throttled and what to do; exit 3", async () => {
    const r = await runCli(["invoke", "orders-api", "--logs", "none"], env(sb.endpoint), undefined, false);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/attempt 2 of 3/);
    expect(r.stderr).toMatch(/attempt 3 of 3/);
    expect(r.stderr).toMatch(
      /Throttled by http:\/\/127\.0\.0\.1:\d+: .*\(still throttled after 3 attempts\)/,
    );
    expect(r.stderr).toContain("Wait a moment and try again");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe("");
  });

  it("AWS_MAX_ATTEMPTS=1 fails at once, with no retry", async () => {
    const r = await runCli(
      ["invoke", "orders-api", "--logs", "none"],
      env(sb.endpoint, { AWS_MAX_ATTEMPTS: "1" }),
      undefined,
      false,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain("retrying");
    expect(r.stderr).toMatch(/Throttled by http:\/\/127\.0\.0\.1:\d+/);
  });
});
