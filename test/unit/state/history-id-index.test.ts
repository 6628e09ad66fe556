import { appendFile, mkdtemp, readFile, readdir, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  serializeLogsRecord,
  serializeRecord,
  type HistoryRecord,
} from "../../../src/core/history-record.js";
import { findId, historyIdIndex, indexPathFor } from "../../../src/state/history-id-index.js";
import { historyRecord } from "../../helpers/history-records.js";

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-idindex-"));
  env = { LAMBDA_EXPLORER_CACHE_DIR: path.join(dir, "cache") };
});
let seq = 0;
const fresh = () => path.join(dir, `h${++seq}.jsonl`);
const logsFor = (r: HistoryRecord, logsState: "complete" | "gave-up") =>
  serializeLogsRecord({ logsFor: r.id, logsState, at: r.at, logs: [] });

/** Looks `query` up (bringing the index up to date) and reads the line it points at. */
async function lookUp(file: string, query: string, rebuild = false) {
  const found = await findId(await historyIdIndex(file, { env, rebuild }), query);
  if (found.kind !== "found") return found;
  const text = await readFile(file);
  const { offset, length } = found.entry;
  return JSON.parse(text.subarray(offset, offset + length).toString()) as { id: string };
}

describe("the history's id index", () => {
  it("finds an entry by id or the start of it, with its logs, and says when a start is ambiguous", async () => {
    const f = fresh();
    const a = historyRecord({ id: "aaaa-1111" });
    const b = historyRecord({ id: "aaaa-2222" });
    const c = historyRecord({ id: "cccc-3333" });
    await writeFile(
      f,
      serializeRecord(a) +
        serializeRecord(b) +
        logsFor(a, "complete") +
        serializeRecord(c) +
        logsFor(a, "gave-up"),
    );
    expect(await lookUp(f, "cccc")).toMatchObject({ id: c.id });
    expect(await lookUp(f, "aaaa-2222")).toMatchObject({ id: b.id });
    expect(await lookUp(f, "aaaa")).toEqual({ kind: "ambiguous", ids: [a.id, b.id] });
    expect(await lookUp(f, "a")).toEqual({ kind: "ambiguous", ids: [a.id, b.id] });
    expect(await lookUp(f, "zzzz")).toEqual({ kind: "none" });
    const found = await findId(await historyIdIndex(f, { env }), a.id);
    expect(found.kind === "found" && found.entry.logs?.state).toBe("complete");
    // Saved in the cache folder, private like the history: a bucket per id start, a checkpoint.
    const where = await indexPathFor(f, env);
    expect((await readdir(where)).sort()).toEqual(["6161", "6363", "checkpoint"]);
    expect((await stat(path.join(where, "6161"))).mode & 0o777).toBe(0o600);
  });

  it("indexes only what was appended since, and not a last line still being written", async () => {
    const f = fresh();
    const a = historyRecord({ id: "abcd-1" });
    await writeFile(f, serializeRecord(a));
    await historyIdIndex(f, { env });
    const bucket = path.join(await indexPathFor(f, env), "6162");
    const saved = await readFile(bucket, "utf8");
    const b = historyRecord({ id: "abcd-2" });
    const c = historyRecord({ id: "abcd-3" });
    const cLine = serializeRecord(c);
    await appendFile(f, serializeRecord(b) + cLine.slice(0, 30));
    expect(await lookUp(f, b.id)).toMatchObject({ id: b.id });
    const grown = await readFile(bucket, "utf8");
    expect(grown.startsWith(saved) && grown.length > saved.length).toBe(true);
    expect(await lookUp(f, c.id)).toEqual({ kind: "none" });
    await appendFile(f, cLine.slice(30));
    expect(await lookUp(f, c.id)).toMatchObject({ id: c.id });
  });

  it("rebuilds an index that no longer fits its history: replaced, rewritten, or the index damaged", async () => {
    const f = fresh();
    const a = historyRecord();
    const b = historyRecord();
    await writeFile(f, serializeRecord(a) + serializeRecord(b));
    expect(await lookUp(f, a.id)).toMatchObject({ id: a.id });
    const where = await indexPathFor(f, env);

    // Another file moved into its place (a new inode), with b first.
    const other = fresh();
    await writeFile(other, serializeRecord(b) + serializeRecord(a));
    await rename(other, f);
    expect(await lookUp(f, a.id)).toMatchObject({ id: a.id });
    expect(await lookUp(f, b.id)).toMatchObject({ id: b.id });

    // Rewritten in place to the same size (same inode): the hash of its bytes differs.
    const c = historyRecord({ id: b.id.replace(/.$/, "Z") });
    await writeFile(f, serializeRecord(a) + serializeRecord(c));
    expect(await lookUp(f, c.id)).toMatchObject({ id: c.id });
    expect(await lookUp(f, b.id)).toEqual({ kind: "none" });

    // The checkpoint torn or overwritten: rebuilt, the same as before.
    const bucket = path.join(where, Buffer.from(a.id.slice(0, 2)).toString("hex"));
    const good = await readFile(bucket, "utf8");
    await writeFile(path.join(where, "checkpoint"), '{"dev":1,"ino"');
    expect(await lookUp(f, a.id)).toMatchObject({ id: a.id });
    expect(await readFile(bucket, "utf8")).toBe(good);
    // A bucket pointing at the wrong line (what show checks) is put right by a rebuild.
    await writeFile(bucket, good.replace(/ \d+ (\d+)\n/, " 1 $1\n"));
    expect(await lookUp(f, a.id, true)).toMatchObject({ id: a.id });
    expect(await readFile(bucket, "utf8")).toBe(good);
  });

  it("still finds entries when the cache folder cannot be written", async () => {
    const f = fresh();
    const a = historyRecord();
    await writeFile(f, serializeRecord(a));
    // A file where the folder would go: no one, root included, can make the folder.
    const blocked = path.join(dir, "not-a-folder");
    await writeFile(blocked, "");
    const cache = { LAMBDA_EXPLORER_CACHE_DIR: path.join(blocked, "cache") };
    const found = await findId(await historyIdIndex(f, { env: cache }), a.id);
    expect(found).toMatchObject({ kind: "found", entry: { id: a.id } });
  });
});
