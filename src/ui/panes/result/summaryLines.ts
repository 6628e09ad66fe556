// The top of the result pane as data: what the invocation is doing or what it answered
// (status, ExecutedVersion, REPORT metrics, request id, round trip) and a failed function's
// error with a readable stack. Pure, so every state can be tested without rendering.
import { formatBytes } from "../../../core/payload.js";
import type { InvocationState } from "./invocationReducer.js";
import { safeLine } from "../../text/safeText.js";
import { wrapParts, wrapWords } from "../../text/wrapParts.js";
import type { InvokeResult } from "../../../core/model.js";
import { agoLabel, timeLabel } from "../../text/timeLabel.js";

export interface SummaryLine {
  text: string;
  /** The pieces `text` joins, which wrapping keeps whole. */
  parts?: string[];
  color?: "green" | "red" | "yellow" | "gray" | "cyan";
  bold?: boolean;
}

const SEP = " · ";
const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
/** No spinner for calls that answer at once: it would only flicker. */
export const SPINNER_AFTER_MS = 100;

export function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

function targetName(state: InvocationState): string {
  const t = state.target;
  return t ? `${t.functionName}${t.qualifier ? `:${t.qualifier}` : ""}` : "";
}

function version(v: string | null): string | null {
  if (!v) return null;
  return v === "$LATEST" ? "$LATEST" : `version ${safeLine(v)}`;
}

function resultLines(r: InvokeResult, stackRows: number): SummaryLine[] {
  const out: SummaryLine[] = [];
  const ok = !r.functionError && r.statusCode < 300;
  if (r.invocationType === "Event") {
    out.push({ text: `${r.statusCode} Accepted · queued to run asynchronously`, color: "green", bold: true });
  } else if (r.invocationType === "DryRun") {
    out.push({ text: `${r.statusCode} · dry run passed`, color: "green", bold: true });
    out.push({
      text: "The function exists, you may invoke it, and the payload was accepted. Nothing ran.",
      color: "gray",
    });
  } else {
    // What a narrow pane must still show comes first: it wraps, and the last rows go first.
    const parts = [`${r.statusCode}`];
    const v = version(r.executedVersion);
    if (v) parts.push(`ExecutedVersion ${v}`);
    if (r.report) parts.push(`${ms(r.report.durationMs)} (billed ${r.report.billedMs} ms)`);
    if (r.functionError) parts.push(safeLine(`FunctionError: ${r.functionError}`));
    if (r.report) {
      parts.push(`${r.report.maxMemoryMb}/${r.report.memoryMb} MB`);
      if (r.report.initMs !== undefined) parts.push(`cold start, init ${ms(r.report.initMs)}`);
      if (r.report.status) parts.push(`status ${r.report.status}`);
    }
    out.push({ text: parts.join(SEP), parts, color: ok ? "green" : "red", bold: true });
  }
  const e = r.functionError ? r.error : null;
  if (e)
    out.push({
      text: safeLine(`${e.errorType}: ${e.errorMessage.split("\n")[0]}`),
      color: "red",
      bold: true,
    });
  const ids = [`RequestId ${r.requestId ?? "unknown"}`, `round trip ${ms(r.clientMs)}`];
  if (r.invocationType === "RequestResponse") ids.push(`response ${formatBytes(r.payloadBytes)}`);
  const safeIds = ids.map(safeLine);
  out.push({ text: safeIds.join(SEP), parts: safeIds, color: "gray" });
  if (e) {
    // The first trace line repeats the message; the frames follow.
    const frames = e.trace.slice(1).map((l) => `  ${l.trim()}`);
    for (const f of frames.slice(0, stackRows)) out.push({ text: safeLine(f), color: "red" });
    if (frames.length > stackRows)
      out.push({ text: `  … ${frames.length - stackRows} more frames`, color: "gray" });
  }
  return out;
}

/**
 * An invocation seen in the function's logs (the Live view): only what its lines say. Its
 * payload and answer never reach CloudWatch, which the pane says rather than showing a status
 * code it does not know.
 */
function seenLines(r: InvokeResult): SummaryLine[] {
  const m = r.report;
  const status = !m ? "running" : (m.status ?? (r.functionError ? "error" : "success"));
  const parts = [`Seen in the logs · ${status}`];
  if (m) parts.push(`${ms(m.durationMs)}`, `${m.maxMemoryMb}/${m.memoryMb} MB`);
  if (m?.initMs !== undefined) parts.push(`cold start, init ${ms(m.initMs)}`);
  if (m?.errorType) parts.push(safeLine(m.errorType));
  const ok = status === "success" || status === "running";
  return [
    { text: parts.join(SEP), parts, color: ok ? (m ? "green" : "cyan") : "red", bold: true },
    { text: safeLine(`RequestId ${r.requestId ?? "unknown"}`), color: "gray" },
    {
      text: "Its payload and answer are not in the logs. r in Live invokes it again with the current draft.",
      color: "gray",
    },
  ];
}

/**
 * Which history entry a result shown again is: at 80 and 120 columns the pane that names it
 * (the recorded payload) is folded while the result is in front, and the result alone looks
 * like one just invoked.
 */
/** `Recorded · name · time · ago` for an entry shown again; `Replay · name · original …` for a replay. */
function recordedLine(label: "Recorded" | "Replay", name: string, at: string, now: number): SummaryLine {
  const parts = [label, name, label === "Replay" ? `original ${timeLabel(at)}` : timeLabel(at)];
  const ago = agoLabel(at, now);
  if (ago) parts.push(ago);
  return { text: parts.join(SEP), parts, color: "cyan" };
}

/** `lines` as the rows they take at `width` columns: parts kept whole, words where they can be. */
export function summaryRows(lines: readonly SummaryLine[], width: number): SummaryLine[] {
  const out: SummaryLine[] = [];
  for (const l of lines) {
    const rows = l.parts ? wrapParts(l.parts, width, SEP) : wrapWords(l.text, width);
    for (const text of rows) out.push({ text, color: l.color, bold: l.bold });
  }
  return out;
}

/** The summary rows for `state` at time `now`; `stackRows` bounds a failed function's stack. */
export function summaryLines(state: InvocationState, now: number, stackRows = 6): SummaryLine[] {
  const name = safeLine(targetName(state));
  switch (state.phase) {
    case "idle":
      return [
        { text: "Choose a function, write its payload, and press Ctrl+S to invoke it.", color: "gray" },
      ];
    case "running": {
      const elapsed = now - (state.startedAt ?? now);
      const type = state.target?.invocationType ?? "RequestResponse";
      if (elapsed < SPINNER_AFTER_MS) return [{ text: `Invoking ${name} (${type})…` }];
      const frame = SPINNER[Math.floor(elapsed / 80) % SPINNER.length]!;
      return [
        { text: `${frame} Invoking ${name} (${type}) · ${ms(elapsed)}`, color: "cyan", bold: true },
        { text: "Esc stops waiting (the function keeps running in Lambda).", color: "gray" },
      ];
    }
    case "failed":
      return [
        { text: safeLine(`✗ ${name} was not invoked: ${state.message ?? "unknown error"}`), color: "red" },
      ];
    case "stopped":
      return [{ text: safeLine(`${name}: ${state.message ?? "stopped"}`), color: "yellow" }];
    case "done": {
      if (!state.result) return [];
      if (state.target?.seenInLogs) return seenLines(state.result);
      const lines = resultLines(state.result, stackRows);
      const t = state.target;
      const line = t?.recordedAt
        ? recordedLine("Recorded", name, t.recordedAt, now)
        : t?.replayOf
          ? recordedLine("Replay", name, t.replayOf, now)
          : null;
      // After the status line, which the layout keeps on the smallest screen.
      return line ? [...lines.slice(0, 1), line, ...lines.slice(1)] : lines;
    }
  }
}
