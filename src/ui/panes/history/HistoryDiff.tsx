// A replay beside its original: what was replayed where, the two answers in a line each
// (status or FunctionError, ExecutedVersion, duration), then the structural diff of the
// responses from src/core/response-diff.ts, scrolled by the reducer. Shown in the history pane,
// so the result pane keeps showing the replay's own response and logs.
import { Box, Text } from "ink";
import type { HistorySummary } from "../../../core/history-record.js";
import { formatDiff } from "../../../core/response-diff.js";
import { fit, safeLine } from "../../picker/safeText.js";
import { functionLabel, statusLabel, type HistoryOverlay } from "./historyReducer.js";
import { timeLabel } from "./HistoryPane.js";

type DiffOverlay = Extract<HistoryOverlay, { kind: "diff" }>;

export interface HistoryDiffProps {
  overlay: DiffOverlay;
  width: number;
  height: number;
}

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

export function HistoryDiff({ overlay, width, height }: HistoryDiffProps) {
  const where = overlay.qualifier ?? "$LATEST";
  const title = `Replay of ${functionLabel(overlay.original)} on ${where}`;
  const lines = diffLines(overlay);
  const rows = Math.max(0, height - 1);
  const scroll = Math.min(overlay.scroll, Math.max(0, lines.length - rows));
  const more = lines.length - scroll - rows;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {fit(safeLine(title), width)}
      </Text>
      {lines.slice(scroll, scroll + rows).map((l, i) => (
        <Text key={scroll + i} color={l.color} wrap="truncate">
          {fit(i === rows - 1 && more > 0 ? `… ${more + 1} more lines (↓)` : safeLine(l.text), width)}
        </Text>
      ))}
    </Box>
  );
}
