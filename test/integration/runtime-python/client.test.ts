// The Python runtime client against the sandbox's real Runtime API server, under the machine's
// python3: what a handler gets (event, context), what it answers (JSON as Lambda's marshaller
// writes it), its errors and init errors in Lambda's shapes, and its log lines.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPython } from "../../../src/sandbox/runtime-python/find-python.js";
import { CLIENT, codeFolder, invocation, runClient } from "./python-client.js";

function findPythonExecutable(): string {
  const found = findPython();
  if (!("executable" in found)) throw new Error(found.unavailable);
  return found.executable;
}

const SAM_SRC = path.resolve(import.meta.dirname, "../../../fixtures/sam-app/src");
const TIME = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;

describe("Python runtime client", () => {
  it("runs py-hello warm, twice in one process, with print and logging lines as Lambda writes them", async () => {
    const run = await runClient(path.join(SAM_SRC, "py-hello"), "app.handler", [
      invocation("req-1", { name: "Ada" }),
      invocation("req-2", {}),
    ]);
    expect(run.initError).toBeNull();
    expect(run.posted).toEqual([
      { kind: "response", id: "req-1", body: expect.any(String), contentType: "application/json" },
      { kind: "response", id: "req-2", body: expect.any(String), contentType: "application/json" },
    ]);
    expect(run.posted.map((p) => JSON.parse(p.body) as unknown)).toEqual([
      { message: "hello from python", name: "Ada" },
      { message: "hello from python", name: "world" },
    ]);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("hello from python, print");
    expect(lines[1]).toMatch(new RegExp(`^\\[INFO\\]\\t${TIME}\\treq-1\\tgreeting Ada$`));
    expect(lines[3]).toMatch(new RegExp(`^\\[INFO\\]\\t${TIME}\\treq-2\\tgreeting world$`));
    expect(run.stderr).toBe("");
  });

  it("gives the handler Lambda's context", async () => {
    const dir = codeFolder({
      "app.py": `
def handler(event, context):
    cc = context.client_context
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "identity": [context.identity.cognito_identity_id, context.identity.cognito_identity_pool_id],
        "custom": cc.custom if cc else None,
        "app_title": cc.client.app_title if cc and cc.client else None,
        "remaining": context.get_remaining_time_in_millis(),
    }
`,
    });
    const run = await runClient(dir, "app.handler", [
      invocation(
        "req-ctx",
        {},
        {
          deadlineMs: Date.now() + 30_000,
          clientContext: JSON.stringify({ custom: { team: "é" }, client: { app_title: "explorer" } }),
          cognitoIdentity: JSON.stringify({ cognitoIdentityId: "id-1", cognitoIdentityPoolId: "pool-1" }),
        },
      ),
      invocation("req-plain", {}),
    ]);
    const [withContext, plain] = run.posted.map((p) => JSON.parse(p.body) as Record<string, unknown>);
    expect(withContext).toMatchObject({
      function_name: "py-fn",
      function_version: "$LATEST",
      invoked_function_arn: "arn:aws:lambda:us-east-1:123456789012:function:py-fn",
      memory_limit_in_mb: "256",
      aws_request_id: "req-ctx",
      log_group_name: "/aws/lambda/py-fn",
      log_stream_name: "2026/12/03/[$LATEST]0123456789abcdef0123456789abcdef",
      identity: ["id-1", "pool-1"],
      custom: { team: "é" },
      app_title: "explorer",
    });
    expect(withContext!.remaining).toBeGreaterThan(0);
    expect(withContext!.remaining).toBeLessThanOrEqual(30_000);
    expect(plain).toMatchObject({ aws_request_id: "req-plain", identity: [null, null], custom: null });
  });

  it("writes results as Lambda's marshaller does, and a result it cannot write as Runtime.MarshalError", async () => {
    const dir = codeFolder({
      "app.py": `
from decimal import Decimal

def exact(event, context):
    return {"price": Decimal("1.10"), "big": Decimal("12345678901234567890.5"), "name": "Zoë"}

def raw(event, context):
    return b"not json"

def unwritable(event, context):
    return {"when": {1, 2}}
`,
    });
    const ok = await runClient(dir, "app.exact", [invocation("r1", {})]);
    expect(ok.posted[0]!.body).toBe('{"price": 1.10, "big": 12345678901234567890.5, "name": "Zoë"}');
    const raw = await runClient(dir, "app.raw", [invocation("r2", {})]);
    expect(raw.posted[0]).toMatchObject({
      kind: "response",
      body: "not json",
      contentType: "application/unknown",
    });
    const bad = await runClient(dir, "app.unwritable", [invocation("r3", {})]);
    expect(bad.posted[0]).toMatchObject({ kind: "error", errorType: "Runtime.MarshalError" });
    expect(JSON.parse(bad.posted[0]!.body)).toEqual({
      errorMessage: "Unable to marshal response: Object of type set is not JSON serializable",
      errorType: "Runtime.MarshalError",
      requestId: "r3",
      stackTrace: [],
    });
  });

  it("reports py-raiser's exception with Lambda's payload and [ERROR] log event", async () => {
    const run = await runClient(path.join(SAM_SRC, "py-raiser"), "app.handler", [
      invocation("req-err", { value: 3 }),
      invocation("req-after", { value: 4 }),
    ]);
    expect(run.posted.map((p) => [p.kind, p.id])).toEqual([
      ["error", "req-err"],
      ["error", "req-after"],
    ]);
    const posted = run.posted[0]!;
    expect(posted.kind === "error" && posted.errorType).toBe("ValueError");
    const error = JSON.parse(posted.body) as { stackTrace: string[] };
    expect(Object.keys(error)).toEqual(["errorMessage", "errorType", "requestId", "stackTrace"]);
    expect(error).toMatchObject({
      errorMessage: "bad input: 3",
      errorType: "ValueError",
      requestId: "req-err",
    });
    const file = path.join(SAM_SRC, "py-raiser", "app.py");
    expect(error.stackTrace).toEqual([
      expect.stringMatching(
        new RegExp(`^  File "${file}", line \\d+, in handler\\n    check\\(event\\)\\n$`),
      ),
      expect.stringMatching(
        new RegExp(`^  File "${file}", line \\d+, in check\\n    raise ValueError\\(.*\\)\\n$`),
      ),
    ]);
    // One log event: the lines joined by \r, indentation as no-break spaces, as awslambdaric writes.
    const errorLine = run.stdout.split("\n").find((l) => l.startsWith("[ERROR]"));
    expect(errorLine).toBe(
      [
        "[ERROR] ValueError: bad input: 3",
        "Traceback (most recent call last):",
        ...error.stackTrace.flatMap((frame) =>
          frame
            .trimEnd()
            .split("\n")
            .map((l) => l.replace(/^ +/, (s) => "\u00a0".repeat(s.length))),
        ),
      ].join("\r"),
    );
    expect(run.stdout).toMatch(new RegExp(`^\\[INFO\\]\\t${TIME}\\treq-err\\tchecking the event\\n`));
  });

  it("puts the code folder first on sys.path, then site-packages, and not its own folder", async () => {
    const dir = codeFolder({ "app.py": "import sys\n\ndef handler(event, context):\n    return sys.path\n" });
    const run = await runClient(dir, "app.handler", [invocation("r1", {})]);
    const sysPath = JSON.parse(run.posted[0]!.body) as string[];
    expect(sysPath[0]).toBe(dir);
    expect(sysPath.some((p) => p.endsWith("site-packages"))).toBe(true);
    expect(sysPath).not.toContain(path.dirname(CLIENT));
    expect(sysPath.findIndex((p) => p.endsWith("site-packages"))).toBeGreaterThan(0);
  });

  it("finds a venv's site-packages when the interpreter is a venv's", async () => {
    const venv = mkdtempSync(path.join(os.tmpdir(), "lx-venv-"));
    execFileSync(findPythonExecutable(), ["-m", "venv", "--without-pip", venv]);
    const dir = codeFolder({ "app.py": "import sys\n\ndef handler(event, context):\n    return sys.path\n" });
    const run = await runClient(
      dir,
      "app.handler",
      [invocation("r1", {})],
      {},
      path.join(venv, "bin", "python3"),
    );
    const sysPath = JSON.parse(run.posted[0]!.body) as string[];
    expect(sysPath.filter((p) => p.startsWith(venv))).toEqual([
      expect.stringMatching(/\/lib\/python3\.\d+\/site-packages$/),
    ]);
  });

  it("imports nested handlers named with slashes and dots", async () => {
    const dir = codeFolder({
      "handlers/__init__.py": "",
      "handlers/api/__init__.py": "",
      "handlers/api/orders.py": "def get(event, context):\n    return {'from': __name__}\n",
    });
    const slashed = await runClient(dir, "handlers/api/orders.get", [invocation("r1", {})]);
    expect(JSON.parse(slashed.posted[0]!.body)).toEqual({ from: "handlers.api.orders" });
    const dotted = await runClient(dir, "handlers.api.orders.get", [invocation("r2", {})]);
    expect(JSON.parse(dotted.posted[0]!.body)).toEqual({ from: "handlers.api.orders" });
  });

  it.each([
    {
      what: "a missing module",
      files: { "app.py": "x = 1\n" },
      handler: "nope.handler",
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Unable to import module 'nope': No module named 'nope'",
    },
    {
      what: "a module importing a missing package",
      files: { "app.py": "import requests_not_installed\n" },
      handler: "app.handler",
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Unable to import module 'app': No module named 'requests_not_installed'",
    },
    {
      what: "a missing function",
      files: { "app.py": "def other(event, context):\n    return 1\n" },
      handler: "app.handler",
      errorType: "Runtime.HandlerNotFound",
      errorMessage: "Handler 'handler' missing on module 'app'",
    },
    {
      what: "an exception raised while importing",
      files: { "app.py": "raise RuntimeError('no config')\n" },
      handler: "app.handler",
      errorType: "RuntimeError",
      errorMessage: "no config",
    },
    {
      what: "a syntax error",
      files: { "app.py": "def handler(event, context)\n    return 1\n" },
      handler: "app.handler",
      errorType: "Runtime.UserCodeSyntaxError",
      errorMessage: expect.stringMatching(/^Syntax error in module 'app': /),
    },
  ])(
    "reports $what at init through /init/error and exits",
    async ({ files, handler, errorType, errorMessage }) => {
      const run = await runClient(codeFolder(files), handler, [invocation("never", {})]);
      expect(run.posted).toEqual([]);
      expect(run.exitCode).toBe(1);
      expect(run.initError?.errorType).toBe(errorType);
      expect(JSON.parse(run.initError!.body)).toMatchObject({ errorType, errorMessage, requestId: "" });
      const logged = run.stdout.split("\n").find((l) => l.startsWith("[ERROR]"));
      expect(logged).toMatch(new RegExp(`^\\[ERROR\\] ${errorType.replace(".", "\\.")}: `));
      expect(run.stdout).toMatch(/^\[WARNING\]\t.*\t\tLAMBDA_WARNING: Unhandled exception\./);
    },
  );

  it("writes JSON log records when AWS_LAMBDA_LOG_FORMAT is JSON", async () => {
    const run = await runClient(
      path.join(SAM_SRC, "py-raiser"),
      "app.handler",
      [invocation("req-json", { value: "x" })],
      { AWS_LAMBDA_LOG_FORMAT: "JSON" },
    );
    const [info, error] = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(info).toEqual({
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      level: "INFO",
      message: "checking the event",
      logger: "root",
      requestId: "req-json",
    });
    expect(error).toMatchObject({
      log_level: "ERROR",
      errorType: "ValueError",
      errorMessage: "bad input: 'x'",
      requestId: "req-json",
      stackTrace: expect.arrayContaining([expect.stringContaining("in check")]),
    });
  });
});
