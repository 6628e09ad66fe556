import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  serializeLogsRecord,
  serializeRecord,
  type HistoryRecord,
} from "../../../src/core/history-record.js";
import {
  mayBeSince,
  mayHoldString,
  recordHeadId,
  recordHeadTime,
} from "../../../src/state/history-line-tests.js";
import { newestEntries } from "../../../src/state/history-scan.js";
import { loadHistoryIndex } from "../../../src/state/history-store.js";
import { historyRecord } from "../../helpers/history-records.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-line-tests-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const line = (r: HistoryRecord) => Buffer.from(serializeRecord(r).trimEnd());
const named = (name: string, over: Partial<HistoryRecord> = {}) =>
  historyRecord({ function: { name, arn: null }, ...over });

describe("mayHoldString", () => {
  it("says yes to every line that holds the name, however the JSON writes it", () => {
    const test = mayHoldString("payments");
    expect(test(line(named("payments")))).toBe(true);
    // The same name with letters escaped, as another JSON writer may put it: still a candidate.
    const escaped = serializeRecord(named("payments")).replace(
      '"name":"payments"',
      '"name":"pay\\u006Dents"',
    );
    expect(JSON.parse(escaped)).toMatchObject({ function: { name: "payments" } });
    expect(test(Buffer.from(escaped))).toBe(true);
    const slashed = mayHoldString("team/fn");
    const withSolidus = serializeRecord(named("team/fn")).replace('"team/fn"', '"team\\/fn"');
    expect(slashed(Buffer.from(withSolidus))).toBe(true);
    // A name with a quote, a backslash and a control character: JSON.stringify's escapes.
    const odd = 'a"b\\c\u0001';
    expect(mayHoldString(odd)(line(named(odd)))).toBe(true);
    const upper = serializeRecord(named(odd)).replace(
      "\\u0001",
      "\\u0001".toUpperCase().replace("\\U", "\\u"),
    );
    expect(mayHoldString(odd)(Buffer.from(upper))).toBe(true);
  });

  it("says no to a line without the name: a longer name, another, escapes of other characters", () => {
    const test = mayHoldString("pay");
    expect(test(line(named("payments")))).toBe(false);
    expect(test(line(named("orders-api")))).toBe(false);
    // A coloured log tail escapes ESC (\u001b), which is not a character of the name.
    const coloured = named("orders-api", {
      response: { ...historyRecord().response, logTail: "\u001b[31mred\u001b[0m\n" },
    });
    expect(test(line(coloured))).toBe(false);
  });
});

describe("recordHeadId and recordHeadTime", () => {
  it("read the id and time a record starts with, and give up when the bytes do not say for sure", () => {
    const r = historyRecord({ at: "2026-11-25T10:00:00.000Z" });
    expect(recordHeadId(line(r))).toBe(r.id);
    expect(recordHeadTime(line(r))).toBe(Date.parse(r.at));
    expect(recordHeadId(Buffer.from('{"at":"x","id":"y"}'))).toBeNull();
    expect(recordHeadId(Buffer.from('{"id":"a\\"b","at":"x"}'))).toBeNull();
    // A second "at" key (JSON.parse takes the last one): the head is not trusted.
    const twice = serializeRecord(r).trimEnd().replace(/}$/, ',"at":"2030-01-01T00:00:00.000Z"}');
    expect((JSON.parse(twice) as { at: string }).at).toBe("2030-01-01T00:00:00.000Z");
    expect(recordHeadTime(Buffer.from(twice))).toBeNull();
    expect(mayBeSince(Date.parse("2029-01-01"))(Buffer.from(twice))).toBe(true);
    expect(mayBeSince(Date.parse("2029-01-01"))(line(r))).toBe(false);
    expect(mayBeSince(Date.parse(r.at))(line(r))).toBe(true);
  });
});

describe("a filtered newest-first read", () => {
  it("lists exactly what parsing every line lists: no payload, prefix or escape fools it", async () => {
    const f = path.join(dir, `h${Math.random().toString(36).slice(2)}.jsonl`);
    const records = [
      named("payments", { at: "2026-11-25T10:00:00.000Z" }),
      named("users", { payload: '{"service":"payments","fn":"pay"}', at: "2026-11-25T11:00:00.000Z" }),
      // A profile named like a function: its line holds the name's bytes.
      named("search", {
        endpoint: { profile: "payments", region: "pay", account: null, url: null },
        at: "2026-11-25T11:30:00.000Z",
      }),
      named("payments-v2", { at: "2026-11-25T12:00:00.000Z" }),
      named("pay", { at: "2026-11-25T13:00:00.000Z" }),
      named("payments", { at: "2026-11-26T10:00:00.000Z" }),
      // Later than 2026-11-26T00:00Z, though its text sorts before it.
      named("users", { at: "2026-11-25T23:30:00-02:00" }),
    ];
    const text = records
      .map(
        (r) =>
          serializeRecord(r) +
          serializeLogsRecord({ logsFor: r.id, logsState: "complete", at: r.at, logs: [] }),
      )
      .join("");
    // One more, written by another JSON writer: the name and time escaped.
    const other = named("payments", { at: "2026-11-27T10:00:00.000Z" });
    const escaped = serializeRecord(other)
      .replace('"name":"payments"', '"name":"\\u0070ayments"')
      .replace('"at":"2026-11-27', '"at":"\\u0032026-11-27');
    await writeFile(f, text + escaped);

    const exact = async (
      mayMatch: (b: Buffer) => boolean,
      match: (e: { functionName: string; at: string }) => boolean,
    ) => {
      const fast = await newestEntries(f, { mayMatch, match });
      const slow = await newestEntries(f, { match });
      expect(fast.entries.map((e) => e.id)).toEqual(slow.entries.map((e) => e.id));
      expect(fast.seen).toBe(slow.seen);
      return fast.entries.map((e) => e.id);
    };
    const all = [...records, other];
    for (const name of ["payments", "pay", "payments-v2", "users", "service"])
      expect(await exact(mayHoldString(name), (e) => e.functionName === name)).toEqual(
        all
          .filter((r) => r.function.name === name)
          .reverse()
          .map((r) => r.id),
      );
    for (const day of ["2026-11-25T12:00:00.000Z", "2026-11-26T00:00:00.000Z", "2026-11-28T00:00:00.000Z"]) {
      const since = Date.parse(day);
      expect(await exact(mayBeSince(since), (e) => Date.parse(e.at) >= since)).toEqual(
        all
          .filter((r) => Date.parse(r.at) >= since)
          .reverse()
          .map((r) => r.id),
      );
    }
  });

  it("keeps in a whole-file index only what the filter may want, judged as the whole index is", async () => {
    const f = path.join(dir, `h${Math.random().toString(36).slice(2)}.jsonl`);
    const logs = (r: HistoryRecord) =>
      serializeLogsRecord({ logsFor: r.id, logsState: "complete", at: r.at, logs: [] });
    const first = named("users");
    // The same id again, of the function filtered on: the first copy is the one kept, so no match.
    const again = { ...named("payments"), id: first.id };
    const pay = named("payments");
    // Its profile is named like the function: a candidate, parsed and left out.
    const other = named("orders-api", {
      endpoint: { profile: "payments", region: null, account: null, url: null },
    });
    await writeFile(
      f,
      [first, pay, other, again].map((r) => serializeRecord(r)).join("") +
        logs(pay) +
        logs(first) +
        logs(other),
    );
    const whole = await loadHistoryIndex(f);
    const want = whole.entries.filter((e) => e.functionName === "payments");
    const some = await loadHistoryIndex(f, { mayMatch: mayHoldString("payments") });
    const got = some.entries.filter((e) => e.functionName === "payments");
    expect(got.map((e) => [e.id, e.logsState, e.logs?.offset])).toEqual(
      want.map((e) => [e.id, e.logsState, e.logs?.offset]),
    );
    expect(got.map((e) => e.id)).toEqual([pay.id]);
    expect([some.entries.length, some.passed, some.duplicates]).toEqual([2, 1, 1]);
  });
});
