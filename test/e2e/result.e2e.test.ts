// Invoking from the explorer in a real terminal (tmux) against a sandbox that delivers its
// CloudWatch logs 1.5 s late, as CloudWatch does: the result pane, Invoke's tail and the
// complete log side by side, and untrusted output that cannot drive the terminal.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lateLogsExplorer } from "../helpers/late-logs.js";
import { glimpse, type Terminal } from "../helpers/tmux.js";

/**
 * Logs `tick i/n` and then waits for the file `release.i` before the next line, so each line
 * is on its own for as long as the test needs, whatever the machine's speed.
 */
const HELD_TICKER = `import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
export const handler = async (event) => {
  const started = Date.now();
  for (let i = 1; i <= event.lines; i++) {
    console.log("tick " + i + "/" + event.lines);
    while (i < event.lines && !existsSync(event.release + "." + i)) await sleep(50);
  }
  return { lines: event.lines, elapsedMs: Date.now() - started };
};
`;

// Untraced: the app as users run it, stdin and stdout not wrapped by LAMBDA_EXPLORER_TRACE
// (the other e2e files run traced, so a failed wait there shows the keys the app read).
const openExplorer = lateLogsExplorer(1500, {
  traced: false,
  functions: {
    "held-ticker": {
      code: HELD_TICKER,
      config: {
        description: "Logs a line each time the test lets it",
        handler: "index.handler",
        timeout: 120,
      },
    },
  },
});

const quote = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Opens the explorer at 200x60, chooses `fn`, types `payload` and presses Ctrl+S. */
async function invoke(fn: string, payload?: string): Promise<Terminal> {
  const t = openExplorer(200, 60);
  await t.waitFor(new RegExp(`functions[\\s\\S]*${fn}`));
  t.type(fn);
  // The filter's count (not "…") says the rows are the query's matches, its first one selected.
  await t.waitFor(new RegExp(`Functions \\d+/\\d+ /${quote(fn)}`));
  t.keys("Enter");
  await t.waitFor(new RegExp(`${fn}:\\$LATEST`));
  if (payload) {
    t.type(payload);
    await t.waitFor(new RegExp(`${quote(payload)}[\\s\\S]*valid JSON`));
  }
  t.keys("C-s");
  return t;
}

/** Waits for the result pane to have the keys: an invoke brings it to the front. */
async function focusResult(t: Terminal): Promise<void> {
  await t.waitFor(/l view .*scroll/);
}

/** Moves the keys to `view` (its title then starts with ▶), whichever view had them. */
async function showView(t: Terminal, view: "Response" | "Tail" | "CloudWatch"): Promise<void> {
  for (let i = 0; i < 3 && !t.screen().includes(`▶ ${view}`); i++) {
    const before = /▶ (\w+)/.exec(t.screen())?.[1] ?? "";
    t.type("l");
    await t.waitFor(new RegExp(`▶ (?!${before})`));
  }
  await t.waitFor(new RegExp(`▶ ${view}`));
}

/** Searches the active view: waits for the query on the search line, then for it to be run. */
async function search(t: Terminal, query: string): Promise<void> {
  const line = `/${quote(query)}▏`;
  t.type(`/${query}`);
  await t.waitFor(new RegExp(line));
  t.keys("Enter");
  await t.waitFor(new RegExp(`^(?![\\s\\S]*${line})`));
}

describe("invoking from the explorer", () => {
  it("big-logger: a cut tail beside a complete log that fills in from START to REPORT", async () => {
    const t = await invoke("big-logger");
    // The logs are late: the pane says it is searching, and only later complete.
    const early = await t.waitFor(/CloudWatch[^\n]*\n[^\n]*searching…/);
    expect(early).not.toMatch(/CloudWatch \(complete\)/);
    // All in one screen: tmux can show a frame half drawn.
    const s = await t.waitFor(
      /^(?=[\s\S]*complete \(REPORT seen\) · \d+ lines)(?=[\s\S]*START RequestId: [0-9a-f]{8}-)(?=[\s\S]*cut: its first lines)/,
      15_000,
    );
    expect(s).toMatch(/ExecutedVersion \$LATEST/);
    expect(s).toMatch(/Tail \(from Invoke, 4 KB\)/);
    expect(s).toMatch(/cut: its first lines are only in CloudWatch · (\d+)/);
    const tailCount = Number(/cut: its first lines are only in CloudWatch · (\d+)/.exec(s)![1]);
    const completeCount = Number(/complete \(REPORT seen\) · ([\d,]+) lines/.exec(s)![1]!.replace(/,/g, ""));
    expect(completeCount).toBeGreaterThan(tailCount * 3);
    // The complete log opens at its top, START first.
    expect(s).toMatch(/START RequestId: [0-9a-f]{8}-/);

    await focusResult(t);
    // The complete log is longer than its view: it has the keys without a press.
    expect(t.screen()).toMatch(/▶ CloudWatch \(complete\)/);
    await showView(t, "Tail");
    // Wrapped, the tail runs past its view: it ends with REPORT.
    t.type("G");
    await t.waitFor(/REPORT RequestId/);
    await search(t, "line 0001:");
    expect(t.screen()).toMatch(/No match for "line 0001:"/);
    await showView(t, "CloudWatch");
    await search(t, "line 0001:");
    expect(t.screen()).not.toMatch(/No match/);
    t.type("G");
    await t.waitFor(/^(?=[\s\S]*\/[\d,]+ follow)(?=[\s\S]*line 0150: checkpoint[\s\S]*END RequestId)/);
    // Lines cut to the width, the bottom of the log reaches back to where the tail starts.
    t.type("w");
    await t.waitFor(/▼ the tail from Invoke starts here/);
  }, 40_000);

  it("thrower: FunctionError Unhandled with its error type, message and stack", async () => {
    const t = await invoke("thrower");
    const s = await t.waitFor(/FunctionError: Unhandled[\s\S]*?\w*Error: [^\n]+[\s\S]*at \w+ \(file:/);
    expect(s).toMatch(
      /at (loadInventory|handler|reserveStock) \(file:\/\/[^\n]*thrower\/index\.mjs:\d+:\d+\)/,
    );
    expect(s).toMatch(/"errorType": "\w*Error"/);
    await t.waitFor(/complete \(REPORT seen\)/, 15_000);
  }, 30_000);

  it("slow-timeout: the spinner while it runs, then the timeout error and its log line", async () => {
    const t = await invoke("slow-timeout");
    await t.waitFor(
      /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Invoking slow-timeout \(RequestResponse\) · [\d.]+ (ms|s)[\s\S]*Esc stops waiting/,
    );
    const s = await t.waitFor(/Sandbox\.Timedout[\s\S]*Task timed out after 2\.00 seconds/, 15_000);
    expect(s).toMatch(/FunctionError: Unhandled/);
    await t.waitFor(/complete \(REPORT seen\)[\s\S]*/, 15_000);
  }, 40_000);

  // Issue 13, item 3: the lines reach the screen as CloudWatch gets them (1.5 s late here),
  // while Invoke has not answered yet, then the complete log takes their place. The function
  // logs its next line only when the test has seen the one before on the screen.
  it("a function's lines show one by one while it runs, then the complete log", async () => {
    const release = path.join(mkdtempSync(path.join(os.tmpdir(), "lx-e2e-ticker-")), "release");
    const t = await invoke("held-ticker", JSON.stringify({ lines: 3, release }));
    for (let i = 1; i < 3; i++) {
      const running = await glimpse(
        t,
        new RegExp(
          `^(?=[\\s\\S]*tick ${i}/3)(?=[\\s\\S]*Invoking held-ticker)(?=[\\s\\S]*live · \\d+ lines so far)(?![\\s\\S]*tick ${i + 1}/3)`,
        ),
      );
      expect(running).not.toMatch(/"elapsedMs"/);
      writeFileSync(`${release}.${i}`, "");
    }
    const s = await t.waitFor(/complete \(REPORT seen\)/, 30_000);
    for (let i = 1; i <= 3; i++) expect(s).toContain(`tick ${i}/3`);
    expect(s).toMatch(/"elapsedMs"/);
  }, 60_000);

  it("Esc stops waiting for a slow function, saying it may still be running", async () => {
    const t = await invoke("slow-timeout");
    await glimpse(t, /Invoking slow-timeout \(RequestResponse\) · /);
    t.keys("Escape");
    const s = await t.waitFor(/Stopped waiting\. The function may still be running/);
    expect(s).not.toMatch(/Invoking slow-timeout/);
    // Still in the explorer, the editor still there to invoke again.
    expect(s).toMatch(/slow-timeout:\$LATEST/);
    expect(t.exited()).toBe(false);
  }, 30_000);

  it("Esc while CloudWatch is still searching stops looking; R looks again and completes", async () => {
    const t = await invoke("big-logger");
    await glimpse(t, /searching… /);
    t.keys("Escape");
    await t.waitFor(/stopped · \d+ lines · R retries/);
    await focusResult(t);
    t.type("R");
    await t.waitFor(/complete \(REPORT seen\) · \d+ lines/, 15_000);
  }, 30_000);

  it("stdout-writer: process.stdout.write lines are only in the complete log, not in the 4 KB tail", async () => {
    const t = await invoke("stdout-writer", '{"padding":100}');
    await t.waitFor(/complete \(REPORT seen\)/, 15_000);
    await focusResult(t);
    await showView(t, "Tail");
    await search(t, "stdout.write: raw line A");
    expect(t.screen()).toMatch(/No match for "stdout.write: raw line A"/);
    await showView(t, "CloudWatch");
    await search(t, "stdout.write: raw line A");
    const s = t.screen();
    expect(s).not.toMatch(/No match/);
    expect(s).toMatch(/stdout\.write: raw line A/);
  }, 40_000);

  it("unicode-logger: the tail reads accents and CJK as logged, beside the complete log", async () => {
    const t = await invoke("unicode-logger");
    const s = await t.waitFor(/complete \(REPORT seen\)/, 15_000);
    // Once in Invoke's tail and once in the complete log; UTF-8 read as Latin-1 shows "cafÃ©".
    expect(s.match(/accents: café crème brûlée/g)).toHaveLength(2);
    expect(s.match(/cjk: 日本語のログ/g)).toHaveLength(2);
    expect(s).not.toMatch(/Ã|\\x[89a-f][0-9a-f]/);
  }, 30_000);

  it("escape-printer: escape sequences are shown escaped and the screen stays intact", async () => {
    const t = await invoke("escape-printer");
    const s = await t.waitFor(/complete \(REPORT seen\)[\s\S]*/, 15_000);
    // Shown as text in the response and both logs...
    expect(s).toMatch(/clear screen: \\e\[2J\\e\[H after/);
    expect(s).toMatch(/window title: \\e\]0;pwned/);
    expect(s).toMatch(/\\u001b\[2Jreturned/);
    // ...and never obeyed: nothing cleared the screen, moved the cursor, or rang.
    expect(s.split("\n")[0]).toMatch(/^lambda-explorer · /);
    expect(s).toMatch(/╰─+╯/);
    expect(t.exited()).toBe(false);
  }, 30_000);
});
