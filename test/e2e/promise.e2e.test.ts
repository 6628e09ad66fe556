// Issue 12's promise, in a real terminal (tmux) at the sizes people use: one Ctrl+S on
// big-logger brings the result to the front with Invoke's cut 4 KB tail and the complete
// CloudWatch log both within reach, the history shows the payload that was sent, and `?` at
// 80x24 scrolls to every command of the key table. The sandbox delivers CloudWatch logs 1.5 s
// late, as CloudWatch does, so the complete log has to fill in after the result is shown.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/ui/keys/keymap.js";
import { lateLogsExplorer } from "../helpers/late-logs.js";
import type { Terminal } from "../helpers/tmux.js";

const openExplorer = lateLogsExplorer(1500);

/** Polls the screen until `check` returns a value; the last screen is in the error. */
async function until<T>(t: Terminal, what: string, check: (s: string) => T | null, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const s = t.screen();
    const v = check(s);
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`never saw ${what} within ${ms} ms; the screen shows:\n${s}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The numbers of big-logger's `line NNNN:` lines in `text`, in screen order. */
function lineNumbers(text: string): number[] {
  return [...text.matchAll(/line (\d{4}):/g)].map((m) => Number(m[1]));
}

/**
 * The two log views' columns when they stand side by side: the rows under the header that
 * names both, cut where the CloudWatch title starts. Null while they are not both drawn.
 */
function sideBySide(s: string): { tail: string; cloudwatch: string } | null {
  const rows = s.split("\n");
  const at = rows.findIndex(
    (r) => r.includes("Tail (from Invoke, 4 KB)") && r.includes("CloudWatch (complete)"),
  );
  if (at < 0) return null;
  const header = rows[at]!;
  // The result pane's left border, and the column where CloudWatch's title (or its ▶) starts.
  const border = header.lastIndexOf("│", header.indexOf("Tail (from Invoke"));
  const split = header.indexOf("CloudWatch (complete)") - 2;
  const body = rows.slice(at + 1);
  const end = body.findIndex((r) => r[border] !== "│");
  const inside = end < 0 ? body : body.slice(0, end);
  return {
    tail: inside.map((r) => r.slice(border + 1, split)).join("\n"),
    cloudwatch: inside.map((r) => r.slice(split)).join("\n"),
  };
}

/**
 * Opens the explorer at `columns`x`rows`, chooses big-logger by typing its name, types a
 * payload with a marker of its own and presses Ctrl+S once. Returns the marker.
 */
async function invokeBigLogger(t: Terminal): Promise<string> {
  const marker = `mk-${randomBytes(6).toString("hex")}`;
  const payload = `{"lines":150,"marker":"${marker}"}`;
  await t.waitFor(/big-logger/, 20_000);
  t.type("big-logger");
  await t.waitFor(/\/big-logger/);
  t.keys("Enter");
  await t.waitFor(/big-logger:\$LATEST · Request/);
  t.type(payload);
  // The byte count says the whole payload arrived (it may wrap in a narrow editor).
  await t.waitFor(new RegExp(`✓ valid JSON · ${payload.length} B`));
  t.keys("C-s");
  return marker;
}

/** Opens the history (4) and its newest entry (Enter); waits for the entry to be open. */
async function openNewestEntry(t: Terminal): Promise<string> {
  t.type("4");
  // The footer's hints come with the history's keys: the list has them, not the result.
  await t.waitFor(/History 1[\s\S]*big-logger[\s\S]*Enter open/, 15_000);
  t.keys("Enter");
  return t.waitFor(/Recorded · big-logger|Payload · recorded/, 15_000);
}

/** The recorded payload, pretty-printed in the payload pane under its "Recorded ·" title. */
function expectRecordedPayload(s: string, marker: string): void {
  expect(s).toMatch(/Recorded · big-logger/);
  // Pretty-printed: the editor showed it on one line, so this is the recorded copy.
  expect(s).toMatch(new RegExp(`"marker": "${marker}"`));
  expect(s).toMatch(/"lines": 150,/);
}

describe("the promise of issue 12 in a real terminal", () => {
  for (const [columns, rows] of [
    [120, 40],
    [200, 60],
  ] as const) {
    it(`${columns}x${rows}: one Ctrl+S shows the summary, the tail's last lines and CloudWatch's first on one screen; the history shows the payload sent`, async () => {
      const t = openExplorer(columns, rows);
      const marker = await invokeBigLogger(t);
      // One capture: the summary, a line only the tail has at the top of its view, and a line
      // only CloudWatch has (the tail is cut 4 KB before its end), without another key.
      const seen = await until(t, "the summary beside both log views, CloudWatch filled in", (s) => {
        if (!/ExecutedVersion \$LATEST/.test(s)) return null;
        const cols = sideBySide(s);
        if (!cols || !/line 0001:/.test(cols.cloudwatch)) return null;
        return { s, ...cols };
      });
      expect(seen.s).toMatch(/200 · ExecutedVersion \$LATEST/);
      const tailLines = lineNumbers(seen.tail);
      // 150 lines of about 120 bytes: 4 KB holds the last 34 or so, so the tail's top line is
      // well past 0100, and it goes on in order from there.
      expect(tailLines.length).toBeGreaterThan(3);
      expect(tailLines[0]).toBeGreaterThanOrEqual(110);
      expect(tailLines[0]).toBeLessThanOrEqual(140);
      expect(tailLines).toEqual([...tailLines].sort((a, b) => a - b));
      // The complete log opens at its top: what the tail shows there is not on its screen...
      const cloudwatchLines = lineNumbers(seen.cloudwatch);
      expect(cloudwatchLines[0]).toBe(1);
      expect(cloudwatchLines).not.toContain(tailLines[0]);
      // ...and what it shows is not in the tail: each view brings its own lines.
      expect(seen.tail).not.toMatch(/line 0001:/);
      expect(seen.cloudwatch).toMatch(/START RequestId: [0-9a-f]{8}-/);

      const entry = await openNewestEntry(t);
      expectRecordedPayload(entry, marker);
    }, 90_000);
  }

  it("80x24: the summary without another key, the active view named, the other log view one key away; the history shows the payload sent", async () => {
    const t = openExplorer(80, 24);
    const marker = await invokeBigLogger(t);
    // No key after Ctrl+S: the result comes to the front by itself, its summary on top.
    const s = await t.waitFor(
      /^(?=[\s\S]*200 · ExecutedVersion \$LATEST)(?=[\s\S]*▶ (Response|Tail|CloudWatch))(?=[\s\S]*complete \(REPORT seen\))/,
      30_000,
    );
    const active = /▶ (Tail|CloudWatch) \((from Invoke|complete)/.exec(s)?.[1];
    // A log view has the keys (the complete log is longer than its view).
    expect(active).toMatch(/^(Tail|CloudWatch)$/);
    const fromTail = (screen: string) => {
      const n = lineNumbers(screen);
      return n.length > 3 && n[0]! >= 110 && !n.includes(1);
    };
    const fromCloudWatch = (screen: string) => lineNumbers(screen)[0] === 1;
    if (active === "CloudWatch") {
      expect(fromCloudWatch(s)).toBe(true);
      t.type("h");
      const other = await t.waitFor(/▶ Tail \(from Invoke, 4 KB\)[\s\S]*line 01\d\d:/);
      expect(fromTail(other)).toBe(true);
    } else {
      expect(fromTail(s)).toBe(true);
      t.type("l");
      const other = await t.waitFor(/▶ CloudWatch \(complete\)[\s\S]*line 0001:/);
      expect(fromCloudWatch(other)).toBe(true);
    }

    const entry = await openNewestEntry(t);
    // Stacked, the payload pane may be folded to its title; 2 opens it.
    if (/Payload · recorded/.test(entry) && !entry.includes(marker)) {
      t.type("2");
      await t.waitFor(new RegExp(`Recorded · big-logger[\\s\\S]*${marker}`));
    }
    expectRecordedPayload(t.screen(), marker);
  }, 90_000);

  it("80x24: ? help pages to its end, and every command of the key table is on some page", async () => {
    const t = openExplorer(80, 24);
    await t.waitFor(/big-logger/, 20_000);
    t.type("?");
    const position = (s: string) => {
      const m = /Keyboard help\s+(\d+)–(\d+) of (\d+)/.exec(s);
      return m ? { from: Number(m[1]), to: Number(m[2]), of: Number(m[3]) } : null;
    };
    let screen = await t.waitFor(/Keyboard help\s+1–\d+ of \d+/);
    let at = position(screen)!;
    // More commands than rows: the help must scroll, or this test proves nothing.
    expect(at.to).toBeLessThan(at.of);
    const pages = [screen];
    for (let i = 0; at.to < at.of; i++) {
      expect(i).toBeLessThan(40);
      const before = at.from;
      t.keys("PgDn");
      // The page is read only once the position has moved: then the rows under it moved too.
      screen = await t.waitFor(new RegExp(`Keyboard help\\s+(?!${before}–)\\d+–\\d+ of ${at.of}`));
      at = position(screen)!;
      expect(at.from).toBeGreaterThan(before);
      pages.push(screen);
    }
    expect(at.to).toBe(at.of);
    // Descriptions may wrap at 80 columns: read each page's rows as one line of words.
    const text = pages.map((p) => p.replace(/[║│]/g, " ").replace(/\s+/g, " "));
    const missing = COMMANDS.map((c) => c.description.replace(/\s+/g, " ")).filter(
      (d) => !text.some((p) => p.includes(d)),
    );
    expect(missing).toEqual([]);
  }, 90_000);
});
