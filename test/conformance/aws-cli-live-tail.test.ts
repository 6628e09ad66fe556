// CloudWatch Logs StartLiveTail through the AWS CLI, as far as each CLI offers it. botocore
// (the CLI v1 here) has the operation: against the sandbox it opens the event stream, and the
// events of invocations made while it is open come back. The CLI v2 from Debian (2.9) predates
// StartLiveTail (2.14 added it): it must refuse the command as an unknown one, not reach the
// endpoint. A CLI that has it is checked the same way whatever its major version.
import { spawn, spawnSync } from "node:child_process";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../helpers/cli.js";
import { AWS_TEST_ENV, findAwsClis } from "../helpers/aws-cli.js";
import { decodeTail, requestIdOf, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

/** `aws logs start-live-tail help` prints its manual where the CLI has the operation. */
function hasLiveTail(bin: string): boolean {
  const { status } = spawnSync(bin, ["logs", "start-live-tail", "help"], {
    env: { ...process.env, ...AWS_TEST_ENV, PAGER: "cat", MANPAGER: "cat" },
    stdio: "ignore",
  });
  return status === 0;
}

const clis = findAwsClis().map((c) => ({ ...c, live: hasLiveTail(c.bin) }));

// Sessions end after 4 s here (AWS: 3 hours), so the CLI's stream ends and it prints.
const SESSION_MS = 4000;
const GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders-api";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ liveTailSessionMs: SESSION_MS });
  // The group exists once the function has logged.
  await sb.lambda.send(new InvokeCommand({ FunctionName: "orders-api" }));
});
afterAll(async () => {
  await sb?.close();
});

it("has an AWS CLI to check StartLiveTail with", () => {
  expect(clis.length).toBeGreaterThan(0);
});

describe.each(clis.filter((c) => !c.live))("AWS CLI $version without StartLiveTail", ({ bin }) => {
  it("refuses logs start-live-tail as an unknown command, without calling the endpoint", async () => {
    const r = await run(
      bin,
      ["--endpoint-url", sb.url, "logs", "start-live-tail", "--log-group-identifiers", GROUP_ARN],
      AWS_TEST_ENV,
    );
    expect(r.code).toBe(252);
    expect(r.stderr).toMatch(/Invalid choice/);
    // What it does offer for following a group: `logs tail` (FilterLogEvents).
    expect(r.stderr).toMatch(/\btail\b/);
  });
});

describe.each(clis.filter((c) => c.live))("AWS CLI $version with StartLiveTail", ({ bin }) => {
  it("streams the session and the events of an invocation made while it is open", async () => {
    const env = {
      ...process.env,
      ...AWS_TEST_ENV,
      // StartLiveTail's host prefix ("stream-") is for AWS's host names, not 127.0.0.1.
      AWS_DISABLE_HOST_PREFIX_INJECTION: "true",
      PYTHONUNBUFFERED: "1",
    };
    const child = spawn(
      bin,
      [
        "--endpoint-url",
        sb.url,
        "--output",
        "json",
        "logs",
        "start-live-tail",
        "--log-group-identifiers",
        GROUP_ARN,
      ],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    let done = false;
    void exited.then(() => (done = true));
    // Invocations go on until the session ends and the CLI exits: whichever land while the
    // stream is open must be in it, however long the CLI took to start.
    const ids: string[] = [];
    while (!done) {
      const out = await sb.lambda.send(new InvokeCommand({ FunctionName: "orders-api", LogType: "Tail" }));
      ids.push(requestIdOf(decodeTail(out.LogResult)));
    }
    // The CLI prints each event's message as it comes, then the session's end as AWS ends it.
    expect(await exited, stderr).toBe(0);
    expect(stdout + stderr).toMatch(/SessionTimeoutException.*Session timed out/);
    const reported = ids.filter((id) => stdout.includes(`REPORT RequestId: ${id}`));
    expect(reported.length, stdout.slice(0, 2000)).toBeGreaterThan(0);
  }, 60_000);
});
