// Trying to break the commands with the network and the endpoint: no network at all, a port that
// refuses, a service that answers 5xx (with and without an AWS error), credentials the endpoint
// says have expired, and no region. Each must end in one clear message, the right exit code and
// no stack trace. The endpoints are real HTTP servers started here.
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { run, runCli } from "../helpers/cli.js";
import { CLI } from "../helpers/sandbox.js";
import { refusingUrl, startLocalServer, type LocalServer } from "./local-server.js";

/** A machine with no AWS settings, but keys, so the requests are signed and sent. */
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

/** No stack trace, no Node warning: only lines the CLI wrote on purpose. */
function expectCleanStderr(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\(node:\d+\)|Error: .*\n.*node_modules/);
}

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("no network", () => {
  // A network namespace with no interfaces is a machine unplugged; without one (not root), a
  // host that cannot resolve is the closest thing.
  const isolated = spawnSync("unshare", ["-n", "true"]).status === 0;

  it("says AWS cannot be reached and to check the network, exit 3", async () => {
    const args = ["invoke", "orders-api", "--logs", "none"];
    const r = isolated
      ? await run(
          "unshare",
          ["-n", process.execPath, CLI, ...args],
          env({ AWS_REGION: "eu-west-1" }),
          "",
          false,
        )
      : await lx([...args, "--region", "eu-west-1", "--endpoint-url", "http://lambda.eu-west-1.invalid"]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(
      /Cannot reach (AWS in eu-west-1|http:\/\/lambda\.eu-west-1\.invalid) \(host not found\)/,
    );
    expect(r.stderr).toMatch(/Check your network connection|Is the endpoint running/);
    // The SDK retries a failed lookup; each retry is said, not silent.
    expect(r.stderr).toMatch(/Cannot reach Lambda for Invoke \(E[A-Z_]+\); retrying .*attempt 2 of 3/);
    expectCleanStderr(r.stderr);
    expect(r.stdout).toBe("");
  });
});

describe("an endpoint that refuses the connection", () => {
  it("list and invoke say it is not running and how to start the sandbox, exit 3", async () => {
    const url = await refusingUrl();
    for (const args of [["list"], ["invoke", "orders-api", "--payload", "{}"]]) {
      const r = await lx([...args, "--endpoint-url", url]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain(`Cannot reach ${url} (connection refused)`);
      expect(r.stderr).toContain("lambda-explorer sandbox");
      expectCleanStderr(r.stderr);
    }
  });
});

describe("an endpoint that answers 5xx", () => {
  it("a proxy's 503 page: retried (saying so), then 'answered HTTP 503 without an AWS error', exit 3", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(503, { "content-type": "text/html" });
      res.end("<html><body><h1>503 Service Unavailable</h1></body></html>");
    });
    // --logs none: with full logs the function's configuration is asked for too, and retried.
    const r = await lx(["invoke", "orders-api", "--logs", "none", "--endpoint-url", server.url]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${server.url} answered HTTP 503 Service Unavailable without an AWS error`);
    expect(r.stderr).toContain("try again in a moment");
    expect(r.stderr.match(/server error \(HTTP 503\); retrying/g)).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
    expect(r.stderr).not.toContain("<html>");
    expectCleanStderr(r.stderr);
  });

  it("an AWS ServiceException 500: names it with its message, and that it failed 3 times", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(500, { "x-amzn-ErrorType": "ServiceException", "content-type": "application/json" });
      res.end('{"Type":"Service","Message":"An internal failure occurred"}');
    });
    const r = await lx(["list", "--endpoint-url", server.url]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("ServiceException: An internal failure occurred (HTTP 500, 3 attempts)");
    expectCleanStderr(r.stderr);
  });

  it("a 5xx on the first attempt only: the retry is said once and the command succeeds", async () => {
    let n = 0;
    server = await startLocalServer((_req, res) => {
      if (n++ === 0) {
        res.writeHead(502);
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "x-amz-executed-version": "$LATEST" });
      res.end('{"ok":true}');
    });
    const r = await lx(["invoke", "orders-api", "--logs", "none", "--endpoint-url", server.url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('{"ok":true}\n');
    expect(r.stderr.match(/retrying/g)).toHaveLength(1);
  });
});

describe("expired credentials", () => {
  it("the endpoint's ExpiredTokenException says so and how to refresh them, exit 3, with no retry", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(403, { "x-amzn-ErrorType": "ExpiredTokenException", "content-type": "application/json" });
      res.end('{"message":"The security token included in the request is expired"}');
    });
    const r = await lx(["invoke", "orders-api", "--logs", "none", "--endpoint-url", server.url], {
      AWS_SESSION_TOKEN: "expired-session",
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("Your AWS credentials have expired.");
    expect(r.stderr).toContain("Refresh them");
    expect(r.stderr).not.toContain("retrying");
    expect(server.requests).toHaveLength(1);
    expectCleanStderr(r.stderr);
  });
});

describe("no region", () => {
  it("invoke against AWS with keys but no region says how to set one, exit 2, before any request", async () => {
    const r = await lx(["invoke", "orders-api", "--payload", "{}"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("No AWS region is set");
    expect(r.stderr).toMatch(/--region.*AWS_REGION/);
    expectCleanStderr(r.stderr);
  });
});
