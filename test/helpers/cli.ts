// Runs the built CLI as a user would: a real process, real stdout/stderr and exit code.
import { spawn, type ChildProcess } from "node:child_process";
import { CLI } from "./sandbox.js";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion. `env` is laid over this process's environment (a key set to
 * undefined is removed), or used alone when `inherit` is false, as on a fresh machine.
 */
export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: string,
  inherit = true,
): Promise<RunResult> {
  const merged: NodeJS.ProcessEnv = inherit ? { ...process.env, ...env } : { ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: merged, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    // A command may exit without reading its input (EPIPE): that is not the test's concern.
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? "");
  });
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string, inherit = true) =>
  run(process.execPath, [CLI, ...args], env, input, inherit);

export interface SandboxProcess {
  endpoint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `lambda-explorer sandbox --json …` (`env` laid over ours) and waits for the endpoint line. */
export function startSandboxProcess(
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<SandboxProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "sandbox", "--json", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) {
        const { endpoint } = JSON.parse(line) as { endpoint: string };
        resolve({
          endpoint,
          child,
          stop: () =>
            new Promise((r) => {
              if (child.exitCode !== null) return r();
              child.once("close", () => r());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.on("close", (code) => reject(new Error(`sandbox exited ${code} before listening: ${err}`)));
  });
}
