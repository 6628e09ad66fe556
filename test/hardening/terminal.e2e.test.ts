// Trying to break the explorer in a real terminal: throttling, the terminal shrunk to 20x10
// while an invocation runs, and Ctrl+C or SIGINT while it runs. After the app ends the terminal
// must be as it was: alternate screen left, cursor shown, the same stty settings, and a prompt
// that runs commands. The heaviest runs (100,000 functions, a 10 MB log line) are in
// scale.heavy.test.ts, which runs alone after the rest of the suite.
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appendRecords, loadHistoryIndex } from "../../src/state/history-store.js";
import { startSandboxProcess } from "../helpers/cli.js";
import { historyRecord } from "../helpers/history-records.js";
import { expectTerminalRestored, openShell, type Shell } from "./shell-terminal.js";

let sh: Shell | null = null;
afterEach(() => {
  sh?.stop();
  sh = null;
});

/** Opens slow-logger's payload (a line every 300 ms for about 3 s) and invokes it with Ctrl+S. */
async function invokeSlowLogger(s: Shell): Promise<void> {
  s.runApp(["--sandbox"]);
  await s.waitFor(/slow-logger/);
  s.type("slow-logger");
  await s.waitFor(/\/slow-logger/);
  s.keys("Enter");
  await s.waitFor(/slow-logger:\$LATEST · Request/);
  s.keys("C-s");
  await s.waitFor(/Invoking slow-logger/);
}

/**
 * The first capture that matches. While an invocation runs its spinner never lets two captures
 * agree, so `waitFor` would wait out its whole deadline on every such screen.
 */
async function glimpse(s: Shell, pattern: RegExp, ms = 30_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const screen = s.screen();
    if (pattern.test(screen)) return screen;
    if (Date.now() > end) throw new Error(`screen never matched ${pattern} within ${ms} ms:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A line that is one pane's top border, exactly `columns` wide: a frame drawn at that width. */
function paneBorderAcross(columns: number): RegExp {
  return new RegExp(`^╭─{${columns - 2}}╮$`, "m");
}

/** The header drawn at exactly `columns`: "? help" ends it only when drawn at that width. */
function headerAcross(columns: number): RegExp {
  return new RegExp(`^(?=.{${columns}}$)lambda-explorer · .*\\? help$`, "m");
}

describe("the explorer under stress in a real terminal", () => {
  it("Ctrl+C while an invocation runs: quits at once with exit 130, and the terminal is restored", async () => {
    sh = openShell(140, 40);
    await invokeSlowLogger(sh);
    sh.keys("C-c");
    // As for SIGINT: 130 tells a calling script the user interrupted it (q quits with 0).
    await expectTerminalRestored(sh, /^rc=130$/m);
  });

  it("SIGINT while an invocation runs: exits 130 with the terminal restored (it once stayed on the alternate screen)", async () => {
    sh = openShell(140, 40);
    await invokeSlowLogger(sh);
    const pid = sh.foregroundPid();
    expect(pid).not.toBeNull();
    process.kill(pid!, "SIGINT");
    await expectTerminalRestored(sh, /^rc=130$/m);
  });

  it("SIGINT while an invocation runs leaves the history whole: never rewritten, nothing damaged", async () => {
    sh = openShell(140, 40);
    const file = path.join(sh.home, "state", "history.jsonl");
    await appendRecords(file, [
      historyRecord(),
      historyRecord({ function: { name: "orders-api", arn: null } }),
    ]);
    const before = readFileSync(file);
    await invokeSlowLogger(sh);
    process.kill(sh.foregroundPid()!, "SIGINT");
    await expectTerminalRestored(sh, /^rc=130$/m);
    const after = readFileSync(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const index = await loadHistoryIndex(file);
    expect(index.damaged).toBe(0);
    expect(index.entries.map((e) => e.functionName).slice(0, 2)).toEqual(["versioned-greeter", "orders-api"]);
  });

  it("shrunk to 20x10 while an invocation runs: keeps running, and shows the result when grown again", async () => {
    // A function that runs until the test releases it, so the resizes happen while it runs
    // however slow the machine is (slow-logger's 3 s once ended before them).
    const dir = mkdtempSync(path.join(os.tmpdir(), "lx-held-"));
    const release = path.join(dir, "release");
    mkdirSync(path.join(dir, "held"));
    writeFileSync(path.join(dir, "held/function.json"), JSON.stringify({ timeout: 120 }));
    writeFileSync(
      path.join(dir, "held/index.mjs"),
      `import { existsSync } from "node:fs";
export const handler = async () => {
  while (!existsSync(${JSON.stringify(release)})) await new Promise((r) => setTimeout(r, 20));
  return { released: true };
};\n`,
    );
    sh = openShell(140, 40);
    sh.runApp(["--sandbox", dir]);
    await sh.waitFor(/› held/);
    sh.type("held");
    await sh.waitFor(/\/held/);
    sh.keys("Enter");
    await sh.waitFor(/held:\$LATEST · Request/);
    sh.keys("C-s");
    await glimpse(sh, /Invoking held/);
    // Each size is waited for drawn: a pane's border across the whole new width.
    sh.resize(20, 10);
    await glimpse(sh, paneBorderAcross(20));
    await glimpse(sh, /^Esc stop/m);
    sh.resize(60, 12);
    await glimpse(sh, paneBorderAcross(60));
    sh.resize(20, 10);
    await glimpse(sh, paneBorderAcross(20));
    await glimpse(sh, /^Esc stop/m);
    writeFileSync(release, "");
    // Released, the result arrives while the terminal is tiny, where the footer's first key
    // goes from stopping the invocation to the result's own.
    await sh.waitFor(/^→\/l view/m);
    expect(sh.screen()).toMatch(paneBorderAcross(20));
    expect(sh.state().alternate).toBe(true);
    sh.resize(140, 40);
    await sh.waitFor(/200 · ExecutedVersion \$LATEST/);
    // While the complete logs are awaited Esc stops that; once they are in, the result (in
    // front since the invoke) offers q quit, which quits without asking.
    const done = await sh.waitFor(/complete \(REPORT seen\)/);
    expect(done).not.toMatch(/Esc stop/);
    expect(done).toMatch(/q quit/);
    sh.type("q");
    await expectTerminalRestored(sh, /^rc=0$/m);
  }, 90_000);

  // Issue 12: quitting after a resize left frame borders on the main screen, which tmux fills
  // from the alternate screen's rows when the pane grew while on it, and a shrink cost the
  // shell its scrollback (Ink cleared the terminal's, which is the main screen's).
  it.each(["100x30 → 70x20 → 130x35", "120x40 → 300x100"])(
    "resized %s, then q: the main screen and its scrollback are as they were",
    async (sizes) => {
      const [[columns, rows], ...resizes] = sizes.split(" → ").map((size) => size.split("x").map(Number)) as [
        [number, number],
        ...[number, number][],
      ];
      sh = openShell(columns, rows);
      await sh.waitFor(/^lx-prompt\$$/m);
      // Enough lines to scroll some into the scrollback; printed from pieces, so that only the
      // output matches the waits, never the typed command line.
      sh.type(`seq -f "HIST""ORY-%g" ${rows * 2}; echo "BEFORE-""MARK"`);
      sh.keys("Enter");
      await sh.waitFor(/^BEFORE-MARK\nlx-prompt\$$/m);
      const before = sh.everything();
      expect(before).toMatch(/^HISTORY-1$/m);
      sh.runApp(["--sandbox"]);
      // Generous waits: a loaded machine (two suites at once) once took over 10 s to redraw.
      await sh.waitFor(headerAcross(columns), 30_000);
      await sh.waitFor(/slow-logger/, 30_000);
      for (const [c, r] of resizes) {
        sh.resize(c, r);
        await sh.waitFor(headerAcross(c), 30_000);
      }
      sh.type("q");
      await expectTerminalRestored(sh, /^rc=0$/m);
      const after = sh.everything();
      expect(after).not.toMatch(/[╭╮╰╯│─]/);
      // All that was there, unchanged; then the typed command and what followed it.
      const kept = before.slice(0, before.lastIndexOf("\n") + 1);
      expect(after.slice(0, kept.length)).toBe(kept);
      expect(after.slice(kept.length)).toMatch(/^lx-prompt\$ cd '/);
    },
    90_000,
  );

  it("throttled while listing: the header says it is backing off, then the whole list shows", async () => {
    const sb = await startSandboxProcess(["--throttle-every", "2", "--synthetic", "120", "--quiet"]);
    try {
      sh = openShell(160, 40);
      sh.runApp(["--endpoint-url", sb.endpoint]);
      // The SDK backs off in silence; the explorer once looked stuck meanwhile.
      await sh.waitFor(/Lambda throttled ListFunctions \(TooManyRequestsException\); retrying in \d\.\d s/);
      const done = await sh.waitFor(/Functions (1[2-9]\d) \/ filter[\s\S]*synthetic-001/, 20_000);
      expect(Number(/Functions (\d+) /.exec(done)![1])).toBeGreaterThan(120);
      // The notice goes once the retries are over.
      await sh.waitFor(/\? help/, 10_000);
      sh.type("q");
      await expectTerminalRestored(sh, /^rc=0$/m);
    } finally {
      await sb.stop();
    }
  });
});
