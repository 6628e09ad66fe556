// CloudWatch Logs through the AWS SDK, with delivery held back as CloudWatch does, so the
// way a client must poll (group missing, then events, then START..REPORT) is exercised.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import {
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type FilteredLogEvent,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  decodeTail,
  eventually,
  requestIdOf,
  startTestSandbox,
  type TestSandbox,
} from "../../helpers/sandbox.js";

const DELAY = 800;
let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ logDelayMs: DELAY });
});
afterAll(async () => {
  await sb?.close();
});

async function invokeWithTail(FunctionName: string, payload: unknown = {}) {
  const out = await sb.lambda.send(
    new InvokeCommand({ FunctionName, LogType: "Tail", Payload: Buffer.from(JSON.stringify(payload)) }),
  );
  const tail = decodeTail(out.LogResult);
  return { tail, requestId: tail.includes("REPORT RequestId") ? requestIdOf(tail) : "" };
}

async function filterAll(logGroupName: string, filterPattern: string): Promise<FilteredLogEvent[]> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sb.logs.send(new FilterLogEventsCommand({ logGroupName, filterPattern, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

describe("delivery delay", () => {
  it("has the group at once but its events only once delivered, then finds START and REPORT", async () => {
    const { requestId } = await invokeWithTail("orders-api");
    const early = await sb.logs.send(
      new FilterLogEventsCommand({ logGroupName: "/aws/lambda/orders-api", filterPattern: `"${requestId}"` }),
    );
    expect(early.events).toEqual([]);
    await expect(
      sb.logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/never-invoked" })),
    ).rejects.toMatchObject({ name: "ResourceNotFoundException" });
    const events = await eventually(async () => {
      const found = await filterAll("/aws/lambda/orders-api", `"${requestId}"`);
      return found.some((e) => e.message!.startsWith("REPORT")) ? found : undefined;
    });
    expect(events[0]!.message).toBe(`START RequestId: ${requestId} Version: $LATEST\n`);
    expect(events.every((e) => e.message!.includes(requestId))).toBe(true);
    expect(events[0]!.logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
  });
});

describe("reading one invocation's complete logs", () => {
  it("gets every line of a big invocation from its stream, more than the tail holds", async () => {
    const { tail, requestId } = await invokeWithTail("big-logger");
    const marks = await eventually(async () => {
      const found = await filterAll("/aws/lambda/big-logger", `"${requestId}"`);
      const start = found.find((e) => e.message!.startsWith("START"));
      const report = found.find((e) => e.message!.startsWith("REPORT"));
      return start && report ? { start, report } : undefined;
    });
    const lines: string[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await sb.logs.send(
        new GetLogEventsCommand({
          logGroupName: "/aws/lambda/big-logger",
          logStreamName: marks.start.logStreamName,
          startTime: marks.start.timestamp,
          endTime: marks.report.timestamp! + 1,
          startFromHead: true,
          nextToken: token,
          limit: 50,
        }),
      );
      // Lambda's events end in a newline, as the sandbox's do.
      lines.push(...page.events!.map((e) => e.message!));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    const from = lines.findIndex((l) => l === `START RequestId: ${requestId} Version: $LATEST\n`);
    const to = lines.findIndex((l) => l.startsWith(`REPORT RequestId: ${requestId}`));
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThan(from);
    expect(lines.every((l) => l.endsWith("\n"))).toBe(true);
    const block = lines.slice(from, to + 1).join("");
    expect(Buffer.byteLength(block)).toBeGreaterThan(Buffer.byteLength(tail));
    expect(block.endsWith(tail.slice(tail.indexOf("\n") + 1))).toBe(true);
  });

  it("finds raw stdout lines, which lack the request id, only between START and REPORT", async () => {
    const { requestId } = await invokeWithTail("stdout-writer");
    const stream = await eventually(async () => {
      const found = await filterAll("/aws/lambda/stdout-writer", `"REPORT RequestId: ${requestId}"`);
      return found[0]?.logStreamName;
    });
    const page = await sb.logs.send(
      new GetLogEventsCommand({
        logGroupName: "/aws/lambda/stdout-writer",
        logStreamName: stream,
        startFromHead: true,
      }),
    );
    const msgs = page.events!.map((e) => e.message!);
    const block = msgs.slice(
      msgs.findIndex((m) => m.includes(`START RequestId: ${requestId}`)),
      msgs.findIndex((m) => m.includes(`REPORT RequestId: ${requestId}`)) + 1,
    );
    const withoutId = block.filter((m) => !m.includes(requestId));
    expect(withoutId.length).toBeGreaterThan(0);
    const filtered = await filterAll("/aws/lambda/stdout-writer", `"${requestId}"`);
    expect(filtered.some((e) => withoutId.includes(e.message!))).toBe(false);
  });

  it("uses the custom log group of a function that sets one", async () => {
    const { requestId } = await invokeWithTail("payments-audit");
    const found = await eventually(async () => {
      const events = await filterAll("/sandbox/payments-audit", `"${requestId}"`);
      return events.length > 0 ? events : undefined;
    });
    expect(found.length).toBeGreaterThan(0);
    await expect(
      sb.logs.send(new FilterLogEventsCommand({ logGroupName: "/aws/lambda/payments-audit" })),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("writes JSON platform records for a JSON-format function", async () => {
    const { tail } = await invokeWithTail("json-logger");
    const start = tail.split("\n").find((l) => l.includes('"platform.start"'));
    const requestId = (JSON.parse(start!) as { record: { requestId: string } }).record.requestId;
    const events = await eventually(async () => {
      const found = await filterAll("/aws/lambda/json-logger", `"${requestId}"`);
      return found.some((e) => e.message!.includes("platform.report")) ? found : undefined;
    });
    for (const e of events) expect(() => JSON.parse(e.message!)).not.toThrow();
  });

  it("logs Event invocations too, found by time window", async () => {
    const before = Date.now();
    const out = await sb.lambda.send(
      new InvokeCommand({ FunctionName: "handled-error", InvocationType: "Event" }),
    );
    expect(out.StatusCode).toBe(202);
    const events = await eventually(async () => {
      const page = await sb.logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/aws/lambda/handled-error",
          startTime: before,
          filterPattern: '"REPORT RequestId"',
        }),
      );
      return page.events?.length ? page.events : undefined;
    });
    expect(events[0]!.timestamp).toBeGreaterThanOrEqual(before);
  });
});

describe("describing", () => {
  it("lists groups and streams once delivered", async () => {
    await invokeWithTail("handled-error");
    const groups = await eventually(async () => {
      const out = await sb.logs.send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/lambda/handled" }),
      );
      return out.logGroups?.length ? out.logGroups : undefined;
    });
    expect(groups[0]!.logGroupName).toBe("/aws/lambda/handled-error");
    expect(groups[0]!.arn).toBe("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/handled-error:*");
    const streams = await sb.logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: "/aws/lambda/handled-error",
        orderBy: "LastEventTime",
        descending: true,
      }),
    );
    expect(streams.logStreams!.length).toBeGreaterThan(0);
    expect(streams.logStreams![0]!.lastEventTimestamp).toBeGreaterThan(0);
  });

  it("answers a missing stream with ResourceNotFoundException", async () => {
    await invokeWithTail("orders-api");
    await eventually(
      async () =>
        (await sb.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/lambda/orders-api" })))
          .logGroups?.[0],
    );
    await expect(
      sb.logs.send(
        new GetLogEventsCommand({
          logGroupName: "/aws/lambda/orders-api",
          logStreamName: "2020/01/01/[$LATEST]00",
        }),
      ),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: "The specified log stream does not exist.",
    });
  });
});
