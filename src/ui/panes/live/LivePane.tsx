// The Live view, drawn from its state: a title line (the function, how it is followed, how many
// invocations), a line for what it has to say, a header, then only the rows of the scroll
// window, newest first. Request ids and error types come from log lines we do not control:
// they are made safe (liveColumns.ts) before they are drawn.
import { memo } from "react";
import { Box, Text } from "ink";
import stringWidth from "string-width";
import { fit } from "../../text/fit.js";
import { safeLine } from "../../text/safeText.js";
import { LIVE_GAP, liveColumnsFor, type LiveColumn } from "./liveColumns.js";
import { selectedIndex, type LiveState } from "./liveReducer.js";
import type { InvocationRow } from "../../../core/invocation-rows.js";

export interface LivePaneProps {
  state: LiveState;
  width: number;
  height: number;
  focused: boolean;
}

/** Lines above the rows: the title, the notice or error, and the column header. */
export function liveMessages(s: LiveState): Array<{ text: string; color: string }> {
  const out: Array<{ text: string; color: string }> = [];
  if (s.error)
    out.push({ text: `Following stopped: ${s.error}. Esc closes; Ctrl+L starts again.`, color: "red" });
  if (s.notice) out.push({ text: s.notice, color: "yellow" });
  return out;
}

/** Rows of the list in a pane of `height` lines (for the reducer's scroll window). */
export function liveListRows(s: LiveState, height: number): number {
  return Math.max(1, height - 2 - liveMessages(s).length);
}

function cell(text: string, c: LiveColumn): string {
  const fitted = fit(text, c.width);
  const room = " ".repeat(Math.max(0, c.width - stringWidth(fitted)));
  return c.align === "right" ? room + fitted : fitted + room;
}

const STATUS_COLOR: Record<string, string> = { success: "green", running: "cyan" };

function line(r: InvocationRow, cols: LiveColumn[]): string {
  return cols.map((c) => cell(c.value(r), c)).join(" ".repeat(LIVE_GAP));
}

export const LivePane = memo(function LivePane({ state, width, height, focused }: LivePaneProps) {
  if (width <= 0 || height <= 0) return null;
  const cols = liveColumnsFor(width);
  const messages = liveMessages(state);
  const listRows = Math.max(0, Math.min(state.height, height - 2 - messages.length));
  const how = state.path ?? "connecting…";
  const n = state.rows.length;
  const title = fit(
    safeLine(
      `Live ${state.functionName ?? ""} · ${how} · ${n} invocation${n === 1 ? "" : "s"} since ${new Date(state.since).toLocaleTimeString("en-GB")}`,
    ),
    width,
  );
  const sel = selectedIndex(state);
  const shown = state.rows.slice(state.scroll, state.scroll + listRows);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {title}
      </Text>
      {messages.map((m, i) => (
        <Text key={i} color={m.color} wrap="truncate">
          {fit(safeLine(m.text), width)}
        </Text>
      ))}
      <Text color="gray" wrap="truncate">
        {fit(`  ${cols.map((c) => cell(c.title, c)).join(" ".repeat(LIVE_GAP))}`, width)}
      </Text>
      {n === 0 && listRows > 0 ? (
        <Text color="gray" wrap="truncate">
          {fit("No invocations yet: they show here as the function runs (invoke it from anywhere).", width)}
        </Text>
      ) : null}
      {shown.map((r, i) => {
        const selected = state.scroll + i === sel;
        const text = line(r, cols);
        const color = STATUS_COLOR[r.status] ?? "red";
        return (
          <Text key={r.requestId} inverse={selected && focused} bold={selected && !focused} wrap="truncate">
            {selected ? "› " : "  "}
            <Text color={selected && focused ? undefined : color}>{fit(text, Math.max(0, width - 2))}</Text>
          </Text>
        );
      })}
    </Box>
  );
});
