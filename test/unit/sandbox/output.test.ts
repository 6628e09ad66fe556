import { describe, expect, it } from "vitest";
import { LineSplitter, MAX_LINE_BYTES, TAIL_BYTES, TailBuffer } from "../../../src/sandbox/runner/output.js";

function splitter() {
  const lines: string[] = [];
  const s = new LineSplitter((l) => lines.push(l));
  return {
    s,
    lines,
    push: (chunk: string | Buffer) => s.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)),
  };
}

const byteLength = (s: string) => Buffer.byteLength(s, "utf8");
/** True when the string survives a UTF-8 round trip, i.e. holds no lone surrogate. */
const wellFormed = (s: string) => Buffer.from(s, "utf8").toString("utf8") === s;

describe("LineSplitter", () => {
  it("emits each complete line without its newline", () => {
    const { push, lines } = splitter();
    push("one\ntwo\n");
    expect(lines).toEqual(["one", "two"]);
  });

  it("joins a line split across chunks", () => {
    const { push, lines } = splitter();
    push("hel");
    expect(lines).toEqual([]);
    push("lo wor");
    push("ld\nnext");
    expect(lines).toEqual(["hello world"]);
    push("\n");
    expect(lines).toEqual(["hello world", "next"]);
  });

  it("keeps empty lines", () => {
    const { push, lines } = splitter();
    push("a\n\n\nb\n");
    expect(lines).toEqual(["a", "", "", "b"]);
  });

  it("decodes a 2-byte character split between two chunks", () => {
    const { push, lines } = splitter();
    const bytes = Buffer.from("café\n", "utf8"); // é = C3 A9
    const cut = bytes.indexOf(0xc3) + 1;
    push(bytes.subarray(0, cut));
    push(bytes.subarray(cut));
    expect(lines).toEqual(["café"]);
  });

  it("decodes a 4-byte character split over three chunks", () => {
    const { push, lines } = splitter();
    const bytes = Buffer.from("smile 😀 done\n", "utf8");
    const at = bytes.indexOf(0xf0);
    push(bytes.subarray(0, at + 1));
    push(bytes.subarray(at + 1, at + 3));
    push(bytes.subarray(at + 3));
    expect(lines).toEqual(["smile 😀 done"]);
  });

  it("flushes a partial last line on end()", () => {
    const { s, push, lines } = splitter();
    push("first\nlast without newline");
    expect(lines).toEqual(["first"]);
    s.end();
    expect(lines).toEqual(["first", "last without newline"]);
  });

  it("emits nothing more on end() after a trailing newline", () => {
    const { s, push, lines } = splitter();
    push("only\n");
    s.end();
    expect(lines).toEqual(["only"]);
  });

  it("flushes an incomplete multibyte sequence on end() rather than dropping the line", () => {
    const { s, push, lines } = splitter();
    push(Buffer.from([0x61, 0xc3])); // "a" then half of "é"
    s.end();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith("a")).toBe(true);
  });

  it("splits a line longer than MAX_LINE_BYTES into pieces", () => {
    const { push, lines } = splitter();
    push("x".repeat(MAX_LINE_BYTES) + "y".repeat(10) + "\nz\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("x".repeat(MAX_LINE_BYTES));
    expect(lines[1]).toBe("y".repeat(10));
    expect(lines[2]).toBe("z");
  });

  it("keeps a line of exactly MAX_LINE_BYTES whole", () => {
    const { push, lines } = splitter();
    push("x".repeat(MAX_LINE_BYTES) + "\n");
    expect(lines).toEqual(["x".repeat(MAX_LINE_BYTES)]);
  });

  it("emits pieces of a long line before its newline arrives, and the rest on end()", () => {
    const { s, push, lines } = splitter();
    const half = Math.ceil(MAX_LINE_BYTES / 2) + 1;
    push("a".repeat(half));
    push("a".repeat(half));
    push("a".repeat(half)); // 3 * half > MAX: one full piece is out
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBe(MAX_LINE_BYTES);
    s.end();
    expect(lines).toHaveLength(2);
    expect(lines.join("")).toBe("a".repeat(3 * half));
    expect(lines.every((l) => l.length <= MAX_LINE_BYTES)).toBe(true);
  });

  // Long lines are cut at character boundaries: an emoji straddling a cut once became two
  // lone surrogates, each logged as U+FFFD.
  it("never splits a surrogate pair when cutting a long line", () => {
    const { push, lines } = splitter();
    const line = "a" + "😀".repeat(MAX_LINE_BYTES / 2);
    push(line + "\n");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe(line);
    for (const piece of lines) expect(wellFormed(piece)).toBe(true);
  });

  // The limit is CloudWatch's 256 KB event size less its 26-byte overhead, counted in UTF-8
  // bytes (it was once applied to UTF-16 units, giving ~512 KB events for 2-byte characters).
  it("keeps each piece of a long multi-byte line within CloudWatch's 256 KB event size", () => {
    const { push, lines } = splitter();
    push("é".repeat(MAX_LINE_BYTES + 1) + "\n");
    for (const piece of lines) expect(byteLength(piece) + 26).toBeLessThanOrEqual(256 * 1024);
  });
});

describe("TailBuffer", () => {
  it("keeps everything when the log is short", () => {
    const t = new TailBuffer();
    t.push("START");
    t.push("");
    t.push("END");
    expect(t.text()).toBe("START\n\nEND\n");
  });

  it("is empty with no lines", () => {
    expect(new TailBuffer().text()).toBe("");
  });

  it("keeps exactly TAIL_BYTES of ASCII, ending with the last line", () => {
    const t = new TailBuffer();
    const all: string[] = [];
    for (let i = 0; i < 500; i++) {
      const line = `line ${String(i).padStart(4, "0")} ${"-".repeat(20)}`;
      all.push(line);
      t.push(line);
    }
    const text = t.text();
    expect(TAIL_BYTES).toBe(4096);
    expect(byteLength(text)).toBe(TAIL_BYTES);
    expect(text.endsWith(`${all[499]}\n`)).toBe(true);
    expect(all.map((l) => l + "\n").join("")).toContain(text);
    expect(
      all
        .map((l) => l + "\n")
        .join("")
        .endsWith(text),
    ).toBe(true);
  });

  it("keeps a log of exactly TAIL_BYTES whole", () => {
    const t = new TailBuffer();
    t.push("a".repeat(TAIL_BYTES - 1));
    expect(t.text()).toBe("a".repeat(TAIL_BYTES - 1) + "\n");
  });

  it("cuts a single huge line to its last bytes", () => {
    const t = new TailBuffer();
    t.push("x".repeat(10_000));
    expect(t.text()).toBe("x".repeat(TAIL_BYTES - 1) + "\n");
  });

  it("never cuts inside a 2-byte character", () => {
    const t = new TailBuffer();
    const line = "é".repeat(50); // 100 bytes + newline
    for (let i = 0; i < 100; i++) t.push(line);
    t.push("z");
    // The last 4096 bytes start at the second byte of an "é": the cut moves one byte on.
    const text = t.text();
    expect(byteLength(text)).toBe(TAIL_BYTES - 1);
    expect(text).not.toContain("\uFFFD");
    expect(text.startsWith("é".repeat(26) + "\n")).toBe(true);
    expect(text.endsWith(`${line}\nz\n`)).toBe(true);
  });

  it("never cuts inside a 4-byte character", () => {
    const t = new TailBuffer();
    const line = "😀".repeat(10); // 40 bytes + newline
    for (let i = 0; i < 200; i++) t.push(line);
    t.push("ab");
    const text = t.text();
    expect(byteLength(text)).toBeLessThanOrEqual(TAIL_BYTES);
    expect(byteLength(text)).toBeGreaterThan(TAIL_BYTES - 4);
    expect(text).not.toContain("\uFFFD");
    expect(wellFormed(text)).toBe(true);
    expect(text.endsWith(`${line}\nab\n`)).toBe(true);
    const full = Array.from({ length: 200 }, () => line + "\n").join("") + "ab\n";
    expect(full.endsWith(text)).toBe(true);
    // The cut lands 3 bytes into an emoji: it moves to the start of the next one.
    expect(text.startsWith("😀".repeat(8) + "\n")).toBe(true);
  });

  it("keeps the tail right after many mixed lines", () => {
    const t = new TailBuffer();
    const all: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const line = i % 3 === 0 ? `é${i}` : i % 3 === 1 ? `😀${i}😀` : `plain ${i}`;
      all.push(line);
      t.push(line);
    }
    const full = all.map((l) => l + "\n").join("");
    expect(byteLength(full)).toBeGreaterThan(4 * TAIL_BYTES);
    const text = t.text();
    expect(full.endsWith(text)).toBe(true);
    expect(byteLength(text)).toBeLessThanOrEqual(TAIL_BYTES);
    expect(byteLength(text)).toBeGreaterThan(TAIL_BYTES - 4);
    expect(wellFormed(text)).toBe(true);
  });
});
