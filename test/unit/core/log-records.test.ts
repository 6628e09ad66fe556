import { describe, expect, it } from "vitest";
import {
  isReportOf,
  isStartOf,
  parseLogLine,
  parseReport,
  requestIdFromTail,
} from "../../../src/core/log-records.js";
import { endLine, reportLine, startLine } from "../../../src/sandbox/runner/platform-lines.js";

const ID = "3d754295-c853-44fb-990b-27de9907d227";
const ID2 = "8f1c0b2a-1111-4222-8333-944455556666";

const START = `START RequestId: ${ID} Version: $LATEST`;
const END = `END RequestId: ${ID}`;
const REPORT_WARM =
  `REPORT RequestId: ${ID}\tDuration: 26.73 ms\tBilled Duration: 27 ms\t` +
  `Memory Size: 128 MB\tMax Memory Used: 75 MB\t`;
const REPORT_COLD =
  `REPORT RequestId: ${ID}\tDuration: 1.52 ms\tBilled Duration: 2 ms\t` +
  `Memory Size: 256 MB\tMax Memory Used: 68 MB\tInit Duration: 166.62 ms\t`;
const REPORT_TIMEOUT =
  `REPORT RequestId: ${ID}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\t` +
  `Memory Size: 128 MB\tMax Memory Used: 80 MB\tStatus: timeout\t`;
const REPORT_EXIT =
  `REPORT RequestId: ${ID}\tDuration: 12.00 ms\tBilled Duration: 12 ms\t` +
  `Memory Size: 128 MB\tMax Memory Used: 70 MB\tStatus: error\tError Type: Runtime.ExitError\t`;

const json = (v: unknown) => JSON.stringify(v);
const T = "2026-01-01T00:00:00.000Z";

describe("parseLogLine, Text format", () => {
  it("reads START with its version", () => {
    expect(parseLogLine(START)).toEqual({ kind: "start", requestId: ID, version: "$LATEST" });
    expect(parseLogLine(`START RequestId: ${ID} Version: 7`)).toEqual({
      kind: "start",
      requestId: ID,
      version: "7",
    });
  });

  it("takes $LATEST when START has no version", () => {
    expect(parseLogLine(`START RequestId: ${ID}`)).toEqual({
      kind: "start",
      requestId: ID,
      version: "$LATEST",
    });
  });

  it("reads END", () => {
    expect(parseLogLine(END)).toEqual({ kind: "end", requestId: ID });
  });

  it("reads a warm REPORT without Init Duration or status", () => {
    expect(parseLogLine(REPORT_WARM)).toEqual({
      kind: "report",
      requestId: ID,
      metrics: { durationMs: 26.73, billedMs: 27, memoryMb: 128, maxMemoryMb: 75 },
    });
  });

  it("reads Init Duration of a cold start, not confusing it with Duration", () => {
    const mark = parseLogLine(REPORT_COLD);
    expect(mark).toEqual({
      kind: "report",
      requestId: ID,
      metrics: { durationMs: 1.52, billedMs: 2, memoryMb: 256, maxMemoryMb: 68, initMs: 166.62 },
    });
  });

  it("reads Status: timeout", () => {
    const mark = parseLogLine(REPORT_TIMEOUT);
    expect(mark.kind === "report" && mark.metrics).toEqual({
      durationMs: 3000,
      billedMs: 3000,
      memoryMb: 128,
      maxMemoryMb: 80,
      status: "timeout",
    });
  });

  it("reads Status: error with its Error Type", () => {
    const mark = parseLogLine(REPORT_EXIT);
    expect(mark.kind === "report" && mark.metrics).toMatchObject({
      status: "error",
      errorType: "Runtime.ExitError",
    });
  });

  it("gives 0 for metrics missing from a REPORT", () => {
    expect(parseLogLine(`REPORT RequestId: ${ID}`)).toEqual({
      kind: "report",
      requestId: ID,
      metrics: { durationMs: 0, billedMs: 0, memoryMb: 0, maxMemoryMb: 0 },
    });
  });

  it("reads INIT_START", () => {
    expect(parseLogLine("INIT_START Runtime Version: nodejs:20.v48\tRuntime Version ARN: arn:x")).toEqual({
      kind: "initStart",
    });
  });

  it("reads an application line", () => {
    expect(parseLogLine(`${T}\t${ID}\tINFO\thello world`)).toEqual({
      kind: "app",
      timestamp: T,
      requestId: ID,
      level: "INFO",
      message: "hello world",
    });
  });

  it("keeps the \\r of a multi-line message and the tabs inside it", () => {
    const mark = parseLogLine(`${T}\t${ID}\tERROR\tfirst\rsecond\tthird`);
    expect(mark).toMatchObject({ kind: "app", level: "ERROR", message: "first\rsecond\tthird" });
  });

  it("takes request id 'undefined' (logged during init) as null", () => {
    expect(parseLogLine(`${T}\tundefined\tWARN\tduring init`)).toEqual({
      kind: "app",
      timestamp: T,
      requestId: null,
      level: "WARN",
      message: "during init",
    });
  });

  it("reads a platform message such as the timeout line, with no level", () => {
    expect(parseLogLine(`${T} ${ID} Task timed out after 3.00 seconds`)).toEqual({
      kind: "app",
      timestamp: T,
      requestId: ID,
      level: null,
      message: "Task timed out after 3.00 seconds",
    });
  });

  it("drops the trailing newline CloudWatch keeps on messages", () => {
    expect(parseLogLine(`${T}\t${ID}\tINFO\thi\n`)).toMatchObject({ message: "hi" });
    expect(parseLogLine(`${END}\n`)).toEqual({ kind: "end", requestId: ID });
  });

  it("calls unstructured lines other", () => {
    expect(parseLogLine("plain text written to stdout")).toEqual({ kind: "other" });
    expect(parseLogLine("")).toEqual({ kind: "other" });
    expect(parseLogLine("Duration: 26.73 ms\tBilled Duration: 27 ms")).toEqual({ kind: "other" });
    expect(parseLogLine(`  START RequestId: ${ID}`)).toEqual({ kind: "other" });
  });
});

describe("parseLogLine, JSON format", () => {
  it("reads platform.start", () => {
    const line = json({ time: T, type: "platform.start", record: { requestId: ID, version: "3" } });
    expect(parseLogLine(line)).toEqual({ kind: "start", requestId: ID, version: "3" });
  });

  it("takes $LATEST when platform.start has no version", () => {
    const line = json({ time: T, type: "platform.start", record: { requestId: ID } });
    expect(parseLogLine(line)).toEqual({ kind: "start", requestId: ID, version: "$LATEST" });
  });

  it("reads platform.runtimeDone as the end", () => {
    const line = json({
      time: T,
      type: "platform.runtimeDone",
      record: { requestId: ID, status: "success" },
    });
    expect(parseLogLine(line)).toEqual({ kind: "end", requestId: ID });
  });

  it("reads platform.report with initDurationMs and a successful status", () => {
    const line = json({
      time: T,
      type: "platform.report",
      record: {
        requestId: ID,
        metrics: {
          durationMs: 26.73,
          billedDurationMs: 27,
          memorySizeMB: 128,
          maxMemoryUsedMB: 75,
          initDurationMs: 166.62,
        },
        status: "success",
      },
    });
    expect(parseLogLine(line)).toEqual({
      kind: "report",
      requestId: ID,
      metrics: { durationMs: 26.73, billedMs: 27, memoryMb: 128, maxMemoryMb: 75, initMs: 166.62 },
    });
  });

  it("reads the status and errorType of a failed platform.report", () => {
    const line = json({
      time: T,
      type: "platform.report",
      record: {
        requestId: ID,
        metrics: { durationMs: 3000, billedDurationMs: 3000, memorySizeMB: 128, maxMemoryUsedMB: 80 },
        status: "timeout",
        errorType: "Sandbox.Timedout",
      },
    });
    expect(parseLogLine(line)).toEqual({
      kind: "report",
      requestId: ID,
      metrics: {
        durationMs: 3000,
        billedMs: 3000,
        memoryMb: 128,
        maxMemoryMb: 80,
        status: "timeout",
        errorType: "Sandbox.Timedout",
      },
    });
  });

  it("gives 0 for missing or non-numeric metrics", () => {
    const line = json({
      type: "platform.report",
      record: { requestId: ID, metrics: { durationMs: "12", billedDurationMs: null } },
    });
    expect(parseLogLine(line)).toEqual({
      kind: "report",
      requestId: ID,
      metrics: { durationMs: 0, billedMs: 0, memoryMb: 0, maxMemoryMb: 0 },
    });
  });

  it("calls platform records without a request id other", () => {
    expect(parseLogLine(json({ type: "platform.start", record: {} }))).toEqual({ kind: "other" });
    expect(parseLogLine(json({ type: "platform.runtimeDone" }))).toEqual({ kind: "other" });
    expect(parseLogLine(json({ type: "platform.report", record: { metrics: {} } }))).toEqual({
      kind: "other",
    });
  });

  it("reads platform.initStart and calls other platform records other", () => {
    const initStart = json({ time: T, type: "platform.initStart", record: { phase: "init" } });
    expect(parseLogLine(initStart)).toEqual({ kind: "initStart" });
    const initReport = json({ time: T, type: "platform.initReport", record: { status: "error" } });
    expect(parseLogLine(initReport)).toEqual({ kind: "other" });
  });

  it("reads an application line with a string message", () => {
    const line = json({ timestamp: T, level: "INFO", requestId: ID, message: "hello" });
    expect(parseLogLine(line)).toEqual({
      kind: "app",
      timestamp: T,
      level: "INFO",
      requestId: ID,
      message: "hello",
    });
  });

  it("stringifies an object message", () => {
    const line = json({ timestamp: T, level: "INFO", requestId: ID, message: { orderId: 7, ok: true } });
    expect(parseLogLine(line)).toMatchObject({ kind: "app", message: '{"orderId":7,"ok":true}' });
  });

  it("gives null for the missing fields of an application line", () => {
    expect(parseLogLine(json({ level: "WARN" }))).toEqual({
      kind: "app",
      timestamp: null,
      level: "WARN",
      requestId: null,
      message: "",
    });
    expect(parseLogLine(json({ message: "init done" }))).toEqual({
      kind: "app",
      timestamp: null,
      level: null,
      requestId: null,
      message: "init done",
    });
  });

  it("calls JSON without a known shape, broken JSON and non-objects other", () => {
    expect(parseLogLine(json({ foo: 1 }))).toEqual({ kind: "other" });
    expect(parseLogLine('{"type":"platform.start","record":{"requestId"')).toEqual({ kind: "other" });
    expect(parseLogLine("[1,2]")).toEqual({ kind: "other" });
  });
});

describe("agreement with the sandbox's platform lines", () => {
  const metrics = { durationMs: 26.73, billedMs: 27, memoryMb: 128, maxMemoryMb: 75, initMs: 166.62 };
  const failed = { durationMs: 3000, billedMs: 3000, memoryMb: 128, maxMemoryMb: 80 };
  for (const format of ["Text", "JSON"] as const) {
    it(`reads what the sandbox writes in ${format} format`, () => {
      expect(parseLogLine(startLine(format, ID, "$LATEST"))).toEqual({
        kind: "start",
        requestId: ID,
        version: "$LATEST",
      });
      expect(parseLogLine(endLine(format, ID, metrics))).toEqual({ kind: "end", requestId: ID });
      expect(parseLogLine(reportLine(format, ID, metrics))).toEqual({
        kind: "report",
        requestId: ID,
        metrics,
      });
      const timeout = { ...failed, status: "timeout" as const };
      expect(parseLogLine(reportLine(format, ID, timeout))).toEqual({
        kind: "report",
        requestId: ID,
        metrics: timeout,
      });
      const exit = { ...failed, status: "error" as const, errorType: "Runtime.ExitError" };
      expect(parseReport(reportLine(format, ID, exit))).toEqual({ requestId: ID, metrics: exit });
    });
  }
});

describe("parseReport", () => {
  it("finds the REPORT in a tail that starts in the middle of a line", () => {
    const tail = [`ed Duration: 27 ms\tMemory Size: 128 MB`, END, REPORT_COLD, ""].join("\n");
    expect(parseReport(tail)).toEqual({
      requestId: ID,
      metrics: { durationMs: 1.52, billedMs: 2, memoryMb: 256, maxMemoryMb: 68, initMs: 166.62 },
    });
  });

  it("does not take a cut-off REPORT at the start of a tail for a REPORT", () => {
    const tail = [`RT RequestId: ${ID2}\tDuration: 9.00 ms`, `${T}\t${ID}\tINFO\thi`].join("\n");
    expect(parseReport(tail)).toBeNull();
  });

  it("picks the last REPORT when there are several", () => {
    const other = REPORT_WARM.replace(ID, ID2);
    expect(parseReport([REPORT_TIMEOUT, START.replace(ID, ID2), other].join("\n"))?.requestId).toBe(ID2);
    expect(parseReport([other, REPORT_TIMEOUT].join("\n"))).toMatchObject({
      requestId: ID,
      metrics: { status: "timeout" },
    });
  });

  it("reads a JSON-format tail, its first line cut", () => {
    const report = json({
      time: T,
      type: "platform.report",
      record: {
        requestId: ID,
        metrics: { durationMs: 5.5, billedDurationMs: 6, memorySizeMB: 128, maxMemoryUsedMB: 60 },
        status: "success",
      },
    });
    const tail = [
      'uestId":"x","message":"hi"}',
      json({ type: "platform.runtimeDone", record: { requestId: ID } }),
      report,
    ].join("\n");
    expect(parseReport(tail)).toEqual({
      requestId: ID,
      metrics: { durationMs: 5.5, billedMs: 6, memoryMb: 128, maxMemoryMb: 60 },
    });
  });

  it("handles CRLF line ends", () => {
    expect(parseReport(`${START}\r\n${REPORT_WARM}\r\n`)?.metrics.durationMs).toBe(26.73);
  });

  it("gives null without a REPORT", () => {
    expect(parseReport(`${START}\n${T}\t${ID}\tINFO\thi\n${END}\n`)).toBeNull();
    expect(parseReport("")).toBeNull();
  });
});

describe("requestIdFromTail", () => {
  it("takes the request id of the last REPORT", () => {
    expect(requestIdFromTail([START.replace(ID, ID2), REPORT_WARM].join("\n"))).toBe(ID);
  });

  it("falls back to the last START when there is no REPORT", () => {
    expect(requestIdFromTail([START.replace(ID, ID2), START, `${T}\t${ID}\tINFO\thi`].join("\n"))).toBe(ID);
  });

  it("reads JSON START records", () => {
    expect(requestIdFromTail(json({ type: "platform.start", record: { requestId: ID2 } }))).toBe(ID2);
  });

  it("gives null when there is neither", () => {
    expect(requestIdFromTail(`${T}\t${ID}\tINFO\thi\n${END}`)).toBeNull();
    expect(requestIdFromTail("")).toBeNull();
  });
});

describe("isStartOf / isReportOf", () => {
  const jsonStart = json({ type: "platform.start", record: { requestId: ID, version: "$LATEST" } });
  const jsonReport = json({ type: "platform.report", record: { requestId: ID, metrics: {} } });

  it("recognise the START and REPORT of the request, Text and JSON", () => {
    expect(isStartOf(START, ID)).toBe(true);
    expect(isStartOf(jsonStart, ID)).toBe(true);
    expect(isReportOf(REPORT_WARM, ID)).toBe(true);
    expect(isReportOf(`${REPORT_TIMEOUT}\n`, ID)).toBe(true);
    expect(isReportOf(jsonReport, ID)).toBe(true);
  });

  it("refuse another request's lines", () => {
    expect(isStartOf(START, ID2)).toBe(false);
    expect(isStartOf(jsonStart, ID2)).toBe(false);
    expect(isReportOf(REPORT_WARM, ID2)).toBe(false);
    expect(isReportOf(jsonReport, ID2)).toBe(false);
  });

  it("refuse the other kinds of line of the same request", () => {
    expect(isStartOf(REPORT_WARM, ID)).toBe(false);
    expect(isStartOf(END, ID)).toBe(false);
    expect(isReportOf(START, ID)).toBe(false);
    expect(isReportOf(jsonStart, ID)).toBe(false);
    // An application line that merely mentions the id.
    expect(isStartOf(`${T}\t${ID}\tINFO\tSTART RequestId: ${ID}`, ID)).toBe(false);
    expect(isReportOf(`${T}\t${ID}\tINFO\tREPORT RequestId: ${ID}`, ID)).toBe(false);
  });

  it("refuse a request id that is only a prefix of the line's", () => {
    expect(isStartOf(START, ID.slice(0, 8))).toBe(false);
    expect(isReportOf(REPORT_WARM, ID.slice(0, 8))).toBe(false);
  });
});
