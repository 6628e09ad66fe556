// Reads a file's lines backward, from the last to the first, in chunks (64 KB, growing to 1 MB): the newest entries of an
// append-only history cost what they hold, not what the whole file holds. Lines stay bytes
// (a line split across chunks is joined as bytes, so a UTF-8 character cut by a chunk boundary
// is whole again before anything decodes it). The file's size is taken once at the start:
// bytes appended while reading are not seen, and a last line without its newline (a write
// under way, or cut short by a crash) is marked unterminated.
import { open, type FileHandle } from "node:fs/promises";

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
  // read of the whole file makes few calls. Two buffers are read into in turn: while the lines
  // of one are handled, the chunk before it is read into the other (the read runs on libuv's
  // pool), so a whole-file scan does not wait for each read. A new buffer per chunk was most
  // of the garbage a whole-file scan made.
  let chunkSize = opts.chunk ?? FIRST_CHUNK;
  const maxChunk = opts.chunk ?? MAX_CHUNK;
  const buffers = [Buffer.allocUnsafe(0), Buffer.allocUnsafe(0)];
  let turn = 0;
  const fh = await open(file, "r");
  let ahead: Promise<Chunk> | null = null;
  try {
    const size = opts.size ?? (await fh.stat()).size;
    // Pieces of the line being gathered, in file order; they end where the last chunk began.
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
    /** Starts reading the chunk that ends at `end` into the buffer whose turn it is. */
    const readAhead = (end: number): Promise<Chunk> | null => {
      if (end <= 0) return null;
      const start = Math.max(0, end - chunkSize);
      if (buffers[turn]!.length < end - start) buffers[turn] = Buffer.allocUnsafe(chunkSize);
      const buf = buffers[turn]!.subarray(0, end - start);
      turn ^= 1;
      chunkSize = Math.min(maxChunk, chunkSize * 2);
      const read = readFully(fh, buf, start);
      // Handled at once: a read that fails while the caller holds a batch is not an unhandled
      // rejection; the error is thrown where the chunk is awaited.
      read.catch(() => undefined);
      return read;
    };
    ahead = readAhead(size);
    while (ahead) {
      opts.signal?.throwIfAborted();
      const { buf, start, got } = await ahead;
      // The file shrank under us (truncated: never how a history is written): stop here.
      if (got < buf.length) return;
      // The other buffer's lines were handed out with the batch before: the caller is done
      // with them once it asks for this one.
      ahead = readAhead(start);
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
      if (batch.length > 0) yield batch;
    }
    const first = line(Buffer.alloc(0), 0);
    if (first) yield [first];
  } finally {
    // A read under way when the caller stopped (enough lines, or aborted) ends before the file
    // is closed under it.
    await ahead?.catch(() => undefined);
    await fh.close();
  }
}

interface Chunk {
  buf: Buffer;
  start: number;
  got: number;
}

async function readFully(fh: FileHandle, buf: Buffer, start: number): Promise<Chunk> {
  let got = 0;
  while (got < buf.length) {
    const { bytesRead } = await fh.read(buf, got, buf.length - got, start + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return { buf, start, got };
}
