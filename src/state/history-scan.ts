// The newest invocations of a history, read backward from its end and stopped as soon as enough
// match: `history list --limit 20` reads the last few hundred KB of a 1 GB history, not all of
// it. A filter streams: lines that cannot match (the function's name is not in their bytes)
// are passed over without being parsed.
//
// Read backward, an invocation's logs records (written after it) come before it, so their
// state is known when the invocation is reached. A stopped read cannot know line numbers from
// the start: damaged lines are then counted from the end. A last line without its newline that
// does not parse is passed over uncounted: most likely another process is writing it. A file with duplicate ids (two
// histories concatenated by hand) lists the newest copy of each.
import type { LogsState } from "../core/history-record.js";
import {
  classifyLine,
  indexEntry,
  logsHeadEnd,
  LOGS_ID_START,
  type HistoryIndexEntry,
  type LineLocation,
} from "./history-line.js";
import { bytesAt, RECORD_ID_START, recordHeadIdEnd } from "./history-line-tests.js";
import { readLineBatchesBackward, type BackwardLine } from "./reverse-line-reader.js";

export interface NewestQuery {
  /** Stop after this many matching invocations. */
  limit?: number;
  /** Whether an invocation is wanted (after `mayMatch`). */
  match?: (e: HistoryIndexEntry) => boolean;
  /** Cheap test on a line's bytes: false means it cannot match, and it is not parsed. */
  mayMatch?: (bytes: Buffer) => boolean;
  signal?: AbortSignal;
}

export interface NewestResult {
  exists: boolean;
  /** Matching invocations, newest first. */
  entries: HistoryIndexEntry[];
  /** True when the read reached the start of the file: every line was seen. */
  complete: boolean;
  /** Invocation lines seen, matching or not (those passed over by `mayMatch` included). */
  seen: number;
  damaged: number;
  /** Line numbers of the first damaged lines: from the start when complete, else from the end. */
  damagedLines: number[];
}

const MAX_DAMAGED_LINES = 20;

const LOGS_HEAD = Buffer.from('{"logsFor":"');

type LogsAt = LineLocation & { state: LogsState };

/** A logs record of the chunk being read, its id still bytes: `bytes[LOGS_ID_START, idEnd)`. */
interface ChunkLogs {
  bytes: Buffer;
  idEnd: number;
  at: LogsAt;
}

/** Read backward, the first seen is the last written; complete logs win over gave-up. */
function keep(had: LogsAt | undefined, seen: LogsAt): LogsAt {
  return !had || (had.state !== "complete" && seen.state === "complete") ? seen : had;
}

/**
 * Whether two ids in line bytes are the same id, as their decoded strings compare (bytes that
 * are not ASCII are decoded: invalid UTF-8 decodes alike however it is spelled).
 */
function sameId(a: Buffer, aFrom: number, aEnd: number, b: Buffer, bFrom: number, bEnd: number): boolean {
  if (aEnd - aFrom !== bEnd - bFrom) return sameText(a, aFrom, aEnd, b, bFrom, bEnd);
  for (let i = 0; i < aEnd - aFrom; i++) {
    const x = a[aFrom + i]!;
    if (x >= 0x80 || b[bFrom + i]! >= 0x80) return sameText(a, aFrom, aEnd, b, bFrom, bEnd);
    if (x !== b[bFrom + i]) return false;
  }
  return true;
}

function sameText(a: Buffer, aFrom: number, aEnd: number, b: Buffer, bFrom: number, bEnd: number): boolean {
  return a.toString("utf8", aFrom, aEnd) === b.toString("utf8", bFrom, bEnd);
}

/** A line passed over unparsed still counts as damaged when it is plainly not a JSON object. */
function looksWhole(bytes: Buffer): boolean {
  return bytes[0] === 0x7b && bytes[bytes.length - 1] === 0x7d;
}

/** A newest-first read that goes on where it stopped: a page at a time, for the explorer. */
export interface NewestReader {
  /**
   * Up to `more` further matching entries, newest first, appended to the result's `entries`
   * (which holds every page read so far); `complete` once the start of the file is reached.
   */
  next(more: number): Promise<NewestResult>;
  close(): Promise<void>;
}

export function openNewestReader(file: string, q: Omit<NewestQuery, "limit"> = {}): NewestReader {
  const out: NewestResult = {
    exists: true,
    entries: [],
    complete: false,
    seen: 0,
    damaged: 0,
    damagedLines: [],
  };
  const logs = new Map<string, LogsAt>();
  // Logs records met in the batch being read, not yet in `logs`: most belong to the invocation
  // just before them, met a line later, so their ids are compared as bytes and never decoded.
  // Decoding each id for a map was a sixth of the time to filter 100,000 invocations. Moved
  // to `logs` before the next batch is read (its bytes are then read over).
  let recent: ChunkLogs[] = [];
  const settle = () => {
    for (const r of recent) {
      const id = r.bytes.toString("utf8", LOGS_ID_START, r.idEnd);
      logs.set(id, keep(logs.get(id), r.at));
    }
    recent = [];
  };
  const ids = new Set<string>();
  const fromEnd: number[] = [];
  const batches = readLineBatchesBackward(file, { signal: q.signal });
  // Lines of the batch read last that are not taken yet (a page can end mid-batch).
  let batch: BackwardLine[] = [];
  let at = 0;
  let count = 0;

  /** The logs met so far of invocation `id`, taken out of the maps. */
  const logsOf = (id: string): LogsAt | undefined => {
    let found = logs.get(id);
    if (found) logs.delete(id);
    if (recent.length === 0) return found;
    const own = Buffer.from(id);
    recent = recent.filter((r) => {
      if (!sameId(r.bytes, LOGS_ID_START, r.idEnd, own, 0, own.length)) return true;
      found = keep(found, r.at);
      return false;
    });
    return found;
  };

  /** One line: true when it added an entry. */
  const take = (line: BackwardLine): boolean => {
    count = line.fromEnd;
    const { bytes } = line;
    if (bytes.length === 0) return false;
    if (
      q.mayMatch &&
      line.terminated &&
      looksWhole(bytes) &&
      !bytesAt(bytes, 0, LOGS_HEAD) &&
      !q.mayMatch(bytes)
    ) {
      out.seen++;
      // Its logs, met before it, are not wanted: dropped, the map holds only the logs of
      // invocations still to come (a few), not of every one passed over (most of a big file).
      const idEnd = recordHeadIdEnd(bytes);
      if (idEnd < 0) return false;
      // In place: this runs for most lines of a filtered read.
      for (let i = recent.length - 1; i >= 0; i--) {
        const r = recent[i]!;
        if (sameId(r.bytes, LOGS_ID_START, r.idEnd, bytes, RECORD_ID_START, idEnd)) recent.splice(i, 1);
      }
      if (logs.size > 0) logs.delete(bytes.toString("utf8", RECORD_ID_START, idEnd));
      return false;
    }
    // A logs record is known by its head (as classifyLine knows it), here without the objects
    // classifyLine makes: a big history is half logs lines.
    const head = line.terminated && bytes[bytes.length - 1] === 0x7d ? logsHeadEnd(bytes) : null;
    if (head) {
      recent.push({
        bytes,
        idEnd: head.idEnd,
        at: { offset: line.offset, length: bytes.length, state: head.state },
      });
      return false;
    }
    const loc = { offset: line.offset, length: bytes.length };
    const kind = classifyLine(bytes, line.terminated);
    switch (kind.kind) {
      case "blank":
        return false;
      case "damaged":
        // An unfinished last line is most likely a record being written right now.
        if (!line.terminated) return false;
        out.damaged++;
        if (out.damagedLines.length < MAX_DAMAGED_LINES) out.damagedLines.push(line.fromEnd);
        return false;
      case "logs": {
        // Settled first: the logs met before this line were written after it.
        settle();
        logs.set(kind.id, keep(logs.get(kind.id), { ...loc, state: kind.state }));
        return false;
      }
      case "record": {
        const r = kind.record;
        if (ids.has(r.id)) return false;
        ids.add(r.id);
        out.seen++;
        const entry = indexEntry(r, loc, 0);
        const later = logsOf(r.id);
        if (later && !(entry.logsState === "complete" && later.state !== "complete")) {
          entry.logs = later;
          entry.logsState = later.state;
        }
        if (q.match && !q.match(entry)) return false;
        out.entries.push(entry);
        fromEnd.push(line.fromEnd);
        return true;
      }
    }
  };

  return {
    async next(more) {
      if (out.complete || !out.exists) return out;
      let added = 0;
      try {
        while (added < more) {
          if (at < batch.length) {
            if (take(batch[at++]!)) added++;
            continue;
          }
          // The batch's bytes are read over by the next read.
          settle();
          const step = await batches.next();
          if (step.done) {
            // The whole file was read: line numbers from the start are known now.
            out.complete = true;
            out.damagedLines = out.damagedLines.map((n) => count - n + 1).sort((x, y) => x - y);
            out.entries.forEach((e, i) => (e.line = count - fromEnd[i]! + 1));
            break;
          }
          batch = step.value;
          at = 0;
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
        out.exists = false;
      }
      return out;
    },
    async close() {
      await batches.return(undefined);
    },
  };
}

export async function newestEntries(file: string, q: NewestQuery = {}): Promise<NewestResult> {
  const reader = openNewestReader(file, q);
  try {
    return await reader.next(q.limit ?? Infinity);
  } finally {
    await reader.close();
  }
}
