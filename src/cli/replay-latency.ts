// replay's latency comparison: per function, the p50 and p95 of the durations compared (the
// recording's and the replay's, or with --against the two targets'), from each invocation's
// REPORT line. Shown always; it only counts with --max-slowdown, as a gate: durations vary
// from run to run, and a rule on them is the user's to set.
import type { ReplayResult } from "./replay-table.js";
import { compared } from "./replay-table.js";
import { EXIT, UserError } from "./exit-codes.js";
import { escapeControl, ms } from "./text.js";

export interface Percentiles {
  p50: number;
  p95: number;
}

export interface FunctionLatency {
  function: string;
  /** Entries with a duration on both sides. */
  count: number;
  before: Percentiles;
  after: Percentiles;
  /** Slower than --max-slowdown allows, at p50 or p95; false without --max-slowdown. */
  slower: boolean;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function percentiles(values: number[]): Percentiles {
  const sorted = values.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** --max-slowdown's value: a percentage, `20%` or `20`. */
export function maxSlowdownOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  if (!m)
    throw new UserError(
      `--max-slowdown takes a percentage, e.g. --max-slowdown 20% (slower by a fifth fails) (got "${value}")`,
      EXIT.usage,
    );
  return Number(m[1]);
}

/** Per function, in the order they first appear; functions without durations are left out. */
export function latencyByFunction(results: readonly ReplayResult[], maxSlowdown?: number): FunctionLatency[] {
  const byFn = new Map<string, { before: number[]; after: number[] }>();
  for (const r of results) {
    const { before, after } = compared(r);
    const b = before?.report?.durationMs;
    const a = after?.report?.durationMs;
    if (typeof b !== "number" || typeof a !== "number") continue;
    const name = r.original.function.name;
    const d = byFn.get(name) ?? { before: [], after: [] };
    d.before.push(b);
    d.after.push(a);
    byFn.set(name, d);
  }
  return [...byFn].map(([name, d]) => {
    const before = percentiles(d.before);
    const after = percentiles(d.after);
    const limit = maxSlowdown === undefined ? null : 1 + maxSlowdown / 100;
    const slower = limit !== null && (after.p50 > before.p50 * limit || after.p95 > before.p95 * limit);
    return { function: name, count: d.before.length, before, after, slower };
  });
}

const change = (b: number, a: number) =>
  b > 0 ? `${a >= b ? "+" : ""}${Math.round((a / b - 1) * 100)}%` : "";

/** A small table: function, entries, p50 and p95 before → after, and the verdict. */
export function formatLatency(rows: readonly FunctionLatency[], maxSlowdown?: number): string[] {
  if (rows.length === 0) return [];
  const cells = rows.map((l) => [
    escapeControl(l.function),
    String(l.count),
    `${ms(l.before.p50)} → ${ms(l.after.p50)} ${change(l.before.p50, l.after.p50)}`.trimEnd(),
    `${ms(l.before.p95)} → ${ms(l.after.p95)} ${change(l.before.p95, l.after.p95)}`.trimEnd(),
    maxSlowdown === undefined ? "" : l.slower ? `SLOWER (over ${maxSlowdown}%)` : "ok",
  ]);
  const head = ["LATENCY", "N", "P50", "P95", maxSlowdown === undefined ? "" : "RESULT"];
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const fmt = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  return [fmt(head), ...cells.map(fmt)];
}
