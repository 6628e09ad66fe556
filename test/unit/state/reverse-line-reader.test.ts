import { appendFile, mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readLinesBackward, type BackwardLine } from "../../../src/state/reverse-line-reader.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-reverse-"));
});
let seq = 0;
async function fileWith(content: string | Buffer): Promise<string> {
  const f = path.join(dir, `f${++seq}`);
  await writeFile(f, content);
  return f;
}

async function all(file: string, chunk?: number): Promise<BackwardLine[]> {
  const out: BackwardLine[] = [];
  for await (const l of readLinesBackward(file, { chunk })) out.push({ ...l, bytes: Buffer.from(l.bytes) });
  return out;
}

/** What a forward split says the lines are, last first: text, offset, terminated. */
function expected(content: Buffer) {
  const out: Array<{ text: string; offset: number; terminated: boolean }> = [];
  let offset = 0;
  const parts = content.toString("utf8").split("\n");
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    if (!(last && p === "")) out.push({ text: p.replace(/\r$/, ""), offset, terminated: !last });
    offset += Buffer.byteLength(p) + 1;
  });
  return out.reverse();
}

describe("readLinesBackward", () => {
  it("reads nothing from an empty file and rejects a missing one as fs does", async () => {
    expect(await all(await fileWith(""))).toEqual([]);
    await expect(all(path.join(dir, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("gives every line last first, whatever the chunk size, with UTF-8 split across chunks", async () => {
    // Multi-byte characters (2, 3 and 4 bytes), CRLF, blank lines and a last line without newline.
    const content = Buffer.from('{"a":"é"}\r\n\n{"b":"日本語"}\n😀😀😀 x\n\n{"c":1}\n{"partial":');
    const want = expected(content);
    for (const chunk of [1, 2, 3, 5, 7, 13, 64, 1 << 17]) {
      const got = await all(await fileWith(content), chunk);
      expect(
        got.map((l) => ({ text: l.bytes.toString("utf8"), offset: l.offset, terminated: l.terminated })),
        `chunk ${chunk}`,
      ).toEqual(want);
      expect(got.map((l) => l.fromEnd)).toEqual(want.map((_, i) => i + 1));
      // Each offset points at its line's bytes in the file.
      for (const l of got) expect(content.subarray(l.offset, l.offset + l.bytes.length)).toEqual(l.bytes);
    }
  });

  it("marks only an unfinished last line as unterminated; a file ending in a newline has none", async () => {
    const whole = await all(await fileWith("a\nb\n"), 1);
    expect(whole.map((l) => [l.bytes.toString(), l.terminated])).toEqual([
      ["b", true],
      ["a", true],
    ]);
    const torn = await all(await fileWith("a\nb"), 1);
    expect(torn.map((l) => [l.bytes.toString(), l.terminated])).toEqual([
      ["b", false],
      ["a", true],
    ]);
  });

  it("reads the file as it was when it began: lines appended meanwhile are not seen", async () => {
    const f = await fileWith("one\ntwo\nthr");
    const seen: string[] = [];
    for await (const l of readLinesBackward(f, { chunk: 4 })) {
      seen.push(`${l.bytes.toString()}${l.terminated ? "" : "…"}`);
      if (seen.length === 1) await appendFile(f, "ee\nfour\n");
    }
    expect(seen).toEqual(["thr…", "two", "one"]);
  });

  it("closes the file when the reader stops early, with the next chunk's read under way", async () => {
    const f = await fileWith(Array.from({ length: 500 }, (_, i) => `line ${i}`).join("\n") + "\n");
    const open = async () => (await readdir("/proc/self/fd")).length;
    const before = await open();
    for (let round = 0; round < 20; round++) {
      const seen: string[] = [];
      for await (const l of readLinesBackward(f, { chunk: 64 })) {
        seen.push(l.bytes.toString());
        if (seen.length === 3) break;
      }
      expect(seen).toEqual(["line 499", "line 498", "line 497"]);
    }
    expect(await open()).toBe(before);
  });
});
