// What saving or copying a view takes: the text exactly as it came (the response body as
// sent, the tail as decoded, the complete log's messages a line each), not the screen's
// readable form, so a saved file can be fed to jq or diffed.
import type { InvocationState } from "./invocationReducer.js";
import type { ViewId } from "./resultViewReducer.js";

/** A view's text; the response's exact bytes when they are not UTF-8 (the screen shows U+FFFD). */
export function viewText(view: ViewId, state: InvocationState): string | Uint8Array | null {
  const r = state.result;
  if (!r) return null;
  switch (view) {
    case "response":
      return r.invocationType === "RequestResponse" ? (r.payloadRaw ?? r.payloadText) : null;
    case "tail":
      return r.tail;
    case "complete":
      return state.logs.events.length ? state.logs.events.map((e) => e.message).join("\n") + "\n" : null;
  }
}

/** A file name to suggest: the function, the start of the request id, and what it holds. */
export function suggestedName(view: ViewId, state: InvocationState): string {
  const r = state.result;
  const fn = (r?.functionName ?? "result").replace(/[^A-Za-z0-9._-]+/g, "_");
  const id = (r?.requestId ?? "").slice(0, 8);
  const what =
    view !== "response"
      ? `${view}.log`
      : r?.payloadRaw
        ? "response.bin"
        : r?.payloadJson !== undefined
          ? "response.json"
          : "response.txt";
  return `${fn}${id ? `-${id}` : ""}-${what}`;
}

/** OSC 52 copies at most this much: terminals cap (or drop) bigger sequences. */
export const COPY_LIMIT = 256 * 1024;

/** The OSC 52 sequence that puts `text` on the system clipboard, or why it is not sent. */
export function osc52(
  text: string | Uint8Array,
): { ok: true; sequence: string; bytes: number } | { ok: false; message: string } {
  const data = typeof text === "string" ? Buffer.from(text) : Buffer.from(text);
  const bytes = data.length;
  if (bytes === 0) return { ok: false, message: "Nothing to copy in this view." };
  if (bytes > COPY_LIMIT)
    return {
      ok: false,
      message: `Too big to copy (${Math.round(bytes / 1024)} KB, the limit is ${COPY_LIMIT / 1024} KB): save it with s.`,
    };
  return { ok: true, sequence: `\u001b]52;c;${data.toString("base64")}\u0007`, bytes };
}
