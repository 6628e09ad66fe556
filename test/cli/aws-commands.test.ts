// list / invoke / logs as a user runs them against the sandbox: output streams, exit codes,
// and the messages for every way the setup can be wrong.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

let sb: SandboxProcess;
let home: string;
beforeAll(async () => {
  sb = await startSandboxProcess(["--log-delay", "300"]);
  home = await mkdtemp(path.join(os.tmpdir(), "lx-home-"));
});
afterAll(async () => {
  await sb?.stop();
});

/** An environment with no AWS settings at all, as on a fresh machine. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
  return env;
}
const lx = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
  runCli(args, { ...cleanEnv(extra), AWS_ENDPOINT_URL: sb.endpoint }, input, false);

describe("invoke", () => {
  it("prints the response on stdout and the status and logs on stderr", async () => {
    const r = await lx(["invoke", "orders-api", "--payload", "{}"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).statusCode).toBe(200);
    expect(r.stderr).toMatch(/orders-api · 200 · \$LATEST · .* RequestId [0-9a-f-]{36}/);
    expect(r.stderr).toMatch(/── complete logs · \d+ lines · \/aws\/lambda\/orders-api ──/);
    expect(r.stderr).toMatch(/^START RequestId: /m);
    // The explorer lists recently invoked functions first: invoke records that it was used.
    const { readFile } = await import("node:fs/promises");
    const usage = await readFile(path.join(home, ".local/state/lambda-explorer/usage.json"), "utf8");
    expect(
      JSON.parse(usage).scopes[JSON.stringify(["", "us-east-1", sb.endpoint])]["orders-api"].count,
    ).toBeGreaterThanOrEqual(1);
  });

  it("--json has payload, version, report, tail, and complete logs longer than the tail", async () => {
    const r = await lx(["invoke", "big-logger", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      executedVersion: string;
      requestId: string;
      report: { durationMs: number; billedMs: number };
      tail: string;
      logs: Array<{ message: string; timestamp: number }>;
      logsState: string;
      payload: { linesLogged: number };
    };
    expect(j.executedVersion).toBe("$LATEST");
    expect(j.logsState).toBe("complete");
    expect(j.report.billedMs).toBeGreaterThanOrEqual(Math.floor(j.report.durationMs));
    // A cold start: the init phase comes first, then the invocation.
    expect(j.logs.map((e) => e.message)).toContain(`START RequestId: ${j.requestId} Version: $LATEST`);
    expect(j.logs.at(-1)!.message).toMatch(/^REPORT RequestId: /);
    const full = j.logs.map((e) => e.message).join("\n");
    expect(Buffer.byteLength(full)).toBeGreaterThan(Buffer.byteLength(j.tail));
    expect(j.payload.linesLogged).toBeGreaterThan(100);
  });

  it("exits 1 on a FunctionError and shows the error type, message and stack", async () => {
    const r = await lx(["invoke", "thrower", "--logs", "tail"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FunctionError: Unhandled · \w*Error: /);
    expect(r.stderr).toMatch(/^\s+at /m);
    expect(JSON.parse(r.stdout).errorType).toBeTypeOf("string");
  });

  it("reads the payload from standard input with -, and from a file", async () => {
    const stdin = await lx(
      ["invoke", "versioned-greeter:live", "-", "--logs", "none"],
      {},
      '{"name":"Grace"}',
    );
    expect(stdin.code, stdin.stderr).toBe(0);
    expect(stdin.stdout).toContain("Grace");
    const file = path.join(home, "event.json");
    await writeFile(file, '{"name":"Linus"}');
    const fromFile = await lx([
      "invoke",
      "versioned-greeter",
      "--qualifier",
      "canary",
      "--payload-file",
      file,
      "--logs",
      "none",
    ]);
    expect(fromFile.stdout).toContain("Linus");
    expect(fromFile.stderr).toContain("· v2 ·");
  });

  it("refuses invalid JSON before sending, with line and column, exit 2", async () => {
    const r = await lx(["invoke", "orders-api", "--payload", '{\n  "a": 1,\n  "b": }']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3, column \d+/);
    expect(r.stdout).toBe("");
  });

  it("refuses a payload given two ways, a missing file, and bad option values, exit 2", async () => {
    expect(
      (await lx(["invoke", "orders-api", "--payload", "{}", "--payload-file", "x.json"])).stderr,
    ).toContain("give the payload one way only");
    const missing = await lx(["invoke", "orders-api", "--payload-file", "/nonexistent.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the payload file /nonexistent.json: no such file");
    const type = await lx(["invoke", "orders-api", "--type", "Sync"]);
    expect(type.code).toBe(2);
    expect(type.stderr).toContain("--type must be one of RequestResponse, Event, DryRun");
  });

  it("Event answers 202 and still finds the complete logs; DryRun answers 204", async () => {
    const ev = await lx(["invoke", "handled-error", "--type", "event", "--json"]);
    expect(ev.code, ev.stderr).toBe(0);
    const j = JSON.parse(ev.stdout) as {
      statusCode: number;
      tail: string | null;
      logsState: string;
      logs: unknown[];
    };
    expect(j.statusCode).toBe(202);
    expect(j.tail).toBeNull();
    expect(j.logsState).toBe("complete");
    expect(j.logs.length).toBeGreaterThan(2);
    const dry = await lx(["invoke", "handled-error", "--type", "DryRun"]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("204");
  });

  it("exits 3 for an unknown function, naming it", async () => {
    const r = await lx(["invoke", "no-such-function", "--logs", "none"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Function not found");
    expect(r.stderr).toContain("no-such-function");
  });
});

describe("list and logs", () => {
  it("lists functions as a table, and as JSON", async () => {
    const table = await lx(["list"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(
      /^NAME\s+RUNTIME\s+MEMORY\s+TIMEOUT\s+LAST MODIFIED\s+DESCRIPTION/,
    );
    expect(table.stdout).toMatch(/^orders-api\s+nodejs20\.x\s+\d+ MB\s+\d+ s/m);
    const json = JSON.parse((await lx(["list", "--json"])).stdout) as Array<{
      name: string;
      logGroup: string;
    }>;
    expect(json.find((f) => f.name === "payments-audit")?.logGroup).toBe("/sandbox/payments-audit");
  });

  it("shows one function's versions and aliases", async () => {
    const r = await lx(["list", "versioned-greeter"]);
    expect(r.stdout).toContain("versions: $LATEST, 1, 2");
    expect(r.stdout).toMatch(/aliases: .*live → 1/);
  });

  it("logs finds a past invocation by request id", async () => {
    const inv = JSON.parse((await lx(["invoke", "stdout-writer", "--json", "--logs", "tail"])).stdout) as {
      requestId: string;
    };
    const r = await lx(["logs", "stdout-writer", "--request-id", inv.requestId, "--since", "5m"]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toContain(`START RequestId: ${inv.requestId} Version: $LATEST`);
    expect(lines.at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${inv.requestId}`));
    expect(lines.some((l) => !l.includes(inv.requestId) && !l.startsWith(" "))).toBe(true);
  });

  it("logs explains how to widen the search when nothing is found, and rejects a bad --since", async () => {
    const r = await lx([
      "logs",
      "orders-api",
      "--request-id",
      "00000000-0000-0000-0000-000000000000",
      "--timeout",
      "1",
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Widen the search with --since");
    const bad = await lx([
      "logs",
      "orders-api",
      "--request-id",
      "00000000-0000-0000-0000-000000000000",
      "--since",
      "yesterday-ish",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--since");
  });
});

describe("setup problems", () => {
  it("no region: says how to set one, exit 2", async () => {
    const r = await runCli(
      ["list"],
      cleanEnv({ AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b" }),
      undefined,
      false,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("No AWS region is set");
    expect(r.stderr).toContain("--region");
  });

  it("an unknown profile: says it is not found and how to list profiles, exit 2", async () => {
    const r = await runCli(["list", "--profile", "nope"], cleanEnv(), undefined, false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The AWS profile "nope" is not found');
    expect(r.stderr).toContain("aws configure list-profiles");
  });

  it("no credentials: says how to get some and offers the sandbox, exit 3", async () => {
    const r = await runCli(["list", "--region", "eu-west-1"], cleanEnv(), undefined, false);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("No AWS credentials were found");
    expect(r.stderr).toContain("lambda-explorer --sandbox");
  });

  it("an expired SSO session: gives the aws sso login command for the profile", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-sso-"));
    await mkdir(path.join(dir, ".aws/sso/cache"), { recursive: true });
    await writeFile(
      path.join(dir, ".aws/config"),
      "[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Dev\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n",
    );
    const { createHash } = await import("node:crypto");
    const key = createHash("sha1").update("corp").digest("hex");
    await writeFile(
      path.join(dir, `.aws/sso/cache/${key}.json`),
      JSON.stringify({
        accessToken: "expired",
        expiresAt: "2020-01-01T00:00:00Z",
        region: "eu-west-1",
        startUrl: "https://corp.awsapps.com/start",
      }),
    );
    const r = await runCli(
      ["list", "--profile", "dev"],
      { PATH: process.env.PATH, HOME: dir, AWS_EC2_METADATA_DISABLED: "true" },
      undefined,
      false,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("SSO session has expired");
    expect(r.stderr).toContain("aws sso login --profile dev");
  });

  it("a credential_process that answers expired credentials, or fails: says which, not that there are none", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cred-process-"));
    await mkdir(path.join(dir, ".aws"));
    const expired = path.join(dir, "expired.sh");
    await writeFile(
      expired,
      `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AK","SecretAccessKey":"SK","SessionToken":"T","Expiration":"2020-01-01T00:00:00Z"}'\n`,
      { mode: 0o755 },
    );
    await writeFile(
      path.join(dir, ".aws/config"),
      `[profile vault]\ncredential_process = ${expired}\nregion = eu-west-1\n\n` +
        `[profile gone]\ncredential_process = ${path.join(dir, "no-such-tool")}\nregion = eu-west-1\n`,
    );
    const env = { PATH: process.env.PATH, HOME: dir, AWS_EC2_METADATA_DISABLED: "true" };
    const stale = await runCli(["list", "--profile", "vault"], env, undefined, false);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain(
      "The credential_process of profile vault returned credentials that have expired.",
    );
    expect(stale.stderr).toContain("aws configure get credential_process --profile vault");
    const gone = await runCli(["list", "--profile", "gone"], env, undefined, false);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toMatch(
      /The credential_process of profile gone failed: Command failed: .*no-such-tool/,
    );
    expect(gone.stderr).not.toContain("No AWS credentials were found");
  });

  it("an endpoint that is down: says so, exit 3", async () => {
    const r = await runCli(["list", "--endpoint-url", "http://127.0.0.1:9"], cleanEnv(), undefined, false);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Cannot reach http://127.0.0.1:9 (connection refused)");
  });

  it("an endpoint that is not a URL: exit 3 with an example", async () => {
    const r = await runCli(["list", "--endpoint-url", "localhost:9001"], cleanEnv(), undefined, false);
    expect(r.stderr).toContain("is not an http(s) URL");
  });

  it("never lets the SDK's NodeVersionSupportWarning reach the output", async () => {
    // The variable vitest sets to keep its own output quiet is removed, as for a real user.
    const env: NodeJS.ProcessEnv = {
      AWS_ENDPOINT_URL: sb.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
    };
    // Control: on Node < 22 the SDK on its own does print it, so this test can tell.
    if (Number(process.versions.node.split(".")[0]) < 22) {
      const { run } = await import("../helpers/cli.js");
      const bare = await run(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          "const m = await import('@aws-sdk/client-lambda'); new m.LambdaClient({ region: 'us-east-1' });",
        ],
        env,
      );
      expect(bare.stderr).toContain("NodeVersionSupportWarning");
    }
    const r = await runCli(["invoke", "orders-api", "--logs", "tail"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).not.toContain("NodeVersionSupportWarning");
    expect(r.stderr + r.stdout).not.toContain("(node:");
  });
});

describe("in a pipeline", () => {
  it("ends quietly when the reader goes away (list | head -1)", async () => {
    const big = await startSandboxProcess(["--synthetic", "3000", "--quiet"]);
    try {
      const { run } = await import("../helpers/cli.js");
      const { CLI } = await import("../helpers/sandbox.js");
      const r = await run("bash", [
        "-c",
        `set -o pipefail; "${process.execPath}" "${CLI}" list --endpoint-url ${big.endpoint} | head -1`,
      ]);
      expect(r.stdout.trim()).toMatch(/^NAME\s+RUNTIME/);
      expect(r.stderr).not.toContain("EPIPE");
      expect(r.code).toBe(0);
    } finally {
      await big.stop();
    }
  });
});
