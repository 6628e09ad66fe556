import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  listDirectory,
  readPayloadFile,
  resolvePayloadPath,
} from "../../../src/ui/panes/payload/payloadFile.js";

// The real readFile, replaceable in one test: root reads a file whatever its mode.
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  return { ...real, readFile: vi.fn(real.readFile) };
});

let dir: string;
const savedHome = process.env.HOME;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lx-payload-file-"));
});
afterEach(() => {
  process.env.HOME = savedHome;
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

const LIMIT = 6 * 1024 * 1024;

describe("readPayloadFile", () => {
  it("reads a file relative to cwd, with its absolute path and size", async () => {
    mkdirSync(path.join(dir, "events"));
    writeFileSync(path.join(dir, "events", "order.json"), '{"id": "é"}\n');
    expect(await readPayloadFile("./events/order.json", dir, LIMIT)).toEqual({
      ok: true,
      text: '{"id": "é"}\n',
      path: path.join(dir, "events", "order.json"),
      bytes: 13,
    });
  });

  it("expands ~ and takes absolute paths and surrounding spaces", async () => {
    process.env.HOME = dir;
    writeFileSync(path.join(dir, "a.json"), "{}");
    expect(await readPayloadFile("~/a.json", "/", LIMIT)).toMatchObject({ ok: true, text: "{}" });
    expect(await readPayloadFile(`  ${path.join(dir, "a.json")} `, "/", LIMIT)).toMatchObject({ ok: true });
    expect(resolvePayloadPath("~", "/x")).toBe(dir);
    expect(resolvePayloadPath("~other/a", "/x")).toBe("/x/~other/a");
    // Terminals quote a path dragged in.
    expect(resolvePayloadPath("'/tmp/my events/a.json'", "/x")).toBe("/tmp/my events/a.json");
    expect(resolvePayloadPath('"b.json" ', "/x")).toBe("/x/b.json");
  });

  it("strips a UTF-8 byte-order mark", async () => {
    writeFileSync(
      path.join(dir, "bom.json"),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("[1]")]),
    );
    expect(await readPayloadFile("bom.json", dir, LIMIT)).toMatchObject({ ok: true, text: "[1]", bytes: 6 });
  });

  it("says there is no file, naming the absolute path", async () => {
    expect(await readPayloadFile("missing.json", dir, LIMIT)).toEqual({
      ok: false,
      message: `No file at ${path.join(dir, "missing.json")}`,
    });
    writeFileSync(path.join(dir, "plain"), "");
    expect(await readPayloadFile("plain/inside.json", dir, LIMIT)).toEqual({
      ok: false,
      message: `No file at ${path.join(dir, "plain", "inside.json")}`,
    });
  });

  it("refuses a directory, a device and an empty path", async () => {
    expect(await readPayloadFile(".", dir, LIMIT)).toEqual({
      ok: false,
      message: `${dir} is a directory, not a file`,
    });
    expect(await readPayloadFile("/dev/null", dir, LIMIT)).toEqual({
      ok: false,
      message: "/dev/null is not a regular file",
    });
    expect(await readPayloadFile("  ", dir, LIMIT)).toEqual({
      ok: false,
      message: "Type the path of a file to load",
    });
  });

  // Root reads any file whatever its mode, so an unreadable file cannot be made for it: this
  // runs for other users only; the next test gives the message as root, with the read denied.
  it.skipIf(process.getuid?.() === 0)("says when the file cannot be read", async () => {
    const file = path.join(dir, "secret.json");
    writeFileSync(file, "{}", { mode: 0o000 });
    expect(await readPayloadFile(file, dir, LIMIT)).toEqual({
      ok: false,
      message: `Cannot read ${file}: permission denied`,
    });
  });

  it("says when reading is denied, also where a mode cannot deny it (as root)", async () => {
    const file = path.join(dir, "secret.json");
    writeFileSync(file, "{}");
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    vi.mocked(readFile).mockRejectedValueOnce(denied);
    expect(await readPayloadFile(file, dir, LIMIT)).toEqual({
      ok: false,
      message: `Cannot read ${file}: permission denied`,
    });
  });

  it("refuses a file over the limit, saying its size and the limit", async () => {
    writeFileSync(path.join(dir, "big.json"), Buffer.alloc(300 * 1024, 0x20));
    expect(await readPayloadFile("big.json", dir, 256 * 1024)).toEqual({
      ok: false,
      message: `${path.join(dir, "big.json")} is 300.0 KB, over the 256.0 KB payload limit`,
    });
    writeFileSync(path.join(dir, "huge.json"), Buffer.alloc(LIMIT + 1, 0x20));
    expect(await readPayloadFile("huge.json", dir, LIMIT)).toEqual({
      ok: false,
      message: `${path.join(dir, "huge.json")} is 6.0 MB, over the 6 MB payload limit`,
    });
    expect(await readPayloadFile("big.json", dir, 300 * 1024)).toMatchObject({ ok: true });
  });

  it("refuses bytes that are not UTF-8", async () => {
    writeFileSync(path.join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
    expect(await readPayloadFile("image.png", dir, LIMIT)).toEqual({
      ok: false,
      message: `${path.join(dir, "image.png")} is not UTF-8 text (is it a binary file?)`,
    });
  });
});

describe("listDirectory", () => {
  it("lists a directory as typed, telling directories (and links to them) from files", async () => {
    mkdirSync(path.join(dir, "events"));
    writeFileSync(path.join(dir, "events", "order.json"), "{}");
    symlinkSync(path.join(dir, "events"), path.join(dir, "linked"));
    symlinkSync(path.join(dir, "nowhere"), path.join(dir, "broken"));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect((await listDirectory("", dir)).sort(byName)).toEqual([
      { name: "broken", directory: false },
      { name: "events", directory: true },
      { name: "linked", directory: true },
    ]);
    expect(await listDirectory("./events/", dir)).toEqual([{ name: "order.json", directory: false }]);
    process.env.HOME = dir;
    expect(await listDirectory("~/events/", "/")).toEqual([{ name: "order.json", directory: false }]);
  });

  it("lists nothing where there is no directory", async () => {
    expect(await listDirectory("missing/", dir)).toEqual([]);
  });
});
