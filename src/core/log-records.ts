// Reading Lambda log lines, Text or JSON format: START / END / REPORT (and their JSON
// platform records), application lines, and the REPORT metrics of an invocation.
import type { ReportMetrics } from "./model.js";
import { parseJson } from "./json-depth.js";

export type LogMark =
  | { kind: "start"; requestId: string; version: string }
  | { kind: "end"; requestId: string }
  | { kind: "report"; requestId: string; metrics: ReportMetrics }
  | { kind: "initStart" }
  | { kind: "app"; requestId: string | null; level: string | null; timestamp: string | null; message: string }
  | { kind: "other" };

const START_RE = /^START RequestId: (\S+)(?: Version: (\S+))?/;
const END_RE = /^END RequestId: (\S+)/;
const REPORT_RE = /^REPORT RequestId: (\S+)/;
const ISO_TIME = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z`;
/** What the Node.js runtime writes for console.log & co: time, request id, level, message. */
const APP_RE = new RegExp(String.raw`^(${ISO_TIME})\t(\S+)\t([A-Z]+)\t(.*)$`, "s");
/** What the platform writes in the function's stream, e.g. "Task timed out after 3.00 seconds". */
const PLATFORM_MESSAGE_RE = new RegExp(String.raw`^(${ISO_TIME}) (\S+) (.*)$`, "s");

function numberField(line: string, pattern: string): number | undefined {
  const m = new RegExp(`${pattern}: (\\d+(?:\\.\\d+)?)`).exec(line);
  return m ? Number(m[1]) : undefined;
}

function textReport(line: string): ReportMetrics {
  const m: ReportMetrics = {
    // "\t" keeps "Billed Duration" and "Init Duration" from matching.
    durationMs: numberField(line, "\\tDuration") ?? 0,
    billedMs: numberField(line, "Billed Duration") ?? 0,
    memoryMb: numberField(line, "Memory Size") ?? 0,
    maxMemoryMb: numberField(line, "Max Memory Used") ?? 0,
  };
  const init = numberField(line, "Init Duration");
  if (init !== undefined) m.initMs = init;
  const status = /\tStatus: (\w+)/.exec(line)?.[1];
  if (status) m.status = status;
  const errorType = /\tError Type: ([\w.]+)/.exec(line)?.[1];
  if (errorType) m.errorType = errorType;
  return m;
}

const OTHER: LogMark = Object.freeze({ kind: "other" });

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function jsonRecord(line: string): Obj | null {
  if (!line.startsWith("{")) return null;
  try {
    const v: unknown = parseJson(line);
    return isObj(v) ? v : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function jsonReport(record: Obj): ReportMetrics {
  const x = isObj(record.metrics) ? record.metrics : {};
  const metrics: ReportMetrics = {
    durationMs: num(x.durationMs) ?? 0,
    billedMs: num(x.billedDurationMs) ?? 0,
    memoryMb: num(x.memorySizeMB) ?? 0,
    maxMemoryMb: num(x.maxMemoryUsedMB) ?? 0,
  };
  const init = num(x.initDurationMs);
  if (init !== undefined) metrics.initMs = init;
  const status = str(record.status);
  if (status && status !== "success") metrics.status = status;
  const errorType = str(record.errorType);
  if (errorType) metrics.errorType = errorType;
  return metrics;
}

function fromJson(r: Obj): LogMark {
  if (typeof r.type === "string" && r.type.startsWith("platform.")) {
    const record = isObj(r.record) ? r.record : {};
    const requestId = str(record.requestId);
    switch (r.type) {
      case "platform.initStart":
        return { kind: "initStart" };
      case "platform.start":
        return requestId ? { kind: "start", requestId, version: str(record.version) ?? "$LATEST" } : OTHER;
      case "platform.runtimeDone":
        return requestId ? { kind: "end", requestId } : OTHER;
      case "platform.report":
        return requestId ? { kind: "report", requestId, metrics: jsonReport(record) } : OTHER;
      default:
        return OTHER;
    }
  }
  if ("level" in r || "message" in r) {
    const message =
      r.message === undefined ? "" : typeof r.message === "string" ? r.message : JSON.stringify(r.message);
    return {
      kind: "app",
      requestId: str(r.requestId),
      level: str(r.level),
      timestamp: str(r.timestamp),
      message,
    };
  }
  return OTHER;
}

/**
 * What one log line (one CloudWatch event message, trailing newline or not) is. Unstructured
 * text, e.g. a partial line or something written straight to stdout, is `other`.
 */
export function parseLogLine(line: string): LogMark {
  const l = line.replace(/\r?\n$/, "");
  const json = jsonRecord(l);
  if (json) return fromJson(json);
  let m = START_RE.exec(l);
  if (m) return { kind: "start", requestId: m[1]!, version: m[2] ?? "$LATEST" };
  if ((m = END_RE.exec(l))) return { kind: "end", requestId: m[1]! };
  if ((m = REPORT_RE.exec(l))) return { kind: "report", requestId: m[1]!, metrics: textReport(l) };
  if (l.startsWith("INIT_START ")) return { kind: "initStart" };
  if ((m = APP_RE.exec(l))) {
    return {
      kind: "app",
      timestamp: m[1]!,
      // The runtime writes "undefined" for lines logged outside an invocation (during init).
      requestId: m[2] === "undefined" ? null : m[2]!,
      level: m[3]!,
      message: m[4]!,
    };
  }
  if ((m = PLATFORM_MESSAGE_RE.exec(l))) {
    return { kind: "app", timestamp: m[1]!, requestId: m[2]!, level: null, message: m[3]! };
  }
  return OTHER;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * The last REPORT in a block of log text, such as Invoke's 4 KB log tail. The tail may begin
 * in the middle of a line; such a fragment never passes for a record.
 */
export function parseReport(text: string): { requestId: string; metrics: ReportMetrics } | null {
  const all = lines(text);
  for (let i = all.length - 1; i >= 0; i--) {
    const mark = parseLogLine(all[i]!);
    if (mark.kind === "report") return { requestId: mark.requestId, metrics: mark.metrics };
  }
  return null;
}

/** The request id of a log tail: from its last REPORT, else its last START, else null. */
export function requestIdFromTail(tail: string): string | null {
  const report = parseReport(tail);
  if (report) return report.requestId;
  const all = lines(tail);
  for (let i = all.length - 1; i >= 0; i--) {
    const mark = parseLogLine(all[i]!);
    if (mark.kind === "start") return mark.requestId;
  }
  return null;
}

/** Whether `line` is the START (Text) or platform.start (JSON) of `requestId`. */
export function isStartOf(line: string, requestId: string): boolean {
  if (!line.includes(requestId)) return false;
  const mark = parseLogLine(line);
  return mark.kind === "start" && mark.requestId === requestId;
}

/** Whether `line` is the REPORT (Text) or platform.report (JSON) of `requestId`. */
export function isReportOf(line: string, requestId: string): boolean {
  if (!line.includes(requestId)) return false;
  const mark = parseLogLine(line);
  return mark.kind === "report" && mark.requestId === requestId;
}

/**
 * Whether Invoke's log tail shows a cold start: an INIT_START (Text) or platform.initStart
 * (JSON) line, or a REPORT with an Init Duration. A failed init has no Init Duration, so the
 * INIT_START line is the only sign of it.
 */
export function tailShowsColdStart(tail: string | null | undefined): boolean {
  if (!tail) return false;
  if (
    !tail.includes("INIT_START") &&
    !tail.includes("platform.initStart") &&
    !/Init Duration|initDurationMs/.test(tail)
  )
    return false;
  return lines(tail).some((l) => {
    const mark = parseLogLine(l);
    return mark.kind === "initStart" || (mark.kind === "report" && mark.metrics.initMs !== undefined);
  });
}

/** Whether `line` opens an execution environment's init phase (INIT_START / platform.initStart). */
export function isInitStart(line: string): boolean {
  return parseLogLine(line).kind === "initStart";
}
