// The body Lambda returns when a function fails: {"errorType","errorMessage","trace"}.

export interface FunctionErrorInfo {
  errorType: string;
  errorMessage: string;
  trace: string[];
}

export function parseErrorPayload(text: string): FunctionErrorInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.errorMessage !== "string" && typeof v.errorType !== "string") return null;
  const rawTrace = Array.isArray(v.trace) ? v.trace : Array.isArray(v.stackTrace) ? v.stackTrace : [];
  return {
    errorType: typeof v.errorType === "string" ? v.errorType : "Error",
    errorMessage: typeof v.errorMessage === "string" ? v.errorMessage : "",
    trace: rawTrace.map((l) => (typeof l === "string" ? l : JSON.stringify(l))),
  };
}
