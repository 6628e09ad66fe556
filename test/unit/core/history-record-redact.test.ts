import { describe, expect, it } from "vitest";
import type { HistoryRecord } from "../../../src/core/history-record.js";
import { redact, redactLogLine, redactText } from "../../../src/core/history-redact.js";

/** No names beyond the default ones. */
const keys = new Set<string>();

const record: HistoryRecord = {
  id: "id-1",
  at: "2026-01-01T00:00:00.000Z",
  endpoint: { profile: null, region: "us-east-1", account: null, url: null },
  function: { name: "login", arn: null },
  qualifier: null,
  invocationType: "RequestResponse",
  payload: '{\n  "user": "ada",\n  "Password": "hunter2",\n  "headers": {"Authorization": "Bearer abc"}\n}',
  response: {
    statusCode: 200,
    executedVersion: "$LATEST",
    functionError: null,
    requestId: "r",
    payload: '{"statusCode":200,"body":"{\\"token\\":\\"t-123\\",\\"ok\\":true}"}',
    logTail: 'START RequestId: r\n2026-01-01T00:00:00.000Z\tr\tINFO\t{"secret":"s3"}\nEND RequestId: r',
  },
  report: null,
  logs: [
    { timestamp: 1, message: '{"level":"INFO","message":{"password":"p"}}' },
    { timestamp: 2, message: "plain text password=hunter2" },
  ],
  clientMs: 1,
};

describe("redact", () => {
  it("replaces the values of the named keys at any depth, case-insensitively, keeping the layout", () => {
    const r = redact(record);
    expect(r.payload).toBe(
      '{\n  "user": "ada",\n  "Password": "[redacted]",\n  "headers": {"Authorization": "[redacted]"}\n}',
    );
  });

  it("redacts JSON inside a JSON string (an API Gateway body)", () => {
    const body = JSON.parse(JSON.parse(redact(record).response.payload).body);
    expect(body).toEqual({ token: "[redacted]", ok: true });
  });

  it("redacts JSON log lines, the JSON part of Text log lines, and secrets in free text", () => {
    const r = redact(record);
    expect(r.response.logTail).toBe(
      'START RequestId: r\n2026-01-01T00:00:00.000Z\tr\tINFO\t{"secret":"[redacted]"}\nEND RequestId: r',
    );
    expect(r.logs).toEqual([
      { timestamp: 1, message: '{"level":"INFO","message":{"password":"[redacted]"}}' },
      { timestamp: 2, message: "plain text password=[redacted]" },
    ]);
    expect(redactLogLine('token=abc [INFO] {"token":1}', keys)).toBe(
      'token=[redacted] [INFO] {"token":"[redacted]"}',
    );
    expect(redactLogLine('[INFO] user {"token":1}', keys)).toBe('[INFO] user {"token":"[redacted]"}');
  });

  it("replaces whole values (objects, arrays, numbers) and leaves the original record unchanged", () => {
    expect(redactText('[{"secret":{"a":[1,2]}},{"secret":42}]', keys)).toBe(
      '[{"secret":"[redacted]"},{"secret":"[redacted]"}]',
    );
    expect(record.payload).toContain("hunter2");
  });

  it("adds its own keys to the default ones, matched whatever their case and separators", () => {
    const r = redact({ ...record, payload: '{"user":"ada","User_Name":"ada","password":"p"}' }, [
      "userName",
      "USER",
    ]);
    expect(JSON.parse(r.payload)).toEqual({
      user: "[redacted]",
      User_Name: "[redacted]",
      password: "[redacted]",
    });
    expect(redact({ ...record, payload: '{"user":"ada"}' }, [" "]).payload).toBe('{"user":"ada"}');
  });

  it("keeps a response's exact bytes only when nothing in it was redacted (they would give it away)", () => {
    const bytes = (text: string) => ({
      payload: text,
      payloadBase64: Buffer.from(text + "\xff").toString("base64"),
    });
    const secret = { ...record, response: { ...record.response, ...bytes('{"token":"t-1","x":"\uFFFD"}') } };
    const out = redact(secret);
    expect(out.response.payload).toBe('{"token":"[redacted]","x":"\uFFFD"}');
    expect(out.response.payloadBase64).toBeUndefined();
    const plain = { ...record, response: { ...record.response, ...bytes('{"x":"\uFFFD"}') } };
    expect(redact(plain).response.payloadBase64).toBe(plain.response.payloadBase64);
  });

  it("redacts text that is not JSON as free text", () => {
    expect(redactText("password: hunter2", keys)).toBe("password: [redacted]");
    expect(redactText('{"password": "x",}', keys)).toBe('{"password": "[redacted]",}');
    expect(redactText("just words", keys)).toBe("just words");
    expect(redactText("", keys)).toBe("");
  });

  it("redacts JSON nested thousands deep without running out of stack", () => {
    const deep = "[".repeat(20_000) + '{"password":"p","note":"AKIAIOSFODNN7EXAMPLE"}' + "]".repeat(20_000);
    expect(redactText(deep, keys)).toBe(
      "[".repeat(20_000) + '{"password":"[redacted]","note":"[redacted]"}' + "]".repeat(20_000),
    );
  });
});
