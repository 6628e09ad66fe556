// Reading Lambda log lines, Text or JSON format: START / END / REPORT (and their JSON
// platform records), application lines, and the REPORT metrics of an invocation.

export interface ReportMetrics {
  durationMs: number;
  billedMs: number;
  memoryMb: number;
  maxMemoryMb: number;
  initMs?: number;
  status?: string;
  errorType?: string;
}

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
const APP_RE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\t(\S+)\t([A-Z]+)\t(.*)$/s;

function field(line: string, name: string): number | undefined {
  const m = new RegExp(`${name}: ([\\d.]+)`).exec(line);
  return m ? Number(m[1]) : undefined;
}

function textReport(line: string): ReportMetrics {
  const m: ReportMetrics = {
    durationMs: field(line, "\\tDuration") ?? 0,
    billedMs: field(line, "Billed Duration") ?? 0,
    memoryMb: field(line, "Memory Size") ?? 0,
    maxMemoryMb: field(line, "Max Memory Used") ?? 0,
  };
  const init = field(line, "Init Duration");
  if (init !== undefined) m.initMs = init;
  const status = /\tStatus: (\w+)/.exec(line)?.[1];
  if (status) m.status = status;
  const errorType = /\tError Type: ([\w.]+)/.exec(line)?.[1];
  if (errorType) m.errorType = errorType;
  return m;
}

function jsonRecord(line: string): Record<string, unknown> | null {
  if (!line.startsWith("{")) return null;
  try {
    const v = JSON.parse(line) as unknown;
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function fromJson(r: Record<string, unknown>): LogMark {
  const record = (typeof r.record === "object" && r.record !== null ? r.record : {}) as Record<
    string,
    unknown
  >;
  const requestId = typeof record.requestId === "string" ? record.requestId : "";
  switch (r.type) {
    case "platform.start":
      return {
        kind: "start",
        requestId,
        version: typeof record.version === "string" ? record.version : "$LATEST",
      };
    case "platform.runtimeDone":
      return { kind: "end", requestId };
    case "platform.report": {
      const x = (record.metrics ?? {}) as Record<string, number | undefined>;
      const metrics: ReportMetrics = {
        durationMs: x.durationMs ?? 0,
        billedMs: x.billedDurationMs ?? 0,
        memoryMb: x.memorySizeMB ?? 0,
        maxMemoryMb: x.maxMemoryUsedMB ?? 0,
      };
      if (typeof x.initDurationMs === "number") metrics.initMs = x.initDurationMs;
      if (typeof record.status === "string" && record.status !== "success") metrics.status = record.status;
      if (typeof record.errorType === "string") metrics.errorType = record.errorType;
      return { kind: "report", requestId, metrics };
    }
    case "platform.initStart":
      return { kind: "initStart" };
  }
  if ("level" in r || "message" in r) {
    const message = typeof r.message === "string" ? r.message : JSON.stringify(r.message ?? "");
    return {
      kind: "app",
      requestId: typeof r.requestId === "string" && r.requestId !== "" ? r.requestId : null,
      level: typeof r.level === "string" ? r.level : null,
      timestamp: typeof r.timestamp === "string" ? r.timestamp : null,
      message,
    };
  }
  return { kind: "other" };
}

export function parseLogLine(line: string): LogMark {
  const json = jsonRecord(line);
  if (json) return fromJson(json);
  let m = START_RE.exec(line);
  if (m) return { kind: "start", requestId: m[1]!, version: m[2] ?? "$LATEST" };
  if ((m = END_RE.exec(line))) return { kind: "end", requestId: m[1]! };
  if ((m = REPORT_RE.exec(line))) return { kind: "report", requestId: m[1]!, metrics: textReport(line) };
  if (line.startsWith("INIT_START ")) return { kind: "initStart" };
  if ((m = APP_RE.exec(line))) {
    return {
      kind: "app",
      timestamp: m[1]!,
      requestId: m[2] === "undefined" ? null : m[2]!,
      level: m[3]!,
      message: m[4]!,
    };
  }
  return { kind: "other" };
}

/** The last REPORT in a block of log text, such as Invoke's 4 KB tail. */
export function parseReport(text: string): { requestId: string; metrics: ReportMetrics } | null {
  const lines = text.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const mark = parseLogLine(lines[i]!);
    if (mark.kind === "report") return { requestId: mark.requestId, metrics: mark.metrics };
  }
  return null;
}

export function requestIdFromTail(tail: string): string | null {
  const report = parseReport(tail);
  if (report?.requestId) return report.requestId;
  for (const line of tail.split("\n")) {
    const mark = parseLogLine(line);
    if (mark.kind === "start" && mark.requestId) return mark.requestId;
  }
  return null;
}

export function isStartOf(line: string, requestId: string): boolean {
  if (!line.includes(requestId)) return false;
  const mark = parseLogLine(line);
  return mark.kind === "start" && mark.requestId === requestId;
}

export function isReportOf(line: string, requestId: string): boolean {
  if (!line.includes(requestId)) return false;
  const mark = parseLogLine(line);
  return mark.kind === "report" && mark.requestId === requestId;
}
