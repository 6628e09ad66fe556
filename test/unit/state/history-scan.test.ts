import { appendFile, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  serializeLogsRecord,
  serializeRecord,
  type HistoryRecord,
} from "../../../src/core/history-record.js";
import { newestEntries, openNewestReader } from "../../../src/state/history-scan.js";
import { loadHistoryIndex } from "../../../src/state/history-store.js";
import { historyRecord } from "../../helpers/history-records.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-scan-"));
});
let seq = 0;
const fresh = () => path.join(dir, `h${++seq}.jsonl`);

const logsFor = (r: HistoryRecord, logsState: "complete" | "gave-up" = "complete") =>
  serializeLogsRecord({ logsFor: r.id, logsState, at: r.at, logs: [{ timestamp: 1, message: "x\n" }] });

/** n records of two functions, each followed by its logs record (every third gave up). */
function history(n: number) {
  const records = Array.from({ length: n }, (_, i) =>
    historyRecord({ function: { name: i % 2 ? "odd-fn" : "even-fn", arn: null }, payload: `{"i":${i}}` }),
  );
  const text = records
    .map((r, i) => serializeRecord(r) + logsFor(r, i % 3 ? "complete" : "gave-up"))
    .join("");
  return { records, text };
}

describe("newestEntries", () => {
  it("gives the newest first and stops after the limit, as the whole index would list them", async () => {
    const f = fresh();
    const { records, text } = history(300);
    await writeFile(f, text);
    const newest = await newestEntries(f, { limit: 7 });
    expect(newest.complete).toBe(false);
    expect(newest.entries.map((e) => e.id)).toEqual(
      records
        .slice(-7)
        .reverse()
        .map((r) => r.id),
    );
    const whole = await loadHistoryIndex(f);
    const want = whole.entries.slice(-7).reverse();
    expect(newest.entries.map((e) => [e.payloadPreview, e.logsState, e.offset, e.length])).toEqual(
      want.map((e) => [e.payloadPreview, e.logsState, e.offset, e.length]),
    );

    const all = await newestEntries(f);
    expect(all.complete).toBe(true);
    expect(all.seen).toBe(300);
    expect(all.entries.map((e) => [e.id, e.line, e.logsState, e.logs?.offset])).toEqual(
      [...whole.entries].reverse().map((e) => [e.id, e.line, e.logsState, e.logs?.offset]),
    );
  });

  it("filters as it reads: lines without the name are passed over, the rest matched", async () => {
    const f = fresh();
    const { records, text } = history(50);
    await writeFile(f, text);
    const odd = await newestEntries(f, {
      limit: 4,
      mayMatch: (b) => b.includes('"odd-fn"'),
      match: (e) => e.functionName === "odd-fn",
    });
    expect(odd.entries.map((e) => e.id)).toEqual(
      records
        .filter((r) => r.function.name === "odd-fn")
        .slice(-4)
        .reverse()
        .map((r) => r.id),
    );
    const none = await newestEntries(f, { mayMatch: (b) => b.includes('"nope"'), match: () => true });
    expect([none.entries.length, none.seen, none.complete]).toEqual([0, 50, true]);
  });

  it("skips and counts damaged lines (from the end when stopped), passes over a record being written", async () => {
    const f = fresh();
    const a = historyRecord();
    const b = historyRecord();
    const c = historyRecord();
    await writeFile(
      f,
      serializeRecord(a) + "{not json\n\n" + serializeRecord(b) + "garbage\r\n" + serializeRecord(c),
    );
    // A record half written by another process right now: no newline yet.
    await appendFile(f, serializeRecord(historyRecord()).slice(0, 40));
    const stopped = await newestEntries(f, { limit: 2 });
    expect(stopped.entries.map((e) => e.id)).toEqual([c.id, b.id]);
    expect([stopped.damaged, stopped.damagedLines]).toEqual([1, [3]]);
    const all = await newestEntries(f);
    expect(all.entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
    expect([all.damaged, all.damagedLines]).toEqual([2, [2, 5]]);
  });

  it("keeps an invocation's complete logs over a later gave-up, and says a missing file does not exist", async () => {
    const f = fresh();
    const r = historyRecord();
    await writeFile(f, serializeRecord(r) + logsFor(r, "complete") + logsFor(r, "gave-up"));
    const [e] = (await newestEntries(f)).entries;
    expect(e!.logsState).toBe("complete");
    expect((await newestEntries(path.join(dir, "none.jsonl"))).exists).toBe(false);
  });

  it("finds each invocation's logs wherever they were written, filtered or not, as the whole index does", async () => {
    const f = fresh();
    const [a, b, c, d, e] = Array.from({ length: 5 }, (_, i) =>
      historyRecord({ function: { name: i % 2 ? "odd-fn" : "even-fn", arn: null } }),
    ) as [HistoryRecord, HistoryRecord, HistoryRecord, HistoryRecord, HistoryRecord];
    // Logs written late (after other invocations), twice (gave up, then complete, then gave up
    // again), next to their invocation, and never (e).
    await writeFile(
      f,
      serializeRecord(a) +
        serializeRecord(b) +
        logsFor(a, "gave-up") +
        serializeRecord(c) +
        logsFor(b) +
        logsFor(a) +
        logsFor(c, "gave-up") +
        logsFor(a, "gave-up") +
        serializeRecord(d) +
        logsFor(d, "gave-up") +
        logsFor(d) +
        serializeRecord(e),
    );
    const whole = await loadHistoryIndex(f);
    const want = [...whole.entries].reverse().map((x) => [x.id, x.logsState, x.logs?.offset]);
    // Newest first: e without logs, d complete, c gave up, b complete, a complete (kept over
    // the gave-up written before and after it).
    expect(want.map(([, state]) => state)).toEqual([null, "complete", "gave-up", "complete", "complete"]);
    const all = await newestEntries(f);
    expect(all.entries.map((x) => [x.id, x.logsState, x.logs?.offset])).toEqual(want);
    // The odd function's only: its lines and logs are found among the others passed over.
    const odd = await newestEntries(f, {
      mayMatch: (bytes) => bytes.includes('"odd-fn"'),
      match: (x) => x.functionName === "odd-fn",
    });
    expect(odd.entries.map((x) => [x.id, x.logsState, x.logs?.offset])).toEqual(
      want.filter(([id]) => id === b.id || id === d.id),
    );
  });

  it("matches each invocation with its logs across read chunks, as the whole index does", async () => {
    const f = fresh();
    // About 5 MB: read backward in chunks, the buffers read into again. Logs come late (up to 400 invocations
    // later, so often in another chunk than their invocation), some twice (gave up, then
    // complete); some ids are not ASCII (compared decoded).
    const records = Array.from({ length: 2400 }, (_, i) =>
      historyRecord({
        ...(i % 7 === 0 ? { id: `réc-${i}-ü` } : {}),
        function: { name: i % 3 ? "odd-fn" : "even-fn", arn: null },
        payload: `{"i":${i},"pad":"${"x".repeat(1500)}"}`,
      }),
    );
    const late = new Map<number, string[]>();
    const later = (at: number, text: string) => late.set(at, [...(late.get(at) ?? []), text]);
    records.forEach((r, i) => {
      const delay = (i * 37) % 400;
      if (i % 5 === 0) later(i + delay, logsFor(r, "gave-up"));
      if (i % 11 !== 0) later(i + delay + 1, logsFor(r, i % 4 ? "complete" : "gave-up"));
    });
    let text = "";
    for (let i = 0; i < records.length + 402; i++) {
      if (i < records.length) text += serializeRecord(records[i]!);
      text += (late.get(i) ?? []).join("");
    }
    await writeFile(f, text);
    expect(text.length).toBeGreaterThan(4_000_000);
    const whole = await loadHistoryIndex(f);
    const want = [...whole.entries].reverse().map((x) => [x.id, x.logsState, x.logs?.offset]);
    expect(new Set(want.map(([, state]) => state))).toEqual(new Set([null, "gave-up", "complete"]));
    const all = await newestEntries(f);
    expect(all.entries.map((x) => [x.id, x.logsState, x.logs?.offset])).toEqual(want);
    const even = await newestEntries(f, {
      mayMatch: (bytes) => bytes.includes('"even-fn"'),
      match: (x) => x.functionName === "even-fn",
    });
    const evenIds = new Set(records.filter((r) => r.function.name === "even-fn").map((r) => r.id));
    expect(even.entries.map((x) => [x.id, x.logsState, x.logs?.offset])).toEqual(
      want.filter(([id]) => evenIds.has(id as string)),
    );
  });

  it("reads page after page where it stopped, as one read would, with every entry's logs", async () => {
    const f = fresh();
    const { text } = history(120);
    await writeFile(f, text);
    const reader = openNewestReader(f);
    const sizes: number[] = [];
    let page;
    do {
      page = await reader.next(25);
      sizes.push(page.entries.length);
    } while (!page.complete);
    await reader.close();
    expect(sizes).toEqual([25, 50, 75, 100, 120]);
    const whole = await newestEntries(f);
    expect(page.entries.map((e) => [e.id, e.logsState, e.line])).toEqual(
      whole.entries.map((e) => [e.id, e.logsState, e.line]),
    );
    expect(page.entries.every((e) => e.logsState !== null)).toBe(true);
  });
});
