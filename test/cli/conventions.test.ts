// The CLI conventions a user brings from git, npm and the AWS CLI: `help <command>`, a
// suggestion for a mistyped command, one meaning for each short option, and --debug.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

let sb: SandboxProcess;
beforeAll(async () => {
  sb = await startSandboxProcess(["--quiet"]);
});
afterAll(async () => {
  await sb?.stop();
});

describe("help and mistyped commands", () => {
  it("`help <command>` prints that command's help", async () => {
    const r = await runCli(["help", "invoke"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Usage: lambda-explorer invoke");
    expect(r.stdout).toContain("--payload-file");
  });

  it("a mistyped command suggests the nearest one, exit 2", async () => {
    const r = await runCli(["lsit"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "lsit"; did you mean list?');
    expect(r.stderr).not.toContain("too many arguments");
    const far = await runCli(["frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('unknown command "frobnicate"');
    expect(far.stderr).not.toContain("did you mean");
    expect(far.stderr).toMatch(/Commands: .*invoke/);
  });
});

describe("short options", () => {
  it("-q is --qualifier wherever it exists: sandbox has no -q (its --quiet is long only)", async () => {
    const help = await runCli(["sandbox", "--help"]);
    expect(help.stdout).toMatch(/^\s+--quiet\b/m);
    expect(help.stdout).not.toMatch(/-q,/);
    for (const cmd of ["invoke", "replay"]) {
      expect((await runCli([cmd, "--help"])).stdout).toMatch(/-q, --qualifier <q>/);
    }
    const r = await runCli(["sandbox", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '-q'");
  });
});

describe("--debug", () => {
  it("logs each AWS request to stderr, with status, time and request id, and no credentials", async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), "lx-debug-"));
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ACCESS_KEY_ID: "AKIADEBUGTESTKEY1234",
      AWS_SECRET_ACCESS_KEY: "debug-secret-never-printed",
      AWS_SESSION_TOKEN: "debug-session-token-never-printed",
    };
    const args = ["invoke", "orders-api", "--payload", "{}", "--endpoint-url", sb.endpoint, "--debug"];
    const r = await runCli(args, env, undefined, false);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => l.startsWith("lambda-explorer debug: "));
    const invoke = lines.find((l) => l.includes("Lambda Invoke POST"));
    expect(invoke).toMatch(
      new RegExp(
        `Lambda Invoke POST ${sb.endpoint}/2015-03-31/functions/orders-api/invocations -> 200 in \\d+ ms, request id [0-9a-f-]{36}`,
      ),
    );
    expect(lines.some((l) => /CloudWatch Logs (FilterLogEvents|GetLogEvents) POST .* -> 200/.test(l))).toBe(
      true,
    );
    for (const secret of [
      "AKIADEBUGTESTKEY1234",
      "debug-secret",
      "debug-session-token",
      "AWS4-HMAC",
      "Signature=",
    ])
      expect(r.stderr).not.toContain(secret);
    const quiet = await runCli(args.slice(0, -1), env, undefined, false);
    expect(quiet.stderr).not.toContain("lambda-explorer debug:");
  });
});
