// The lines the Lambda platform itself writes around each invocation, in the Text and
// JSON log formats, shaped as real CloudWatch Lambda logs are.
import type { LogFormat } from "../config.js";

export const RUNTIME_VERSION = "nodejs:20.v48";
export const RUNTIME_VERSION_ARN =
  "arn:aws:lambda:us-east-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9";

export interface ReportMetrics {
  durationMs: number;
  billedMs: number;
  memoryMb: number;
  maxMemoryMb: number;
  initMs?: number;
  /** Absent on success; "timeout" or "error" otherwise. */
  status?: "timeout" | "error";
  errorType?: string;
  /**
   * The handler threw (or rejected). The Text REPORT says nothing of it, as Lambda's does not,
   * but the JSON platform records report status "error".
   */
  handlerError?: boolean;
}

/** The status a JSON platform record (runtimeDone, report) gives the invocation. */
const jsonStatus = (m: ReportMetrics) => m.status ?? (m.handlerError ? "error" : "success");

const iso = () => new Date().toISOString();

/**
 * Lambda's runtime version name for a runtime, as INIT_START shows it: `nodejs:20.v48`,
 * `python:3.12.v48`, `provided:al2023.v48` (the build number is the sandbox's own).
 */
export function runtimeVersion(runtime: string): string {
  const node = /^nodejs(\d+)\.x$/.exec(runtime);
  if (node) return `nodejs:${node[1]}.v48`;
  const python = /^python(3\.\d+)$/.exec(runtime);
  if (python) return `python:${python[1]}.v48`;
  if (runtime.startsWith("provided")) return `provided:${runtime.slice("provided.".length) || "al"}.v48`;
  return RUNTIME_VERSION;
}

export function initStartLine(format: LogFormat, runtime = "nodejs20.x"): string {
  const version = runtimeVersion(runtime);
  if (format === "JSON") {
    return JSON.stringify({
      time: iso(),
      type: "platform.initStart",
      record: {
        initializationType: "on-demand",
        phase: "init",
        runtimeVersion: version,
        runtimeVersionArn: RUNTIME_VERSION_ARN,
      },
    });
  }
  return `INIT_START Runtime Version: ${version}\tRuntime Version ARN: ${RUNTIME_VERSION_ARN}`;
}

export function initReportLine(format: LogFormat, initMs: number, errorType: string): string {
  if (format === "JSON") {
    return JSON.stringify({
      time: iso(),
      type: "platform.initReport",
      record: {
        initializationType: "on-demand",
        phase: "init",
        status: "error",
        errorType,
        metrics: { durationMs: round2(initMs) },
      },
    });
  }
  return `INIT_REPORT Init Duration: ${initMs.toFixed(2)} ms\tPhase: init\tStatus: error\tError Type: ${errorType}`;
}

export function startLine(format: LogFormat, requestId: string, version: string): string {
  if (format === "JSON")
    return JSON.stringify({ time: iso(), type: "platform.start", record: { requestId, version } });
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(format: LogFormat, requestId: string, m: ReportMetrics): string {
  if (format === "JSON") {
    return JSON.stringify({
      time: iso(),
      type: "platform.runtimeDone",
      record: {
        requestId,
        status: jsonStatus(m),
        ...(m.errorType ? { errorType: m.errorType } : {}),
        metrics: { durationMs: round2(m.durationMs) },
      },
    });
  }
  return `END RequestId: ${requestId}`;
}

export function reportLine(format: LogFormat, requestId: string, m: ReportMetrics): string {
  if (format === "JSON") {
    const metrics: Record<string, number> = {
      durationMs: round2(m.durationMs),
      billedDurationMs: m.billedMs,
      memorySizeMB: m.memoryMb,
      maxMemoryUsedMB: m.maxMemoryMb,
    };
    if (m.initMs !== undefined) metrics.initDurationMs = round2(m.initMs);
    return JSON.stringify({
      time: iso(),
      type: "platform.report",
      record: {
        requestId,
        metrics,
        status: jsonStatus(m),
        ...(m.errorType ? { errorType: m.errorType } : {}),
      },
    });
  }
  let line =
    `REPORT RequestId: ${requestId}\tDuration: ${m.durationMs.toFixed(2)} ms\tBilled Duration: ${m.billedMs} ms\t` +
    `Memory Size: ${m.memoryMb} MB\tMax Memory Used: ${m.maxMemoryMb} MB\t`;
  if (m.initMs !== undefined) line += `Init Duration: ${m.initMs.toFixed(2)} ms\t`;
  if (m.status) line += `Status: ${m.status}\t`;
  if (m.errorType) line += `Error Type: ${m.errorType}\t`;
  return line;
}

/** A line the platform writes in the function's own stream, e.g. the timeout message. */
export function platformMessage(format: LogFormat, requestId: string, text: string): string {
  if (format === "JSON")
    return JSON.stringify({ timestamp: iso(), level: "ERROR", requestId, message: text });
  return `${iso()} ${requestId} ${text}`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
