// The history in a real terminal (tmux): invoke versioned-greeter on `live` twice, open the
// history, replay the newest entry on `canary`, and read the diff; the file holds all three,
// the replay marked with replayOf. Then the stacked layout (90x25) shows the same pane.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseHistoryLine, type HistoryRecord } from "../../src/core/history-record.js";
import { eventually } from "../helpers/sandbox.js";
import { openTerminal, type Terminal } from "../helpers/tmux.js";

let term: Terminal | null = null;
afterEach(() => {
  term?.stop();
  term = null;
});

function records(file: string): HistoryRecord[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").flatMap((l) => {
    const p = parseHistoryLine(l);
    return p.kind === "record" ? [p.record] : [];
  });
}

describe("the history pane", () => {
  it("records two invocations, replays one on canary and shows the diff", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lx-e2e-history-")), "h.jsonl");
    term = openTerminal(["--sandbox", "--history", file], 160, 45);
    await term.waitFor(/versioned-greeter/);
    term.type("vrsnd");
    await term.waitFor(/vrsnd/);
    term.keys("Enter");
    await term.waitFor(/versioned-greeter:\$LATEST · Request/);
    term.keys("C-q");
    await term.waitFor(/live → v1/);
    term.keys("Down", "Down", "Enter");
    await term.waitFor(/versioned-greeter:live · Request/);
    term.keys("C-s");
    await eventually(async () => (records(file).length === 1 ? true : undefined));
    term.keys("C-s");
    await eventually(async () => (records(file).length === 2 ? true : undefined));

    // The result is in front after an invoke: 4 goes from there to the history.
    term.type("4");
    // The footer's hints come last in the frame: wait for them, not for the list.
    const list = await term.waitFor(/History 2[\s\S]*versioned-greeter:live[\s\S]*r replay/);
    expect(list).toMatch(/› \d\d-\d\d \d\d:\d\d:\d\d {2}versioned-greeter:live\s+sync\s+200\s+[\d.]+ ms\s+1/);
    expect(list.match(/versioned-greeter:live\s+sync/g)).toHaveLength(2);

    term.type("R");
    await term.waitFor(/Replay versioned-greeter:live on…[\s\S]*canary → v2/);
    term.keys("Down", "Enter");
    const diff = await term.waitFor(/The answers differ:[\s\S]*duration: /);
    expect(diff).toContain("Replay of versioned-greeter:live on canary");
    expect(diff).toMatch(/original .*200 · version 1/);
    expect(diff).toMatch(/replay .*200 · version 2/);
    expect(diff).toMatch(/\$\.greeting: \(none\) → \{"text":/);
    await eventually(async () => (records(file).length === 3 ? true : undefined));
    const [, second, replay] = records(file);
    expect(replay).toMatchObject({ qualifier: "canary", replayOf: second!.id });

    term.keys("Escape");
    await term.waitFor(/History 3[\s\S]*↻ versioned-greeter:canary/);
    term.resize(90, 25);
    const stacked = await term.waitFor(/\[1\] Functions[\s\S]*History 3/);
    expect(stacked).toMatch(/↻ versioned-greeter:canary/);
    term.type("q");
    await term.waitFor(/__EXITED__ rc=0/);
  });
});
