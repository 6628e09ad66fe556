// --log-retention-mb in the explorer's own sandbox (`lambda-explorer --sandbox`): bad values are
// refused with what to type before anything starts, and the sandbox the explorer starts keeps
// a log group within the bound, as the `sandbox` command's does.
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { embeddedSandboxStarter } from "../../src/cli/embedded-sandbox.js";
import { runCli } from "../helpers/cli.js";
import { credentials, FIXTURES, RUNTIME } from "../helpers/sandbox.js";

describe("lambda-explorer --sandbox --log-retention-mb", () => {
  it("refuses a value that is not a whole number of MB, saying what to type", async () => {
    const r = await runCli(["--sandbox", "--log-retention-mb", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--log-retention-mb must be a whole number from 1 to 1000000 \(got "0"\)/);
    const words = await runCli(["--sandbox", "--log-retention-mb", "lots"]);
    expect(words.stderr).toMatch(/got "lots"/);
  });

  it("refuses it without --sandbox: it bounds only the built-in sandbox", async () => {
    const r = await runCli(["--log-retention-mb", "8"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/add --sandbox, or run `lambda-explorer sandbox --log-retention-mb N`/);
  });

  it("bounds the log group of the sandbox the explorer starts", async () => {
    const sb = await embeddedSandboxStarter({ sandbox: true, logRetentionMb: "1" }, RUNTIME)(FIXTURES);
    const config = { endpoint: sb.url, region: "us-east-1", credentials, maxAttempts: 1 };
    const lambda = new LambdaClient(config);
    const logs = new CloudWatchLogsClient(config);
    try {
      // 3 MB of log events in one group, three times the bound.
      const out = await lambda.send(
        new InvokeCommand({ FunctionName: "huge-log-line", Payload: new TextEncoder().encode('{"mb": 3}') }),
      );
      expect(out.FunctionError, Buffer.from(out.Payload ?? []).toString()).toBeUndefined();
      let bytes = 0;
      let messages: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await logs.send(
          new FilterLogEventsCommand({ logGroupName: "/aws/lambda/huge-log-line", nextToken }),
        );
        messages = messages.concat((page.events ?? []).map((e) => e.message ?? ""));
        nextToken = page.nextToken;
      } while (nextToken);
      for (const m of messages) bytes += Buffer.byteLength(m);
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(1024 * 1024);
      // The oldest events went first: the invocation's START is no longer kept, its REPORT is.
      expect(messages.some((m) => m.startsWith("START RequestId"))).toBe(false);
      expect(messages.some((m) => m.startsWith("REPORT RequestId"))).toBe(true);
    } finally {
      lambda.destroy();
      logs.destroy();
      await sb.close();
    }
  }, 60_000);
});
