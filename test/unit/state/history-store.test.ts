import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { serializeLogsRecord, serializeRecord } from "../../../src/core/history-record.js";
import {
  appendLogsRecord,
  appendRecord,
  damagedMessage,
  HistoryFileError,
  openHistoryAppender,
  loadHistoryIndex,
  openHistoryReader,
  readEntries,
  readEntry,
} from "../../../src/state/history-store.js";
import { newestEntries } from "../../../src/state/history-scan.js";
import { historyRecord } from "../../helpers/history-records.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-store-"));
});
let seq = 0;
const fresh = () => path.join(dir, `h${++seq}.jsonl`);

describe("appendRecord", () => {
  it("creates the file with mode 0600 (and its folder 0700), one line per record", async () => {
    const file = path.join(dir, "new-folder", "history.jsonl");
    const a = historyRecord();
    const b = historyRecord();
    await appendRecord(file, a);
    await appendRecord(file, b);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    const text = await readFile(file, "utf8");
    expect(text).toBe(serializeRecord(a) + serializeRecord(b));
  });

  it("starts on a new line after a torn last line, so the next record is not lost with it", async () => {
    const file = fresh();
    const a = historyRecord();
    await appendRecord(file, a);
    await appendFile(file, '{"id":"torn","at":"2026');
    const b = historyRecord();
    await appendRecord(file, b);
    const index = await loadHistoryIndex(file);
    expect(index.entries.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(index.damaged).toBe(1);
    expect(index.damagedLines).toEqual([2]);
  });

  it("fails with a HistoryFileError that says what to do when the file cannot be written", async () => {
    // A path through a file, not a folder: fails for every user, root included.
    const blocker = fresh();
    await writeFile(blocker, "");
    const err = await appendRecord(path.join(blocker, "h.jsonl"), historyRecord()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryFileError);
    // mkdir answers EEXIST for it, open ENOTDIR: either way the message says the same.
    expect((err as HistoryFileError).code).toMatch(/^(ENOTDIR|EEXIST)$/);
    expect((err as Error).message).toMatch(
      /^cannot write the history file .*h\.jsonl: a part of the path is a file, not a folder\..*--history FILE/,
    );
  });

  it("keeps every record when two processes append 1,000 each at the same time", async () => {
    // The store as it ships, bundled for plain Node processes.
    const script = path.join(dir, "appender.mjs");
    await build({
      stdin: {
        contents: `
          import { appendRecord } from "./src/state/history-store.ts";
          const [file, who, count] = process.argv.slice(2);
          const big = "x".repeat(3000);
          for (let i = 0; i < Number(count); i++) {
            await appendRecord(file, {
              id: who + "-" + i, at: new Date().toISOString(),
              endpoint: { profile: null, region: null, account: null, url: null },
              function: { name: "f", arn: null }, qualifier: null, invocationType: "RequestResponse",
              payload: big, response: { statusCode: 200, executedVersion: null, functionError: null,
                requestId: null, payload: big, logTail: null },
              report: null, logs: null, clientMs: 1,
            });
          }`,
        resolveDir: path.resolve(import.meta.dirname, "../../.."),
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: script,
      logLevel: "silent",
      // The file lock (proper-lockfile) is CommonJS and requires Node's modules.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const file = fresh();
    const runOne = (who: string) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, [script, file, who, "1000"], { stdio: "inherit" });
        child.on("error", reject);
        child.on("close", resolve);
      });
    expect(await Promise.all([runOne("a"), runOne("b")])).toEqual([0, 0]);
    const index = await loadHistoryIndex(file);
    expect(index.damaged).toBe(0);
    expect(index.entries).toHaveLength(2000);
    const ids = new Set(index.entries.map((e) => e.id));
    for (const who of ["a", "b"]) for (let i = 0; i < 1000; i++) expect(ids.has(`${who}-${i}`)).toBe(true);
    // Each process's records stay in its own order.
    const aOrder = index.entries.filter((e) => e.id.startsWith("a-")).map((e) => Number(e.id.slice(2)));
    expect(aOrder).toEqual([...aOrder].sort((x, y) => x - y));
  }, 60_000);
});

describe("openHistoryAppender", () => {
  it("appends many records through one descriptor, in order, 0600, after a torn line on a new line", async () => {
    const file = fresh();
    const appender = await openHistoryAppender(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const records = Array.from({ length: 50 }, () => historyRecord());
    // Appends started together still land whole and in the order they were asked for.
    await Promise.all(records.slice(0, 25).map((r) => appender.append(serializeRecord(r))));
    await appendFile(file, '{"id":"torn');
    await appendRecord(file, records[25]!);
    await appendFile(file, '{"id":"torn again');
    for (const r of records.slice(26)) await appender.append(serializeRecord(r));
    await appender.close();
    const index = await loadHistoryIndex(file);
    expect(index.damaged).toBe(2);
    expect(index.entries.map((e) => e.id)).toEqual(records.map((r) => r.id));
  });

  it("fails to open with a HistoryFileError", async () => {
    const blocker = fresh();
    await writeFile(blocker, "");
    await expect(openHistoryAppender(path.join(blocker, "h.jsonl"))).rejects.toBeInstanceOf(HistoryFileError);
  });
});

describe("loadHistoryIndex", () => {
  it("is an empty history when the file does not exist", async () => {
    const index = await loadHistoryIndex(path.join(dir, "missing.jsonl"));
    expect(index.exists).toBe(false);
    expect(index.entries).toEqual([]);
  });

  it("skips and counts damaged lines, loads the rest, and says so in one line", async () => {
    const file = fresh();
    const a = historyRecord();
    const b = historyRecord();
    const noStatus = { ...historyRecord(), response: { payload: "" } };
    await writeFile(
      file,
      [
        serializeRecord(a),
        "not json at all\n",
        "\n",
        JSON.stringify(noStatus) + "\n",
        serializeRecord(b),
        '{"id":"cut-sho',
      ].join(""),
    );
    const index = await loadHistoryIndex(file);
    expect(index.entries.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(index.entries.map((e) => e.line)).toEqual([1, 5]);
    expect(index.damaged).toBe(3);
    expect(damagedMessage(index)).toBe("3 damaged records skipped (lines 2, 4, 6)");
    expect(damagedMessage({ damaged: 0, damagedLines: [] })).toBeNull();
    expect(damagedMessage({ damaged: 1, damagedLines: [7] })).toBe("1 damaged record skipped (line 7)");
  });

  it("keeps the first of two records with the same id", async () => {
    const file = fresh();
    const a = historyRecord();
    await appendRecord(file, a);
    await appendRecord(file, { ...a, payload: "second" });
    const index = await loadHistoryIndex(file);
    expect(index.entries).toHaveLength(1);
    expect(index.duplicates).toBe(1);
    expect((await readEntry(file, index.entries[0]!)).payload).toBe(a.payload);
  });

  it("indexes summaries without parsing logs, and readEntry folds the logs record in", async () => {
    const file = fresh();
    const a = historyRecord({ payload: '{\n  "name":   "Ada"\n}' });
    await appendRecord(file, a);
    await appendLogsRecord(file, {
      logsFor: a.id,
      logsState: "complete",
      at: a.at,
      logs: [{ timestamp: 5, message: "START RequestId: x" }],
    });
    const index = await loadHistoryIndex(file);
    const e = index.entries[0]!;
    expect(e).toMatchObject({
      id: a.id,
      functionName: "versioned-greeter",
      qualifier: "live",
      statusCode: 200,
      payloadPreview: '{ "name": "Ada" }',
      logsState: "complete",
      replayOf: null,
    });
    const full = await readEntry(file, e);
    expect(full.logs).toEqual([{ timestamp: 5, message: "START RequestId: x" }]);
    expect(full.logsState).toBe("complete");
    expect(full.payload).toBe(a.payload);
  });

  it("attaches a logs record that comes before its invocation, and never lets gave-up replace complete", async () => {
    const file = fresh();
    const a = historyRecord();
    const complete = {
      logsFor: a.id,
      logsState: "complete" as const,
      at: a.at,
      logs: [{ timestamp: 1, message: "all" }],
    };
    const gaveUp = {
      logsFor: a.id,
      logsState: "gave-up" as const,
      at: a.at,
      logs: [{ timestamp: 1, message: "some" }],
    };
    await writeFile(file, serializeLogsRecord(complete) + serializeRecord(a) + serializeLogsRecord(gaveUp));
    const index = await loadHistoryIndex(file);
    expect(index.entries[0]!.logsState).toBe("complete");
    expect((await readEntry(file, index.entries[0]!)).logs).toEqual(complete.logs);
  });

  it("opens an entry from the newest-first read with its logs written before it", async () => {
    // The explorer reads backward and meets logs records after their invocation only; until
    // its appends were put in order, a logs record could land just before its invocation.
    const file = fresh();
    const [a, b, c] = [historyRecord(), historyRecord(), historyRecord()];
    const logsOf = (id: string, logsState: "complete" | "gave-up", message: string) =>
      serializeLogsRecord({ logsFor: id, logsState, at: a.at, logs: [{ timestamp: 1, message }] });
    await writeFile(
      file,
      logsOf(a.id, "complete", "a's, all") +
        logsOf(a.id, "gave-up", "a's, some") +
        logsOf(c.id, "complete", "c's") +
        serializeRecord(a) +
        serializeRecord(b) +
        serializeRecord(c),
    );
    const [newC, newB, newA] = (await newestEntries(file, {})).entries;
    expect([newA!.logs, newB!.logs]).toEqual([null, null]);
    expect((await readEntry(file, newA!)).logs).toEqual([{ timestamp: 1, message: "a's, all" }]);
    expect((await readEntry(file, newA!)).logsState).toBe("complete");
    // Another invocation's logs are not taken, and one without logs stays so.
    expect((await readEntry(file, newB!)).logs).toBeNull();
    expect((await readEntry(file, newC!)).logs).toEqual([{ timestamp: 1, message: "c's" }]);
  });

  it("reads records whose logs are folded in (an exported file) with their logs", async () => {
    const file = fresh();
    const a = historyRecord({ logs: [{ timestamp: 2, message: "folded" }], logsState: "gave-up" });
    await appendRecord(file, a);
    const index = await loadHistoryIndex(file);
    expect(index.entries[0]!.logsState).toBe("gave-up");
    const all = [];
    for await (const r of readEntries(file, index.entries)) all.push(r);
    expect(all).toHaveLength(1);
    expect(all[0]!.logs).toEqual(a.logs);
  });

  it("reads ahead as it reads one at a time: in order, out of order, logs far away, the file's end", async () => {
    const file = fresh();
    // Big enough for several windows; the logs of each tenth invocation come 300 lines later.
    const records = Array.from({ length: 900 }, (_, i) =>
      historyRecord({ payload: `{"i":${i},"pad":"${"p".repeat(i % 5 === 0 ? 2000 : 300)}"}` }),
    );
    let text = "";
    records.forEach((r, i) => {
      text += serializeRecord(r);
      const late = records[i - 300];
      if (i % 10 === 3)
        text += serializeLogsRecord({ logsFor: r.id, logsState: "gave-up", at: r.at, logs: [] });
      if (late && (i - 300) % 10 === 0)
        text += serializeLogsRecord({
          logsFor: late.id,
          logsState: "complete",
          at: late.at,
          logs: [{ timestamp: i, message: "late" }],
        });
    });
    await writeFile(file, text);
    const { entries } = await loadHistoryIndex(file);
    const alone = await Promise.all(entries.map((e) => readEntry(file, e)));
    expect(alone.filter((r) => r.logs?.[0]?.message === "late")).toHaveLength(60);
    const reader = await openHistoryReader(file, { ahead: true });
    try {
      // Sixteen at a time, as replay asks; then backward; then the last alone, at the file's end.
      const ahead = [];
      for (let i = 0; i < entries.length; i += 16)
        ahead.push(...(await Promise.all(entries.slice(i, i + 16).map((e) => reader.read(e)))));
      expect(ahead).toEqual(alone);
      const back = [];
      for (const e of [...entries].reverse()) back.push(await reader.read(e));
      expect(back).toEqual([...alone].reverse());
      expect(await reader.read(entries.at(-1)!)).toEqual(alone.at(-1));
      // Past the file's end (it shrank since it was indexed): short, so damaged, as read alone.
      const last = entries.at(-1)!;
      const moved = { ...last, offset: last.offset + 20 };
      await expect(readEntry(file, moved)).rejects.toThrow(/or the entry is damaged/);
      await expect(reader.read(moved)).rejects.toThrow(/or the entry is damaged/);
    } finally {
      await reader.close();
    }
  });

  it("reports a file that changed after it was loaded instead of returning another record", async () => {
    const file = fresh();
    await appendRecord(file, historyRecord());
    const index = await loadHistoryIndex(file);
    await writeFile(file, "x".repeat(2000));
    await expect(readEntry(file, index.entries[0]!)).rejects.toThrow(
      /cannot be read: the file changed since it was loaded/,
    );
  });

  it("indexes without the response and logs, whatever their text holds, and opens them whole", async () => {
    const file = fresh();
    // Text that looks like the keys the index cuts at, as it is written inside JSON strings.
    const tricky = 'a "quote", \\ a backslash\\",},"report":{,"logTail":x],"clientMs":1 ,"logs":[{ ';
    const a = historyRecord({
      payload: `{"q":${JSON.stringify(tricky)}}`,
      response: {
        statusCode: 502,
        executedVersion: "3",
        functionError: "Unhandled",
        requestId: "r",
        payload: JSON.stringify({ tricky, report: { x: 1 } }),
        logTail: tricky,
      },
      logs: [{ timestamp: 1, message: tricky }],
      logsState: "complete",
      replayOf: "orig",
    });
    await appendRecord(file, a);
    const index = await loadHistoryIndex(file);
    expect(index.damaged).toBe(0);
    expect(index.entries[0]).toMatchObject({
      id: a.id,
      statusCode: 502,
      executedVersion: "3",
      functionError: "Unhandled",
      durationMs: 1.5,
      replayOf: "orig",
      logsState: "complete",
      payloadPreview: a.payload,
    });
    expect(await readEntry(file, index.entries[0]!)).toEqual(a);
  });

  it("counts a line damaged in the middle, outside or inside the parts the index skips", async () => {
    const file = fresh();
    const good = historyRecord();
    const line = serializeRecord(historyRecord()).trimEnd();
    const brokenHead = line.replace('"invocationType":"RequestResponse"', '"invocationType":RequestResponse');
    const brokenTail = line.replace('"logTail":"', '"logTail":');
    await writeFile(file, `${brokenHead}\n${serializeRecord(good)}${brokenTail}\n`);
    const index = await loadHistoryIndex(file);
    expect(index.entries.map((e) => e.id)).toEqual([good.id, expect.any(String)]);
    expect(index.damagedLines).toEqual([1]);
    // Damage inside the skipped part shows when the entry is opened, with the rest intact.
    await expect(readEntry(file, index.entries[1]!)).rejects.toThrow(/or the entry is damaged/);
    expect((await readEntry(file, index.entries[0]!)).id).toBe(good.id);
  });

  it("reads a file of a few thousand records with big logs records, logs unparsed until opened", async () => {
    const file = fresh();
    const lines: string[] = [];
    const logs = Array.from({ length: 50 }, (_, i) => ({ timestamp: i, message: "log line ".repeat(20) }));
    for (let i = 0; i < 3000; i++) {
      const r = historyRecord({ id: `bulk-${i}` });
      lines.push(
        serializeRecord(r),
        serializeLogsRecord({ logsFor: r.id, logsState: "complete", at: r.at, logs }),
      );
    }
    await writeFile(file, lines.join(""));
    const index = await loadHistoryIndex(file);
    expect(index.entries).toHaveLength(3000);
    expect(index.entries.every((e) => e.logsState === "complete")).toBe(true);
    expect((await readEntry(file, index.entries[2999]!)).logs).toHaveLength(50);
  });
});
