// "Load from file" for the payload editor: the path as typed (~ and relative paths welcome),
// read whole as UTF-8 text, with a message that says what to fix for every way it can fail.
import { readdir, readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { formatBytes } from "../../../core/payload.js";

export type PayloadFileResult =
  { ok: true; text: string; path: string; bytes: number } | { ok: false; message: string };

const MB = 1024 * 1024;

/** One entry of a directory listing, for completing a path. */
export interface DirEntry {
  name: string;
  /** A directory, or a link to one: completion adds "/" so Tab can go on into it. */
  directory: boolean;
}

/**
 * `~` and `~/...` to the home directory, then absolute from `cwd`. Quotes around the whole
 * path are dropped: terminals add them when a file is dragged in.
 */
export function resolvePayloadPath(pathText: string, cwd: string): string {
  const trimmed = pathText.trim();
  const typed = /^(['"])(.+)\1$/.exec(trimmed)?.[2] ?? trimmed;
  const expanded = typed === "~" || typed.startsWith("~/") ? homedir() + typed.slice(1) : typed;
  return path.resolve(cwd, expanded);
}

export async function readPayloadFile(
  pathText: string,
  cwd: string,
  limitBytes: number,
): Promise<PayloadFileResult> {
  if (pathText.trim() === "") return { ok: false, message: "Type the path of a file to load" };
  const abs = resolvePayloadPath(pathText, cwd);
  try {
    const info = await stat(abs);
    if (info.isDirectory()) return { ok: false, message: `${abs} is a directory, not a file` };
    // A FIFO or a device could block the read or never end.
    if (!info.isFile()) return { ok: false, message: `${abs} is not a regular file` };
    if (info.size > limitBytes) return { ok: false, message: tooBig(abs, info.size, limitBytes) };
    const bytes = await readFile(abs);
    // Checked again: the file may have grown since stat.
    if (bytes.length > limitBytes) return { ok: false, message: tooBig(abs, bytes.length, limitBytes) };
    let text: string;
    try {
      // fatal: refuse binary files instead of loading U+FFFD in place of their bytes. The
      // decoder also drops a leading byte-order mark, which JSON.parse would reject.
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `${abs} is not UTF-8 text (is it a binary file?)` };
    }
    return { ok: true, text, path: abs, bytes: bytes.length };
  } catch (err) {
    return { ok: false, message: readError(abs, err) };
  }
}

/** The entries of a directory as typed ("" is `cwd`); none when it cannot be listed. */
export async function listDirectory(dirText: string, cwd: string): Promise<DirEntry[]> {
  const abs = resolvePayloadPath(dirText === "" ? "." : dirText, cwd);
  try {
    const entries = await readdir(abs, { withFileTypes: true });
    return await Promise.all(
      entries.map(async (e) => ({
        name: e.name,
        // Only links need a stat to tell where they lead; a broken one is a file.
        directory:
          e.isDirectory() ||
          (e.isSymbolicLink() &&
            (await stat(path.join(abs, e.name)).then(
              (s) => s.isDirectory(),
              () => false,
            ))),
      })),
    );
  } catch {
    return [];
  }
}

function tooBig(abs: string, size: number, limit: number): string {
  // A whole number of MB shows as "6 MB", as in the editor's own size message.
  const limitText = limit % MB === 0 ? `${limit / MB} MB` : formatBytes(limit);
  return `${abs} is ${formatBytes(size)}, over the ${limitText} payload limit`;
}

function readError(abs: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return `No file at ${abs}`;
    case "EACCES":
    case "EPERM":
      return `Cannot read ${abs}: permission denied`;
    case "EISDIR":
      return `${abs} is a directory, not a file`;
    default:
      return `Cannot read ${abs}: ${err instanceof Error ? err.message : String(err)}`;
  }
}
