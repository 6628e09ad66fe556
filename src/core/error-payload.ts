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
  const rawTrace = Array.isArray(v.trace) ? v.trace : Array.isArray(v.stackTrace) ? v.stackTrace : [];
  return {
    errorType: hasType ? (v.errorType as string) : "Error",
    errorMessage: v.errorMessage === undefined || v.errorMessage === null ? "" : text(v.errorMessage),
    // Older Python runtimes give frames as [file, line, function, code] arrays.
    trace: rawTrace.map((frame: unknown) => (Array.isArray(frame) ? frame.map(text).join(" ") : text(frame))),
  };
}
