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

/**
 * The index of `file`; a missing file is an error unless `missingIsEmpty`. With `mayMatch`
 * (lineTests), it holds only the entries a filter may want. Throws UserError.
 */
export async function openHistoryFile(
  file: string,
  opts: { missingIsEmpty?: boolean; mayMatch?: (bytes: Buffer) => boolean; quiet?: boolean } = {},
): Promise<HistoryIndex> {
  const { HistoryFileError, loadHistoryIndex } = await import("../state/history-store.js");
  let index: HistoryIndex;
  try {
    index = await loadHistoryIndex(file, { mayMatch: opts.mayMatch });
  } catch (err) {
    if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
    throw err;
  }
  await checkHistoryRead(file, { ...index, records: index.entries.length + index.passed }, opts);
  return index;
}

/** What a read of a history found, for checkHistoryRead. */
export interface HistoryRead {
  exists: boolean;
  /** Invocation records read (kept or passed over). */
  records: number;
  damaged: number;
  damagedLines: readonly number[];
}

/**
 * A missing file (unless `missingIsEmpty`) or one with no record among damaged lines is a
 * UserError; damaged lines are said on stderr (unless `quiet`).
 */
export async function checkHistoryRead(
  file: string,
  read: HistoryRead,
  opts: { missingIsEmpty?: boolean; quiet?: boolean } = {},
): Promise<void> {
  const { damagedMessage } = await import("../state/history-error.js");
  if (!read.exists && !opts.missingIsEmpty)
    throw new UserError(
      `no history file ${file}: check the path (invoke and the explorer record into the history; see lambda-explorer history --help)`,
      EXIT.usage,
    );
  if (read.records === 0 && read.damaged > 0)
    throw new UserError(
      `${file} is not a history file: none of its ${read.damaged} non-empty line${read.damaged === 1 ? " is" : "s is"} a history record (one JSON invocation record a line)`,
      EXIT.usage,
    );
  const damaged = damagedMessage(read);
  if (damaged && !opts.quiet) process.stderr.write(`lambda-explorer: ${file}: ${damaged}\n`);
}

/** --since as epoch ms; a time that cannot be read is a UserError. */
async function sinceOf(since: string, now: number): Promise<number> {
  const { parseTimeSpec } = await import("../core/time-spec.js");
  try {
    return parseTimeSpec(since, now);
  } catch (err) {
    throw new UserError(`--since: ${(err as Error).message}`, EXIT.usage);
  }
}

/**
 * --function and --since as cheap tests on a line's bytes (src/state/history-line-tests.ts):
 * false only for a line the filters cannot want. Undefined without filters.
 */
export async function lineTests(
  filters: EntryFilters,
  now = Date.now(),
): Promise<((bytes: Buffer) => boolean) | undefined> {
  const { mayBeSince, mayHoldString } = await import("../state/history-line-tests.js");
  const tests: Array<(bytes: Buffer) => boolean> = [];
  if (filters.function !== undefined) {
    const { parseFunctionRef } = await import("../core/invocation-record.js");
    tests.push(mayHoldString(parseFunctionRef(filters.function).name));
  }
  if (filters.since !== undefined) tests.push(mayBeSince(await sinceOf(filters.since, now)));
  // One test alone is given as it is: it runs for every line of a big history.
  if (tests.length <= 1) return tests[0];
  return (bytes) => tests.every((t) => t(bytes));
}

/**
 * The entries of `file` that pass the filters, read without keeping the others: the index
 * holds what the byte tests let through, and filterEntries judges those exactly. When no
 * entry is of the function asked for, the file is read whole once more, to name the ones it
 * has (filterEntries's message).
 */
export async function openFilteredHistory(
  file: string,
  filters: EntryFilters,
  now = Date.now(),
): Promise<HistoryIndexEntry[]> {
  const mayMatch = await lineTests(filters, now);
  const index = await openHistoryFile(file, { mayMatch });
  try {
    return await filterEntries(index.entries, filters, file, now);
  } catch (err) {
    if (mayMatch === undefined || !(err instanceof UserError)) throw err;
    const whole = await openHistoryFile(file, { quiet: true });
    return filterEntries(whole.entries, filters, file, now);
  }
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
    const since = await sinceOf(filters.since, now);
    out = out.filter((e) => Date.parse(e.at) >= since);
  }
  return out;
}
