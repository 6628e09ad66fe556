// What a text view shows, as lines read one at a time (`TextLines`), and the lines of an
// invocation's log events: Text or JSON format shown readably, inner newlines split, sanitized
// here once so a view draws lines as they are. A view touches only the lines it draws; log
// lines grow by appending to arrays shared with earlier snapshots, so new events cost only
// their own lines. (A response body's lines: src/ui/panes/result/bodyLines.ts.)
import { parseLogLine } from "./log-records.js";
import type { LogEvent, ReportMetrics } from "./model.js";
import { sanitizeLine } from "./sanitize.js";
import { parseJson } from "./json-depth.js";

/** Lines to show. Treat as immutable: a change makes a new one. */
export interface TextLines {
  /**
   * The storage behind the lines. A later TextLines with the same origin holds the same first
   * `count` lines (it only appended), so work done for those lines can be kept.
   */
  readonly origin: object;
  readonly count: number;
  /** Line `i`, sanitized, with no tabs or line breaks ("" outside 0..count-1). */
  line(i: number): string;
  /** The index of the event line `i` came from; -1 for text that is not a log. */
  eventOf(i: number): number;
  /** The event time (epoch ms) on the first line of an event; null elsewhere or when unknown. */
  timeOf(i: number): number | null;
  /** A marker row (where the tail starts) is drawn above this line; null for none. */
  readonly markLine: number | null;
  /** The lines in [from, to) holding `query`, ascending (lower-cased lines when `ignoreCase`). */
  find(query: string, ignoreCase: boolean, from?: number, to?: number): number[];
}

/**
 * Longer lines are cut into pieces of this many UTF-16 units, shown as consecutive lines, so no
 * frame ever measures more than this per line (a 6 MB body on one line stays fast to scroll).
 */
export const MAX_LINE = 10_000;

/** Appends `text` as one or more lines of at most MAX_LINE units, never splitting a surrogate pair. */
function pushPieces(text: string, push: (piece: string, first: boolean) => void): void {
  if (text.length <= MAX_LINE) return push(text, true);
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + MAX_LINE);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
    push(text.slice(at, end), at === 0);
    at = end;
  }
}

/** A `find` for lines read one at a time (lower-cased lines come from `lower`, which may cache them). */
export function findIn(lines: (i: number) => string, lower: (i: number) => string, n: number) {
  return (query: string, ignoreCase: boolean, from = 0, to = n): number[] => {
    const out: number[] = [];
    if (!query) return out;
    const q = ignoreCase ? query.toLowerCase() : query;
    const get = ignoreCase ? lower : lines;
    for (let i = Math.max(0, from), end = Math.min(n, to); i < end; i++) if (get(i).includes(q)) out.push(i);
    return out;
  };
}

// ---- Log events ------------------------------------------------------------------------------

const LEVEL_WIDTH = 5;

function reportText(requestId: string, m: ReportMetrics): string {
  const parts = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${m.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${m.billedMs} ms`,
    `Memory Size: ${m.memoryMb} MB`,
    `Max Memory Used: ${m.maxMemoryMb} MB`,
  ];
  if (m.initMs !== undefined) parts.push(`Init Duration: ${m.initMs.toFixed(2)} ms`);
  if (m.status) parts.push(`Status: ${m.status}`);
  if (m.errorType) parts.push(`Error Type: ${m.errorType}`);
  return parts.join("\t");
}

/** A JSON platform record the parser does not read (init start, extensions…): its type and record. */
function platformText(line: string): string | null {
  try {
    const v: unknown = parseJson(line);
    if (typeof v !== "object" || v === null || !("type" in v) || typeof v.type !== "string") return null;
    if (!v.type.startsWith("platform.")) return null;
    const record = "record" in v ? v.record : undefined;
    return record === undefined ? v.type : `${v.type} ${JSON.stringify(record)}`;
  } catch {
    return null;
  }
}

/**
 * One log event as the lines to show: JSON records in the shape of the Text format's (START,
 * END, REPORT), application lines as `LEVEL message` (time and request id are in the event and
 * the same on every line), the inner newlines Lambda turns into "\r" split into indented
 * continuation lines. With `readable` false, the message as it is, split the same way.
 */
export function formatLogEvent(message: string, readable = true): string[] {
  const raw = message.replace(/\r?\n$/, "");
  let text = raw;
  let indent = "    ";
  if (readable) {
    const mark = parseLogLine(raw);
    const json = raw.startsWith("{");
    switch (mark.kind) {
      case "start":
        if (json) text = `START RequestId: ${mark.requestId} Version: ${mark.version}`;
        break;
      case "end":
        if (json) text = `END RequestId: ${mark.requestId}`;
        break;
      case "report":
        if (json) text = reportText(mark.requestId, mark.metrics);
        break;
      case "app":
        if (mark.level) {
          text = `${mark.level.padEnd(LEVEL_WIDTH)} ${mark.message}`;
          indent = " ".repeat(Math.max(LEVEL_WIDTH, mark.level.length) + 1);
        } else text = mark.message;
        break;
      case "initStart":
      case "other":
        if (json) text = platformText(raw) ?? raw;
        break;
    }
  }
  return text.split(/\r\n|\r|\n/).map((l, i) => sanitizeLine(i === 0 ? l : indent + l));
}

const TEXT_TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\t/;

/**
 * Invoke's log tail (decoded LogResult) as events, one a line. The tail carries no event
 * times, but Text-format application lines start with theirs: those are read, the rest unknown.
 */
export function tailEvents(tail: string): LogEvent[] {
  const lines = tail.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((message) => {
    const m = TEXT_TIME.exec(message);
    return { timestamp: m ? Date.parse(m[1]!) : Number.NaN, message };
  });
}

interface LogStore {
  texts: string[];
  /** The event of each line: ascending, so a binary search finds an event's first line. */
  events: number[];
  /** Whether each line starts its event (continuations and pieces of long lines do not). */
  firsts: boolean[];
  times: number[];
  lower: (string | undefined)[];
  readable: boolean;
}

export interface LogLines extends TextLines {
  readonly eventCount: number;
  /** The event the marker is drawn before, when asked for (it shows once that event is here). */
  readonly markAtEvent: number | undefined;
  /** The last event added, to tell whether a longer list of events only appends to this one. */
  readonly lastEvent: LogEvent | undefined;
}

export interface LogLinesOptions {
  markAtEvent?: number | undefined;
  /** Show records readably (the default) or as they are. */
  readable?: boolean;
}

function firstLineOf(store: LogStore, count: number, event: number): number | null {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((store.events[mid] ?? 0) < event) lo = mid + 1;
    else hi = mid;
  }
  return lo < count ? lo : null;
}

function snapshot(store: LogStore, eventCount: number, markAtEvent: number | undefined): LogLines {
  const count = store.texts.length;
  const lineOf = (i: number) => (i >= 0 && i < count ? (store.texts[i] ?? "") : "");
  const lower = (i: number) => (store.lower[i] ??= lineOf(i).toLowerCase());
  const valid = markAtEvent !== undefined && markAtEvent >= 0 && markAtEvent < eventCount;
  return {
    origin: store,
    count,
    eventCount,
    markAtEvent,
    lastEvent: undefined,
    markLine: valid ? firstLineOf(store, count, markAtEvent) : null,
    line: lineOf,
    eventOf: (i) => (i >= 0 && i < count ? (store.events[i] ?? -1) : -1),
    timeOf: (i) => {
      if (i < 0 || i >= count || !store.firsts[i]) return null;
      const t = store.times[store.events[i] ?? 0];
      return t !== undefined && Number.isFinite(t) ? t : null;
    },
    find: findIn(lineOf, lower, count),
  };
}

function addEvents(store: LogStore, events: readonly LogEvent[], from: number): void {
  for (let e = from; e < events.length; e++) {
    const ev = events[e]!;
    const index = store.times.length;
    store.times.push(ev.timestamp);
    const lines = formatLogEvent(ev.message, store.readable);
    for (let k = 0; k < lines.length; k++) {
      pushPieces(lines[k]!, (piece, first) => {
        store.texts.push(piece);
        store.events.push(index);
        store.firsts.push(k === 0 && first);
      });
    }
  }
}

/** Log events as lines to show. */
export function logLines(events: readonly LogEvent[], opts: LogLinesOptions = {}): LogLines {
  const store: LogStore = {
    texts: [],
    events: [],
    firsts: [],
    times: [],
    lower: [],
    readable: opts.readable ?? true,
  };
  addEvents(store, events, 0);
  return { ...snapshot(store, events.length, opts.markAtEvent), lastEvent: events[events.length - 1] };
}

/**
 * The lines for `events` given those shown before: when `events` begins with the events of
 * `prev` (as a list that only grows does), only the new events are formatted, costing the new
 * lines, not all of them; otherwise the lines are built afresh. The marker follows `opts`.
 */
export function updateLogLines(
  prev: LogLines | null,
  events: readonly LogEvent[],
  opts: LogLinesOptions = {},
): LogLines {
  const store = prev?.origin as LogStore | undefined;
  const readable = opts.readable ?? true;
  const n = prev?.eventCount ?? 0;
  const appends =
    prev &&
    store &&
    store.readable === readable &&
    n <= events.length &&
    (n === 0 || sameEvent(events[n - 1], prev.lastEvent)) &&
    store.texts.length === prev.count;
  if (!prev || !store || !appends) return logLines(events, { ...opts, readable });
  if (n === events.length && opts.markAtEvent === prev.markAtEvent) return prev;
  addEvents(store, events, n);
  return { ...snapshot(store, events.length, opts.markAtEvent), lastEvent: events[events.length - 1] };
}

function sameEvent(a: LogEvent | undefined, b: LogEvent | undefined): boolean {
  return a === b || (!!a && !!b && a.message === b.message && Object.is(a.timestamp, b.timestamp));
}

export type TimeFormat = "local" | "iso";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** An event time for the timestamp column: HH:MM:SS.mmm in local time, or ISO 8601 in UTC. */
export function formatTime(ms: number, format: TimeFormat): string {
  const d = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(d.getTime())) return "";
  if (format === "iso") return d.toISOString();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Columns `formatTime` takes in `format`. */
export const TIME_WIDTH: Record<TimeFormat, number> = { local: 12, iso: 24 };
