import { describe, expect, it } from "vitest";
import {
  endLine,
  initReportLine,
  initStartLine,
  platformMessage,
  reportLine,
  RUNTIME_VERSION,
  RUNTIME_VERSION_ARN,
  startLine,
  type ReportMetrics,
} from "../../../src/sandbox/runner/platform-lines.js";

const ID = "3085bc43-7e0a-4994-b97a-63262019c014";
const ISO_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

const base: ReportMetrics = { durationMs: 26.73, billedMs: 27, memoryMb: 128, maxMemoryMb: 75 };

interface PlatformRecord {
  time: string;
  type: string;
  record: Record<string, unknown> & { metrics?: Record<string, number> };
}
const parse = (line: string) => JSON.parse(line) as PlatformRecord;

describe("Text format", () => {
  it("writes the START line", () => {
    expect(startLine("Text", ID, "$LATEST")).toBe(`START RequestId: ${ID} Version: $LATEST`);
    expect(startLine("Text", ID, "3")).toBe(`START RequestId: ${ID} Version: 3`);
  });

  it("writes the END line", () => {
    expect(endLine("Text", ID, base)).toBe(`END RequestId: ${ID}`);
  });

  it("writes the REPORT line of a cold start, with Init Duration", () => {
    expect(reportLine("Text", ID, { ...base, initMs: 166.62 })).toBe(
      `REPORT RequestId: ${ID}\tDuration: 26.73 ms\tBilled Duration: 27 ms\tMemory Size: 128 MB\t` +
        `Max Memory Used: 75 MB\tInit Duration: 166.62 ms\t`,
    );
  });

  it("writes the REPORT line of a warm start, without Init Duration", () => {
    expect(reportLine("Text", ID, base)).toBe(
      `REPORT RequestId: ${ID}\tDuration: 26.73 ms\tBilled Duration: 27 ms\tMemory Size: 128 MB\t` +
        `Max Memory Used: 75 MB\t`,
    );
  });

  it("prints durations with exactly two decimals", () => {
    const line = reportLine("Text", ID, { ...base, durationMs: 3, initMs: 100.456 });
    expect(line).toContain("\tDuration: 3.00 ms\t");
    expect(line).toContain("\tInit Duration: 100.46 ms\t");
  });

  it("adds Status: timeout after the metrics", () => {
    expect(
      reportLine("Text", ID, {
        durationMs: 3000,
        billedMs: 3000,
        memoryMb: 128,
        maxMemoryMb: 80,
        initMs: 150.1,
        status: "timeout",
      }),
    ).toBe(
      `REPORT RequestId: ${ID}\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\t` +
        `Max Memory Used: 80 MB\tInit Duration: 150.10 ms\tStatus: timeout\t`,
    );
  });

  it("adds Status: error and Error Type", () => {
    const line = reportLine("Text", ID, { ...base, status: "error", errorType: "Runtime.ExitError" });
    expect(line.endsWith("\tMax Memory Used: 75 MB\tStatus: error\tError Type: Runtime.ExitError\t")).toBe(
      true,
    );
  });

  it("writes INIT_START and INIT_REPORT lines", () => {
    expect(initStartLine("Text")).toBe(
      `INIT_START Runtime Version: ${RUNTIME_VERSION}\tRuntime Version ARN: ${RUNTIME_VERSION_ARN}`,
    );
    expect(initReportLine("Text", 12.345, "Runtime.ImportModuleError")).toBe(
      "INIT_REPORT Init Duration: 12.35 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError",
    );
  });

  it("names the function's runtime in INIT_START", () => {
    expect(initStartLine("Text", "nodejs22.x")).toMatch(/^INIT_START Runtime Version: nodejs:22\.v48\t/);
    expect(initStartLine("Text", "python3.12")).toMatch(/^INIT_START Runtime Version: python:3\.12\.v48\t/);
    expect(initStartLine("Text", "provided.al2023")).toMatch(
      /^INIT_START Runtime Version: provided:al2023\.v48\t/,
    );
    expect(JSON.parse(initStartLine("JSON", "provided"))).toMatchObject({
      record: { runtimeVersion: "provided:al.v48" },
    });
  });

  it("prefixes a platform message with an ISO time and the request id", () => {
    const line = platformMessage("Text", ID, "Task timed out after 3.00 seconds");
    const [time, id, ...rest] = line.split(" ");
    expect(time).toMatch(ISO_RE);
    expect(id).toBe(ID);
    expect(rest.join(" ")).toBe("Task timed out after 3.00 seconds");
  });
});

describe("JSON format", () => {
  it("writes platform.start with the request id and version", () => {
    const rec = parse(startLine("JSON", ID, "$LATEST"));
    expect(rec.type).toBe("platform.start");
    expect(rec.time).toMatch(ISO_RE);
    expect(rec.record).toEqual({ requestId: ID, version: "$LATEST" });
  });

  it("writes platform.report with all metrics on a cold start", () => {
    const rec = parse(reportLine("JSON", ID, { ...base, initMs: 166.62 }));
    expect(rec.type).toBe("platform.report");
    expect(rec.time).toMatch(ISO_RE);
    expect(rec.record.requestId).toBe(ID);
    expect(rec.record.status).toBe("success");
    expect(rec.record.metrics).toEqual({
      durationMs: 26.73,
      billedDurationMs: 27,
      memorySizeMB: 128,
      maxMemoryUsedMB: 75,
      initDurationMs: 166.62,
    });
    expect(rec.record).not.toHaveProperty("errorType");
  });

  it("leaves initDurationMs out on a warm start", () => {
    const rec = parse(reportLine("JSON", ID, base));
    expect(rec.record.metrics).toEqual({
      durationMs: 26.73,
      billedDurationMs: 27,
      memorySizeMB: 128,
      maxMemoryUsedMB: 75,
    });
    expect(rec.record.metrics).not.toHaveProperty("initDurationMs");
  });

  it("rounds durations to two decimals", () => {
    const rec = parse(reportLine("JSON", ID, { ...base, durationMs: 26.7349, initMs: 166.6251 }));
    expect(rec.record.metrics!.durationMs).toBe(26.73);
    expect(rec.record.metrics!.initDurationMs).toBe(166.63);
  });

  it("carries status and errorType on a failed report", () => {
    const rec = parse(reportLine("JSON", ID, { ...base, status: "timeout", errorType: "Sandbox.Timedout" }));
    expect(rec.record.status).toBe("timeout");
    expect(rec.record.errorType).toBe("Sandbox.Timedout");
  });

  it("writes platform.runtimeDone as the end record", () => {
    const ok = parse(endLine("JSON", ID, base));
    expect(ok.type).toBe("platform.runtimeDone");
    expect(ok.record.requestId).toBe(ID);
    expect(ok.record.status).toBe("success");
    expect(ok.record.metrics).toEqual({ durationMs: 26.73 });
    const failed = parse(endLine("JSON", ID, { ...base, status: "error", errorType: "Runtime.ExitError" }));
    expect(failed.record.status).toBe("error");
    expect(failed.record.errorType).toBe("Runtime.ExitError");
  });

  it("writes platform.initStart and platform.initReport", () => {
    const start = parse(initStartLine("JSON"));
    expect(start.type).toBe("platform.initStart");
    expect(start.record).toMatchObject({ phase: "init", runtimeVersion: RUNTIME_VERSION });
    const report = parse(initReportLine("JSON", 12.345, "Runtime.ImportModuleError"));
    expect(report.type).toBe("platform.initReport");
    expect(report.record).toMatchObject({ status: "error", errorType: "Runtime.ImportModuleError" });
    expect(report.record.metrics).toEqual({ durationMs: 12.35 });
  });

  it("writes a platform message as an ERROR record", () => {
    const rec = JSON.parse(platformMessage("JSON", ID, "Task timed out")) as Record<string, unknown>;
    expect(rec).toMatchObject({ level: "ERROR", requestId: ID, message: "Task timed out" });
    expect(rec.timestamp).toMatch(ISO_RE);
  });

  it("writes every record as a single line", () => {
    for (const line of [
      startLine("JSON", ID, "1"),
      endLine("JSON", ID, base),
      reportLine("JSON", ID, base),
      initStartLine("JSON"),
    ]) {
      expect(line).not.toContain("\n");
    }
  });
});

describe("JSON status of a failed invocation", () => {
  it("says error in runtimeDone and report when the handler threw, and nothing in Text REPORT", () => {
    const m: ReportMetrics = { ...base, handlerError: true };
    expect(parse(endLine("JSON", ID, m)).record.status).toBe("error");
    expect(parse(reportLine("JSON", ID, m)).record.status).toBe("error");
    expect(reportLine("Text", ID, m)).not.toMatch(/Status/);
  });

  it("says timeout for a timeout, and success otherwise", () => {
    expect(parse(reportLine("JSON", ID, { ...base, status: "timeout" })).record.status).toBe("timeout");
    expect(parse(endLine("JSON", ID, base)).record.status).toBe("success");
  });
});
