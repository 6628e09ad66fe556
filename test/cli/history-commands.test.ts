// invoke's recording, history list / export / import and replay, as a user runs them against
// the sandbox: files, modes, output streams and exit codes.
import { appendFile, chmod, mkdir, mkdtemp, readFile, stat, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

let sb: SandboxProcess;
let root: string;
beforeAll(async () => {
  sb = await startSandboxProcess(["--quiet"]);
  root = await mkdtemp(path.join(os.tmpdir(), "lx-history-cli-"));
});
afterAll(async () => {
  await sb?.stop();
});

let seq = 0;
/** A fresh state folder (so a default history of its own) and a file name in it. */
function scratch() {
  const dir = path.join(root, `s${++seq}`);
  return { dir, state: path.join(dir, "state"), file: (name: string) => path.join(dir, name) };
}

const lx = (args: string[], state: string, extra: NodeJS.ProcessEnv = {}) =>
  runCli(
    args,
    {
      PATH: process.env.PATH,
      HOME: root,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ENDPOINT_URL: sb.endpoint,
      LAMBDA_EXPLORER_STATE_DIR: state,
      ...extra,
    },
    undefined,
    false,
  );

interface Line {
  id?: string;
  logsFor?: string;
  logsState?: string;
  replayOf?: string;
  qualifier?: string | null;
  payload?: string;
  response?: { payload: string; executedVersion: string };
  logs?: Array<{ message: string }> | null;
}
const lines = async (file: string): Promise<Line[]> =>
  (await readFile(file, "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

async function invokeInto(h: string, state: string, payloads: string[], qualifier = "live") {
  for (const p of payloads) {
    const r = await lx(
      ["invoke", "versioned-greeter", "-q", qualifier, "--payload", p, "--history", h],
      state,
    );
    expect(r.code, r.stderr).toBe(0);
  }
}

describe("invoke records into the history", () => {
  it("appends the invocation, then its complete logs as a further record, in a 0600 file", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    const r = await lx(
      ["invoke", "versioned-greeter:live", "--payload", '{ "name": "Ada" }', "--history", h, "--json"],
      s.state,
    );
    expect(r.code, r.stderr).toBe(0);
    const { historyId } = JSON.parse(r.stdout) as { historyId: string };
    expect((await stat(h)).mode & 0o777).toBe(0o600);
    const [rec, logs, ...rest] = await lines(h);
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({ id: historyId, qualifier: "live", payload: '{ "name": "Ada" }' });
    expect(JSON.parse(rec!.response!.payload)).toEqual({ message: "hello, Ada!", version: "1" });
    expect(rec!.logs).toBeNull();
    expect(logs).toMatchObject({ logsFor: historyId, logsState: "complete" });
    expect(logs!.logs!.some((l) => l.message.includes("v1 greeting Ada"))).toBe(true);
  });

  it("uses LAMBDA_EXPLORER_HISTORY, else the state folder, and --no-history records nothing", async () => {
    const s = scratch();
    const envFile = s.file("env.jsonl");
    await lx(["invoke", "orders-api", "--logs", "none"], s.state, { LAMBDA_EXPLORER_HISTORY: envFile });
    expect(await lines(envFile)).toHaveLength(1);
    await lx(["invoke", "orders-api", "--logs", "none"], s.state);
    expect(await lines(path.join(s.state, "history.jsonl"))).toHaveLength(1);
    const r = await lx(["invoke", "orders-api", "--logs", "none", "--no-history", "--json"], s.state);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).historyId).toBeNull();
    expect(await lines(path.join(s.state, "history.jsonl"))).toHaveLength(1);
  });

  it("warns in one line when the file cannot be written, and keeps the invocation's exit code", async () => {
    const s = scratch();
    const blocker = s.file("a-file");
    await lx(["invoke", "orders-api", "--logs", "none", "--history", s.file("ok.jsonl")], s.state);
    await writeFile(blocker, "");
    const bad = path.join(blocker, "h.jsonl");
    const ok = await lx(["invoke", "orders-api", "--history", bad], s.state);
    expect(ok.code).toBe(0);
    const warnings = ok.stderr.split("\n").filter((l) => l.includes("warning"));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^lambda-explorer: warning: not recorded in the history: cannot write .*h\.jsonl/,
      ),
    ]);
    const failed = await lx(["invoke", "thrower", "--logs", "none", "--history", bad], s.state);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/warning: not recorded/);
  });

  it("refuses a file that is not a history, even through a link: exit 2, nothing invoked or written", async () => {
    const s = scratch();
    const elsewhere = s.file("etc");
    await mkdir(elsewhere, { recursive: true });
    const passwd = path.join(elsewhere, "passwd");
    const text = "root:x:0:0:root:/root:/bin/bash\n";
    await writeFile(passwd, text, { mode: 0o644 });
    const link = s.file("h.jsonl");
    await symlink(passwd, link);
    const notHistory = /h\.jsonl \(a link to .*etc\/passwd\) is not a history file: .*nothing was written/;
    const r = await lx(["invoke", "orders-api", "--logs", "none", "--history", link], s.state);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(notHistory);
    await invokeInto(s.file("mine.jsonl"), s.state, ["{}"]);
    const replay = await lx(["replay", s.file("mine.jsonl"), "--history", link], s.state);
    expect([replay.code, replay.stdout]).toEqual([2, ""]);
    expect(replay.stderr).toMatch(notHistory);
    expect(await readFile(passwd, "utf8")).toBe(text);
    expect((await stat(passwd)).mode & 0o777).toBe(0o644);
  });

  it("warns once when the history is readable by others, or is a link leading out of its folder", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ["{}"]);
    await chmod(h, 0o644);
    const r = await lx(["invoke", "orders-api", "--history", h], s.state);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l.includes("warning"))).toEqual([
      `lambda-explorer: warning: the history ${h} is readable by other users (mode 0644), and it holds payloads and responses: chmod 600 ${h}`,
    ]);
    await chmod(h, 0o600);
    const link = path.join(s.dir, "links", "h.jsonl");
    await mkdir(path.dirname(link));
    await symlink(h, link);
    const viaLink = await lx(["invoke", "orders-api", "--logs", "none", "--history", link], s.state);
    expect(viaLink.code, viaLink.stderr).toBe(0);
    expect(viaLink.stderr).toContain(
      `lambda-explorer: warning: ${link} is a symbolic link: recording into ${h}`,
    );
    // Two records from invokeInto, the invocation and its logs, then one through the link.
    expect(await lines(h)).toHaveLength(5);
  });
});

describe("replay", () => {
  it("exits 0 when every response is the same, 1 with the differences on another alias", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ['{"name":"Ada"}', '{"name":"Bob"}']);
    const same = await lx(["replay", h], s.state);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/^2 replayed: 2 same, 0 differ$/m);

    const canary = await lx(["replay", h, "--qualifier", "canary"], s.state);
    expect(canary.code, canary.stdout + canary.stderr).toBe(1);
    expect(canary.stdout).toMatch(/versioned-greeter:canary \(was live\)\s+200\s+1 → 2 .* DIFFERS/);
    expect(canary.stdout).toContain('$.message: "hello, Ada!" → (none)');
    expect(canary.stdout).toMatch(/\$\.greeting: \(none\) → \{"text":"Hi there, Ada!"/);
    expect(canary.stdout).toMatch(/^2 replayed on canary: 0 same, 2 differ$/m);

    // Paths named in --ignore do not count; everything else still does.
    const some = [
      "replay",
      h,
      "-q",
      "canary",
      "--no-history",
      "--ignore",
      "$.message,$.greeting,$.invokedAs",
    ];
    const partly = await lx(some, s.state);
    expect(partly.code).toBe(1);
    expect(partly.stdout).not.toContain("$.message");
    expect(partly.stdout).toContain('$.version: "1" → "2"');
    const all = await lx([...some.slice(0, -1), "$.message,$.greeting,$.invokedAs,$.version"], s.state);
    expect(all.code, all.stdout).toBe(0);
    const bad = await lx(["replay", h, "--ignore", "version"], s.state);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--ignore: "version" is not a JSON path: it must start with \$/);
  });

  it("records replays with replayOf in the history, not in FILE, and --json says what happened", async () => {
    const s = scratch();
    const h = s.file("saved.jsonl");
    await invokeInto(h, s.state, ['{"name":"Ada"}']);
    const before = await readFile(h, "utf8");
    const r = await lx(["replay", h, "-q", "canary", "--json"], s.state);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      recordedIn: string;
      results: Array<{ id: string; replayId: string; same: boolean; executedVersion: unknown }>;
      summary: unknown;
    };
    expect(out.summary).toEqual({ replayed: 1, same: 0, different: 1, errors: 0, throttled: 0 });
    expect(out.results[0]).toMatchObject({ same: false, executedVersion: { before: "1", after: "2" } });
    expect(await readFile(h, "utf8")).toBe(before);
    const history = path.join(s.state, "history.jsonl");
    expect(out.recordedIn).toBe(history);
    const replayed = (await lines(history)).filter((l) => l.id);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ id: out.results[0]!.replayId, replayOf: out.results[0]!.id });
    expect(replayed[0]!.qualifier).toBe("canary");
  });

  it("replays the originals only when FILE is the history and has gathered its own replays", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ['{"name":"Ada"}', '{"name":"Bob"}']);
    const first = await lx(["replay", h, "--history", h, "--json"], s.state);
    const second = await lx(["replay", h, "--history", h, "--json"], s.state);
    expect([first.code, second.code]).toEqual([0, 0]);
    const parse = (t: string) =>
      JSON.parse(t) as { replaysNotReplayed: number; summary: { replayed: number } };
    expect(parse(first.stdout)).toMatchObject({ replaysNotReplayed: 0, summary: { replayed: 2 } });
    expect(parse(second.stdout)).toMatchObject({ replaysNotReplayed: 2, summary: { replayed: 2 } });
    expect((await lines(h)).filter((l) => l.replayOf)).toHaveLength(4);
  });

  it("skips and reports a torn last line, and refuses what is not a history", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ['{"name":"Ada"}']);
    await appendFile(h, '{"broken');
    const r = await lx(["replay", h, "--no-history"], s.state);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/h\.jsonl: 1 damaged record skipped \(line 3\)/);

    // Damage inside the part the index skips (the log tail) shows only when the entry is read:
    // replay and export skip that entry and say so, and go on with the rest.
    const inner = s.file("inner.jsonl");
    const [first] = (await readFile(h, "utf8")).split("\n");
    const hurt = first!.replace('"logTail":"', '"logTail":').replace(/"id":"[^"]+"/, '"id":"hurt"');
    await writeFile(inner, `${hurt}\n${first}\n`);
    const rInner = await lx(["replay", inner, "--no-history", "--json"], s.state);
    expect(rInner.code, rInner.stderr).toBe(0);
    expect(rInner.stderr).toMatch(/inner\.jsonl: 1 damaged record skipped \(line 1\)/);
    expect(JSON.parse(rInner.stdout)).toMatchObject({ damaged: 1, summary: { replayed: 1, same: 1 } });
    const ex = await lx(["history", "export", s.file("out.jsonl"), "--history", inner], s.state);
    expect(ex.code).toBe(0);
    expect(ex.stderr).toMatch(/1 damaged record skipped \(line 1\)\nexported 1 invocation/);
    const imp = await lx(["history", "import", inner, "--history", s.file("imported.jsonl")], s.state);
    expect(imp.code).toBe(0);
    expect(imp.stderr).toMatch(/1 damaged record skipped \(line 1\)\nimported 1 invocation/);

    const notHistory = s.file("notes.txt");
    await writeFile(notHistory, "hello\nworld\n");
    const bad = await lx(["replay", notHistory], s.state);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /notes\.txt is not a history file: none of its 2 non-empty lines is a history record/,
    );

    const missing = await lx(["replay", s.file("nope.jsonl")], s.state);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no history file .*nope\.jsonl: check the path/);

    const conc = await lx(["replay", h, "--concurrency", "0"], s.state);
    expect(conc.code).toBe(2);
    expect(conc.stderr).toMatch(/--concurrency must be a whole number from 1 to 256 \(got "0"\)/);
  });

  it("refuses a hand-edited payload it cannot send, saying where and why: exit 3, the rest replayed", async () => {
    // Recorded payloads were checked when sent, and replay checks them again (JSON.parse first,
    // jsonc-parser for where it breaks): an edited file must still be refused entry by entry.
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ['{"name":"Ada"}']);
    const [first] = (await readFile(h, "utf8")).split("\n");
    const recorded = JSON.parse(first!) as Record<string, unknown>;
    const edited = s.file("edited.jsonl");
    const entry = (id: string, payload: string, invocationType = "RequestResponse") =>
      JSON.stringify({ ...recorded, id, payload, invocationType });
    const deep = "[".repeat(1001) + "]".repeat(1001);
    await writeFile(
      edited,
      [
        entry("ok", '{"name":"Ada"}'),
        entry("broken", '{"name": }'),
        entry("trailing", '{"name": "Ada",}'),
        entry("deep", deep),
        entry("big", `{"s":"${"a".repeat(1024 * 1024)}"}`, "Event"),
      ].join("\n") + "\n",
    );
    const r = await lx(["replay", edited, "--no-history", "--json"], s.state);
    expect(r.code, r.stderr).toBe(3);
    const out = JSON.parse(r.stdout) as {
      results: Array<{ id: string; error: string | null; replayId: string | null }>;
      summary: unknown;
    };
    expect(out.summary).toMatchObject({ replayed: 5, same: 1, errors: 4 });
    const errors = Object.fromEntries(out.results.map((x) => [x.id, x.error]));
    expect(errors).toEqual({
      ok: null,
      broken: "Payload is not valid JSON: line 1, column 10: Expected a value",
      trailing: "Payload is not valid JSON: line 1, column 16: Trailing commas are not allowed in JSON",
      deep: "Payload refused: line 1, column 1001: Nested more than 1,000 levels deep: flatten the payload.",
      big: "Payload is 1.0 MB (1,048,584 bytes), 8 bytes over the 1 MB limit for Event invocations.",
    });
    // Refused before sending: no replay was made of them.
    expect(out.results.filter((x) => x.replayId !== null).map((x) => x.id)).toEqual(["ok"]);
  });

  it("exits 3 and says why when entries cannot be replayed (an alias that does not exist)", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ['{"name":"Ada"}']);
    const r = await lx(["replay", h, "-q", "no-such-alias", "--no-history"], s.state);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/ERROR\n\s+.*not found/i);
    expect(r.stdout).toMatch(/1 could not be replayed/);
  });
});

describe("history list / export / import", () => {
  it("lists newest first, filters by function and time, and says what to type for bad input", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, ['{"name":"first"}', '{"name":"second"}']);
    await lx(["invoke", "orders-api", "--payload", "{}", "--logs", "none", "--history", h], s.state);
    const table = await lx(["history", "--history", h], s.state);
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^RECORDED \(UTC\)\s+FUNCTION\s+STATUS/);
    expect(rows.slice(1).map((r) => /\{.*\}$/.exec(r)?.[0])).toEqual([
      "{}",
      '{"name":"second"}',
      '{"name":"first"}',
    ]);

    const json = await lx(
      ["history", "list", "--history", h, "--json", "--function", "versioned-greeter"],
      s.state,
    );
    const list = JSON.parse(json.stdout) as Array<{
      function: string;
      payloadPreview: string;
      logsState: string;
    }>;
    expect(list.map((e) => e.payloadPreview)).toEqual(['{"name":"second"}', '{"name":"first"}']);
    expect(list.every((e) => e.function === "versioned-greeter" && e.logsState === "complete")).toBe(true);
    const recent = await lx(["history", "list", "--history", h, "--json", "--since", "1h"], s.state);
    expect(JSON.parse(recent.stdout)).toHaveLength(3);
    // --history before the subcommand picks the file too; the default history is empty.
    const before = await lx(["history", "--history", h, "list", "--json"], s.state);
    expect(JSON.parse(before.stdout)).toHaveLength(3);
    const empty = await lx(["history"], s.state);
    expect([empty.code, empty.stdout]).toEqual([0, ""]);
    expect(empty.stderr).toMatch(/^no invocations recorded yet in .*history\.jsonl$/m);

    const unknown = await lx(["history", "list", "--history", h, "--function", "orders"], s.state);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no invocations of orders in .*; it has: orders-api, versioned-greeter/);
    const since = await lx(["history", "list", "--history", h, "--since", "last week"], s.state);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since: cannot read "last week" as a time: use a duration ago like 90s/);
  });

  it("exports with logs folded in and values redacted, never over a file, and imports each once", async () => {
    const s = scratch();
    const h = s.file("h.jsonl");
    await invokeInto(h, s.state, [
      '{"name":"Ada","password":"hunter2","nested":{"Token":"t0k"},"client_secret":"cs","ssn":"1","note":"AKIAIOSFODNN7EXAMPLE"}',
    ]);
    await lx(["invoke", "orders-api", "--payload", "{}", "--logs", "none", "--history", h], s.state);
    const out = s.file("shared.jsonl");
    const ex = await lx(
      ["history", "export", out, "--history", h, "--function", "versioned-greeter", "--redact"],
      s.state,
    );
    expect(ex.code, ex.stderr).toBe(0);
    expect(ex.stderr).toMatch(/exported 1 invocation to .*shared\.jsonl \(secrets redacted\)/);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const [rec, ...rest] = await lines(out);
    expect(rest).toEqual([]);
    expect(JSON.parse(rec!.payload!)).toEqual({
      name: "Ada",
      password: "[redacted]",
      nested: { Token: "[redacted]" },
      client_secret: "[redacted]",
      ssn: "1",
      note: "[redacted]",
    });
    expect(rec!.logs!.some((l) => l.message.includes("v1 greeting Ada"))).toBe(true);
    expect(rec!.logsState).toBe("complete");

    const again = await lx(["history", "export", out, "--history", h], s.state);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/shared\.jsonl exists: choose another file name, or add --force/);
    // Names of one's own add to the default ones.
    const forced = await lx(
      ["history", "export", out, "--history", h, "--redact", "name", "--redact-key", "SSN", "--force"],
      s.state,
    );
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(/\(secrets redacted, and the values of name, SSN\)/);
    const [first] = await lines(out);
    expect(JSON.parse(first!.payload!)).toMatchObject({
      name: "[redacted]",
      password: "[redacted]",
      ssn: "[redacted]",
    });
    expect((await lines(out)).map((l) => JSON.parse(l.payload!).name as unknown)).toEqual([
      "[redacted]",
      undefined,
    ]);
    // --redact-key alone redacts too.
    const keyOnly = await lx(["history", "export", "-", "--history", h, "--redact-key", "name"], s.state);
    expect(keyOnly.stdout).not.toContain("hunter2");
    expect(keyOnly.stdout).toContain('\\"name\\":\\"[redacted]\\"');

    const target = s.file("mine.jsonl");
    const imp = await lx(["history", "import", out, "--history", target], s.state);
    expect(imp.stderr).toMatch(/imported 2 invocations into .*mine\.jsonl/);
    const twice = await lx(["history", "import", out, "--history", target], s.state);
    expect(twice.stderr).toMatch(/imported 0 invocations .*\(2 already there\)/);
    expect(await lines(target)).toHaveLength(2);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    // Into a file that is not a history: refused, nothing written.
    const notes = s.file("notes.txt");
    await writeFile(notes, "remember the milk\n");
    const refused = await lx(["history", "import", out, "--history", notes], s.state);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/notes\.txt is not a history file/);
    expect(await readFile(notes, "utf8")).toBe("remember the milk\n");
    // Into a history others can read: imported, with the warning.
    await chmod(target, 0o644);
    const readable = await lx(["history", "import", out, "--history", target], s.state);
    expect(readable.code).toBe(0);
    expect(readable.stderr).toMatch(
      /warning: the history .*mine\.jsonl is readable by other users \(mode 0644\)/,
    );
  });
});
