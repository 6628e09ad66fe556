// The label row of each view as data: what it holds and where it stands (the response's type
// and size, whether Invoke's tail was cut, how far the CloudWatch search got), and the text a
// view shows when it has no lines. Pure, so every state is testable without rendering.
import { formatBytes } from "../../../core/payload.js";
import type { TailInfo } from "../../../core/tail-mark.js";
import type { InvocationState, LogsStatus } from "./invocationReducer.js";
import { safeLine } from "../../text/safeText.js";
import type { ViewId } from "./resultViewReducer.js";
import type { InvokeResult } from "../../../core/model.js";

export interface ViewLabel {
  title: string;
  /** State and counts after the title. */
  detail: string;
  color?: "green" | "red" | "yellow" | "gray" | "cyan";
}

const num = (n: number) => n.toLocaleString("en-US");
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `elapsedMs`: since the invocation was sent, for the searching state. */
export function logsDetail(
  logs: LogsStatus,
  lines: number,
  elapsedMs = logs.elapsedMs,
): { text: string; color: ViewLabel["color"] } {
  const retry = "R retries";
  switch (logs.phase) {
    case "none":
      return { text: "not looked for", color: "gray" };
    case "live":
      return { text: `live · ${num(lines)} lines so far, while it runs`, color: "cyan" };
    case "searching":
      return { text: `searching… ${secs(elapsedMs)}`, color: "cyan" };
    case "receiving":
      return { text: `receiving · ${num(lines)} lines so far`, color: "cyan" };
    case "complete":
      return { text: `complete (REPORT seen) · ${num(lines)} lines`, color: "green" };
    case "gave-up":
      return { text: `gave up after ${Math.round(logs.elapsedMs / 1000)} s · ${retry}`, color: "yellow" };
    case "failed":
      return { text: safeLine(`failed: ${logs.reason ?? "unknown error"} · ${retry}`), color: "red" };
    case "stopped":
      return { text: `stopped · ${num(lines)} lines · ${retry}`, color: "yellow" };
  }
}

export function viewLabel(
  view: ViewId,
  state: InvocationState,
  counts: { body: number | null; json: boolean; tail: TailInfo; complete: number },
  now = Date.now(),
): ViewLabel {
  const r: InvokeResult | null = state.result;
  switch (view) {
    case "response": {
      if (!r) return { title: "Response", detail: state.phase === "running" ? "waiting" : "" };
      if (r.invocationType === "Event")
        return { title: "Response", detail: "none: an Event invocation only queues" };
      if (r.invocationType === "DryRun") return { title: "Response", detail: "none: a dry run runs nothing" };
      if (state.target?.seenInLogs) return { title: "Response", detail: "unknown: not in the logs" };
      const kind = r.payloadRaw ? "not UTF-8" : counts.json ? "JSON" : "text";
      // Shown decoded, � in place of the bytes that are not UTF-8; s saves them as they came.
      const binary = r.payloadRaw ? " · � marks bytes that are not; s saves them exactly" : "";
      return {
        title: "Response",
        detail: `${kind} · ${formatBytes(r.payloadBytes)} · ${num(counts.body ?? 0)} lines${binary}`,
        color: r.functionError ? "red" : undefined,
      };
    }
    case "tail": {
      const title = "Tail (from Invoke, 4 KB)";
      if (!r || r.invocationType !== "RequestResponse")
        return { title, detail: r ? "none for this type" : "" };
      if (state.target?.seenInLogs) return { title, detail: "none: seen in the logs" };
      const n = counts.tail.lines.length;
      return counts.tail.cut
        ? { title, detail: `cut: its first lines are only in CloudWatch · ${num(n)} lines`, color: "yellow" }
        : { title, detail: `${num(n)} lines · whole` };
    }
    case "complete": {
      // "complete" only once it is: until REPORT is seen the pane is on its way there.
      const title = state.logs.phase === "complete" ? "CloudWatch (complete)" : "CloudWatch";
      if (!r) {
        if (state.logs.phase !== "live") return { title, detail: "" };
        const d = logsDetail(state.logs, counts.complete);
        return { title, detail: d.text, color: d.color };
      }
      if (r.invocationType === "DryRun") return { title, detail: "none: nothing ran" };
      const d = logsDetail(state.logs, counts.complete, Math.max(0, now - r.startedAt));
      return { title, detail: d.text, color: d.color };
    }
  }
}

/** What a view shows when it has no lines. */
export function emptyText(view: ViewId, state: InvocationState): string {
  const r = state.result;
  if (state.phase === "running")
    return view === "complete"
      ? "Waiting for the invocation… its log lines show here as CloudWatch gets them."
      : "Waiting for the invocation…";
  if (!r) return "";
  if (view === "response") {
    if (r.invocationType === "Event")
      return `${r.statusCode}: queued. The function runs on its own; its logs follow.`;
    if (r.invocationType === "DryRun")
      return `${r.statusCode}: the function exists, you may invoke it, and the payload was accepted.`;
    if (state.target?.seenInLogs)
      return "Seen in the function's logs: the payload it was sent and its answer are not in them.";
    return "(empty response)";
  }
  if (view === "tail" && state.target?.seenInLogs)
    return "Seen in the function's logs, not invoked from here: Invoke's tail is not there. The CloudWatch view has every line.";
  if (view === "tail")
    return r.invocationType === "RequestResponse"
      ? "No tail: Invoke returned no X-Amz-Log-Result, so this endpoint does not support LogType Tail."
      : "Only synchronous invocations return a tail.";
  if (r.invocationType === "DryRun") return "A dry run runs nothing, so there are no logs.";
  switch (state.logs.phase) {
    case "searching":
    case "receiving":
      return "Waiting for CloudWatch Logs to deliver this invocation's lines…";
    case "gave-up":
    case "failed":
    case "stopped":
      return safeLine(`${state.logs.reason ?? "No lines found."} Press R to look again.`);
    default:
      return "(no lines)";
  }
}
