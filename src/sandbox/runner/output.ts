// Turning a child's output bytes into log lines, and keeping the 4 KB tail that Invoke returns.
import { StringDecoder } from "node:string_decoder";

/** CloudWatch's largest event is 256 KB; Lambda splits longer lines, and so do we. */
export const MAX_LINE_CHARS = 256 * 1024 - 26;
export const TAIL_BYTES = 4096;

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
    while (this.partial.length > MAX_LINE_CHARS) {
      this.onLine(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }

  private emit(line: string): void {
    for (let i = 0; i < line.length; i += MAX_LINE_CHARS) this.onLine(line.slice(i, i + MAX_LINE_CHARS));
    if (line.length === 0) this.onLine("");
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
