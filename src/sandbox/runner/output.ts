// Turning a child's output bytes into log lines, and keeping the 4 KB tail that Invoke returns.
import { StringDecoder } from "node:string_decoder";

/** CloudWatch's largest event is 256 KB including 26 bytes of overhead; Lambda splits longer lines, and so do we. */
export const MAX_LINE_BYTES = 256 * 1024 - 26;
export const TAIL_BYTES = 4096;

/**
 * Cuts `text` into pieces of at most `max` UTF-8 bytes, never inside a character. The last
 * piece is returned apart, as it may still grow.
 */
export function splitByBytes(text: string, max: number): { pieces: string[]; rest: string } {
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > max) {
      pieces.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += units;
  }
  return { pieces, rest: text.slice(start) };
}

/** Splits a byte stream into lines (UTF-8 safe), calling `onLine` for each complete one. */
export class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private partial = "";

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    this.feed(this.decoder.write(chunk));
  }

  /** Emits what is left as a last line. */
  end(): void {
    this.feed(this.decoder.end());
    if (this.partial.length > 0) this.emit(this.partial);
    this.partial = "";
  }

  private feed(text: string): void {
    let start = 0;
    let nl = text.indexOf("\n");
    while (nl >= 0) {
      this.emit(this.partial + text.slice(start, nl));
      this.partial = "";
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    this.partial += text.slice(start);
    // A character is at most 3 bytes per UTF-16 unit, so only a long partial can be too big.
    if (this.partial.length * 3 > MAX_LINE_BYTES) {
      const { pieces, rest } = splitByBytes(this.partial, MAX_LINE_BYTES);
      pieces.forEach((p) => this.onLine(p));
      this.partial = rest;
    }
  }

  private emit(line: string): void {
    if (line.length * 3 <= MAX_LINE_BYTES) {
      this.onLine(line);
      return;
    }
    const { pieces, rest } = splitByBytes(line, MAX_LINE_BYTES);
    pieces.forEach((p) => this.onLine(p));
    this.onLine(rest);
  }
}

/** Keeps roughly the last few KB of an invocation's lines; `text()` is the LogResult tail. */
export class TailBuffer {
  private lines: string[] = [];
  private bytes = 0;

  push(line: string): void {
    const size = Buffer.byteLength(line) + 1;
    this.lines.push(line);
    this.bytes += size;
    while (this.lines.length > 1 && this.bytes - Buffer.byteLength(this.lines[0]!) - 1 >= TAIL_BYTES) {
      this.bytes -= Buffer.byteLength(this.lines.shift()!) + 1;
    }
  }

  /** The last 4 KB of the log text, cut at a byte boundary as Lambda does (never inside a character). */
  text(): string {
    const all = Buffer.from(this.lines.map((l) => l + "\n").join(""), "utf8");
    if (all.length <= TAIL_BYTES) return all.toString("utf8");
    let start = all.length - TAIL_BYTES;
    while (start < all.length && (all[start]! & 0xc0) === 0x80) start++;
    return all.subarray(start).toString("utf8");
  }
}
