// Which of some ids a history already holds, found by streaming it: `history import` asks this of
// the history it appends to, which can be far bigger than the file imported. Only the ids asked
// about are kept, never an index of the whole history (its entries, or every id). Lines are
// judged as loadHistoryIndex judges them, so damaged lines are counted alike.
import { HistoryFileError } from "./history-error.js";
import { classifyLine } from "./history-line.js";
import { forEachLine } from "./line-reader.js";

const MAX_DAMAGED_LINES = 20;

export interface IdsInHistory {
  exists: boolean;
  /** The ids asked about that the history holds. */
  found: Set<string>;
  /** Invocation records in the history. */
  records: number;
  damaged: number;
  /** Line numbers of the first damaged lines. */
  damagedLines: number[];
}

/** The ids of `wanted` that `file` holds; a missing file holds none. Throws HistoryFileError. */
export async function idsInHistory(file: string, wanted: ReadonlySet<string>): Promise<IdsInHistory> {
  const out: IdsInHistory = { exists: true, found: new Set(), records: 0, damaged: 0, damagedLines: [] };
  try {
    await forEachLine(file, ({ bytes, terminated, number }) => {
      const kind = classifyLine(bytes, terminated);
      if (kind.kind === "record") {
        out.records++;
        if (wanted.has(kind.record.id)) out.found.add(kind.record.id);
      } else if (kind.kind === "damaged") {
        out.damaged++;
        if (out.damagedLines.length < MAX_DAMAGED_LINES) out.damagedLines.push(number);
      }
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { ...out, exists: false };
    throw HistoryFileError.from(err, file, "read");
  }
  return out;
}
