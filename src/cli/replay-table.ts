// What `replay` prints: a row per replayed entry (status, version, duration, same or not) with
// the differences under the rows that differ, a summary line, and the --json shape.
import { formatDiff, type ResponseDiff } from "../core/response-diff.js";
import type { HistoryRecord } from "../core/history-record.js";
import { escapeControl, ms } from "./text.js";

export interface ReplayResult {
  original: HistoryRecord;
  /** The qualifier it was replayed on (the recorded one unless --qualifier). */
  qualifier: string | null;
  replay: HistoryRecord | null;
  diff: ResponseDiff | null;
  /** Why it could not be replayed (not found, throttled, unreachable). */
  error: string | null;
  /**
   * With --against: the other target (its qualifier, or where it is) and its answer. `diff` then compares `replay` (before)
   * with this one (after), not with the recording.
   */
  against?: { target: string; replay: HistoryRecord | null } | null;
  /** Retries after a 429 (TooManyRequestsException) before it ran or gave up. */
  throttled?: number;
}

/** What was compared: the recording and the replay, or with --against the two replays. */
export function compared(r: ReplayResult): { before: HistoryRecord | null; after: HistoryRecord | null } {
  return r.against ? { before: r.replay, after: r.against.replay } : { before: r.original, after: r.replay };
}

/** `fn:q`, or with --against `fn:q vs q2`. */
export function targetName(r: ReplayResult): string {
  const fn = r.original.function.name;
  if (r.against) return `${fn}:${r.qualifier ?? "$LATEST"} vs ${r.against.target}`;
  return `${fn}${r.qualifier ? `:${r.qualifier}` : ""}`;
}

export interface ReplaySummary {
  replayed: number;
  same: number;
  different: number;
  errors: number;
  /** Throttled retries over every entry: how hard the run pushed the function's concurrency. */
  throttled: number;
}

export function summarizeResults(results: readonly ReplayResult[]): ReplaySummary {
  const same = results.filter((r) => r.diff?.same === true).length;
  const errors = results.filter((r) => r.error !== null).length;
  const throttled = results.reduce((n, r) => n + (r.throttled ?? 0), 0);
  return { replayed: results.length, same, different: results.length - same - errors, errors, throttled };
}

const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
const orDash = (v: string | number | null | undefined) => (v === null || v === undefined ? "-" : String(v));
const duration = (n: number | null | undefined) => (n === null || n === undefined ? "-" : ms(n));

function verdict(r: ReplayResult): string {
  if (r.error !== null) return "ERROR";
  return r.diff!.same ? "same" : "DIFFERS";
}

/** The table and the differences, one string per line. */
export function formatReplayTable(results: readonly ReplayResult[]): string[] {
  const rows = results.map((r, i) => {
    const o = r.original;
    const target = targetName(r);
    const q = o.qualifier === r.qualifier ? target : `${target} (was ${o.qualifier ?? "$LATEST"})`;
    const { before, after } = compared(r);
    return [
      String(i + 1),
      o.at.slice(0, 19).replace("T", " "),
      escapeControl(q),
      arrow(orDash(before?.response.statusCode), orDash(after?.response.statusCode)),
      arrow(orDash(before?.response.executedVersion), orDash(after?.response.executedVersion)),
      `${duration(before?.report?.durationMs)} → ${duration(after?.report?.durationMs)}`,
      verdict(r),
    ];
  });
  const head = ["#", "RECORDED", "FUNCTION", "STATUS", "VERSION", "DURATION", "RESULT"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const fmt = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  const out = [fmt(head)];
  results.forEach((r, i) => {
    out.push(fmt(rows[i]!));
    const pad = " ".repeat(widths[0]! + 2);
    if (r.error !== null) out.push(`${pad}${escapeControl(r.error)}`);
    else if (!r.diff!.same) for (const line of formatDiff(r.diff!)) out.push(`${pad}${escapeControl(line)}`);
  });
  return out;
}

export function summaryLine(s: ReplaySummary, qualifier: string | undefined, against?: string): string {
  let on = qualifier ? ` on ${escapeControl(qualifier)}` : "";
  if (against !== undefined) on = `${on || " on the recorded qualifiers"} vs ${escapeControl(against)}`;
  const parts = [`${s.same} same`, `${s.different} differ${s.different === 1 ? "s" : ""}`];
  if (s.errors) parts.push(`${s.errors} could not be replayed`);
  const throttled = s.throttled
    ? ` (throttled ${s.throttled} time${s.throttled === 1 ? "" : "s"}, backed off and retried)`
    : "";
  return `${s.replayed} replayed${on}: ${parts.join(", ")}${throttled}`;
}

export function resultJson(r: ReplayResult): Record<string, unknown> {
  const o = r.original;
  // before/after: the recording and the replay, or with --against the two replays.
  const { before, after } = compared(r);
  const pair = <T>(f: (x: HistoryRecord) => T) => ({
    before: before ? f(before) : null,
    after: after ? f(after) : null,
  });
  return {
    id: o.id,
    replayId: r.replay?.id ?? null,
    function: o.function.name,
    recordedQualifier: o.qualifier,
    qualifier: r.qualifier,
    ...(r.against ? { against: r.against.target, againstReplayId: r.against.replay?.id ?? null } : {}),
    same: r.diff ? r.diff.same : false,
    error: r.error,
    throttled: r.throttled ?? 0,
    statusCode: pair((x) => x.response.statusCode),
    executedVersion: pair((x) => x.response.executedVersion),
    functionError: pair((x) => x.response.functionError),
    durationMs: pair((x) => x.report?.durationMs ?? null),
    differences: r.diff ? { fields: r.diff.fields, payload: r.diff.payload } : null,
  };
}
