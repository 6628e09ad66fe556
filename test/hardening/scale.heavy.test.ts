// The heaviest runs in a real terminal, alone after the rest of the suite (vitest.config.ts: the
// "heavy" project runs last, one file at a time): 100,000 functions listed page by page, and a
// 10 MB log line. They wait on the progress the app reports (the count listed, the log lines
// received), never on one budget for the whole run, so a loaded machine is given time and a
// stuck app is not.
import { afterEach, describe, expect, it } from "vitest";
import { startSandboxProcess } from "../helpers/cli.js";
import { expectTerminalRestored, openShell, type Shell } from "./shell-terminal.js";

let sh: Shell | null = null;
afterEach(() => {
  sh?.stop();
  sh = null;
});

describe("the explorer at scale in a real terminal", () => {
  it("a 10 MB log line from the invocation: the result shows and the explorer stays usable", async () => {
    sh = openShell(140, 40);
    sh.runApp(["--sandbox"]);
    await sh.waitFor(/huge-log-line/);
    sh.type("huge-log-line");
    await sh.waitFor(/\/huge-log-line/);
    sh.keys("Enter");
    await sh.waitFor(/huge-log-line:\$LATEST · Request/);
    sh.keys("C-s");
    await sh.waitFor(/200 · ExecutedVersion \$LATEST/, 20_000);
    // Its complete logs (10 MB in 256 KB events) are fetched behind the result, in front since
    // the invoke, and keys still work meanwhile: help opens and closes.
    sh.type("?");
    await sh.waitFor(/Keyboard help/);
    sh.keys("Escape");
    // Once the logs are in nothing is awaited, and q quits without asking. On progress, not on
    // one budget: the lines received so far, then the complete log.
    await sh.waitFor(/receiving · |complete \(REPORT seen\)/, 60_000);
    await waitWhileGrowing(sh, /receiving · ([\d,]+) lines/, /complete \(REPORT seen\)/);
    await sh.waitFor(/^(?![\s\S]*Esc stop)[\s\S]*q quit/);
    sh.type("q");
    await expectTerminalRestored(sh, /^rc=0$/m);
  }, 300_000);

  it("100,000 functions: all are listed, a fuzzy filter finds the last one, and quitting is clean", async () => {
    const sb = await startSandboxProcess(["--synthetic", "100000", "--quiet"]);
    try {
      sh = openShell(140, 40);
      sh.runApp(["--endpoint-url", sb.endpoint]);
      // Every page of 50 is fetched (100,000 + the fixtures); the count is the whole list's.
      // Shown page by page this took minutes: the picker re-indexed the list for each page.
      // On progress, not on one budget: it fails only when the count stops growing for 20 s.
      const loaded = await waitWhileGrowing(
        sh,
        /Functions (\d+)(?: loading…)? \/ filter/,
        /Functions 100\d{3} \/ filter/,
      );
      const total = Number(/Functions (100\d{3}) /.exec(loaded)![1]);
      expect(total).toBeGreaterThan(100_000);
      expect(loaded).toContain(`· ${total} functions`);
      expect(loaded).not.toContain("loading…");
      sh.type("syn099999");
      const found = await sh.waitFor(/› synthetic-099999/);
      expect(found).toMatch(new RegExp(`Functions \\d+/${total} /syn099999`));
      sh.keys("Escape");
      sh.type("q");
      await expectTerminalRestored(sh, /^rc=0$/m);
    } finally {
      await sb.stop();
    }
  }, 300_000);
});

/**
 * Waits for `done` on the screen while the number `count` captures keeps growing; fails when
 * it has not grown for `stallMs`, so a busy machine is given time and a stuck app is not.
 */
async function waitWhileGrowing(t: { screen(): string }, count: RegExp, done: RegExp, stallMs = 20_000) {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const s = t.screen();
    if (done.test(s)) return s;
    const n = Number((count.exec(s)?.[1] ?? "-1").replace(/,/g, ""));
    if (n > last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since > stallMs) {
      throw new Error(`stuck at ${last} for ${stallMs} ms; the screen shows:\n${s}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
