// The history file on disk: an index of every invocation for listing and filtering, and each
// entry read in full only when it is opened. Opening is one pass over the file that parses each
// invocation line without its response payload and log tail (see indexText), and never a logs
// line (which is most of the bytes) beyond its first few bytes: 100,000 invocations open in
// about a second on a busy 2-core machine, in memory proportional to the index.
// Damaged lines (a torn last write, hand edits) are skipped and counted, never fatal.
import { open, type FileHandle } from "node:fs/promises";
import {
  LOGS_PREFIX,
  parseHistoryLine,
  summarize,
  validateRecord,
  withLogs,
  type HistoryRecord,
  type HistorySummary,
  type LogsState,
} from "../core/history-record.js";
import { HistoryFileError } from "./history-error.js";
import { forEachLine, type RawLine } from "./line-reader.js";
import { parseJson } from "../core/json-depth.js";

export {
  appendLines,
  appendLogsRecord,
  appendRecord,
  appendRecords,
  openHistoryAppender,
  type HistoryAppender,
} from "./history-append.js";
export { HistoryFileError } from "./history-error.js";
export { defaultHistoryFile, HISTORY_ENV, resolveHistoryFile } from "./history-path.js";

export interface LineLocation {
  offset: number;
  length: number;
}

export interface HistoryIndexEntry extends HistorySummary, LineLocation {
  /** 1-based line number of the invocation. */
  line: number;
  /** Where its complete logs are: a logs record, or the record itself when they are folded in. */
  logs: (LineLocation & { state: LogsState }) | null;
  logsState: LogsState | null;
}

export interface HistoryIndex {
  file: string;
  /** False when the file does not exist (yet): an empty history. */
  exists: boolean;
  /** Invocations in file order, oldest first. */
  entries: HistoryIndexEntry[];
  /** Lines that are not records: torn or corrupted. */
  damaged: number;
  /** Line numbers of the first damaged lines, for messages. */
  damagedLines: number[];
  /** Records whose id appeared earlier in the file; the first is kept. */
  duplicates: number;
  bytes: number;
}

const MAX_DAMAGED_LINES = 20;
const PREFIX = Buffer.from(LOGS_PREFIX);
const STATE_KEY = Buffer.from('","logsState":"');
const COMPLETE = Buffer.from('complete"');
const GAVE_UP = Buffer.from('gave-up"');

/** Whether `bytes` holds `what` at `at`. A JIT-compiled loop: cheaper than a native call here. */
function bytesAt(bytes: Buffer, at: number, what: Buffer): boolean {
  if (at + what.length > bytes.length) return false;
  for (let i = 0; i < what.length; i++) if (bytes[at + i] !== what[i]) return false;
  return true;
}

/**
 * The id and state of a logs record from its first bytes (`{"logsFor":"<id>","logsState":"…"`,
 * as serializeLogsRecord writes it), or null when the line does not start so. Bytes only: this
 * runs for every logs line, and decoding them was a third of the time to open a history.
 */
function logsHead(bytes: Buffer): { id: string; state: LogsState } | null {
  if (!bytesAt(bytes, 0, PREFIX)) return null;
  let q = PREFIX.length;
  while (q < bytes.length && bytes[q] !== 0x22 && bytes[q] !== 0x5c) q++;
  if (q === PREFIX.length || !bytesAt(bytes, q, STATE_KEY)) return null;
  const s = q + STATE_KEY.length;
  const state = bytesAt(bytes, s, COMPLETE) ? "complete" : bytesAt(bytes, s, GAVE_UP) ? "gave-up" : null;
  return state ? { id: bytes.toString("utf8", PREFIX.length, q), state } : null;
}

const RESPONSE_HEAD = Buffer.from(',"response":{"statusCode":');
const RESPONSE_PAYLOAD = Buffer.from(',"payload":');
const LOG_TAIL = Buffer.from(',"logTail":');
const REPORT = Buffer.from('},"report":');
const FOLDED_LOGS = Buffer.from(',"logs":[{');
const CLIENT_MS = Buffer.from('],"clientMs":');

/**
 * An invocation line's text without the response payload and log tail, which the index does
 * not show and which are most of its bytes (a 4 KB tail, up to a 6 MB response): parsing them
 * was most of the time to open a history. The cut is found by byte sequences that cannot occur
 * inside a JSON string (each begins with an unescaped `,"` or `},"`, and a string's quotes are
 * always escaped), in the key order serializeRecord writes. Null when the line is not in that
 * shape: it is then parsed whole. The parts cut are checked when the entry is opened.
 * (Only the invocation's own keys are searched for: the request payload, a string, comes first
 * and is kept, as the index shows its start.)
 */
function indexText(bytes: Buffer): string | null {
  const head = bytes.indexOf(RESPONSE_HEAD);
  if (head < 0) return null;
  const payload = bytes.indexOf(RESPONSE_PAYLOAD, head + RESPONSE_HEAD.length);
  if (payload < 0) return null;
  const tail = bytes.indexOf(LOG_TAIL, payload + RESPONSE_PAYLOAD.length);
  if (tail < 0) return null;
  const end = bytes.indexOf(REPORT, tail + LOG_TAIL.length);
  if (end < 0) return null;
  const text = bytes.toString("utf8", 0, payload);
  // Logs folded into the record (an exported file) are cut too, leaving `[]` so the index still
  // knows they are there.
  const logs = bytes.indexOf(FOLDED_LOGS, end);
  const after = logs < 0 ? -1 : bytes.indexOf(CLIENT_MS, logs + FOLDED_LOGS.length);
  if (after < 0) return text + bytes.toString("utf8", end);
  return text + bytes.toString("utf8", end, logs) + ',"logs":[' + bytes.toString("utf8", after);
}

function isNoEntry(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === "ENOENT";
}

/**
 * Every field written out: objects built by spreading this many fields end up in V8's slow
 * dictionary mode, which doubled the time and memory of opening 100,000 entries.
 */
function indexEntry(r: HistoryRecord, loc: LineLocation, line: number): HistoryIndexEntry {
  const s = summarize(r);
  const folded =
    r.logs && r.logsState ? { offset: loc.offset, length: loc.length, state: r.logsState } : null;
  return {
    id: s.id,
    at: s.at,
    functionName: s.functionName,
    qualifier: s.qualifier,
    invocationType: s.invocationType,
    statusCode: s.statusCode,
    functionError: s.functionError,
    executedVersion: s.executedVersion,
    durationMs: s.durationMs,
    replayOf: s.replayOf,
    payloadPreview: s.payloadPreview,
    offset: loc.offset,
    length: loc.length,
    line,
    logs: folded,
    logsState: folded?.state ?? null,
  };
}

/** Reads the file into an index. A missing file is an empty history. Throws HistoryFileError. */
export async function loadHistoryIndex(
  file: string,
  opts: { signal?: AbortSignal } = {},
): Promise<HistoryIndex> {
  const index: HistoryIndex = {
    file,
    exists: true,
    entries: [],
    damaged: 0,
    damagedLines: [],
    duplicates: 0,
    bytes: 0,
  };
  const byId = new Map<string, HistoryIndexEntry>();
  // Logs records seen before their invocation (another process's lines in between).
  const early = new Map<string, LineLocation & { state: LogsState }>();
  const damaged = (line: RawLine) => {
    index.damaged++;
    if (index.damagedLines.length < MAX_DAMAGED_LINES) index.damagedLines.push(line.number);
  };
  const attach = (id: string, loc: LineLocation & { state: LogsState }) => {
    const entry = byId.get(id);
    if (!entry) {
      early.set(id, loc);
      return;
    }
    if (entry.logsState === "complete" && loc.state !== "complete") return;
    entry.logs = loc;
    entry.logsState = loc.state;
  };

  const onLine = (line: RawLine) => {
    const { bytes } = line;
    const loc = { offset: line.offset, length: bytes.length };
    // A logs record we wrote is known by its head; its logs are parsed only when opened. An
    // unterminated one may be cut short, so it is parsed now.
    if (line.terminated && bytes[bytes.length - 1] === 0x7d) {
      const head = logsHead(bytes);
      if (head) {
        attach(head.id, { offset: loc.offset, length: loc.length, state: head.state });
        return;
      }
    }
    const cut = line.terminated ? indexText(bytes) : null;
    let parsed = parseHistoryLine(cut ?? bytes.toString("utf8"));
    // A line the cut made invalid is judged whole, so damage is never misreported.
    if (cut !== null && parsed.kind !== "record") parsed = parseHistoryLine(bytes.toString("utf8"));
    switch (parsed.kind) {
      case "blank":
        return;
      case "damaged":
        damaged(line);
        return;
      case "logs":
        attach(parsed.logs.logsFor, { ...loc, state: parsed.logs.logsState });
        return;
      case "record": {
        const r = parsed.record;
        if (byId.has(r.id)) {
          index.duplicates++;
          return;
        }
        const entry = indexEntry(r, loc, line.number);
        byId.set(r.id, entry);
        index.entries.push(entry);
        const pending = early.get(r.id);
        if (pending) {
          early.delete(r.id);
          attach(r.id, pending);
        }
      }
    }
  };

  try {
    index.bytes = await forEachLine(file, onLine, opts.signal);
  } catch (err) {
    if (isNoEntry(err)) return { ...index, exists: false };
    throw HistoryFileError.from(err, file, "read");
  }
  return index;
}

/** Reads entries of one file through one open descriptor. Close it when done. */
export interface HistoryReader {
  read(entry: Pick<HistoryIndexEntry, "offset" | "length" | "logs">): Promise<HistoryRecord>;
  close(): Promise<void>;
}

async function readAt(fh: FileHandle, loc: LineLocation): Promise<string> {
  const buf = Buffer.alloc(loc.length);
  let got = 0;
  while (got < loc.length) {
    const { bytesRead } = await fh.read(buf, got, loc.length - got, loc.offset + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.toString("utf8", 0, got);
}

export async function openHistoryReader(file: string): Promise<HistoryReader> {
  let fh: FileHandle;
  try {
    fh = await open(file, "r");
  } catch (err) {
    throw HistoryFileError.from(err, file, "read");
  }
  return {
    async read(entry) {
      try {
        const v: unknown = parseJson(await readAt(fh, entry));
        const record = validateRecord(v);
        if (typeof record === "string") throw new Error(record);
        if (!entry.logs || entry.logs.offset === entry.offset) return record;
        // Damaged logs (a corrupted line found only now) leave the record without them.
        const logs = parseHistoryLine(await readAt(fh, entry.logs));
        return logs.kind === "logs" ? withLogs(record, logs.logs) : record;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code) throw HistoryFileError.from(err, file, "read");
        throw new HistoryFileError(
          file,
          "read",
          undefined,
          `an entry of the history file ${file} cannot be read: the file changed since it was loaded (load it again), or the entry is damaged`,
        );
      }
    },
    close: () => fh.close(),
  };
}

/** One entry in full, as it was recorded, with its complete logs when they arrived. */
export async function readEntry(
  file: string,
  entry: Pick<HistoryIndexEntry, "offset" | "length" | "logs">,
): Promise<HistoryRecord> {
  const reader = await openHistoryReader(file);
  try {
    return await reader.read(entry);
  } finally {
    await reader.close();
  }
}

/** Every entry in full, in file order, read one at a time (for export, import and replay). */
export async function* readEntries(
  file: string,
  entries: readonly HistoryIndexEntry[],
): AsyncGenerator<HistoryRecord> {
  if (entries.length === 0) return;
  const reader = await openHistoryReader(file);
  try {
    for (const e of entries) yield await reader.read(e);
  } finally {
    await reader.close();
  }
}

/** "2 damaged records skipped (lines 3, 9)", or null when there were none. */
export function damagedMessage(index: Pick<HistoryIndex, "damaged" | "damagedLines">): string | null {
  if (index.damaged === 0) return null;
  const n = index.damaged;
  const lines = index.damagedLines.join(", ") + (n > index.damagedLines.length ? ", …" : "");
  return `${n} damaged record${n === 1 ? "" : "s"} skipped (line${n === 1 ? "" : "s"} ${lines})`;
}
