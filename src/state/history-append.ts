// Appending to a history file. Each record is one write(2) on a descriptor opened with O_APPEND:
// the kernel places every write at the end of the file as a whole, so processes appending at
// the same time never interleave or overwrite each other's records. (fs.appendFile is not
// enough: it splits data above 512 KB into several writes, and a 6 MB response is one record.)
// Before the first write the file is checked to be a history (history-target.ts), and each
// write, with the torn-line check before it, is made holding the file's lock (history-lock.ts).
import { mkdir, open, realpath, type FileHandle } from "node:fs/promises";
import path from "node:path";
import {
  serializeLogsRecord,
  serializeRecord,
  type HistoryRecord,
  type LogsRecord,
} from "../core/history-record.js";
import { HistoryFileError } from "./history-error.js";
import { withHistoryLock } from "./history-lock.js";
import { checkHistoryTarget, type HistoryTarget } from "./history-target.js";

async function writeAll(fh: FileHandle, data: Buffer): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done);
    done += bytesWritten;
  }
}

/**
 * mkdir -p, by hand: Node's recursive mkdir spins forever on some paths (under /proc it keeps
 * getting ENOENT and retrying), and a history path is whatever the user typed.
 */
async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return;
    const parent = path.dirname(dir);
    if (code !== "ENOENT" || parent === dir) throw err;
    await ensureDir(parent);
    // Once: if it still fails, the reason is not a missing parent.
    await mkdir(dir, { mode: 0o700 }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
  }
}

/** Whether the file ends in the middle of a line, as after a write cut short by a crash. */
async function endsTorn(fh: FileHandle): Promise<boolean> {
  const { size } = await fh.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await fh.read(last, 0, 1, size - 1);
  return last[0] !== 10;
}

interface OpenHistory {
  fh: FileHandle;
  /** The file itself, symbolic links resolved: what the lock is named after; null for no lock. */
  lockFile: string | null;
  target: HistoryTarget;
}

/** Checks `file` and opens it for appending, creating it 0600 (and its folder, 0700). */
async function openForAppend(file: string): Promise<OpenHistory> {
  const target = await checkHistoryTarget(file);
  await ensureDir(path.dirname(target.real));
  // "a+": O_APPEND for the writes, and reading for the torn-line check.
  const fh = await open(target.real, "a+", 0o600);
  try {
    // Not a regular file (/dev/null): nothing to lock, and no lock folder beside a device.
    const lockFile = (await fh.stat()).isFile() ? await realpath(target.real) : null;
    return { fh, lockFile, target };
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Writes whole lines, one write each, after a torn last line is ended: a record written after
 * one would be glued to it and lost with it. Under the lock, so that the check never sees
 * another process's write half done.
 */
async function writeLines(h: OpenHistory, lines: readonly string[]): Promise<void> {
  const write = async () => {
    let lead = (await endsTorn(h.fh)) ? "\n" : "";
    for (const line of lines) {
      await writeAll(h.fh, Buffer.from(lead + line, "utf8"));
      lead = "";
    }
  };
  await (h.lockFile === null ? write() : withHistoryLock(h.lockFile, write));
}

/** Appends whole lines, one write each. Throws HistoryFileError. */
export async function appendLines(file: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  let opened: OpenHistory | undefined;
  try {
    opened = await openForAppend(file);
    await writeLines(opened, lines);
  } catch (err) {
    throw HistoryFileError.from(err, file, "write");
  } finally {
    await opened?.fh.close().catch(() => undefined);
  }
}

/** A history file held open for many appends (a batch replay records hundreds a second). */
export interface HistoryAppender {
  file: string;
  /** Appends one record: one write, after the same torn-line check as appendLines, in order. */
  append(line: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens `file` for appending (creating it 0600, its folder 0700). Opening once instead of per
 * record took a third off the cost of recording each replay. Throws HistoryFileError.
 */
export async function openHistoryAppender(file: string): Promise<HistoryAppender> {
  let opened: OpenHistory;
  try {
    opened = await openForAppend(file);
  } catch (err) {
    throw HistoryFileError.from(err, file, "write");
  }
  // Records that arrive while a write is under way wait, and are then written together under
  // one lock: still one write each, but a replay recording hundreds a second takes the lock
  // once a batch instead of once a record (taking it costs about as much as the write).
  let pending: Array<{ line: string; done: (err?: unknown) => void }> = [];
  let writing: Promise<void> | null = null;
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await writeLines(
          opened,
          batch.map((p) => p.line),
        );
        for (const p of batch) p.done();
      } catch (err) {
        const failure = HistoryFileError.from(err, file, "write");
        for (const p of batch) p.done(failure);
      }
    }
    writing = null;
  };
  return {
    file,
    append(line) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ line, done: (err) => (err === undefined ? resolve() : reject(err as Error)) });
        writing ??= drain();
      });
    },
    async close() {
      await writing;
      await opened.fh.close().catch(() => undefined);
    },
  };
}

export const appendRecord = (file: string, record: HistoryRecord): Promise<void> =>
  appendLines(file, [serializeRecord(record)]);

export const appendRecords = (file: string, records: readonly HistoryRecord[]): Promise<void> =>
  appendLines(file, records.map(serializeRecord));

/** Adds an invocation's complete logs as a further line (see src/core/history-record.ts). */
export const appendLogsRecord = (file: string, logs: LogsRecord): Promise<void> =>
  appendLines(file, [serializeLogsRecord(logs)]);
