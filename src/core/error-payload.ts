// The body Lambda returns when a function fails: {"errorType","errorMessage","trace"}.
// Node.js runtimes write `trace`; Python, Java and others write `stackTrace`. Platform errors
// (Sandbox.Timedout, Runtime.ExitError) carry only errorType and errorMessage.
import { parseJson } from "./json-depth.js";

export interface FunctionErrorInfo {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

function text(v: unknown): string {
  return typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
}

/** The error in a failed invocation's payload, or null when the payload is not such an object. */
export function parseErrorPayload(payload: string): FunctionErrorInfo | null {
  let value: unknown;
  try {
    value = parseJson(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const hasType = typeof v.errorType === "string" && v.errorType !== "";
  if (!hasType && !("errorMessage" in v)) return null;
  const fromNode = Array.isArray(v.trace);
  const rawTrace = fromNode ? (v.trace as unknown[]) : Array.isArray(v.stackTrace) ? v.stackTrace : [];
  const errorType = hasType ? (v.errorType as string) : "Error";
  const errorMessage = v.errorMessage === undefined || v.errorMessage === null ? "" : text(v.errorMessage);
  // Older Python runtimes give frames as [file, line, function, code] arrays; newer ones as
  // traceback.format_list strings, `  File "…", line N, in fn\n    code\n`: a line each here.
  const frames = rawTrace.flatMap((frame: unknown) =>
    Array.isArray(frame)
      ? [frame.map(text).join(" ")]
      : text(frame)
          .split("\n")
          .filter((line) => line.trim() !== ""),
  );
  return {
    errorType,
    errorMessage,
    // Node's `trace` starts with the "Type: message" line; `stackTrace` holds frames alone,
    // so the same line is put first, and readers take the frames as everything after it.
    trace: fromNode || frames.length === 0 ? frames : [`${errorType}: ${errorMessage}`, ...frames],
  };
}
