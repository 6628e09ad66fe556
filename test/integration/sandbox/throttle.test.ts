// `throttleEvery`: the wire shape of a throttled answer, checked with raw HTTP and with the SDK.
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNED, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";
import type { ThrottleEvent } from "../../../src/sandbox/server.js";

let sb: TestSandbox;
const throttled: ThrottleEvent[] = [];
beforeAll(async () => {
  sb = await startTestSandbox({ throttleEvery: 2, onThrottle: (e) => throttled.push(e) });
});
afterAll(async () => {
  await sb?.close();
});

describe("a sandbox throttling every 2nd request", () => {
  it("answers the 2nd Lambda request 429 TooManyRequestsException as Lambda does", async () => {
    const first = await fetch(`${sb.url}/2015-03-31/functions`, { headers: SIGNED });
    expect(first.status).toBe(200);
    const second = await fetch(`${sb.url}/2015-03-31/functions/orders-api/invocations`, {
      method: "POST",
      headers: SIGNED,
      body: "{}",
    });
    expect(second.status).toBe(429);
    expect(second.headers.get("x-amzn-errortype")).toBe("TooManyRequestsException");
    expect(second.headers.get("retry-after")).toBe("1");
    expect(await second.json()).toMatchObject({
      Type: "User",
      message: "Rate Exceeded.",
      Reason: "ConcurrentInvocationLimitExceeded",
    });
    expect(throttled.at(-1)).toEqual({
      service: "lambda",
      operation: "POST /2015-03-31/functions/orders-api/invocations",
    });
  });

  it("is seen by the SDK as a TooManyRequestsException with its Reason and retryAfterSeconds", async () => {
    await sb.lambda.send(new ListFunctionsCommand({})); // the 3rd: through
    const err = await sb.lambda.send(new ListFunctionsCommand({})).catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: "TooManyRequestsException",
      Reason: "CallerRateLimitExceeded",
      retryAfterSeconds: "1",
      $metadata: { httpStatusCode: 429 },
    });
  });

  it("counts CloudWatch Logs requests apart and throttles them with ThrottlingException", async () => {
    await sb.logs.send(new DescribeLogGroupsCommand({}));
    const err = await sb.logs.send(new DescribeLogGroupsCommand({})).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "ThrottlingException", $metadata: { httpStatusCode: 400 } });
    expect(throttled.at(-1)).toEqual({ service: "logs", operation: "DescribeLogGroups" });
  });
});
