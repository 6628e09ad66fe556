// history list and show on a history of 20,000 invocations, as a user runs them: the newest
// first, filters, one old entry in full, and a history being appended to while it is read.
import { appendFile, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeLogsRecord, serializeRecord, type HistoryRecord } from "../../src/core/history-record.js";
import { runCli } from "../helpers/cli.js";
import { historyRecord } from "../helpers/history-records.js";

const N = 20_000;
let dir: string;
let file: string;
let records: HistoryRecord[];
const env = () => ({
  PATH: process.env.PATH,
  HOME: dir,
  LAMBDA_EXPLORER_STATE_DIR: path.join(dir, "state"),
  LAMBDA_EXPLORER_CACHE_DIR: path.join(dir, "cache"),
});
const lx = (args: string[]) => runCli(args, env(), undefined, false);

const id = (i: number) => `${i.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`;
const record = (i: number) =>
  historyRecord({
    id: id(i),
    function: { name: ["orders-api", "payments", "users"][i % 3]!, arn: null },
    payload: JSON.stringify({ i, note: "é日本😀" }),
  });
const lines = (r: HistoryRecord) =>
  serializeRecord(r) +
  serializeLogsRecord({
    logsFor: r.id,
    logsState: "complete",
    at: r.at,
    logs: [{ timestamp: 1, message: `log of ${r.id}\n` }],
  });

interface Listed {
  id: string;
  function: string;
  logsState: string | null;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-history-scale-"));
  file = path.join(dir, "h.jsonl");
  records = Array.from({ length: N }, (_, i) => record(i));
  await writeFile(file, records.map(lines).join(""), { mode: 0o600 });
});

// Its 20,000 records are tens of MB: not left behind in the temp folder.
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("history list and show on 20,000 invocations", () => {
  it("lists the newest first, stops at --limit, and filters by function", async () => {
    const top = await lx(["history", "list", "--history", file, "--limit", "5", "--json"]);
    expect(top.code, top.stderr).toBe(0);
    const newest = JSON.parse(top.stdout) as Listed[];
    expect(newest.map((e) => e.id)).toEqual([N - 1, N - 2, N - 3, N - 4, N - 5].map(id));
    expect(newest.every((e) => e.logsState === "complete")).toBe(true);

    const pay = await lx([
      "history",
      "list",
      "--history",
      file,
      "--function",
      "payments",
      "--limit",
      "3",
      "--json",
    ]);
    const want = records
      .filter((r) => r.function.name === "payments")
      .slice(-3)
      .reverse();
    expect((JSON.parse(pay.stdout) as Listed[]).map((e) => e.id)).toEqual(want.map((r) => r.id));

    const all = await lx(["history", "list", "--history", file, "--function", "users"]);
    expect(all.code).toBe(0);
    const rows = all.stdout.trim().split("\n").slice(1);
    const users = records.filter((r) => r.function.name === "users");
    expect(rows).toHaveLength(users.length);
    expect(rows[0]).toContain(users.at(-1)!.id.slice(0, 8));
    expect(rows.at(-1)).toContain(users[0]!.id.slice(0, 8));
    expect(all.stderr).toMatch(new RegExp(`^${rows.length} of ${N} invocations in `, "m"));

    const table = await lx(["history", "list", "--history", file, "--limit", "2"]);
    expect(table.stderr).toMatch(/the newest 2 invocations in .*h\.jsonl \(--limit 2; older ones not read\)/);
  });

  it("exports one function's invocations with their logs, and names the functions for a wrong one", async () => {
    const out = path.join(dir, "payments.jsonl");
    const r = await lx(["history", "export", out, "--function", "payments", "--history", file]);
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readFile(out, "utf8")).trim().split("\n");
    const exported = lines.map((l) => JSON.parse(l) as HistoryRecord);
    const want = records.filter((x) => x.function.name === "payments");
    expect(exported.map((x) => x.id)).toEqual(want.map((x) => x.id));
    expect(exported.every((x) => x.logs?.[0]?.message === `log of ${x.id}\n`)).toBe(true);
    expect(r.stderr).toMatch(new RegExp(`^exported ${want.length} invocations to `, "m"));

    const wrong = await lx(["history", "export", "-", "--function", "payment", "--history", file]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no invocations of payment in .*; it has: orders-api, payments, users/);
  });

  it("shows an old entry in full by its id or the start of it, and one appended since", async () => {
    const old = await lx(["history", "show", id(3).slice(0, 8), "--history", file]);
    expect(old.code, old.stderr).toBe(0);
    const shown = JSON.parse(old.stdout) as HistoryRecord;
    expect(shown).toMatchObject({ id: id(3), payload: records[3]!.payload, logsState: "complete" });
    expect(shown.logs).toEqual([{ timestamp: 1, message: `log of ${id(3)}\n` }]);

    const added = record(N);
    await appendFile(file, lines(added));
    const fresh = await lx(["history", "show", added.id, "--history", file]);
    expect(JSON.parse(fresh.stdout)).toMatchObject({ id: added.id });

    const missing = await lx(["history", "show", "ffffffff", "--history", file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no invocation ffffffff in .*: history list shows the ids/);
    const vague = await lx(["history", "show", "0000", "--history", file]);
    expect(vague.code).toBe(2);
    expect(vague.stderr).toMatch(/0000 is the start of \d+ ids in .*: type more of the ID/);
  });

  it("finds the right entry after the history was replaced by another file", async () => {
    const other = path.join(dir, "other.jsonl");
    const moved = records.slice(0, 50).reverse();
    await writeFile(other, moved.map(lines).join(""), { mode: 0o600 });
    const target = path.join(dir, "replaced.jsonl");
    await writeFile(target, records.slice(0, 50).map(lines).join(""), { mode: 0o600 });
    expect((await lx(["history", "show", id(10), "--history", target])).code).toBe(0);
    await rename(other, target);
    const r = await lx(["history", "show", id(10), "--history", target]);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: id(10), payload: records[10]!.payload });
  });

  it("lists more invocations than a function call takes arguments as a table", async () => {
    // The table's column widths were a Math.max over every row's cell spread as arguments:
    // past about 120,000 rows that threw "Maximum call stack size exceeded".
    const many = 160_000;
    const big = path.join(dir, "many.jsonl");
    const one = serializeRecord(record(0));
    const at = one.indexOf(id(0));
    await writeFile(
      big,
      Array.from({ length: many }, (_, i) => one.slice(0, at) + id(i) + one.slice(at + id(0).length)).join(
        "",
      ),
      { mode: 0o600 },
    );
    try {
      const r = await lx(["history", "list", "--history", big]);
      expect(r.code, r.stderr).toBe(0);
      const rows = r.stdout.trim().split("\n");
      expect(rows).toHaveLength(many + 1);
      expect(rows[1]).toContain(id(many - 1).slice(0, 8));
      expect(r.stderr).toMatch(new RegExp(`^${many} invocations in `, "m"));
    } finally {
      await rm(big, { force: true });
    }
  });

  it("lists a history while another process appends to it, each record in two writes", async () => {
    const h = path.join(dir, "busy.jsonl");
    await writeFile(h, records.slice(0, 1000).map(lines).join(""), { mode: 0o600 });
    let writing = true;
    let next = 1000;
    const writer = (async () => {
      while (writing) {
        const text = lines(records[next++]!);
        await appendFile(h, text.slice(0, 100));
        await appendFile(h, text.slice(100));
      }
    })();
    try {
      for (let k = 0; k < 5; k++) {
        const r = await lx(["history", "list", "--history", h, "--limit", "10", "--json"]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/damaged/);
        const got = (JSON.parse(r.stdout) as Listed[]).map((e) => parseInt(e.id.slice(0, 8), 16));
        expect(got).toHaveLength(10);
        // Consecutive, newest first: nothing skipped or doubled by a record half written.
        expect(got).toEqual(got.map((_, i) => got[0]! - i));
      }
    } finally {
      writing = false;
      await writer;
    }
  });
});
