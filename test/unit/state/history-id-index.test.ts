import { appendFile, mkdtemp, readFile, rename, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  serializeLogsRecord,
  serializeRecord,
  type HistoryRecord,
} from "../../../src/core/history-record.js";
import { historyIdIndex, indexPathFor, lookupId } from "../../../src/state/history-id-index.js";
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

/** The line the lookup points at, read from the history. */
async function lineAt(file: string, id: string, index: string) {
  const found = lookupId(index, id);
  if (found.kind !== "found") return found.kind;
  const text = await readFile(file);
  return JSON.parse(
    text.subarray(found.entry.offset, found.entry.offset + found.entry.length).toString(),
  ) as {
    id: string;
  };
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
    const index = await historyIdIndex(f, { env });
    expect(await lineAt(f, "cccc", index)).toMatchObject({ id: c.id });
    expect(await lineAt(f, "aaaa-2222", index)).toMatchObject({ id: b.id });
    expect(lookupId(index, "aaaa")).toEqual({ kind: "ambiguous", ids: [a.id, b.id] });
    expect(lookupId(index, "zzzz")).toEqual({ kind: "none" });
    const found = lookupId(index, a.id);
    expect(found.kind === "found" && found.entry.logs?.state).toBe("complete");
    // Saved in the cache folder, private like the history.
    expect((await stat(await indexPathFor(f, env))).mode & 0o777).toBe(0o600);
  });

  it("indexes only what was appended since, and not a last line still being written", async () => {
    const f = fresh();
    const a = historyRecord();
    await writeFile(f, serializeRecord(a));
    await historyIdIndex(f, { env });
    const saved = await readFile(await indexPathFor(f, env), "utf8");
    const b = historyRecord();
    const c = historyRecord();
    const cLine = serializeRecord(c);
    await appendFile(f, serializeRecord(b) + cLine.slice(0, 30));
    const grown = await historyIdIndex(f, { env });
    expect(grown.startsWith(saved)).toBe(true);
    expect(await readFile(await indexPathFor(f, env), "utf8")).toBe(grown);
    expect(await lineAt(f, b.id, grown)).toMatchObject({ id: b.id });
    expect(lookupId(grown, c.id)).toEqual({ kind: "none" });
    await appendFile(f, cLine.slice(30));
    expect(await lineAt(f, c.id, await historyIdIndex(f, { env }))).toMatchObject({ id: c.id });
  });

  it("rebuilds an index that no longer fits its history: replaced, rewritten, or the index damaged", async () => {
    const f = fresh();
    const a = historyRecord();
    const b = historyRecord();
    await writeFile(f, serializeRecord(a) + serializeRecord(b));
    await historyIdIndex(f, { env });
    const where = await indexPathFor(f, env);

    // Another file moved into its place (a new inode), with b first.
    const other = fresh();
    await writeFile(other, serializeRecord(b) + serializeRecord(a));
    await rename(other, f);
    expect(await lineAt(f, a.id, await historyIdIndex(f, { env }))).toMatchObject({ id: a.id });
    expect(await lineAt(f, b.id, await historyIdIndex(f, { env }))).toMatchObject({ id: b.id });

    // Rewritten in place to the same size (same inode): the hash of its bytes differs.
    const c = historyRecord({ id: b.id.replace(/.$/, "Z") });
    await writeFile(f, serializeRecord(a) + serializeRecord(c));
    expect(await lineAt(f, c.id, await historyIdIndex(f, { env }))).toMatchObject({ id: c.id });
    expect(lookupId(await historyIdIndex(f, { env }), b.id)).toEqual({ kind: "none" });

    // The index torn (its checkpoint cut off) or overwritten with junk.
    const good = await readFile(where, "utf8");
    await writeFile(where, good.slice(0, good.length - 20));
    expect(await historyIdIndex(f, { env })).toBe(good);
    await writeFile(where, "junk\n");
    expect(await historyIdIndex(f, { env })).toBe(good);
    // Asked to rebuild (a lookup found the wrong line there): built again from the history.
    await writeFile(where, good.replace(/ \d+ (\d+)\n/, " 1 $1\n"));
    expect(await historyIdIndex(f, { env, rebuild: true })).toBe(good);
  });
});
