// The release as a user gets it: `npm pack`, installed into an empty folder with no registry
// (the tarball has no runtime dependencies), then `npx lambda-explorer --version`, the sandbox
// and an invocation against it, all from the installed package. `npm test` has just built dist/.
import { spawn } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, type RunResult } from "../helpers/cli.js";
import { ROOT } from "../helpers/sandbox.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

let work: string;
let tarball: string;
let packed: Array<{ path: string }>;
let packInfo: { size: number; unpackedSize: number };
let app: string;
let env: NodeJS.ProcessEnv;

/** This process's environment without the outer `npm test`'s npm_* settings, as in a fresh shell. */
function freshEnv(home: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) out[k] = v;
  for (const k of Object.keys(out)) if (k.startsWith("AWS_")) delete out[k];
  // No registry can be reached: an install or npx that tried the network would fail, not pass.
  return {
    ...out,
    HOME: home,
    AWS_EC2_METADATA_DISABLED: "true",
    npm_config_registry: "http://127.0.0.1:9/",
  };
}

async function inApp(cmd: string, args: string[], cwd = app): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "lx-release-"));
  app = await mkdtemp(path.join(work, "app-"));
  env = freshEnv(work);
  // --ignore-scripts: prepack would rebuild dist/ under the feet of the other test files.
  const pack = await run(npm, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], env);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as Array<{
    filename: string;
    size: number;
    unpackedSize: number;
    files: Array<{ path: string }>;
  }>;
  tarball = path.join(work, info!.filename);
  packed = info!.files;
  packInfo = { size: info!.size, unpackedSize: info!.unpackedSize };
  const install = await inApp(npm, ["install", "--offline", "--no-audit", "--no-fund", tarball]);
  expect(install.code, install.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed tarball", () => {
  it("holds the bundle, the runtime and the example functions, and no sources or tests", () => {
    const paths = packed.map((f) => f.path);
    expect(paths).toContain("dist/cli.js");
    expect(paths).toContain("dist/runtime.js");
    expect(paths).toContain("dist/lambda_runtime.py");
    expect(paths).toContain("fixtures/functions/orders-api/index.mjs");
    expect(paths).toContain("README.md");
    expect(paths.filter((p) => /^(src|test|bench|scripts)\//.test(p))).toEqual([]);
  });

  it("is lean: minified code without source maps or dead code, within a size budget", async () => {
    const paths = packed.map((f) => f.path);
    expect(paths.filter((p) => p.endsWith(".map"))).toEqual([]);
    const { size, unpackedSize } = packInfo;
    // 1.5 MB packed / 6.9 MB unpacked with source maps; ~0.4 MB / ~1.4 MB without.
    expect(size).toBeLessThan(700_000);
    expect(unpackedSize).toBeLessThan(2_500_000);
    // The notices list every bundled package: Ink's devtools bridge (ws) and the SDK's browser
    // user-agent parser (bowser) are not among them.
    const notices = await readFile(
      path.join(app, "node_modules/lambda-explorer/dist/THIRD-PARTY-NOTICES.md"),
      "utf8",
    );
    expect(notices).not.toMatch(/^- (ws|bowser|react-devtools-core)@/m);
  });

  it("carries its licence, the bundled packages' licences and the release notes", async () => {
    const installed = path.join(app, "node_modules/lambda-explorer");
    expect(await readFile(path.join(installed, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    const notices = await readFile(path.join(installed, "dist/THIRD-PARTY-NOTICES.md"), "utf8");
    expect(notices).toMatch(/^- @aws-sdk\/client-lambda@\S+ \(Apache-2\.0\)$/m);
    expect(notices).toMatch(/^- ink@\S+ \(MIT\)$/m);
    expect(notices).toContain("Apache License");
    expect(await readFile(path.join(installed, "CHANGELOG.md"), "utf8")).toMatch(/^## \[0\.1\.0\]/m);
  });

  it("installs with no registry: it has no runtime dependencies", async () => {
    const manifest = JSON.parse(
      await readFile(path.join(app, "node_modules/lambda-explorer/package.json"), "utf8"),
    ) as { dependencies?: object; version: string };
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("runs with npx: --version prints the package version", async () => {
    const { version } = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    const r = await inApp(npx, ["--offline", "lambda-explorer", "--version"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it("runs straight from the tarball with npx --package, in an empty folder with no install", async () => {
    const empty = await mkdtemp(path.join(work, "empty-"));
    // Named with --package, the tarball can be anywhere: the bin follows it.
    const r = await inApp(npx, ["--yes", "--package", tarball, "lambda-explorer", "--version"], empty);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("runs as `npx ./x.tgz` from the tarball's folder, with no install", async () => {
    const here = await mkdtemp(path.join(work, "here-"));
    await copyFile(tarball, path.join(here, path.basename(tarball)));
    const relative = await inApp(npx, ["--yes", `./${path.basename(tarball)}`, "--version"], here);
    expect(relative.code, relative.stderr).toBe(0);
    expect(relative.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("starts its sandbox and invokes a bundled example function against it, with complete logs", async () => {
    // The bin npx runs, started directly: npx does not pass SIGTERM on, so the sandbox would outlive it.
    const bin = path.join(app, "node_modules/.bin/lambda-explorer");
    const sandbox = spawn(bin, ["sandbox", "--port", "0", "--json"], {
      cwd: app,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        sandbox.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          if (out.includes("\n")) resolve(out.split("\n")[0]!);
        });
        sandbox.on("close", (code) => reject(new Error(`sandbox exited ${code}`)));
      });
      const { endpoint, functions } = JSON.parse(line) as { endpoint: string; functions: number };
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(functions).toBeGreaterThanOrEqual(10);

      const r = await inApp(npx, [
        "--offline",
        "lambda-explorer",
        "invoke",
        "orders-api",
        "--payload",
        '{"path":"/orders"}',
        "--endpoint-url",
        endpoint,
        "--json",
      ]);
      expect(r.code, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as {
        statusCode: number;
        executedVersion: string;
        functionError: string | null;
        logsState: string;
        logs: Array<{ message: string }>;
      };
      expect(j).toMatchObject({
        statusCode: 200,
        executedVersion: "$LATEST",
        functionError: null,
        logsState: "complete",
      });
      // A first invocation is a cold start: its complete log opens with the init phase.
      expect(j.logs[0]!.message).toMatch(/^INIT_START /);
      expect(j.logs.some((e) => e.message.startsWith("START RequestId: "))).toBe(true);
      expect(j.logs.at(-1)!.message).toMatch(/^REPORT RequestId: /);
    } finally {
      const closed = new Promise((r) => sandbox.once("close", r));
      sandbox.kill("SIGTERM");
      await closed;
    }
  });
});
