// The payload editor and the files around it, in a real terminal: load a payload from a file
// (with Tab completion and a clear message for a missing one), and edit it in $EDITOR.
import { afterEach, describe, expect, it } from "vitest";
import path from "node:path";
import { ROOT } from "../helpers/sandbox.js";
import { openTerminal, type Terminal } from "../helpers/tmux.js";

let term: Terminal | null = null;
afterEach(() => {
  term?.stop();
  term = null;
});

async function openOrdersApi(env: Record<string, string> = {}): Promise<Terminal> {
  const t = openTerminal(["--sandbox"], 140, 40, env);
  await t.waitFor(/orders-api/);
  t.type("orders-api");
  await t.waitFor(/\/orders-api/);
  t.keys("Enter");
  await t.waitFor(/orders-api:\$LATEST/);
  return t;
}

describe("loading a payload from a file", () => {
  it("completes the path with Tab, loads the file, and says what is wrong with a missing one", async () => {
    term = await openOrdersApi();
    term.keys("C-o");
    await term.waitFor(/Load payload from:/);
    // The terminal runs in the project folder: a relative path completes from there.
    term.type("fixtures/templates/sq");
    term.keys("Tab");
    await term.waitFor(/Load payload from: fixtures\/templates\/sqs\.json/);
    term.keys("Enter");
    // The notice wraps in the narrow payload pane.
    const loaded = await term.waitFor(/Ctrl\+Z undoes/);
    expect(loaded).toMatch(/Loaded \S*\/fixtures\/templates\/sqs\.json|Loaded\s/);
    expect(loaded).toContain('"Records": [');
    expect(loaded).toMatch(/valid JSON/);

    term.keys("C-o");
    await term.waitFor(/Load payload from:/);
    term.type("no/such/event.json");
    term.keys("Enter");
    const missing = await term.waitFor(/No file at/);
    expect(missing).toContain(path.join(ROOT, "no/such/event.json"));
    term.keys("Escape");
    const closed = await term.waitFor(/Ctrl\+O open/);
    expect(closed).not.toContain("Load payload from:");
    expect(closed).toContain('"Records": [');
  });
});

describe("editing in $EDITOR", () => {
  it("hands the payload to the editor and reads back what it wrote", async () => {
    // A non-interactive "editor": it changes the file as a person would, then exits 0.
    term = await openOrdersApi({ EDITOR: "sed -i s/41/42/", VISUAL: "" });
    term.type('{"id": 41}');
    await term.waitFor(/\{"id": 41\}/);
    term.keys("C-e");
    const edited = await term.waitFor(/Edited in sed/);
    expect(edited).toContain('{"id": 42}');
    // Input in the first moments after the editor exits is dropped (it was meant for the editor):
    // the trace says when keys are taken again.
    await term.waitForTrace(/ input taken again$/m);
    term.keys("C-z");
    await term.waitFor(/\{"id": 41\}/);
  });

  it("keeps the payload when the editor fails, and says so", async () => {
    term = await openOrdersApi({ EDITOR: "false", VISUAL: "" });
    term.type('{"keep": true}');
    await term.waitFor(/\{"keep": true\}/);
    term.keys("C-e");
    const screen = await term.waitFor(/exited with status 1/);
    expect(screen).toContain('{"keep": true}');
  });
});
