// Whether a file may be appended to as a history, checked before anything is written. The
// history path is whatever the user typed or set in a variable, so it can name a file that is
// not ours: a config file, or a symbolic link planted or forgotten that leads elsewhere.
// - A non-empty file is appended to only when its first line is a history record.
// - A symbolic link is followed silently only within the named file's folder (a history that
//   rotates by linking history.jsonl to history-2026.jsonl). One that leads out of it is
//   followed to an existing history with a note saying where the records go (a history kept
//   in a synced folder is a fair choice), and refused when it leads to nothing: following it
//   would create a file the user never named.
// - Only regular files (and /dev/null): a FIFO or a device would block or swallow the records.
import { lstat, open, readlink, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { LOGS_PREFIX, parseHistoryLine } from "../core/history-record.js";
import { HistoryFileError } from "./history-error.js";

/** What serializeRecord and serializeLogsRecord start every line with. */
const RECORD_HEADS = ['{"id":"', LOGS_PREFIX];
/** The first line is judged from this many bytes (a record can be megabytes long). */
const HEAD_BYTES = 64 * 1024;

export interface HistoryTarget {
  /** The file the records go to: the named one, or where its symbolic link leads. */
  real: string;
  /** Things to tell the user (the explorer has nowhere to show them): once per command. */
  notes: string[];
}

const refuse = (file: string, code: string, message: string) =>
  new HistoryFileError(file, "write", code, message);

/**
 * Whether the start of a file is a history's: its first non-blank line is a record or logs
 * record (or begins as one, so a first write cut short still counts).
 */
export function looksLikeHistory(head: Buffer, complete: boolean): boolean {
  const text = head.toString("utf8");
  const start = text.search(/\S/);
  if (start < 0) return true;
  const nl = text.indexOf("\n", start);
  const line = nl < 0 ? text.slice(start) : text.slice(start, nl);
  if (RECORD_HEADS.some((h) => line.startsWith(h))) return true;
  if (nl < 0 && !complete) return false;
  const kind = parseHistoryLine(line).kind;
  return kind === "record" || kind === "logs";
}

async function readHead(file: string): Promise<{ head: Buffer; complete: boolean }> {
  const fh = await open(file, "r");
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(head, 0, HEAD_BYTES, 0);
    return { head: head.subarray(0, bytesRead), complete: bytesRead < HEAD_BYTES };
  } finally {
    await fh.close();
  }
}

/** Throws HistoryFileError when the existing `real` (named `file`) is not a history. */
export async function checkHistoryContent(file: string, real: string): Promise<void> {
  const { head, complete } = await readHead(real);
  if (!looksLikeHistory(head, complete))
    throw refuse(
      file,
      "ENOTHISTORY",
      `${file}${real === file ? "" : ` (a link to ${real})`} is not a history file: its first line is not a history record, and nothing was written to it. Name a new file or an existing history with --history FILE or LAMBDA_EXPLORER_HISTORY`,
    );
}

/** Where a symbolic link leads, even when nothing is there (then realpath fails). */
async function linkTarget(file: string): Promise<{ real: string; exists: boolean }> {
  try {
    return { real: await realpath(file), exists: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  // A dangling link (possibly through further links): follow it by hand, a bounded number of
  // times as the kernel does.
  let at = file;
  for (let hops = 0; hops < 40; hops++) {
    let to: string;
    try {
      to = path.resolve(path.dirname(at), await readlink(at));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EINVAL" || code === "ENOENT") return { real: at, exists: false };
      throw err;
    }
    at = to;
  }
  return { real: at, exists: false };
}

/**
 * Checks `file` (an absolute path) before the first append. Throws HistoryFileError: with code
 * ENOTHISTORY, ESYMLINK or ENOTREG when the file is not one to write to (a usage error), or the
 * system's code when it cannot be looked at.
 */
export async function checkHistoryTarget(file: string): Promise<HistoryTarget> {
  const notes: string[] = [];
  let real = file;
  try {
    let link = false;
    try {
      link = (await lstat(file)).isSymbolicLink();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      return { real, notes };
    }
    if (link) {
      const target = await linkTarget(file);
      const folder = await realpath(path.dirname(file)).catch(() => path.dirname(file));
      const inside = path.dirname(target.real) === folder;
      if (!target.exists && !inside)
        throw refuse(
          file,
          "ESYMLINK",
          `${file} is a symbolic link to ${target.real}, which does not exist: nothing was written there. Name the file itself with --history FILE, or remove the link`,
        );
      real = target.exists ? target.real : file;
      if (!inside) notes.push(`${file} is a symbolic link: recording into ${target.real}`);
      if (!target.exists) return { real, notes };
    }
    // The usual way to throw records away, kept working.
    if (real === "/dev/null") return { real, notes };
    const st = await stat(real);
    if (!st.isFile())
      throw refuse(
        file,
        "ENOTREG",
        `${file} is not a regular file: nothing was written to it. Name a file with --history FILE or LAMBDA_EXPLORER_HISTORY`,
      );
    if (st.size > 0) await checkHistoryContent(file, real);
    if ((st.mode & 0o044) !== 0)
      notes.push(
        `the history ${real} is readable by other users (mode ${(st.mode & 0o777).toString(8).padStart(4, "0")}), and it holds payloads and responses: chmod 600 ${real}`,
      );
  } catch (err) {
    throw HistoryFileError.from(err, file, "write");
  }
  return { real, notes };
}
