// Exit codes and messages for input the user got wrong, and for a command that ends while a
// request it made alongside is still in flight. A malformed function name or region is bad
// usage (exit 2), said in words rather than with Lambda's regular expression; a not-found
// ends the command at once, with no notice about a retry that nobody needs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
  ...extra,
});
const lx = (args: string[], extra: NodeJS.ProcessEnv = {}) => runCli(args, env(extra), undefined, false);

describe("a malformed function name", () => {
  let sb: SandboxProcess;
  beforeAll(async () => {
    sb = await startSandboxProcess();
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it.each([
    ["invoke", "bad/name", "--payload", "{}", "--logs", "none"],
    ["list", "bad/name"],
    ["list", "two words"],
  ])("%s %s: a usage error (exit 2) that says what a name looks like, no regex", async (...args) => {
    const r = await lx([...args, "--endpoint-url", sb.endpoint]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`${JSON.stringify(args[1])} is not a valid function name.`);
    expect(r.stderr).toMatch(/1 to 64 letters, digits, - and _.*name:qualifier.*ARN/);
    expect(r.stderr).not.toMatch(/regular expression|\[a-zA-Z0-9/);
    expect(r.stderr).not.toContain("retrying");
  });
});

describe("a malformed --region", () => {
  it.each(["Eu-West-1", "not_a_region", "eu west 1"])(
    "--region %s is a usage error (exit 2) before any request, showing a valid one",
    async (region) => {
      const server = await startLocalServer((_req, res) => res.end("{}"));
      try {
        for (const args of [["list"], ["invoke", "orders-api", "--payload", "{}"]]) {
          const r = await lx([...args, "--region", region, "--endpoint-url", server.url]);
          expect(r.code, r.stderr).toBe(2);
          expect(r.stderr).toContain(`--region ${JSON.stringify(region)} is not an AWS region.`);
          expect(r.stderr).toContain("us-east-1, eu-west-1 or ap-southeast-2");
        }
        expect(server.requests).toEqual([]);
      } finally {
        await server.close();
      }
    },
  );

  it("against AWS too (no endpoint), instead of the SDK's 'not a valid hostname component'", async () => {
    const r = await lx(["list", "--region", "eu west"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('--region "eu west" is not an AWS region.');
    expect(r.stderr).not.toContain("hostname component");
  });
});

describe("a not-found while other requests are in flight", () => {
  let server: LocalServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /**
   * Answers `notFound` requests with Lambda's 404 once `calls` requests have arrived, so the
   * others are in flight then; it never answers the others.
   */
  async function endpoint(notFound: RegExp, calls: number): Promise<LocalServer> {
    const pending: (() => void)[] = [];
    let seen = 0;
    return startLocalServer((req, res) => {
      seen++;
      if (notFound.test(req.url ?? ""))
        pending.push(() => {
          res.writeHead(404, {
            "x-amzn-ErrorType": "ResourceNotFoundException",
            "content-type": "application/json",
          });
          res.end('{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:1:function:gone"}');
        });
      if (seen === calls) for (const answer of pending) answer();
    });
  }

  it("list FUNCTION: exit 3 with the not-found, and no retry notice for the cancelled requests", async () => {
    server = await endpoint(/\/configuration/, 3);
    const r = await lx(["list", "gone", "--endpoint-url", server.url]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("Function not found");
    expect(r.stderr).not.toContain("retrying");
    expect(r.stderr).not.toContain("Cannot reach");
    // The three calls were all made: two of them were in flight when the not-found came.
    expect(server.requests).toHaveLength(3);
  });

  it("invoke: the configuration request asked alongside is cancelled, not retried", async () => {
    server = await endpoint(/\/invocations/, 2);
    const r = await lx(["invoke", "gone", "--payload", "{}", "--endpoint-url", server.url]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("Function not found");
    expect(r.stderr).not.toContain("retrying");
  });
});
