// An invocation's logs record written before the invocation itself. The format puts it after
// (src/core/history-record.ts), and the explorer's backward read only looks there; but until
// 2026-12 the explorer appended the two concurrently and the logs record could land first. The
// forward index (`history show`, replay) finds it either way; an entry opened in the explorer
// whose logs were not found after it looks here, just before it, where that race put them.
import type { FileHandle } from "node:fs/promises";
import { LOGS_PREFIX, parseHistoryLine, type LogsRecord } from "../core/history-record.js";

/** How far before the invocation to look: the race put its logs a line or two before it. */
export const LOOK_BEHIND = 1024 * 1024;

/**
 * The logs record of invocation `id` among the whole lines that end before `offset`, within
 * LOOK_BEHIND bytes; complete logs win over gave-up, then the last written. Null when none.
 */
export async function logsBefore(fh: FileHandle, offset: number, id: string): Promise<LogsRecord | null> {
  const start = Math.max(0, offset - LOOK_BEHIND);
  const bytes = Buffer.alloc(offset - start);
  let got = 0;
  while (got < bytes.length) {
    const { bytesRead } = await fh.read(bytes, got, bytes.length - got, start + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  const window = bytes.subarray(0, got);
  const head = Buffer.from(`${LOGS_PREFIX}${id}"`);
  let found: LogsRecord | null = null;
  for (let at = window.lastIndexOf(head); at >= 0; at = at === 0 ? -1 : window.lastIndexOf(head, at - 1)) {
    // A line's own start: the file's, or just after a newline (not a cut at the window's start).
    if (at === 0 ? start !== 0 : window[at - 1] !== 0x0a) continue;
    const end = window.indexOf(0x0a, at);
    if (end < 0) continue;
    const line = parseHistoryLine(window.toString("utf8", at, end));
    if (line.kind !== "logs") continue;
    if (line.logs.logsState === "complete") return line.logs;
    found ??= line.logs;
  }
  return found;
}
