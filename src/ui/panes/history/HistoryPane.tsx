// The history pane, drawn from its state: a title line with the count and the filter, a line
// for each problem (damaged records, a file that cannot be written), then only the entries of
// the scroll window: a 100,000-entry history draws as fast as a short one. Everything shown
// comes from records, which hold text from functions we do not control: it is made safe first.
import { memo } from "react";
import { Highlighted } from "../../text/Highlighted.js";
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { HistorySummary } from "../../../core/history-record.js";
import { fit, fitSegments, highlightSegments, type Segment } from "../../text/fit.js";
import { safeLine } from "../../text/safeText.js";
import { functionLabel, rowAt, shownCount, statusLabel, type HistoryState } from "./historyReducer.js";
import { labelHits } from "./historyFilter.js";
import { HistoryDiff } from "./HistoryDiff.js";
import { timeLabel } from "../../text/timeLabel.js";
import { QualifierChooser } from "./QualifierChooser.js";

export interface HistoryPaneProps {
  state: HistoryState;
  width: number;
  height: number;
  focused: boolean;
}

/** Lines above the list: the title and one per problem to report. */
export function historyMessages(s: HistoryState): Array<{ text: string; color: string }> {
  const out: Array<{ text: string; color: string }> = [];
  if (s.loadError) out.push({ text: s.loadError, color: "red" });
  if (s.writeError) out.push({ text: s.writeError, color: "red" });
  if (s.damaged) out.push({ text: s.damaged, color: "yellow" });
  if (s.notice) out.push({ text: s.notice, color: "yellow" });
  return out;
}

/** Rows of the list in a pane of `height` lines (for the reducer's scroll window). */
export function historyListRows(s: HistoryState, height: number): number {
  return Math.max(1, height - 1 - historyMessages(s).length);
}

const TYPES: Record<HistorySummary["invocationType"], string> = {
  RequestResponse: "sync",
  Event: "event",
  DryRun: "dry-run",
};

const duration = (r: HistorySummary) =>
  r.durationMs === null ? "-" : `${r.durationMs.toFixed(r.durationMs < 10 ? 2 : 0)} ms`;
const version = (r: HistorySummary) => (r.executedVersion === null ? "-" : safeLine(r.executedVersion));

interface Column {
  id: "time" | "type" | "status" | "duration" | "version";
  width: number;
  align: "left" | "right";
  value: (r: HistorySummary) => string;
}

const COLUMNS: Column[] = [
  { id: "type", width: 7, align: "left", value: (r) => TYPES[r.invocationType] },
  { id: "status", width: 11, align: "left", value: (r) => safeLine(statusLabel(r)) },
  { id: "duration", width: 9, align: "right", value: duration },
  { id: "version", width: 8, align: "left", value: version },
];
const TIME = 14;
const GAP = 2;
/** Dropped first to last as the pane narrows, so the function keeps room to be read. */
const DROP_ORDER: Column["id"][] = ["type", "version", "duration", "time"];
const WANT_NAME = 24;
/** Wider names are cut: the columns stay near the names they describe. */
const MAX_NAME = 48;

function cell(text: string, width: number, align: "left" | "right"): string {
  const fitted = fit(text, width);
  const room = " ".repeat(Math.max(0, width - stringWidth(fitted)));
  return align === "right" ? room + fitted : fitted + room;
}

function columnsFor(width: number): { time: boolean; columns: Column[]; name: number } {
  let time = true;
  let columns = COLUMNS;
  const room = () => width - 2 - (time ? TIME + GAP : 0) - columns.reduce((n, c) => n + c.width + GAP, 0);
  for (const id of DROP_ORDER) {
    if (room() >= WANT_NAME) break;
    if (id === "time") time = false;
    else columns = columns.filter((c) => c.id !== id);
  }
  return { time, columns, name: Math.max(1, Math.min(MAX_NAME, room())) };
}

/** The function column, the letters the filter matched in yellow. */
function nameSegments(r: HistorySummary, query: string): Segment[] {
  return highlightSegments(functionLabel(r), query ? labelHits(r, query) : []);
}

function Title({ state, width }: { state: HistoryState; width: number }) {
  // "+": older entries are still in the file, read as the list is scrolled or filtered.
  const total = `${state.rows.length}${state.more ? "+" : ""}`;
  const count = state.matches ? `${state.matches.length}/${total}` : `${total}`;
  const head = fit(`History ${count}${state.status === "loading" ? " · loading history…" : ""}`, width);
  const rest = width - stringWidth(head);
  const query = state.query || state.filtering ? `/${safeLine(state.query)}` : "/ filter";
  return (
    <Text wrap="truncate">
      <Text bold>{head}</Text>
      {rest >= 3 ? (
        <Text color={state.query || state.filtering ? "cyan" : "gray"}>{` ${fit(query, rest - 2)}`}</Text>
      ) : null}
      {state.filtering && rest >= 3 ? <Text inverse> </Text> : null}
    </Text>
  );
}

function emptyText(s: HistoryState): string {
  if (s.rows.length === 0)
    return s.status === "loading"
      ? "loading history…"
      : s.status === "failed"
        ? "The history could not be read; new invocations are still recorded."
        : "No invocations yet: Ctrl+S in the editor invokes, and every invocation is kept here.";
  return `no entry matches “${safeLine(s.query)}”`;
}

export const HistoryPane = memo(function HistoryPane({ state, width, height, focused }: HistoryPaneProps) {
  if (width <= 0 || height <= 0) return null;
  if (state.overlay?.kind === "diff")
    return <HistoryDiff overlay={state.overlay} width={width} height={height} />;
  if (state.overlay?.kind === "choose")
    return <QualifierChooser overlay={state.overlay} width={width} height={height} />;
  const messages = historyMessages(state);
  const listRows = Math.max(0, Math.min(state.height, height - 1 - messages.length));
  const layout = columnsFor(width);
  const rows = [];
  for (let p = state.scroll; p < Math.min(shownCount(state), state.scroll + listRows); p++) {
    const r = rowAt(state, p);
    if (r) rows.push({ p, r });
  }
  return (
    <Box flexDirection="column" width={width}>
      <Title state={state} width={width} />
      {messages.map((m, i) => (
        <Text key={i} color={m.color} wrap="truncate">
          {fit(safeLine(m.text), width)}
        </Text>
      ))}
      {rows.length === 0 && listRows > 0 ? (
        <Text color="gray" wrap="truncate">
          {fit(emptyText(state), width)}
        </Text>
      ) : null}
      {rows.map(({ p, r }) => {
        const selected = p === state.selected;
        const name = fitSegments(
          [...(r.replayOf ? [{ text: "↻ ", hit: false }] : []), ...nameSegments(r, state.query)],
          layout.name,
          true,
        );
        const cols = layout.columns.map((c) => " ".repeat(GAP) + cell(c.value(r), c.width, c.align)).join("");
        return (
          <Text key={r.id} inverse={selected && focused} bold={selected && !focused} wrap="truncate">
            {selected ? "› " : "  "}
            {layout.time ? `${timeLabel(r.at)}  ` : ""}
            <Highlighted segments={name} />
            {cols}
          </Text>
        );
      })}
    </Box>
  );
});
