// How the commands record into the history: --history FILE, the LAMBDA_EXPLORER_HISTORY
// variable or the state directory's history.jsonl; --no-history records nothing. Recording is
// advisory: a file that cannot be written is one warning on stderr (once per command), and the
// command goes on with its own result and exit code. A file that is not one to write to (not a
// history, a link to nothing outside its folder; see src/state/history-target.ts) is refused
// before the command does anything: a usage error, exit 2, nothing written.
import type { Command } from "commander";
import { EXIT, UserError } from "./exit-codes.js";
import type { HistoryRecord, LogsRecord } from "../core/history-record.js";

export interface HistoryFlags {
  /** A path, false for --no-history, undefined for the default. */
  history?: string | false;
}

export function withHistoryOption(cmd: Command, what: string): Command {
  return cmd
    .option(
      "--history <file>",
      `the history file ${what} (default: LAMBDA_EXPLORER_HISTORY or the state folder's)`,
    )
    .option("--no-history", "record nothing");
}

export interface HistoryRecorder {
  /** The file recorded into; null with --no-history. */
  file: string | null;
  record(r: HistoryRecord): Promise<void>;
  logs(l: LogsRecord): Promise<void>;
  /** Closes the file, when it was kept open (keepOpen). */
  close(): Promise<void>;
}

const REFUSED = new Set(["ENOTHISTORY", "ESYMLINK", "ENOTREG"]);

/**
 * Checks the history before the command runs: throws UserError when it must not be written to,
 * and prints the notes (where a link leads, a file others can read) once. A file that cannot be
 * looked at is left to the first write's warning.
 */
async function preflight(file: string): Promise<void> {
  const { checkHistoryTarget } = await import("../state/history-target.js");
  const { HistoryFileError } = await import("../state/history-error.js");
  try {
    const { notes } = await checkHistoryTarget(file);
    for (const note of notes) process.stderr.write(`lambda-explorer: warning: ${note}\n`);
  } catch (err) {
    if (err instanceof HistoryFileError && err.code !== undefined && REFUSED.has(err.code))
      throw new UserError(err.message, EXIT.usage);
  }
}

/**
 * `keepOpen` holds the file open for many records (replay); otherwise each record opens it, so a
 * long-running command never holds a descriptor between records.
 */
export async function historyRecorder(
  flags: HistoryFlags,
  opts: { keepOpen?: boolean } = {},
): Promise<HistoryRecorder> {
  const none = async () => {};
  if (flags.history === false) return { file: null, record: none, logs: none, close: none };
  const { appendLogsRecord, appendRecord, openHistoryAppender, resolveHistoryFile } =
    await import("../state/history-store.js");
  const { serializeLogsRecord, serializeRecord } = await import("../core/history-record.js");
  const file = resolveHistoryFile(flags.history);
  await preflight(file);
  let warned = false;
  const guard = async (write: () => Promise<void>) => {
    try {
      await write();
    } catch (err) {
      if (warned) return;
      warned = true;
      process.stderr.write(
        `lambda-explorer: warning: not recorded in the history: ${(err as Error).message}\n`,
      );
    }
  };
  if (opts.keepOpen) {
    // Opened on the first record (once, however many arrive together), so a failure to open is
    // the same one warning.
    let appender: ReturnType<typeof openHistoryAppender> | null = null;
    const opening = () => (appender ??= openHistoryAppender(file));
    // Writes still under way, so that close() ends them all: a caller may go on without
    // awaiting a record (replay frees its concurrency slot for the next invocation).
    const writing = new Set<Promise<void>>();
    const track = (p: Promise<void>) => {
      writing.add(p);
      void p.finally(() => writing.delete(p));
      return p;
    };
    return {
      file,
      record: (r) => track(guard(async () => (await opening()).append(serializeRecord(r)))),
      logs: (l) => track(guard(async () => (await opening()).append(serializeLogsRecord(l)))),
      close: async () => {
        await Promise.all(writing);
        await appender?.then((a) => a.close()).catch(() => undefined);
      },
    };
  }
  return {
    file,
    record: (r) => guard(() => appendRecord(file, r)),
    logs: (l) => guard(() => appendLogsRecord(file, l)),
    close: none,
  };
}
