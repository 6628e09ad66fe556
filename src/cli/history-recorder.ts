// How the commands record into the history: --history FILE, the LAMBDA_EXPLORER_HISTORY
// variable or the state directory's history.jsonl; --no-history records nothing. Recording is
// advisory: a file that cannot be written is one warning on stderr (once per command), and the
// command goes on with its own result and exit code.
import type { Command } from "commander";
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
}

export async function historyRecorder(flags: HistoryFlags): Promise<HistoryRecorder> {
  if (flags.history === false) return { file: null, record: async () => {}, logs: async () => {} };
  const { appendLogsRecord, appendRecord, resolveHistoryFile } = await import("../history/store.js");
  const file = resolveHistoryFile(flags.history);
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
  return {
    file,
    record: (r) => guard(() => appendRecord(file, r)),
    logs: (l) => guard(() => appendLogsRecord(file, l)),
  };
}
