// Reads a file's lines backward, from the last to the first, in chunks (64 KB, growing to 1 MB): the newest entries of an
// append-only history cost what they hold, not what the whole file holds. Lines stay bytes
// (a line split across chunks is joined as bytes, so a UTF-8 character cut by a chunk boundary
// is whole again before anything decodes it). The file's size is taken once at the start:
// bytes appended while reading are not seen, and a last line without its newline (a write
// under way, or cut short by a crash) is marked unterminated.
import { open } from "node:fs/promises";

export interface BackwardLine {
  /** The line without its newline (and without a CR before it); valid until the next read. */
  bytes: Buffer;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** 1 for the last line, 2 for the one before it, ... */
  fromEnd: number;
  /** False for a last line that has no newline: possibly a write cut short or under way. */
  terminated: boolean;
}

const FIRST_CHUNK = 64 * 1024;
const MAX_CHUNK = 1024 * 1024;

/**
 * The lines of `file`, last first. Rejects as fs does (ENOENT for a missing file). `size` ends
 * the read there instead of at the file's current end.
 */
export async function* readLinesBackward(
  file: string,
  opts: { chunk?: number; signal?: AbortSignal; size?: number } = {},
): AsyncGenerator<BackwardLine> {
  for await (const batch of readLineBatchesBackward(file, opts)) yield* batch;
}

/**
 * The same, the lines of each chunk read given together: an async generator's step costs a few
 * microseconds, which a step per line made most of the time to scan 100,000 entries.
 */
export async function* readLineBatchesBackward(
  file: string,
  opts: { chunk?: number; signal?: AbortSignal; size?: number } = {},
): AsyncGenerator<BackwardLine[]> {
  // Small at first (the newest few entries are often all that is wanted), then larger, so a
  // read of the whole file makes few calls. One buffer is read into again and again: a new one
  // per chunk was most of the garbage a whole-file scan made.
  let chunkSize = opts.chunk ?? FIRST_CHUNK;
  const maxChunk = opts.chunk ?? MAX_CHUNK;
  let buffer = Buffer.allocUnsafe(0);
  const fh = await open(file, "r");
  try {
    let pos = opts.size ?? (await fh.stat()).size;
    // Pieces of the line being gathered, in file order; its end is `pos` plus their length.
    let carry: Buffer[] = [];
    let fromEnd = 0;
    let last = true;
    const line = (head: Buffer, offset: number): BackwardLine | null => {
      let bytes = carry.length === 0 ? head : Buffer.concat([head, ...carry]);
      carry = [];
      const terminated = !last;
      if (last) {
        last = false;
        // Nothing after the last newline: the file ends with a whole line.
        if (bytes.length === 0) return null;
      }
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
      return { bytes, offset, fromEnd: ++fromEnd, terminated };
    };
    while (pos > 0) {
      opts.signal?.throwIfAborted();
      const start = Math.max(0, pos - chunkSize);
      if (buffer.length < pos - start) buffer = Buffer.allocUnsafe(chunkSize);
      const buf = buffer.subarray(0, pos - start);
      chunkSize = Math.min(maxChunk, chunkSize * 2);
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      // The file shrank under us (truncated: never how a history is written): stop here.
      if (got < buf.length) return;
      let end = buf.length;
      let nl: number;
      const batch: BackwardLine[] = [];
      while (end > 0 && (nl = buf.lastIndexOf(10, end - 1)) !== -1) {
        const out = line(buf.subarray(nl + 1, end), start + nl + 1);
        if (out) batch.push(out);
        end = nl;
      }
      // Copied: the buffer is read into again.
      if (end > 0) carry.unshift(Buffer.from(buf.subarray(0, end)));
      pos = start;
      if (batch.length > 0) yield batch;
    }
    const first = line(Buffer.alloc(0), 0);
    if (first) yield [first];
  } finally {
    await fh.close();
  }
}
