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
  logsHead,
  type HistoryIndexEntry,
  type LineLocation,
} from "./history-line.js";
import { bytesAt, recordHeadId } from "./history-line-tests.js";
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
  const logs = new Map<string, LineLocation & { state: LogsState }>();
  const ids = new Set<string>();
  const fromEnd: number[] = [];
  const batches = readLineBatchesBackward(file, { signal: q.signal });
  // Lines of the batch read last that are not taken yet (a page can end mid-batch).
  let batch: BackwardLine[] = [];
  let at = 0;
  let count = 0;

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
      const id = recordHeadId(bytes);
      if (id !== null) logs.delete(id);
      return false;
    }
    // A logs record is known by its head (as classifyLine knows it), here without the objects
    // classifyLine makes: a big history is half logs lines.
    const head = line.terminated && bytes[bytes.length - 1] === 0x7d ? logsHead(bytes) : null;
    if (head) {
      const had = logs.get(head.id);
      // Read backward, the first seen is the last written; complete logs win over gave-up.
      if (!had || (had.state !== "complete" && head.state === "complete"))
        logs.set(head.id, { offset: line.offset, length: bytes.length, state: head.state });
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
        const had = logs.get(kind.id);
        // Read backward, the first seen is the last written; complete logs win over gave-up.
        if (!had || (had.state !== "complete" && kind.state === "complete"))
          logs.set(kind.id, { ...loc, state: kind.state });
        return false;
      }
      case "record": {
        const r = kind.record;
        if (ids.has(r.id)) return false;
        ids.add(r.id);
        out.seen++;
        const entry = indexEntry(r, loc, 0);
        const later = logs.get(r.id);
        if (later) {
          logs.delete(r.id);
          if (!(entry.logsState === "complete" && later.state !== "complete")) {
            entry.logs = later;
            entry.logsState = later.state;
          }
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
