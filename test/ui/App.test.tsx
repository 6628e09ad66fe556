// The whole app, rendered with ink-testing-library against a real sandbox over HTTP.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { layout } from "../../src/ui/app/layout.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";
import { FIXTURES } from "../helpers/sandbox.js";

/** One function per fixture folder: the count follows the fixtures as they are added. */
const fixtureCount = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).length;

const sandbox = appSandbox("app");

describe("App", () => {
  it("lists functions, filters as you type, chooses one and shows its aliases", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      expect(t.frame()).toMatch(new RegExp(`\\b${fixtureCount} functions`));
      // "/" first: g and r alone are the picker's First and Reload.
      await t.press("/grtr");
      // The typed query shows first, over the earlier rows ("…" for their count); the count
      // says when the rows are its matches.
      const filtered = await t.waitFor(/Functions \d+\/\d+[\s\S]*grtr/);
      expect(filtered).toContain("versioned-greeter");
      expect(filtered).not.toContain("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/versioned-greeter:\$LATEST · RequestResponse/);
      await t.press("\u0011"); // Ctrl+Q: the version or alias
      const chosen = await t.waitFor(/live → v1/);
      expect(chosen).toContain("canary → v2");
      await t.press({ key: "down" });
      await t.press({ key: "enter" });
      await t.waitFor(/versioned-greeter:canary/);
    } finally {
      t.unmount();
    }
  });

  // The built-in sandbox is known by its functions folder: it listens on a new port each start,
  // and usage kept under its URL was never found again (issue 15, finding 6).
  it("puts recently and frequently invoked functions first in the unfiltered list", async () => {
    const { recordUsage } = await import("../../src/state/usage.js");
    const { sandboxScope } = await import("../../src/state/function-list-cache.js");
    const scope = { profile: process.env.AWS_PROFILE, region: "us-east-1", endpoint: sandboxScope(FIXTURES) };
    await recordUsage(scope, "thrower", Date.now() - 1000);
    await recordUsage(scope, "slow-logger", Date.now());
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox={sandboxScope(FIXTURES)} />);
    try {
      const frame = await t.waitFor(/slow-logger[\s\S]*thrower[\s\S]*big-logger/);
      const order = frame.match(/big-logger|slow-logger|thrower|orders-api/g) ?? [];
      expect(order.slice(0, 3)).toEqual(["slow-logger", "thrower", "big-logger"]);
    } finally {
      t.unmount();
    }
  });

  it("opens and closes the help overlay drawn from the key table", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("?");
      const help = await t.waitFor(/Keyboard help/);
      expect(help).toContain("Quit at once");
      expect(help).toMatch(/PgDn\/Space page/);
      // The history's keys come late in the table: scroll (24 rows here) until replay shows.
      for (let i = 0; i < 20 && !t.frame().includes("Replay it, diff answers"); i++) await t.press(" ");
      expect(t.frame()).toMatch(/ r {2,}Replay it, diff answers/);
      expect(t.frame()).not.toContain("Quit at once");
      await t.press("/");
      await t.press("reload");
      expect(await t.waitFor(/\/reload/)).toContain("Reload the function list");
      // Esc leaves the search first; the next one closes the help.
      await t.press({ key: "escape" });
      await t.waitFor(/Keyboard help[\s\S]*Quit at once/);
      await t.press({ key: "escape" });
      await t.waitFor(/orders-api/);
      expect(t.frame()).not.toContain("Keyboard help");
    } finally {
      t.unmount();
    }
  });

  it("shows what is wrong when the endpoint is down, and switches to the sandbox on s", async () => {
    const startSandbox = vi.fn(async () => ({ url: sandbox().url, scope: "test sandbox" }));
    const t = renderTui(
      <App connection={{ endpointUrl: "http://127.0.0.1:9" }} sandbox={false} startSandbox={startSandbox} />,
    );
    try {
      const err = await t.waitFor(/Endpoint unreachable/);
      expect(err).toContain("Cannot reach http://127.0.0.1:9");
      await t.press("s");
      await t.waitFor(/orders-api/);
      expect(startSandbox).toHaveBeenCalledOnce();
      expect(t.frame()).toContain("sandbox");
    } finally {
      t.unmount();
    }
  });

  it("says so when the offered sandbox cannot start, and stays usable", async () => {
    const startSandbox = vi.fn(async (): Promise<{ url: string; scope: string }> => {
      throw new Error("port 9001 is in use");
    });
    const t = renderTui(
      <App connection={{ endpointUrl: "http://127.0.0.1:9" }} sandbox={false} startSandbox={startSandbox} />,
    );
    try {
      await t.waitFor(/Endpoint unreachable/);
      await t.press("s");
      await t.waitFor(/The sandbox did not start: port 9001 is in use/);
      expect(t.frame()).toContain("Press s to explore the local sandbox");
    } finally {
      t.unmount();
    }
  });

  it("edits a payload: validation as you type, undo, and invoking refused while invalid", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/orders-api:\$LATEST/);
      await t.waitFor(/✓ empty payload \(sent as \{\}\)/);
      await t.press('{"id": }');
      await t.waitFor(/✗ line 1, column 8: Expected a value/);
      await t.press("\u0013"); // Ctrl+S
      await t.waitFor(/Not invoked: the payload is not valid JSON/);
      await t.press({ key: "backspace" });
      await t.press("42}");
      await t.waitFor(/✓ valid JSON · 10 B of 6\.0 MB/);
      await t.press("\u001a"); // Ctrl+Z undoes the typing run
      await t.waitFor(/✗ line 1/);
      await t.press("\u0014"); // Ctrl+T: Event, whose limit is 1 MB
      await t.waitFor(/orders-api:\$LATEST · Event/);
    } finally {
      t.unmount();
    }
  });

  it("inserts an event template into the payload, undoably", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("thrower");
      await t.press({ key: "enter" });
      await t.waitFor(/thrower:\$LATEST/);
      await t.press("\u0010"); // Ctrl+P
      await t.waitFor(/Saved events · shared events · templates/);
      await t.press({ key: "down" });
      await t.press({ key: "down" });
      await t.press({ key: "down" });
      await t.press({ key: "down" }); // SQS
      await t.press({ key: "enter" });
      const inserted = await t.waitFor(/Inserted the SQS template/);
      expect(inserted).toMatch(/"Records"/);
      expect(inserted).toMatch(/✓ valid JSON/);
      await t.press("\u001a"); // Ctrl+Z
      await t.waitFor(/✓ empty payload/);
    } finally {
      t.unmount();
    }
  });

  it("moves focus with Tab, Shift+Tab and the number keys", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      // 100x24 is stacked: the focused pane is open, the others show only their titles.
      await t.press({ key: "tab" });
      await t.waitFor(/\[1\] Functions/);
      await t.press({ key: "shiftTab" });
      await t.waitFor(/\[2\] Payload/);
      await t.press("4");
      await t.waitFor(/No invocations yet/);
    } finally {
      t.unmount();
    }
  });

  it("takes keys read together one by one: a filter and Enter, then the payload typed at once", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      // One read: the filter, Enter (choose), and the payload's text, which goes to the editor.
      await t.press('thrower\r{"kind": "validation"}');
      const opened = await t.waitFor(/thrower:\$LATEST · RequestResponse[\s\S]*valid JSON/);
      expect(opened).toContain('{"kind": "validation"}');
      // The path prompt gets a path and Tab read together as the two: Tab completes the path.
      await t.press("\u000f"); // Ctrl+O
      await t.waitFor(/Load payload from:/);
      await t.press("fixtures/templates/sq\t");
      await t.waitFor(/Load payload from: fixtures\/templates\/sqs\.json/);
      await t.press({ key: "escape" });
    } finally {
      t.unmount();
    }
  });

  it("gives a key typed right after Enter in the load prompt to the payload it loads", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lx-load-typeahead-"));
    const file = path.join(dir, "small.json");
    writeFileSync(file, '{"typed":"ahead","n":1}');
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api\r");
      await t.waitFor(/orders-api:\$LATEST · RequestResponse/);
      await t.press("\u000f"); // Ctrl+O
      await t.waitFor(/Load payload from:/);
      // One read: the path, Enter, and Ctrl+F. The load is still reading the file when Ctrl+F
      // comes; it used to go to the prompt (still open until then) and be lost.
      await t.press(file);
      await t.waitFor(/Load payload from: .*small\.json/);
      await t.press("\r\u0006");
      const formatted = await t.waitFor(/"typed": "ahead",/);
      expect(formatted).not.toContain("Load payload from:");
      expect(formatted).not.toContain('{"typed":"ahead"');
    } finally {
      t.unmount();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes Esc and a key read together as the two keys (Ink alone takes them for Alt+key or drops the Esc)", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("payments-audit");
      await t.press({ key: "enter" });
      const status = (frame: string) => /[✓✗] .* of 6\.0 MB/.exec(frame)?.[0];
      const before = status(await t.waitFor(/payments-audit:\$LATEST · RequestResponse[\s\S]* of 6\.0 MB/));
      expect(before).toBeDefined();
      await t.press("\u001b4");
      await t.waitFor(/No invocations yet/);
      // Neither key reached the payload as text: its size and state are as they were.
      await t.press("2");
      expect(status(await t.waitFor(/Esc leave/))).toBe(before);
      // Ink would drop the Esc of Esc and ? read together: it shows the help.
      await t.press("\u001b?");
      await t.waitFor(/Keyboard help/);
      await t.press({ key: "escape" });
      // Two Escs and a key in one read (Ink would take the Escs for one): the first closes the
      // path prompt, the second leaves the editor, and 4 opens the history.
      await t.press("2");
      await t.press("\u000f"); // Ctrl+O
      await t.waitFor(/Load payload from:/);
      await t.press("\u001b\u001b4");
      const history = await t.waitFor(/No invocations yet/);
      expect(history).not.toContain("Load payload from:");
      await t.press("2");
      expect(status(await t.waitFor(/Esc leave/))).toBe(before);
    } finally {
      t.unmount();
    }
  });

  it("focuses the pane clicked, scrolls the one under the wheel, and zooms with z", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    // SGR mouse reports, 1-based cells: a left press, and a wheel notch down.
    const click = (x: number, y: number) => `\u001b[<0;${x + 1};${y + 1}M`;
    const wheelDown = (x: number, y: number) => `\u001b[<65;${x + 1};${y + 1}M`;
    try {
      await t.waitFor(/orders-api/);
      // ink-testing-library's terminal is 100x24: the panes stack, each closed one a title line.
      const stacked = layout({ columns: 100, rows: 24, focus: "functions" });
      await t.press(click(5, stacked.panes.history.y));
      await t.waitFor(/Enter open/);
      await t.press(click(5, stacked.panes.functions.y));
      // The selected row's place in the list (the order may still change as usage is read).
      const selectedRow = (frame: string) => frame.split("\n").findIndex((l) => l.startsWith("│›"));
      const before = selectedRow(await t.waitFor(new RegExp(`Functions ${fixtureCount}`)));
      // One notch is three rows.
      await t.press(wheelDown(5, stacked.panes.functions.y + 3));
      for (const end = Date.now() + 30_000; selectedRow(t.frame()) !== before + 3 && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 20));
      expect(selectedRow(t.frame())).toBe(before + 3);
      // Zoomed, the list has the whole body: no other pane's title is left.
      expect(t.frame()).toContain("[4] History");
      await t.press("z");
      const zoomed = await t.waitFor(/^(?![\s\S]*\[4\] History)[\s\S]*z zoom/);
      expect(zoomed).not.toContain("[2] Payload");
    } finally {
      t.unmount();
    }
  });
});
