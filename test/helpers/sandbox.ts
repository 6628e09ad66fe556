// Starts a real sandbox (HTTP on 127.0.0.1, forked function processes) for a test, with real
// AWS SDK clients pointed at it. The function runtime comes from the build (`npm test` builds).
import { existsSync } from "node:fs";
import path from "node:path";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll } from "vitest";
import { createClients, type Clients } from "../../src/aws/clients.js";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/server.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(ROOT, "fixtures/functions");
export const RUNTIME = path.join(ROOT, "dist/runtime.js");
export const CLI = path.join(ROOT, "dist/cli.js");

export interface TestSandbox extends Sandbox {
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
}

export const credentials = { accessKeyId: "test", secretAccessKey: "test" };

/**
 * What raw HTTP needs to be let in: a SigV4-shaped Authorization header, as every AWS client
 * sends (the sandbox checks its shape, not the signature).
 */
export const SIGNED = {
  authorization:
    "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0",
};

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  if (!existsSync(RUNTIME))
    throw new Error(`${RUNTIME} is missing: run "npm run build" first (npm test does)`);
  const sb = await startSandbox({ functionsDir: FIXTURES, runtimePath: RUNTIME, ...options });
  const config = { endpoint: sb.url, region: "us-east-1", credentials, maxAttempts: 1 };
  const lambda = new LambdaClient(config);
  const logs = new CloudWatchLogsClient(config);
  return {
    ...sb,
    lambda,
    logs,
    close: async () => {
      lambda.destroy();
      logs.destroy();
      await sb.close();
    },
  };
}

export function decodeTail(logResult: string | undefined): string {
  return Buffer.from(logResult ?? "", "base64").toString("utf8");
}

export function payloadText(payload: Uint8Array | undefined): string {
  return Buffer.from(payload ?? new Uint8Array()).toString("utf8");
}

export function requestIdOf(tail: string): string {
  const m = /^REPORT RequestId: ([0-9a-f-]+)/m.exec(tail);
  if (!m) throw new Error(`no REPORT line in tail:\n${tail}`);
  return m[1]!;
}

/** Calls `fn` until it returns a value, or throws after `ms`. */
export async function eventually<T>(fn: () => Promise<T | undefined>, ms = 20_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`gave up after ${ms} ms${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * A sandbox of its own for a test file and the real SDK clients on it, started before the
 * file's tests and stopped after them. Read `sb` and `clients` inside tests (set by then).
 */
export function useSandboxClients(options: Partial<SandboxOptions> = {}): {
  readonly sb: TestSandbox;
  readonly clients: Clients;
} {
  let sb: TestSandbox | undefined;
  let clients: Clients | undefined;
  beforeAll(async () => {
    sb = await startTestSandbox(options);
    clients = await createClients({ endpointUrl: sb.url, region: "us-east-1" });
  });
  afterAll(async () => {
    clients?.destroy();
    await sb?.close();
  });
  return {
    get sb() {
      return sb!;
    },
    get clients() {
      return clients!;
    },
  };
}
