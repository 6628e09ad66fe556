// The Live view's row as text: its columns, which of them fit the pane's width (the least
// needed go first as it narrows), and each cell's words. Pure, so the widths are tested.
import type { InvocationRow } from "../../../core/invocation-rows.js";
import { safeLine } from "../../text/safeText.js";

export type LiveColumnId = "time" | "status" | "duration" | "cold" | "memory" | "request" | "error";

export interface LiveColumn {
  id: LiveColumnId;
  title: string;
  width: number;
  align: "left" | "right";
  value: (r: InvocationRow) => string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
/** Local time of day: a Live view spans minutes, not days. */
export function clock(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

const duration = (r: InvocationRow) =>
  r.durationMs === null ? "" : `${r.durationMs.toFixed(r.durationMs < 10 ? 2 : 0)} ms`;
const memory = (r: InvocationRow) =>
  r.maxMemoryMb === null ? "" : `${r.maxMemoryMb}/${r.memoryMb ?? "?"} MB`;

export const LIVE_COLUMNS: readonly LiveColumn[] = [
  { id: "time", title: "time", width: 8, align: "left", value: (r) => clock(r.startedAt) },
  { id: "status", title: "status", width: 8, align: "left", value: (r) => safeLine(r.status) },
  { id: "duration", title: "duration", width: 9, align: "right", value: duration },
  { id: "cold", title: "cold", width: 4, align: "left", value: (r) => (r.coldStart ? "cold" : "") },
  { id: "memory", title: "memory", width: 11, align: "right", value: memory },
  { id: "request", title: "request id", width: 36, align: "left", value: (r) => safeLine(r.requestId) },
  // Takes what is left of the width.
  { id: "error", title: "error", width: 0, align: "left", value: (r) => safeLine(r.errorType ?? "") },
];

export const LIVE_GAP = 2;
/** The error column needs this much to be worth showing. */
const ERROR_MIN = 12;
/** Dropped first to last as the pane narrows. */
const DROP_ORDER: LiveColumnId[] = ["request", "memory", "cold", "duration"];

/** The columns shown at `width` (the error column's width filled in), and the request id cut to 8. */
export function liveColumnsFor(width: number): LiveColumn[] {
  let cols = LIVE_COLUMNS.filter((c) => c.id !== "error");
  const used = () => 2 + cols.reduce((n, c) => n + c.width + LIVE_GAP, 0);
  for (const id of DROP_ORDER) {
    if (width - used() >= ERROR_MIN) break;
    // A short request id still tells invocations apart; the whole one only where it fits.
    if (id === "request" && cols.some((c) => c.id === "request" && c.width > 8)) {
      cols = cols.map((c) =>
        c.id === "request"
          ? { ...c, title: "req id", width: 8, value: (r) => safeLine(r.requestId.slice(0, 8)) }
          : c,
      );
      if (width - used() >= ERROR_MIN) break;
    }
    cols = cols.filter((c) => c.id !== id);
  }
  const error = LIVE_COLUMNS.find((c) => c.id === "error")!;
  return [...cols, { ...error, width: Math.max(0, width - used()) }];
}
