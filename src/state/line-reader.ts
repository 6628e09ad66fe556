// Reads a file a line at a time as bytes, with each line's byte offset, so a caller can come
// back to one line later without reading the rest. Lines stay Buffers: a caller that can tell
// from the first bytes that it does not need a line never pays for decoding it.
import { createReadStream } from "node:fs";

export interface RawLine {
  /** The line without its newline; valid only during the callback. */
  bytes: Buffer;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** 1-based line number. */
  number: number;
  /** False for a last line that has no newline: possibly a write cut short. */
  terminated: boolean;
}

const CHUNK = 1 << 20;

/**
 * Calls `onLine` for every line of `file` (from byte `start`, a line's first byte, when given;
 * line numbers then count from there); resolves with the offset reached. Rejects as fs does.
 */
export async function forEachLine(
  file: string,
  onLine: (line: RawLine) => void,
  signal?: AbortSignal,
  start = 0,
): Promise<number> {
  // Bytes of a line that spans chunks; joined once its newline arrives, not once per chunk.
  let pending: Buffer[] = [];
  let lineStart = start;
  let position = start;
  let number = 0;
  const stream = createReadStream(file, { highWaterMark: CHUNK, signal, start });
  for await (const data of stream) {
    const chunk = data as Buffer;
    let from = 0;
    let nl: number;
    while ((nl = chunk.indexOf(10, from)) !== -1) {
      const part = chunk.subarray(from, nl);
      const bytes = pending.length > 0 ? Buffer.concat([...pending, part]) : part;
      pending = [];
      onLine({ bytes, offset: lineStart, number: ++number, terminated: true });
      from = nl + 1;
      lineStart = position + from;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    position += chunk.length;
  }
  if (pending.length > 0)
    onLine({ bytes: Buffer.concat(pending), offset: lineStart, number: ++number, terminated: false });
  return position;
}
