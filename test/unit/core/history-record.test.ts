import { describe, expect, it } from "vitest";
import {
  parseHistoryLine,
  serializeLogsRecord,
  serializeRecord,
  summarize,
  validateRecord,
  withLogs,
  type HistoryRecord,
} from "../../../src/core/history-record.js";
import {
  logsRecordFor,
  parseFunctionRef,
  logsFromRecord,
  recordFromInvocation,
  resultFromRecord,
} from "../../../src/core/invocation-record.js";
import type { InvokeResult } from "../../../src/core/model.js";

const RID = "8f6a2c1e-0000-4000-8000-000000000001";

function invokeResult(over: Partial<InvokeResult> = {}): InvokeResult {
  return {
    functionName: "versioned-greeter:live",
    qualifier: null,
    invocationType: "RequestResponse",
    statusCode: 200,
    executedVersion: "1",
    functionError: null,
    error: null,
    requestId: RID,
    payloadBytes: 40,
    payloadText: '{"message":"hello, Ada!","version":"1"}',
    payloadJson: { message: "hello, Ada!", version: "1" },
    tail: `START RequestId: ${RID} Version: 1\nREPORT RequestId: ${RID}\tDuration: 2.5 ms\n`,
    report: { durationMs: 2.5, billedMs: 3, memoryMb: 128, maxMemoryMb: 60, initMs: 120.4 },
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
    clientMs: 12.345,
    ...over,
  };
}

const ctx = { payload: '{ "name": "Ada" }', endpoint: { profile: "dev", region: "us-east-1", url: null } };

describe("recordFromInvocation", () => {
  it("is undone by resultFromRecord, up to what a record does not keep", () => {
    const record = recordFromInvocation(invokeResult(), {
      ...ctx,
      id: "id-1",
      logs: { state: "complete", events: [{ timestamp: 5, message: "hi" }] },
    });
    expect(resultFromRecord(record)).toEqual(
      invokeResult({
        functionName: "versioned-greeter",
        qualifier: "live",
        clientMs: 12.3,
        payloadBytes: 39,
      }),
    );
    expect(logsFromRecord(record)).toEqual([{ timestamp: 5, message: "hi" }]);
  });

  it("records the function by bare name with the qualifier apart, and the payload as sent", () => {
    const r = recordFromInvocation(invokeResult(), { ...ctx, id: "id-1" });
    expect(r).toEqual({
      id: "id-1",
      at: "2026-01-02T03:04:05.678Z",
      endpoint: { profile: "dev", region: "us-east-1", account: null, url: null },
      function: { name: "versioned-greeter", arn: null },
      qualifier: "live",
      invocationType: "RequestResponse",
      payload: '{ "name": "Ada" }',
      response: {
        statusCode: 200,
        executedVersion: "1",
        functionError: null,
        requestId: RID,
        payload: '{"message":"hello, Ada!","version":"1"}',
        logTail: invokeResult().tail,
      },
      report: { durationMs: 2.5, billedMs: 3, memoryMb: 128, maxMemoryMb: 60, initMs: 120.4 },
      logs: null,
      clientMs: 12.3,
    });
  });

  it("prefers the --qualifier, cuts a qualified configuration ARN, and takes the account from it", () => {
    const r = recordFromInvocation(
      invokeResult({ functionName: "greeter", qualifier: "canary", report: null }),
      {
        ...ctx,
        functionArn: "arn:aws:lambda:us-east-1:123456789012:function:greeter:2",
        logs: { state: "complete", events: [{ timestamp: 1, message: "START" }] },
        replayOf: "orig",
      },
    );
    expect(r.qualifier).toBe("canary");
    expect(r.function).toEqual({
      name: "greeter",
      arn: "arn:aws:lambda:us-east-1:123456789012:function:greeter",
    });
    expect(r.endpoint.account).toBe("123456789012");
    expect(r.report).toBeNull();
    expect(r.logs).toEqual([{ timestamp: 1, message: "START" }]);
    expect(r.logsState).toBe("complete");
    expect(r.replayOf).toBe("orig");
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("logsRecordFor", () => {
  it("keeps each event's time and message only, and reads back as the logs of its record", () => {
    const events = [
      { timestamp: 1, message: "START RequestId: x\n", logStreamName: "s", eventId: "e1" },
      { timestamp: 2, message: "REPORT RequestId: x\n", logStreamName: "s", eventId: "e2" },
    ];
    const at = new Date(Date.UTC(2026, 11, 1, 12));
    const l = logsRecordFor("id-1", { state: "complete", events }, at);
    expect(l).toEqual({
      logsFor: "id-1",
      logsState: "complete",
      at: "2026-12-01T12:00:00.000Z",
      logs: [
        { timestamp: 1, message: "START RequestId: x\n" },
        { timestamp: 2, message: "REPORT RequestId: x\n" },
      ],
    });
    const parsed = parseHistoryLine(serializeLogsRecord(l));
    expect(parsed.kind).toBe("logs");
  });
});

describe("parseFunctionRef", () => {
  it.each([
    ["orders-api", { name: "orders-api", qualifier: null, arn: null, account: null }],
    ["orders-api:live", { name: "orders-api", qualifier: "live", arn: null, account: null }],
    [
      "arn:aws:lambda:eu-west-1:123456789012:function:orders-api:7",
      {
        name: "orders-api",
        qualifier: "7",
        arn: "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
        account: "123456789012",
      },
    ],
    [
      "123456789012:function:orders-api",
      { name: "orders-api", qualifier: null, arn: null, account: "123456789012" },
    ],
  ])("%s", (ref, want) => expect(parseFunctionRef(ref)).toEqual(want));
});

describe("history lines", () => {
  const record = recordFromInvocation(invokeResult(), { ...ctx, id: "id-1" });

  it("round-trips a record through one line", () => {
    const line = serializeRecord(record);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(parseHistoryLine(line)).toEqual({ kind: "record", record });
  });

  it("keeps the exact bytes of a response that is not UTF-8, in base64, and only then", () => {
    const raw = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
    const text = Buffer.from(raw).toString("utf8");
    const r = recordFromInvocation(
      invokeResult({ payloadText: text, payloadRaw: raw, payloadJson: undefined }),
      ctx,
    );
    expect(r.response.payload).toBe(text);
    expect(Buffer.from(r.response.payloadBase64!, "base64").equals(Buffer.from(raw))).toBe(true);
    expect(parseHistoryLine(serializeRecord(r))).toEqual({ kind: "record", record: r });
    expect("payloadBase64" in record.response).toBe(false);
    expect(serializeRecord(record)).not.toContain("payloadBase64");
    // Something that is not base64 is dropped, not trusted: the text stands alone.
    const bad = JSON.parse(serializeRecord(r)) as { response: Record<string, unknown> };
    bad.response.payloadBase64 = "not base64!";
    const back = parseHistoryLine(JSON.stringify(bad));
    expect(back.kind === "record" && back.record.response).toEqual({
      ...r.response,
      payloadBase64: undefined,
    });
    expect(back.kind === "record" && "payloadBase64" in back.record.response).toBe(false);
  });

  it("keeps replayOf and folded logs with their state", () => {
    const r: HistoryRecord = {
      ...record,
      replayOf: "x",
      logs: [{ timestamp: 5, message: "m" }],
      logsState: "gave-up",
    };
    expect(parseHistoryLine(serializeRecord(r))).toEqual({ kind: "record", record: r });
  });

  it("writes logs records so readers know them by their first bytes", () => {
    const line = serializeLogsRecord({ logsFor: "id-1", logsState: "complete", at: "t", logs: [] });
    expect(line).toBe('{"logsFor":"id-1","logsState":"complete","at":"t","logs":[]}\n');
    expect(parseHistoryLine(line)).toEqual({
      kind: "logs",
      logs: { logsFor: "id-1", logsState: "complete", at: "t", logs: [] },
    });
  });

  it.each([
    ['{"id":"x","at":"2026-01-01T00:00:00Z","function":{"name":"f"},"payload":"{}","respo', "not valid JSON"],
    ["[1,2]", "not a JSON object"],
    ['{"at":"2026-01-01T00:00:00Z"}', "no id"],
    ['{"id":"x","at":"yesterday"}', "no valid time (at)"],
    ['{"id":"x","at":"2026-01-01T00:00:00Z","function":{},"payload":""}', "no function name"],
    ['{"id":"x","at":"2026-01-01T00:00:00Z","function":{"name":"f"},"payload":{}}', "no payload text"],
    [
      '{"id":"x","at":"2026-01-01T00:00:00Z","function":{"name":"f"},"payload":"","response":{"statusCode":"200"}}',
      "no response status",
    ],
    [
      '{"id":"x","at":"2026-01-01T00:00:00Z","function":{"name":"f"},"payload":"","response":{"statusCode":200},"invocationType":"Sync"}',
      'unknown invocation type "Sync"',
    ],
    [
      '{"logsFor":"x","logsState":"complete","logs":[{"timestamp":1}]}',
      "logs are not a list of {timestamp, message}",
    ],
    ['{"logsFor":"x","logsState":"maybe","logs":[]}', "unknown logsState"],
  ])("reports a damaged line: %s", (line, reason) => {
    expect(parseHistoryLine(line)).toEqual({ kind: "damaged", reason });
  });

  it("treats blank lines as nothing", () => {
    expect(parseHistoryLine("   \r")).toEqual({ kind: "blank" });
  });

  it("fills what a minimal hand-written record leaves out", () => {
    const r = validateRecord({
      id: "x",
      at: "2026-01-01T00:00:00Z",
      function: { name: "f" },
      payload: "{}",
      invocationType: "Event",
      response: { statusCode: 202 },
    });
    expect(r).toMatchObject({
      endpoint: { profile: null, region: null, account: null, url: null },
      function: { name: "f", arn: null },
      qualifier: null,
      response: { statusCode: 202, executedVersion: null, payload: "", logTail: null },
      report: null,
      logs: null,
      clientMs: 0,
    });
  });
});

describe("withLogs and summarize", () => {
  const record = recordFromInvocation(invokeResult(), { ...ctx, id: "id-1" });

  it("folds logs in; logs that gave up never replace complete ones", () => {
    const complete = withLogs(record, { logsState: "complete", logs: [{ timestamp: 1, message: "a" }] });
    expect(complete.logs).toHaveLength(1);
    expect(withLogs(complete, { logsState: "gave-up", logs: [] })).toBe(complete);
    expect(withLogs(record, { logsState: "gave-up", logs: [] }).logsState).toBe("gave-up");
  });

  it("summarizes for the list, with a squeezed payload preview", () => {
    const s = summarize({ ...record, payload: '{\n  "name":   "Ada"\n}' });
    expect(s).toEqual({
      id: "id-1",
      at: "2026-01-02T03:04:05.678Z",
      functionName: "versioned-greeter",
      qualifier: "live",
      invocationType: "RequestResponse",
      statusCode: 200,
      functionError: null,
      executedVersion: "1",
      durationMs: 2.5,
      replayOf: null,
      payloadPreview: '{ "name": "Ada" }',
    });
  });
});
