// Opening a history file for a command (history list / export / import, replay): clear
// messages for a missing file or one that is not a history, the damaged-lines notice on
// stderr, and the --function / --since filters.
import type { HistoryIndex, HistoryIndexEntry } from "../state/history-store.js";
import { EXIT, UserError } from "./exit-codes.js";
import { escapeControl } from "./text.js";

export interface EntryFilters {
  function?: string;
  since?: string;
}

/** The index of `file`; a missing file is an error unless `missingIsEmpty`. Throws UserError. */
export async function openHistoryFile(
  file: string,
  opts: { missingIsEmpty?: boolean } = {},
): Promise<HistoryIndex> {
  const { damagedMessage, HistoryFileError, loadHistoryIndex } = await import("../state/history-store.js");
  let index: HistoryIndex;
  try {
    index = await loadHistoryIndex(file);
  } catch (err) {
    if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
    throw err;
  }
  if (!index.exists && !opts.missingIsEmpty)
    throw new UserError(
      `no history file ${file}: check the path (invoke and the explorer record into the history; see lambda-explorer history --help)`,
      EXIT.usage,
    );
  if (index.entries.length === 0 && index.damaged > 0)
    throw new UserError(
      `${file} is not a history file: none of its ${index.damaged} non-empty line${index.damaged === 1 ? " is" : "s is"} a history record (one JSON invocation record a line)`,
      EXIT.usage,
    );
  const damaged = damagedMessage(index);
  if (damaged) process.stderr.write(`lambda-explorer: ${file}: ${damaged}\n`);
  return index;
}

/**
 * The entries that pass --function (a name, or name:qualifier) and --since. A function the
 * history has never seen is an error naming the ones it has, as a misspelling is likelier
 * than a deliberate empty result.
 */
export async function filterEntries<E extends HistoryIndexEntry>(
  entries: readonly E[],
  filters: EntryFilters,
  file: string,
  now = Date.now(),
): Promise<E[]> {
  let out = [...entries];
  if (filters.function !== undefined) {
    const { parseFunctionRef } = await import("../core/invocation-record.js");
    const ref = parseFunctionRef(filters.function);
    out = out.filter((e) => e.functionName === ref.name);
    if (out.length === 0) {
      const names = [...new Set(entries.map((e) => e.functionName))].sort();
      const some = names.slice(0, 10).map(escapeControl).join(", ") + (names.length > 10 ? ", …" : "");
      throw new UserError(
        `no invocations of ${escapeControl(ref.name)} in ${file}${names.length ? `; it has: ${some}` : ": it is empty"}`,
        EXIT.usage,
      );
    }
    if (ref.qualifier !== null) out = out.filter((e) => e.qualifier === ref.qualifier);
  }
  if (filters.since !== undefined) {
    const { parseTimeSpec } = await import("../core/time-spec.js");
    let since: number;
    try {
      since = parseTimeSpec(filters.since, now);
    } catch (err) {
      throw new UserError(`--since: ${(err as Error).message}`, EXIT.usage);
    }
    out = out.filter((e) => Date.parse(e.at) >= since);
  }
  return out;
}
