// A history file that cannot be read or written. The message says what is wrong and what to do,
// so the explorer can show it in a line and carry on (invocations still work without a history)
// and the commands can print it as a warning.
import path from "node:path";

export type HistoryOp = "read" | "write";

const REMEDY = "choose another file with --history FILE or the LAMBDA_EXPLORER_HISTORY variable";

function reason(err: NodeJS.ErrnoException, file: string): string {
  switch (err.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the file system is read-only";
    // mkdir -p answers EEXIST when a part of the folder path is a file, open ENOTDIR.
    case "EEXIST":
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EISDIR":
      return `${file} is a folder`;
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "ENOENT":
      return "no such file";
    default:
      return err.message;
  }
}

export class HistoryFileError extends Error {
  override name = "HistoryFileError";
  constructor(
    readonly file: string,
    readonly op: HistoryOp,
    /** The errno code (EACCES, EROFS, ENOENT, …) when the system gave one. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }

  static from(err: unknown, file: string, op: HistoryOp): HistoryFileError {
    if (err instanceof HistoryFileError) return err;
    const e = err as NodeJS.ErrnoException;
    const why = reason(e, file);
    const message =
      op === "write"
        ? `cannot write the history file ${file}: ${why}. ${
            e.code === "EACCES" || e.code === "EPERM"
              ? `Fix the permissions of ${path.dirname(file)}, or ${REMEDY}`
              : REMEDY[0]!.toUpperCase() + REMEDY.slice(1)
          }.`
        : `cannot read the history file ${file}: ${why}.`;
    return new HistoryFileError(file, op, e.code, message);
  }
}

/** "2 damaged records skipped (lines 3, 9)", or null when there were none. */
export function damagedMessage(index: { damaged: number; damagedLines: readonly number[] }): string | null {
  if (index.damaged === 0) return null;
  const n = index.damaged;
  const lines = index.damagedLines.join(", ") + (n > index.damagedLines.length ? ", …" : "");
  return `${n} damaged record${n === 1 ? "" : "s"} skipped (line${n === 1 ? "" : "s"} ${lines})`;
}
