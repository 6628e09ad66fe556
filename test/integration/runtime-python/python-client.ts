// Runs the Python runtime client (src/sandbox/runtime-python/lambda_runtime.py) under the
// machine's python3 against a real Runtime API server, as an execution environment would,
// and collects what it posted and printed.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RuntimeApiServer, type Invocation } from "../../../src/sandbox/runtime-api/server.js";
import { findPython } from "../../../src/sandbox/runtime-python/find-python.js";

export const CLIENT = path.resolve(
  import.meta.dirname,
  "../../../src/sandbox/runtime-python/lambda_runtime.py",
);

export type Posted =
  | { kind: "response"; id: string; body: string; contentType: string | undefined }
  | { kind: "error"; id: string; body: string; errorType: string | undefined };

export interface ClientRun {
  initError: { body: string; errorType: string | undefined } | null;
  posted: Posted[];
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

/** Writes `files` (relative path → text) into a fresh code folder. */
export function codeFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lx-pycode-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export function invocation(requestId: string, payload: unknown, extra: Partial<Invocation> = {}): Invocation {
  return {
    requestId,
    payload: JSON.stringify(payload),
    deadlineMs: Date.now() + 60_000,
    invokedFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:py-fn",
    traceId: "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0",
    clientContext: null,
    cognitoIdentity: null,
    ...extra,
  };
}

/**
 * Starts the client on `codeDir` with `handler`, hands it `invocations` one at a time (each
 * once the one before is answered), then ends it. Resolves when the process has exited.
 */
export async function runClient(
  codeDir: string,
  handler: string,
  invocations: Invocation[],
  env: Record<string, string> = {},
  interpreter?: string,
): Promise<ClientRun> {
  const found = findPython();
  if (!("executable" in found)) throw new Error(found.unavailable);
  const python = { executable: interpreter ?? found.executable };
  const run: ClientRun = { initError: null, posted: [], stdout: "", stderr: "", exitCode: null };
  const queue = [...invocations];
  let api: RuntimeApiServer | null = null;
  const done = new Promise<void>((resolve) => {
    const deliverNext = () => {
      const inv = queue.shift();
      if (inv) api!.deliver(inv);
      else child?.kill();
    };
    let child: ReturnType<typeof spawn> | null = null;
    api = new RuntimeApiServer({
      onNext: () => deliverNext(),
      onResponse: (id, body, _tooLarge, headers) => {
        run.posted.push({ kind: "response", id, body, contentType: headers["content-type"] });
        setImmediate(deliverNext);
      },
      onError: (id, body, errorType) => {
        run.posted.push({ kind: "error", id, body, errorType });
        setImmediate(deliverNext);
      },
      onInitError: (body, errorType) => (run.initError = { body, errorType }),
    });
    void api.address().then((address) => {
      // -S as the sandbox starts it (src/sandbox/runner/launch.ts).
      child = spawn(python.executable, ["-S", CLIENT], {
        cwd: codeDir,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH,
          AWS_LAMBDA_RUNTIME_API: address,
          _HANDLER: handler,
          LAMBDA_TASK_ROOT: codeDir,
          AWS_EXECUTION_ENV: "AWS_Lambda_python3.12",
          AWS_LAMBDA_FUNCTION_NAME: "py-fn",
          AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "256",
          AWS_LAMBDA_LOG_GROUP_NAME: "/aws/lambda/py-fn",
          AWS_LAMBDA_LOG_STREAM_NAME: "2026/12/03/[$LATEST]0123456789abcdef0123456789abcdef",
          AWS_LAMBDA_LOG_FORMAT: "Text",
          ...env,
        },
      });
      child.stdout!.on("data", (c: Buffer) => (run.stdout += c.toString("utf8")));
      child.stderr!.on("data", (c: Buffer) => (run.stderr += c.toString("utf8")));
      child.on("close", (code) => {
        run.exitCode = code;
        resolve();
      });
    });
  });
  try {
    await done;
  } finally {
    (api as RuntimeApiServer | null)?.close();
  }
  return run;
}
