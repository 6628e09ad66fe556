// The CLI conventions a user brings from git, npm and the AWS CLI: `help <command>`, a
// suggestion for a mistyped command, one meaning for each short option, --debug, and shell
// completion.
import { mkdtempSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCacheKey, writeFunctionCache } from "../../src/state/function-list-cache.js";
import { run, runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { CLI } from "../helpers/sandbox.js";

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
    // Each request's and response's body under its line, the response's whole when short.
    const at = lines.indexOf(invoke!);
    expect(lines[at + 1]).toBe("lambda-explorer debug:   request body: {}");
    expect(lines[at + 2]).toMatch(/^lambda-explorer debug: {3}response body: \{"statusCode":/);
    const quiet = await runCli(args.slice(0, -1), env, undefined, false);
    expect(quiet.stderr).not.toContain("lambda-explorer debug:");
  });

  it("cuts bodies to their first 200 bytes, says how long they were, and masks the caller's keys", async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), "lx-debug-"));
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ACCESS_KEY_ID: "AKIADEBUGTESTKEY1234",
      AWS_SECRET_ACCESS_KEY: "debug-secret-never-printed",
    };
    // A payload that carries the caller's own key (echoed back by the function) and is long.
    const payload = JSON.stringify({ key: "AKIADEBUGTESTKEY1234", kb: 1, pad: "x".repeat(400) });
    const args = ["invoke", "big-response", "--payload", payload, "--endpoint-url", sb.endpoint];
    const r = await runCli([...args, "--debug", "--logs", "none"], env, undefined, false);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split("\n");
    const sent = lines.find((l) => l.includes("request body:") && l.includes("pad"));
    expect(sent).toBeDefined();
    const bytes = Buffer.byteLength(payload, "utf8");
    expect(sent).toMatch(
      new RegExp(`request body: \\{"key":"\\*\\*\\*","kb":1,"pad":"x+… \\(${bytes} bytes\\)$`),
    );
    expect(sent!.length).toBeLessThan(300);
    const answer = lines.find((l) => l.includes("response body:") && / \(\d+ bytes\)$/.test(l));
    expect(answer).toBeDefined();
    expect(r.stderr).not.toContain("AKIADEBUGTESTKEY1234");
    expect(r.stderr).not.toContain("debug-secret");
  });
});

describe("completion", () => {
  /** Runs `script` in bash with lambda-explorer on PATH and the cache in `cache`. */
  async function inBash(script: string, cache: string) {
    const bin = mkdtempSync(path.join(os.tmpdir(), "lx-completion-bin-"));
    symlinkSync(CLI, path.join(bin, "lambda-explorer"));
    return run("bash", ["--norc", "--noprofile", "-c", script], {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: cache,
      LAMBDA_EXPLORER_CACHE_DIR: cache,
      AWS_ENDPOINT_URL: "http://127.0.0.1:1",
    });
  }

  /** What bash completes for the words typed so far (the last one being completed). */
  const complete = (words: string[]) =>
    `eval "$(lambda-explorer completion bash)" && COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}) && COMP_CWORD=${words.length - 1} && _lambda_explorer && echo "\${COMPREPLY[*]}"`;

  it("bash: loads, and completes commands, options and cached function names", async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), "lx-completion-cache-"));
    const key = listCacheKey({}, { AWS_ENDPOINT_URL: "http://127.0.0.1:1" }, false);
    await writeFunctionCache(
      key,
      [{ name: "orders-api" }, { name: "orders-worker" }, { name: "thrower" }],
      cache,
    );
    const commands = await inBash(complete(["lambda-explorer", "li"]), cache);
    expect(commands.code, commands.stderr).toBe(0);
    expect(commands.stdout.trim()).toBe("list");
    const options = await inBash(complete(["lambda-explorer", "invoke", "--payload-f"]), cache);
    expect(options.stdout.trim()).toBe("--payload-file");
    const functions = await inBash(complete(["lambda-explorer", "invoke", "ord"]), cache);
    expect(functions.stdout.trim().split(" ").sort()).toEqual(["orders-api", "orders-worker"]);
  });

  it("zsh and fish scripts are printed; an unknown shell is a usage error", async () => {
    expect((await runCli(["completion", "zsh"])).stdout).toContain("bashcompinit");
    const fish = await runCli(["completion", "fish"]);
    expect(fish.stdout).toContain(
      'complete -c lambda-explorer -n "__fish_seen_subcommand_from invoke" -l payload',
    );
    const bad = await runCli(["completion", "powershell"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bash, zsh, fish");
  });
});
