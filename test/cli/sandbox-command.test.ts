// `lambda-explorer sandbox` as a user runs it: what it prints, and what it says when the
// input is wrong.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run, runCli, startSandboxProcess } from "../helpers/cli.js";
import { CLI, SIGNED } from "../helpers/sandbox.js";

describe("lambda-explorer sandbox", () => {
  it("prints the endpoint and how to use it with the AWS CLI, and serves until SIGTERM", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [CLI, "sandbox"], { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (c: Buffer) => {
        text += c.toString();
        if (text.includes("Ctrl+C")) resolve();
      }),
    );
    const url = /Sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    expect(url).toBeDefined();
    expect(text).toContain(`export AWS_ENDPOINT_URL=${url}`);
    expect(text).toMatch(/aws lambda invoke --function-name \S+ --log-type Tail/);
    const res = await fetch(`${url}/2015-03-31/functions/`, { headers: SIGNED });
    expect(res.status).toBe(200);
    const code = await new Promise<number | null>((r) => {
      child.once("close", r);
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });

  it("--json prints one line with the endpoint; --synthetic adds functions", async () => {
    const sb = await startSandboxProcess(["--synthetic", "25"]);
    try {
      const res = await fetch(`${sb.endpoint}/2015-03-31/functions/?MaxItems=50`, { headers: SIGNED });
      const body = (await res.json()) as { Functions: Array<{ FunctionName: string }> };
      expect(body.Functions.filter((f) => f.FunctionName.startsWith("synthetic-")).length).toBeGreaterThan(0);
    } finally {
      await sb.stop();
    }
  });

  it("says which folder is wrong and exits 2", async () => {
    const r = await runCli(["sandbox", "/nonexistent/functions"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("/nonexistent/functions is not a folder of functions");
  });

  it("names the function.json that is broken", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-bad-"));
    await mkdir(path.join(dir, "broken"));
    await writeFile(path.join(dir, "broken/function.json"), '{"memorySize": 1}');
    const r = await runCli(["sandbox", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("function broken: memorySize must be a whole number of MB, 128..10240");
  });

  it("rejects a bad --port and a port in use with what to do", async () => {
    const bad = await runCli(["sandbox", "--port", "http"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--port must be a whole number from 0 to 65535");
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const busy = await runCli(["sandbox", "--port", String(port)]);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`port ${port} is in use`);
    } finally {
      server.close();
    }
  });

  it("--version prints the package version; unknown options exit 2", async () => {
    const v = await runCli(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const u = await runCli(["sandbox", "--frobnicate"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("unknown option");
  });
});

it("the run helper reports exit codes", async () => {
  expect((await run("sh", ["-c", "exit 3"])).code).toBe(3);
});
