// What the history will and will not append to: only a history (or a new or empty file), links
// followed silently only within the named file's folder, and a note for a history others can read.
import { execFileSync } from "node:child_process";
import { chmod, lstat, mkdir, mkdtemp, readFile, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { serializeLogsRecord, serializeRecord } from "../../../src/core/history-record.js";
import { appendRecord, HistoryFileError, loadHistoryIndex } from "../../../src/state/history-store.js";
import { checkHistoryTarget, looksLikeHistory } from "../../../src/state/history-target.js";
import { historyRecord } from "../../helpers/history-records.js";

const PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-target-"));
});
/** A fresh folder for one case. */
async function folder(): Promise<string> {
  const d = path.join(dir, `c${++n}`);
  await mkdir(d);
  return d;
}

async function refusal(file: string): Promise<HistoryFileError> {
  const err = await appendRecord(file, historyRecord()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HistoryFileError);
  return err as HistoryFileError;
}

describe("appending to a file that is not a history", () => {
  it("is refused with nothing written, its mode kept, and a message that says what to do", async () => {
    const file = path.join(await folder(), "passwd");
    await writeFile(file, PASSWD, { mode: 0o644 });
    const err = await refusal(file);
    expect(err.code).toBe("ENOTHISTORY");
    expect(err.message).toMatch(
      /passwd is not a history file: its first line is not a history record, and nothing was written to it\. Name a new file or an existing history with --history FILE/,
    );
    expect(await readFile(file, "utf8")).toBe(PASSWD);
    expect((await stat(file)).mode & 0o777).toBe(0o644);
  });

  it("through a symbolic link to a copy of /etc/passwd in another folder: refused, naming both", async () => {
    const target = path.join(await folder(), "passwd");
    await writeFile(target, PASSWD, { mode: 0o644 });
    const link = path.join(await folder(), "history.jsonl");
    await symlink(target, link);
    const err = await refusal(link);
    expect(err.code).toBe("ENOTHISTORY");
    expect(err.message).toContain(`${link} (a link to ${target}) is not a history file`);
    expect(await readFile(target, "utf8")).toBe(PASSWD);
  });

  it("through a link out of the folder to nothing: refused, and nothing is created there", async () => {
    const target = path.join(await folder(), "not-yet.jsonl");
    const link = path.join(await folder(), "history.jsonl");
    await symlink(target, link);
    const err = await refusal(link);
    expect(err.code).toBe("ESYMLINK");
    expect(err.message).toMatch(
      /is a symbolic link to .*not-yet\.jsonl, which does not exist: nothing was written there/,
    );
    await expect(lstat(target)).rejects.toThrow(/ENOENT/);
  });

  it("to a FIFO: refused as not a regular file", async () => {
    const fifo = path.join(await folder(), "pipe");
    execFileSync("mkfifo", [fifo]);
    expect((await refusal(fifo)).code).toBe("ENOTREG");
  });
});

describe("appending to a history", () => {
  it("creates a new file 0600, and appends to one written before (invocation and logs records)", async () => {
    const d = await folder();
    const fresh = path.join(d, "new.jsonl");
    await appendRecord(fresh, historyRecord());
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
    const old = path.join(d, "old.jsonl");
    const logsFirst = serializeLogsRecord({
      logsFor: "x",
      logsState: "complete",
      at: "2026-01-01T00:00:00Z",
      logs: [],
    });
    await writeFile(old, logsFirst + serializeRecord(historyRecord()), { mode: 0o600 });
    await appendRecord(old, historyRecord());
    expect((await loadHistoryIndex(old)).entries).toHaveLength(2);
    const empty = path.join(d, "empty.jsonl");
    await writeFile(empty, "");
    await appendRecord(empty, historyRecord());
    expect((await loadHistoryIndex(empty)).entries).toHaveLength(1);
  });

  it("appends to a history written before this check, empty lines and a torn line included", async () => {
    // As four concurrent replays left them before the lock: an empty line between records.
    const file = path.join(await folder(), "old.jsonl");
    const [a, b, c] = [historyRecord(), historyRecord(), historyRecord()];
    await writeFile(file, serializeRecord(a) + "\n" + serializeRecord(b) + '{"id":"torn","at":"20', {
      mode: 0o600,
    });
    await appendRecord(file, c);
    const index = await loadHistoryIndex(file);
    expect(index.entries.map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect(index.damaged).toBe(1);
  });

  it("follows a link within the folder silently (a rotated history), creating its target 0600", async () => {
    const d = await folder();
    const link = path.join(d, "history.jsonl");
    await symlink("history-2026.jsonl", link);
    expect(await checkHistoryTarget(link)).toEqual({ real: link, notes: [] });
    await appendRecord(link, historyRecord());
    expect((await stat(path.join(d, "history-2026.jsonl"))).mode & 0o777).toBe(0o600);
  });

  it("follows a link out of the folder to a history, saying where the records go", async () => {
    const target = path.join(await folder(), "synced.jsonl");
    await writeFile(target, serializeRecord(historyRecord()), { mode: 0o600 });
    const link = path.join(await folder(), "history.jsonl");
    await symlink(target, link);
    expect((await checkHistoryTarget(link)).notes).toEqual([
      `${link} is a symbolic link: recording into ${target}`,
    ]);
    await appendRecord(link, historyRecord());
    expect((await loadHistoryIndex(target)).entries).toHaveLength(2);
  });

  it("notes a history that other users can read, and leaves its mode to the user", async () => {
    const file = path.join(await folder(), "h.jsonl");
    await writeFile(file, serializeRecord(historyRecord()));
    await chmod(file, 0o640);
    expect((await checkHistoryTarget(file)).notes).toEqual([
      `the history ${file} is readable by other users (mode 0640), and it holds payloads and responses: chmod 600 ${file}`,
    ]);
    await chmod(file, 0o600);
    expect((await checkHistoryTarget(file)).notes).toEqual([]);
  });

  it("accepts /dev/null, the usual way to throw records away", async () => {
    await expect(appendRecord("/dev/null", historyRecord())).resolves.toBeUndefined();
  });
});

describe("looksLikeHistory", () => {
  const head = (s: string) => Buffer.from(s);
  it("knows a history by its first non-blank line, even cut short", () => {
    expect(looksLikeHistory(head(serializeRecord(historyRecord())), true)).toBe(true);
    expect(looksLikeHistory(head('\n{"id":"torn","at":"20'), true)).toBe(true);
    expect(looksLikeHistory(head(" \n"), true)).toBe(true);
    // A record in another key order, as a person might write one.
    const r = historyRecord();
    const { id, ...rest } = r;
    const reordered = JSON.stringify({ ...rest, id });
    expect(looksLikeHistory(head(reordered + "\n"), true)).toBe(true);
  });
  it("refuses anything else", () => {
    expect(looksLikeHistory(head(PASSWD), true)).toBe(false);
    expect(looksLikeHistory(head('{"name":"config"}\n'), true)).toBe(false);
    expect(looksLikeHistory(head("[1,2,3]"), true)).toBe(false);
    // A first line longer than what was read, not starting as a record.
    expect(looksLikeHistory(head('{"at":"' + "x".repeat(100)), false)).toBe(false);
  });
});
