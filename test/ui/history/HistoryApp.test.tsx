// The history pane in the whole app, against a real sandbox over HTTP: invocations recorded
// (their complete logs as further records), an entry shown as it was without re-sending, a
// replay on another alias diffed, a history file that cannot be written, and a damaged one.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHistoryLine, type HistoryRecord } from "../../../src/core/history-record.js";
import { appendRecord } from "../../../src/state/history-store.js";
import { App } from "../../../src/ui/app/App.js";
import { historyRecord } from "../../helpers/history-records.js";
import { renderTui } from "../../helpers/render-tui.js";
import { eventually, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";
import { lines, record } from "./rows.js";

let sb: TestSandbox;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "lx-history-app-"));
  process.env.LAMBDA_EXPLORER_CACHE_DIR = path.join(dir, "cache");
  process.env.LAMBDA_EXPLORER_STATE_DIR = path.join(dir, "state");
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb?.close();
});

function fileLines(file: string) {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map(parseHistoryLine);
}
const records = (file: string): HistoryRecord[] =>
  fileLines(file).flatMap((l) => (l.kind === "record" ? [l.record] : []));

const CTRL_Q = "\u0011";
const CTRL_S = "\u0013";

/** The App on a history file of its own holding one recorded invocation of `payload`. */
async function appWithRecord(name: string, payload: string) {
  const file = path.join(dir, name, "history.jsonl");
  await appendRecord(file, historyRecord({ payload }));
  return renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
}

describe("the history pane in the app", () => {
  it("records invocations and their logs, shows one as it was, and replays it on canary with a diff", async () => {
    const file = path.join(dir, "h1", "history.jsonl");
    const t = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("versioned-greeter");
      await t.press({ key: "enter" });
      await t.waitFor(/versioned-greeter:\$LATEST/);
      await t.press(CTRL_Q);
      await t.waitFor(/live → v1/);
      await t.press({ key: "down" });
      await t.press({ key: "down" });
      await t.press({ key: "enter" });
      await t.waitFor(/versioned-greeter:live/);
      await t.press('{"name":"ada"}');
      await t.press(CTRL_S);
      // A new invocation stops following the last one's logs: wait for them first.
      await eventually(async () => (fileLines(file).length === 2 ? true : undefined));
      await t.press(CTRL_S);
      // Two invocations, and a logs record for each once CloudWatch (the sandbox) has them.
      await eventually(async () => (fileLines(file).length === 4 ? true : undefined));
      const logs = fileLines(file).filter((l) => l.kind === "logs");
      expect(logs).toHaveLength(2);
      const [first, second] = records(file);
      expect(first).toMatchObject({ qualifier: "live", payload: '{"name":"ada"}' });
      expect(first!.function.name).toBe("versioned-greeter");
      expect(first!.response.executedVersion).toBe("1");

      // The result is in front after an invoke; 4 goes from there to the history.
      await t.press("4");
      const list = await t.waitFor(/History 2/);
      expect(list).toMatch(/› .*versioned-greeter:live\s+sync\s+200/);

      // Enter shows the newest entry in the result pane; nothing is sent (no third record).
      await t.press({ key: "enter" });
      // The result pane's wording is its own: match the version and the request id loosely.
      const shown = await t.waitFor(/ExecutedVersion\D*1\b/);
      expect(shown).toContain(second!.response.requestId!.slice(0, 8));
      expect(records(file)).toHaveLength(2);

      await t.press("4");
      await t.press("R");
      await t.waitFor(/Replay versioned-greeter:live on…[\s\S]*canary → v2/);
      await t.press({ key: "down" });
      await t.press({ key: "enter" });
      const diff = await t.waitFor(/The answers differ:[\s\S]*duration:/);
      expect(diff).toContain("Replay of versioned-greeter:live on canary");
      expect(diff).toMatch(/version: 1 → 2/);
      expect(diff).toMatch(/\$\.greeting: \(none\) →/);
      await eventually(async () => (records(file).length === 3 ? true : undefined));
      const replay = records(file)[2]!;
      expect(replay).toMatchObject({ qualifier: "canary", replayOf: second!.id, payload: '{"name":"ada"}' });
      expect(replay.response.executedVersion).toBe("2");

      await t.press({ key: "escape" });
      const back = await t.waitFor(/History 3/);
      expect(back).toMatch(/↻ versioned-greeter:canary/);
      // The result says what it replays: the payload pane beside it may show another function.
      await t.press("3");
      const result = await t.waitFor(/Replay · versioned-greeter:canary/);
      expect(result).toMatch(/Replay · versioned-greeter:canary · original \d\d-\d\d \d\d:\d\d:\d\d/);
    } finally {
      t.unmount();
    }
  });

  it("records the complete logs of an invocation the next one cut short", async () => {
    // Logs that take a second to reach CloudWatch: the second Ctrl+S comes before them.
    const slow = await startTestSandbox({ logDelayMs: 1000 });
    const file = path.join(dir, "h-slow", "history.jsonl");
    const t = renderTui(<App connection={{ endpointUrl: slow.url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/orders-api:\$LATEST/);
      await t.press(CTRL_S);
      await eventually(async () => (records(file).length === 1 ? true : undefined));
      expect(fileLines(file)).toHaveLength(1);
      await t.press(CTRL_S);
      await eventually(async () => (fileLines(file).length === 4 ? true : undefined), 15_000);
      const ids = records(file).map((r) => r.id);
      const logsFor = fileLines(file).flatMap((l) => (l.kind === "logs" ? [l.logs.logsFor] : []));
      expect(logsFor.sort()).toEqual([...ids].sort());
    } finally {
      t.unmount();
      await slow.close();
    }
  });

  it("copies an entry's payload into the editor, undoably", async () => {
    const file = path.join(dir, "h-edit", "history.jsonl");
    const t = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("payments-audit");
      await t.press({ key: "enter" });
      await t.waitFor(/payments-audit:\$LATEST/);
      await t.press('{"sent":1}');
      await t.press(CTRL_S);
      await eventually(async () => (fileLines(file).length === 2 ? true : undefined));
      // Back from the result to the payload.
      await t.press({ key: "escape" });
      await t.press({ key: "backspace" });
      await t.press({ key: "backspace" });
      await t.press("2}");
      await t.waitFor(/\{"sent":2\}/);
      await t.press({ key: "escape" });
      await t.press("4");
      await t.waitFor(/History 1/);
      await t.press("e");
      const copied = await t.waitFor(/Payload from history\. Ctrl\+Z undoes\./);
      expect(copied).toContain('{"sent":1}');
      expect(copied).not.toContain('{"sent":2}');
      await t.press("\u001a"); // Ctrl+Z: back to what was typed
      await t.waitFor(/\{"sent":2\}/);
    } finally {
      t.unmount();
    }
  });

  it("copies an entry's payload with the qualifier it ran on", async () => {
    const t = await appWithRecord("h-edit-live", '{"name":"from-history"}');
    try {
      await t.waitFor(/orders-api/);
      await t.press("4");
      await t.waitFor(/versioned-greeter:live/);
      await t.press("e");
      const copied = await t.waitFor(/versioned-greeter:live · RequestResponse/);
      expect(copied).toContain('{"name":"from-history"}');
      expect(copied).toContain("Payload from history, on live as it ran.");
    } finally {
      t.unmount();
    }
  });

  it("shows an opened entry's payload as recorded, read-only, and never touches the draft", async () => {
    const t = await appWithRecord("h-shown", '{"marker":"zz-shown-1"}');
    try {
      await t.waitFor(/orders-api/);
      await t.press("payments-audit");
      await t.press({ key: "enter" });
      await t.waitFor(/payments-audit:\$LATEST/);
      await t.press('{"draft":"mine"}');
      await t.waitFor(/\{"draft":"mine"\}/);
      await t.press({ key: "escape" });
      await t.press("4");
      await t.waitFor(/versioned-greeter:live/);
      await t.press({ key: "enter" });
      // The result pane has the entry (the layout is stacked at this size: 2 shows the payload),
      // and says which one, since the pane naming it is folded.
      const result = await t.waitFor(/ExecutedVersion\D*1\b/);
      expect(result).toMatch(/Recorded · versioned-greeter:live · \d\d-\d\d \d\d:\d\d:\d\d/);
      await t.press("2");
      const shown = await t.waitFor(/"marker": "zz-shown-1"/);
      expect(shown).toContain("Recorded · versioned-greeter:live");
      expect(shown).toContain("recorded payload (read-only)");
      expect(shown).not.toContain('"draft"');

      // Typing there reaches nothing; Esc closes it and the draft is as it was.
      await t.press("x");
      await t.press({ key: "escape" });
      const draft = await t.waitFor(/payments-audit:\$LATEST/);
      expect(draft).toContain('{"draft":"mine"}');
      expect(draft).not.toMatch(/x\{"draft"|"mine"\}x/);
      expect(draft).not.toContain("zz-shown-1");

      // Opened again, `e` edits a copy: in the editor, on the qualifier it ran on.
      await t.press({ key: "escape" });
      await t.press("4");
      await t.press({ key: "enter" });
      await t.waitFor(/ExecutedVersion\D*1\b/);
      await t.press("2");
      await t.waitFor(/recorded payload/);
      await t.press("e");
      const copied = await t.waitFor(/versioned-greeter:live · RequestResponse/);
      expect(copied).toContain('{"marker":"zz-shown-1"}');
      expect(copied).toContain("Payload from history, on live as it ran.");
      expect(copied).not.toContain("recorded payload");
    } finally {
      t.unmount();
    }
  });

  it("leaves an opened entry when another invocation starts, or a function is chosen", async () => {
    const t = await appWithRecord("h-shown-leave", '{"marker":"zz-leave-2"}');
    const open = async () => {
      await t.press("4");
      await t.waitFor(/versioned-greeter:live/);
      await t.press({ key: "enter" });
      await t.waitFor(/ExecutedVersion\D*1\b/);
      await t.press("2");
      await t.waitFor(/zz-leave-2/);
    };
    try {
      await t.waitFor(/orders-api/);
      await open();
      // A replay takes the result pane: the recorded payload beside it would be another's.
      await t.press("4");
      await t.press("r");
      await t.waitFor(/Replay of versioned-greeter:live/);
      await t.press("2");
      // No function is chosen: the payload pane is back to the picked function's details.
      const details = await t.waitFor(/Version or alias/);
      expect(details).not.toContain("recorded payload");
      await t.press("4");
      // Esc would stop the replay's logs first: wait until it means "back" (from the diff).
      await t.waitFor(/^(?![\s\S]*Esc stop)[\s\S]*Esc back/);
      await t.press({ key: "escape" });
      await t.waitFor(/History 2/);

      await open();
      await t.press("1");
      await t.press("orders-api");
      await t.press({ key: "enter" });
      const editor = await t.waitFor(/orders-api:\$LATEST · RequestResponse/);
      expect(editor).not.toContain("zz-leave-2");
      expect(editor).not.toContain("recorded payload");
    } finally {
      t.unmount();
    }
  });

  it("keeps working and says so in a line when the history file cannot be written", async () => {
    const blocker = path.join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    const file = path.join(blocker, "history.jsonl");
    const t = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/orders-api:\$LATEST/);
      await t.press(CTRL_S);
      // The result comes to the front; wait for the invocation and its logs to be done (the
      // footer no longer offers Esc stop), then go to the history.
      await t.waitFor(/^(?![\s\S]*Esc stop)[\s\S]*Ctrl\+S again/);
      await t.press("4");
      const f = await t.waitFor(/History not saved/);
      expect(f).toContain("History not saved: cannot write the history file");
      // The invocation is still listed (kept in memory), and the app still answers keys.
      expect(f).toMatch(/History 1/);
      expect(f).toMatch(/orders-api\s+sync\s+200/);
      await t.press("1");
      await t.waitFor(/Functions 1\/\d+/);
    } finally {
      t.unmount();
    }
  });

  it("says where a link leads, and never writes to a file that is not a history", async () => {
    const elsewhere = path.join(dir, "elsewhere");
    mkdirSync(elsewhere);
    const target = path.join(elsewhere, "synced.jsonl");
    writeFileSync(target, lines(record({ name: "payments-audit" })), { mode: 0o600 });
    const link = path.join(dir, "links", "history.jsonl");
    mkdirSync(path.dirname(link));
    symlinkSync(target, link);
    const linked = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={link} />);
    try {
      await linked.waitFor(/orders-api/);
      await linked.press("4");
      const f = await linked.waitFor(/is a symbolic link: recording into/);
      expect(f).toContain("payments-audit");
    } finally {
      linked.unmount();
    }

    const passwd = path.join(elsewhere, "passwd");
    const text = "root:x:0:0:root:/root:/bin/bash\n";
    writeFileSync(passwd, text, { mode: 0o644 });
    const t = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={passwd} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("4");
      await t.waitFor(/History not saved: .*passwd is not a history file/);
      await t.press("1");
      await t.press("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/orders-api:\$LATEST/);
      await t.press(CTRL_S);
      await t.waitFor(/^(?![\s\S]*Esc stop)[\s\S]*Ctrl\+S again/);
      await t.press("4");
      // The invocation is listed (kept in memory), the file is as it was.
      await t.waitFor(/orders-api\s+sync\s+200/);
      expect(readFileSync(passwd, "utf8")).toBe(text);
    } finally {
      t.unmount();
    }
  });

  it("opens any history file: damaged records are counted and an entry opens as recorded", async () => {
    const file = path.join(dir, "teammate.jsonl");
    const old = record({
      name: "orders-api",
      response: { ...record().response, payload: '{"teammate":"answer"}', executedVersion: "7" },
    });
    writeFileSync(file, lines(record({ name: "payments-audit" })) + "{torn\n" + lines(old) + "not json\n");
    const t = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("4");
      const f = await t.waitFor(/2 damaged records skipped \(lines 2, 4\)/);
      expect(f).toMatch(/History 2/);
      expect(f).toMatch(/› .*orders-api\s+sync\s+200\s+13 ms\s+7/);
      await t.press({ key: "enter" });
      const shown = await t.waitFor(new RegExp(`RequestId ${old.response.requestId}`));
      expect(shown).toMatch(/ExecutedVersion\D*7\b/);
      expect(readFileSync(file, "utf8").split("\n")).toHaveLength(5); // nothing sent, nothing added
      // A filter typed fast arrives in one read.
      await t.press("4");
      await t.press("/paym");
      const filtered = await t.waitFor(/History 1\/2 \/paym/);
      expect(filtered).toContain("payments-audit");
      expect(filtered).not.toMatch(/orders-api\s+sync/);
    } finally {
      t.unmount();
    }
  });

  it("shows the newest entries first and reads older ones as the list is scrolled or filtered", async () => {
    const file = path.join(dir, "long.jsonl");
    const oldest = record({ name: "rare-fn" });
    const rest = Array.from({ length: 2499 }, () => record({ name: "orders-api" }));
    writeFileSync(file, lines(oldest, ...rest));
    const t = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("4");
      // The newest page only: more are in the file.
      expect(await t.waitFor(/History \d+\+/)).not.toContain("rare-fn");
      // To the oldest read so far, again and again: each time a further page is read.
      let count = 0;
      for (let k = 0; k < 10 && !/History 2500 /.test(t.frame()); k++) {
        const before = count;
        await t.press("G");
        count = await eventually(async () => {
          const now = Number(/History (\d+)/.exec(t.frame())?.[1]);
          return now > before ? now : undefined;
        });
      }
      await t.press("G");
      expect(await t.waitFor(/› .*rare-fn/)).toMatch(/History 2500 /);
    } finally {
      t.unmount();
    }
    const f = renderTui(<App connection={{ endpointUrl: sb.url }} sandbox historyFile={file} />);
    try {
      await f.waitFor(/orders-api/);
      await f.press("4");
      await f.waitFor(/History \d+\+/);
      await f.press("/rare");
      // A filter reads every older page.
      expect(await f.waitFor(/History 1\/2500 \/rare/)).toContain("rare-fn");
    } finally {
      f.unmount();
    }
  });
});
