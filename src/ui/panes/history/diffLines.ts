// The lines of a replay's diff view: both answers, then the changes from
// src/core/response-diff.ts. Pure, for the view and for the reducer's scroll limit.
import type { HistorySummary } from "../../../core/history-record.js";
import { formatDiff } from "../../../core/response-diff.js";
import { statusLabel } from "./historyFilter.js";
import type { HistoryOverlay } from "./historyReducer.js";
import { timeLabel } from "../../text/timeLabel.js";

export type DiffOverlay = Extract<HistoryOverlay, { kind: "diff" }>;

function answer(r: HistorySummary): string {
  const ms = r.durationMs === null ? "-" : `${r.durationMs.toFixed(r.durationMs < 10 ? 2 : 0)} ms`;
  return `${statusLabel(r)} · version ${r.executedVersion ?? "-"} · ${ms}`;
}

/** The lines below the title, for the view and its scroll window. */
export function diffLines(o: DiffOverlay): Array<{ text: string; color?: string }> {
  const out: Array<{ text: string; color?: string }> = [];
  out.push({ text: `original  ${timeLabel(o.original.at)}  ${answer(o.original)}` });
  if (o.message) {
    out.push({ text: `replay    ${o.message}`, color: "red" });
    return out;
  }
  if (!o.replay || !o.diff) {
    out.push({ text: "replay    invoking…", color: "gray" });
    return out;
  }
  out.push({ text: `replay    ${timeLabel(o.replay.at)}  ${answer(o.replay)}` });
  out.push(
    o.diff.same
      ? { text: "Same answer: response, status and FunctionError match.", color: "green" }
      : { text: "The answers differ:", color: "yellow" },
  );
  for (const line of formatDiff(o.diff, { duration: true, maxChanges: 200 })) out.push({ text: `  ${line}` });
  return out;
}
