// Which ids a history holds, streamed (history import): the ids asked about and no others, the
// records and damaged lines counted as the whole-file index counts them.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serializeLogsRecord, serializeRecord } from "../../../src/core/history-record.js";
import { idsInHistory } from "../../../src/state/history-has-ids.js";
import { loadHistoryIndex } from "../../../src/state/history-store.js";
import { historyRecord } from "../../helpers/history-records.js";

describe("idsInHistory", () => {
  it("finds the ids asked about, however the record is written, and counts lines as the index does", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-has-ids-"));
    const file = path.join(dir, "history.jsonl");
    const [a, b, c] = [historyRecord(), historyRecord(), historyRecord()];
    // c written by another JSON writer: its keys in another order, so its id is not in its head.
    const { id, ...rest } = c;
    const other = JSON.stringify({ ...rest, id }) + "\n";
    await writeFile(
      file,
      serializeRecord(a) +
        serializeLogsRecord({ logsFor: a.id, logsState: "complete", at: a.at, logs: [] }) +
        "not json\n" +
        serializeRecord(b) +
        other +
        '{"id":"cut short',
    );
    const got = await idsInHistory(file, new Set([a.id, c.id, "not-there"]));
    expect([...got.found].sort()).toEqual([a.id, c.id].sort());
    const index = await loadHistoryIndex(file);
    expect(got).toMatchObject({
      exists: true,
      records: index.entries.length,
      damaged: index.damaged,
      damagedLines: index.damagedLines,
    });
    expect(got.damagedLines).toEqual([3, 6]);
    const none = await idsInHistory(path.join(dir, "missing.jsonl"), new Set([a.id]));
    expect(none).toMatchObject({ exists: false, records: 0 });
    expect(none.found.size).toBe(0);
  });
});
