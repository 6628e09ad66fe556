// The history file on disk: an index of every invocation for listing and filtering, and each
// entry read in full only when it is opened. Opening is one pass over the file that parses each
// invocation line without its response payload and log tail (see indexText), and never a logs
// line (which is most of the bytes) beyond its first few bytes: 100,000 invocations open in
// about a second on a busy 2-core machine, in memory proportional to the index.
// Damaged lines (a torn last write, hand edits) are skipped and counted, never fatal.
import { open, type FileHandle } from "node:fs/promises";
import {
  parseHistoryLine,
  validateRecord,
  withLogs,
  type HistoryRecord,
  type LogsRecord,
  type LogsState,
} from "../core/history-record.js";
import { HistoryFileError } from "./history-error.js";
import { logsBefore } from "./history-logs-before.js";
import {
  classifyLine,
  indexEntry,
  logsHead,
  type HistoryIndexEntry,
  type LineLocation,
} from "./history-line.js";
import { recordHeadId } from "./history-line-tests.js";
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
export { damagedMessage, HistoryFileError } from "./history-error.js";
export { defaultHistoryFile, HISTORY_ENV, resolveHistoryFile } from "./history-path.js";

export type { HistoryIndexEntry, LineLocation } from "./history-line.js";

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
  /** Invocation lines passed over unparsed by `mayMatch` (not in `entries`). */
  passed: number;
  bytes: number;
}

const MAX_DAMAGED_LINES = 20;
function isNoEntry(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === "ENOENT";
}

/** Reads the file into an index. A missing file is an empty history. Throws HistoryFileError. */
export async function loadHistoryIndex(
  file: string,
  opts: {
    signal?: AbortSignal;
    /**
     * A cheap test on an invocation line's bytes (history-line-tests.ts): false means the
     * caller's filter cannot want it, and it is neither parsed nor kept. The index then holds
     * what the filter may want, not every entry of the file.
     */
    mayMatch?: (bytes: Buffer) => boolean;
  } = {},
): Promise<HistoryIndex> {
  const index: HistoryIndex = {
    file,
    exists: true,
    entries: [],
    damaged: 0,
    damagedLines: [],
    duplicates: 0,
    passed: 0,
    bytes: 0,
  };
  const byId = new Map<string, HistoryIndexEntry>();
  // The ids passed over: a later copy of one is a duplicate (the first is the one kept, and
  // the filter did not want it), and its logs are not wanted. Ids only, not entries.
  const passed = new Set<string>();
  // Logs records seen before their invocation (another process's lines in between).
  const early = new Map<string, LineLocation & { state: LogsState }>();
  const damaged = (line: RawLine) => {
    index.damaged++;
    if (index.damagedLines.length < MAX_DAMAGED_LINES) index.damagedLines.push(line.number);
  };
  const attach = (id: string, loc: LineLocation & { state: LogsState }) => {
    if (passed.has(id)) return;
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
    const id = opts.mayMatch ? passable(bytes, line.terminated) : null;
    if (id !== null && !opts.mayMatch!(bytes)) {
      if (byId.has(id) || passed.has(id)) index.duplicates++;
      else {
        passed.add(id);
        early.delete(id);
        index.passed++;
      }
      return;
    }
    const loc = { offset: line.offset, length: bytes.length };
    const kind = classifyLine(bytes, line.terminated);
    switch (kind.kind) {
      case "blank":
        return;
      case "damaged":
        damaged(line);
        return;
      case "logs":
        attach(kind.id, { ...loc, state: kind.state });
        return;
      case "record": {
        const r = kind.record;
        if (byId.has(r.id) || passed.has(r.id)) {
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

/**
 * The id of an invocation line a filter may pass over unparsed, else null: a whole line (its
 * newline written, a JSON object's braces), not a logs record, its id plain in its head (so a
 * later copy of it is still known for a duplicate).
 */
function passable(bytes: Buffer, terminated: boolean): string | null {
  if (!terminated || bytes[0] !== 0x7b || bytes[bytes.length - 1] !== 0x7d || logsHead(bytes)) return null;
  return recordHeadId(bytes);
}

/** Reads entries of one file through one open descriptor. Close it when done. */
export interface HistoryReader {
  read(entry: Pick<HistoryIndexEntry, "offset" | "length" | "logs">): Promise<HistoryRecord>;
  /** The logs record of invocation `id` written before its line at `offset` (see logsBefore). */
  logsBefore(offset: number, id: string): Promise<LogsRecord | null>;
  close(): Promise<void>;
}

async function readAt(fh: FileHandle, loc: LineLocation): Promise<string> {
  return (await readBytesAt(fh, loc.offset, loc.length)).toString("utf8");
}

/** Up to `length` bytes from `offset`: fewer at the end of the file. */
async function readBytesAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, offset + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** The bytes read at once by a reader that reads ahead. */
const AHEAD = 256 * 1024;

/**
 * `ahead`: entries are read mostly in file order (replay, export), so a read takes the bytes
 * after the entry too, and the entries that follow are cut from them: a replay of 2,000
 * entries made 2,000 reads, the most CPU its process spent beside the SDK's own.
 */
export async function openHistoryReader(
  file: string,
  opts: { ahead?: boolean } = {},
): Promise<HistoryReader> {
  let fh: FileHandle;
  try {
    fh = await open(file, "r");
  } catch (err) {
    throw HistoryFileError.from(err, file, "read");
  }
  // The bytes read last, by where they start: one window for invocations and one for their
  // logs records, each read in file order. Set before the bytes arrive, so that entries asked
  // for at once (a replay starts 16) wait for the same read instead of each making one.
  const windows: Array<{ start: number; end: number; bytes: Promise<Buffer> } | null> = [null, null];
  const textAt = async (loc: LineLocation, which: 0 | 1): Promise<string> => {
    let w = windows[which];
    if (!opts.ahead || loc.length > AHEAD) return readAt(fh, loc);
    if (!w || loc.offset < w.start || loc.offset + loc.length > w.end) {
      // Behind the window (entries out of order): read alone, never the same bytes twice over.
      if (w && loc.offset < w.start) return readAt(fh, loc);
      w = windows[which] = {
        start: loc.offset,
        end: loc.offset + AHEAD,
        bytes: readBytesAt(fh, loc.offset, AHEAD),
      };
    }
    const from = loc.offset - w.start;
    // Short at the end of the file, as readAt is: the entry then does not parse.
    return (await w.bytes).toString("utf8", from, from + loc.length);
  };
  return {
    async read(entry) {
      try {
        const v: unknown = parseJson(await textAt(entry, 0));
        const record = validateRecord(v);
        if (typeof record === "string") throw new Error(record);
        if (!entry.logs || entry.logs.offset === entry.offset) return record;
        // Damaged logs (a corrupted line found only now) leave the record without them.
        const logs = parseHistoryLine(await textAt(entry.logs, 1));
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
    logsBefore: (offset, id) => logsBefore(fh, offset, id),
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
    const record = await reader.read(entry);
    // Found by a backward read, which sees only the logs written after the invocation.
    if (entry.logs || record.logsState) return record;
    const early = await reader.logsBefore(entry.offset, record.id).catch(() => null);
    return early ? withLogs(record, early) : record;
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
  const reader = await openHistoryReader(file, { ahead: true });
  try {
    for (const e of entries) yield await reader.read(e);
  } finally {
    await reader.close();
  }
}
