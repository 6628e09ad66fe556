// How a replayed invocation's response differs from the original: a structural diff of the
// payload when both are JSON (microdiff: paths, not lines, so key order and formatting never
// count), else a text comparison, or the bytes when a response is not UTF-8; plus status,
// FunctionError and ExecutedVersion.
//
// What counts as a difference (`same: false`, a failing `replay`): the payload, the status code
// and the FunctionError. ExecutedVersion is shown but does not count unless asked for: replaying
// on another alias, or after a deployment moved one, runs another version by design, and the
// question is whether it answers the same. Duration never counts.
import microdiff from "microdiff";
import { parseJson } from "./json-depth.js";
import { removePaths, type JsonPath } from "./json-path.js";
import type { HistoryRecord } from "./history-record.js";

export type ChangeType = "added" | "removed" | "changed";

export interface PayloadChange {
  /** JSONPath-like: `$`, `$.greeting.text`, `$.items[0]`, `$["a key"]`. */
  path: string;
  type: ChangeType;
  /** Absent when added. */
  before?: unknown;
  /** Absent when removed. */
  after?: unknown;
}

export type PayloadDiff =
  | { kind: "json"; changes: PayloadChange[] }
  /** `firstDifference` is the index of the first differing character, -1 when equal. */
  | { kind: "text"; firstDifference: number; before: string; after: string }
  /**
   * Either response is not UTF-8, so its text (with U+FFFD) cannot tell: the bytes are compared.
   * `firstDifference` is a byte offset, -1 when equal; `before` and `after` are sizes in bytes.
   */
  | { kind: "bytes"; firstDifference: number; before: number; after: number };

export interface FieldChange {
  field: "statusCode" | "functionError" | "executedVersion";
  before: string | number | null;
  after: string | number | null;
  /** Whether it makes the responses differ (ExecutedVersion only with compareVersion). */
  counts: boolean;
}

export interface ResponseDiff {
  /** No difference that counts. */
  same: boolean;
  fields: FieldChange[];
  payload: PayloadDiff;
  /** For information only. */
  durationMs: { before: number | null; after: number | null };
}

export interface DiffOptions {
  /** Count a different ExecutedVersion as a difference. */
  compareVersion?: boolean;
  /**
   * Payload paths (parsed by json-path.ts) removed from both responses before they are
   * compared, with everything under them: responses that carry a time or an id differ on every
   * call by design. Removed from both sides, not filtered out of the changes, so that a
   * wildcard (`$.items[*].at`) and a path into JSON inside a string (`$.body.timestamp`) work.
   */
  ignore?: readonly JsonPath[];
}

export type Comparable = Pick<HistoryRecord, "response" | "report">;

type Json = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Json => typeof v === "object" && v !== null;

/** Text that is not JSON, or nests too deep to walk, is compared as text. */
function parseResponse(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: parseJson(text) };
  } catch {
    return { ok: false };
  }
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: readonly (string | number)[]): string {
  let out = "$";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += IDENT.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** The exact bytes of a recorded response. */
function responseBytes(r: Comparable["response"]): Buffer {
  return r.payloadBase64 !== undefined
    ? Buffer.from(r.payloadBase64, "base64")
    : Buffer.from(r.payload, "utf8");
}

function diffBytes(a: Buffer, b: Buffer): PayloadDiff {
  let at = -1;
  if (!a.equals(b)) {
    const n = Math.min(a.length, b.length);
    at = n;
    for (let i = 0; i < n; i++)
      if (a[i] !== b[i]) {
        at = i;
        break;
      }
  }
  return { kind: "bytes", firstDifference: at, before: a.length, after: b.length };
}

function firstDifference(a: string, b: string): number {
  if (a === b) return -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return n;
}

export function diffPayloads(before: string, after: string, ignore: readonly JsonPath[] = []): PayloadDiff {
  const a = parseResponse(before);
  const b = parseResponse(after);
  if (!a.ok || !b.ok) return { kind: "text", firstDifference: firstDifference(before, after), before, after };
  const x = removePaths(a.value, ignore);
  const y = removePaths(b.value, ignore);
  if (isContainer(x) && isContainer(y) && Array.isArray(x) === Array.isArray(y)) {
    const changes = microdiff(x, y, { cyclesFix: false }).map((d): PayloadChange => {
      const path = formatPath(d.path);
      if (d.type === "CREATE") return { path, type: "added", after: d.value };
      if (d.type === "REMOVE") return { path, type: "removed", before: d.oldValue };
      return { path, type: "changed", before: d.oldValue, after: d.value };
    });
    return { kind: "json", changes };
  }
  // Scalars, or an object against an array: equal or wholly changed.
  const same = JSON.stringify(x) === JSON.stringify(y);
  return { kind: "json", changes: same ? [] : [{ path: "$", type: "changed", before: x, after: y }] };
}

export function diffResponses(
  original: Comparable,
  replay: Comparable,
  opts: DiffOptions = {},
): ResponseDiff {
  const fields: FieldChange[] = [];
  const field = (name: FieldChange["field"], counts: boolean) => {
    const before = original.response[name];
    const after = replay.response[name];
    if (before !== after) fields.push({ field: name, before, after, counts });
  };
  field("statusCode", true);
  field("functionError", true);
  field("executedVersion", opts.compareVersion === true);
  const binary = original.response.payloadBase64 !== undefined || replay.response.payloadBase64 !== undefined;
  const payload = binary
    ? diffBytes(responseBytes(original.response), responseBytes(replay.response))
    : diffPayloads(original.response.payload, replay.response.payload, opts.ignore);
  const payloadSame = payload.kind === "json" ? payload.changes.length === 0 : payload.firstDifference < 0;
  return {
    same: payloadSame && fields.every((f) => !f.counts),
    fields,
    payload,
    durationMs: { before: original.report?.durationMs ?? null, after: replay.report?.durationMs ?? null },
  };
}

export interface FormatOptions {
  /** Longest shown value before it is cut with "…". */
  maxValueChars?: number;
  /** Most payload changes listed; the rest are counted. */
  maxChanges?: number;
  /** Add the duration line. */
  duration?: boolean;
}

function show(v: unknown, max: number): string {
  const s = v === undefined ? "(none)" : (JSON.stringify(v) ?? String(v));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const FIELD_LABELS: Record<FieldChange["field"], string> = {
  statusCode: "status",
  functionError: "FunctionError",
  executedVersion: "version",
};

/** A snippet of `text` around index `at`, quoted. */
function around(text: string, at: number, max: number): string {
  const start = Math.max(0, at - Math.floor(max / 3));
  const piece = text.slice(start, start + max);
  return `${start > 0 ? "…" : ""}${JSON.stringify(piece)}${start + max < text.length ? "…" : ""}`;
}

const ms = (n: number | null) => (n === null ? "?" : `${n.toFixed(n < 10 ? 2 : 0)} ms`);

/** The diff as readable lines, e.g. `$.greeting: "hello" → "hi"`. Empty when nothing differs. */
export function formatDiff(d: ResponseDiff, opts: FormatOptions = {}): string[] {
  const max = opts.maxValueChars ?? 60;
  const out: string[] = [];
  for (const f of d.fields) {
    const note = f.counts ? "" : " (not compared)";
    out.push(`${FIELD_LABELS[f.field]}: ${f.before ?? "(none)"} → ${f.after ?? "(none)"}${note}`);
  }
  if (d.payload.kind === "json") {
    const limit = opts.maxChanges ?? 20;
    for (const c of d.payload.changes.slice(0, limit))
      out.push(`${c.path}: ${show(c.before, max)} → ${show(c.after, max)}`);
    const more = d.payload.changes.length - limit;
    if (more > 0) out.push(`… and ${more} more change${more === 1 ? "" : "s"}`);
  } else if (d.payload.kind === "bytes") {
    const { before, after, firstDifference: at } = d.payload;
    if (at >= 0)
      out.push(`payload (bytes, not UTF-8): they differ from byte ${at} (${before} B → ${after} B)`);
  } else if (d.payload.firstDifference >= 0) {
    const { before, after, firstDifference: at } = d.payload;
    out.push(`payload (text, from character ${at}): ${around(before, at, max)} → ${around(after, at, max)}`);
  }
  if (opts.duration) out.push(`duration: ${ms(d.durationMs.before)} → ${ms(d.durationMs.after)}`);
  return out;
}
