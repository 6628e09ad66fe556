// The explorer in a real terminal (tmux): start on the sandbox, find a function by a fuzzy
// query, choose a version, see help, quit, and find the terminal as it was.
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FIXTURES } from "../helpers/sandbox.js";
import { openTerminal, hasTmux, type Terminal } from "../helpers/tmux.js";
import { runCli } from "../helpers/cli.js";

const names = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const namesRe = new RegExp(names.map((n) => n.replace(/[-]/g, "\\-")).join("|"), "g");

let term: Terminal | null = null;
afterEach(() => {
  term?.stop();
  term = null;
});

it("has tmux to run the end-to-end tests (.ci/run installs it)", () => {
  expect(hasTmux()).toBe(true);
});

describe("the explorer on the sandbox", () => {
  it("lists the functions, fuzzy-finds one, shows its versions and aliases, helps, and quits cleanly", async () => {
    // CI=true (as some shells export) once made Ink draw nothing but its last frame.
    term = openTerminal(["--sandbox"], 140, 40, { CI: "true" });
    // Each wait is for the last thing the test then reads: tmux may show a frame mid-write.
    const first = await term.waitFor(new RegExp(`${names.length} functions[\\s\\S]*${names[7]}`));
    expect(first).toMatch(/lambda-explorer · sandbox · us-east-1 · acct 123456789012/);
    expect(first).toMatch(new RegExp(`${names.length} functions`));
    for (const n of names.slice(0, 8)) expect(first).toContain(n);

    term.type("vrsnd");
    const filtered = await term.waitFor(/vrsnd[\s\S]*versioned-greeter/);
    const order = filtered.match(namesRe) ?? [];
    expect(order[0]).toBe("versioned-greeter");

    term.keys("Enter");
    await term.waitFor(/versioned-greeter:\$LATEST · Request/);
    term.keys("C-q");
    const chosen = await term.waitFor(/canary → v2[\s\S]*live → v1[\s\S]*version 2/);
    expect(chosen).toContain("versioned-greeter:$LATEST");
    expect(chosen).toMatch(/canary → v2/);
    expect(chosen).toMatch(/version 2/);
    term.keys("Down");
    term.keys("Enter");
    await term.waitFor(/versioned-greeter:(live|canary)/);

    term.keys("Escape");
    await term.waitFor(/Functions/);
    term.type("?");
    // Wait for a group under the title, not the title: tmux may show a frame mid-write.
    const help = await term.waitFor(/^(?=[\s\S]*Keyboard help)(?=[\s\S]*Reload the function list)/);
    // It scrolls: End reaches the last section, the help's own keys.
    term.keys("End");
    await term.waitFor(/This help[\s\S]*Close help/);
    expect(help).toMatch(/Tab\s+Next pane/);
    term.keys("Escape");
    await term.waitFor(/Functions/);

    term.type("q");
    const after = await term.waitFor(/__EXITED__ rc=0/);
    expect(after).not.toMatch(namesRe);
  });

  it("stacks the panes in a small terminal and survives being shrunk to 20x10", async () => {
    term = openTerminal(["--sandbox"], 90, 24);
    const stacked = await term.waitFor(new RegExp(`${names[0]}[\\s\\S]*\\[4\\] History`));
    expect(stacked).toMatch(/\[2\] Payload/);
    expect(stacked).toMatch(/\[4\] History/);
    // Each size is waited for drawn: a pane's top border across the whole width, then the
    // header across the whole width ("? help" ends it only when drawn at that width).
    term.resize(20, 10);
    await term.waitFor(/^╭─{18}╮$/m);
    term.resize(120, 35);
    await term.waitFor(/^(?=.{120}$)lambda-explorer · .*\? help$/m);
    expect(term.exited()).toBe(false);
    term.keys("C-c");
    await term.waitFor(/__EXITED__ rc=130/);
  });

  it("starts from the cached list, then connects and shows the fresh one", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-cached-"));
    const env = { LAMBDA_EXPLORER_CACHE_DIR: path.join(dir, "cache") };
    term = openTerminal(["--sandbox"], 140, 40, env);
    await term.waitFor(new RegExp(`· ${names.length} functions +\\? help`));
    // Saved once the whole list is in (a temporary file, then renamed): wait for the name.
    const cacheDir = path.join(dir, "cache", "functions");
    const saved = () => readdirSync(cacheDir, { withFileTypes: true }).find((f) => f.name.endsWith(".json"));
    // A wide budget: only a failure waits it out, and a busy machine may be slow to write.
    for (const end = Date.now() + 60_000; !(existsSync(cacheDir) && saved()) && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 50));
    term.type("q");
    await term.waitFor(/__EXITED__ rc=0/);
    term.stop();
    // The list the first start saved, with one function more that the sandbox does not have.
    const file = path.join(cacheDir, saved()!.name);
    const list = JSON.parse(readFileSync(file, "utf8")) as { items: Array<Record<string, unknown>> };
    list.items.unshift({ ...list.items[0], name: "aaa-cached-only" });
    writeFileSync(file, JSON.stringify(list));

    const traceFile = path.join(dir, "trace.txt");
    term = openTerminal(["--sandbox"], 140, 40, { ...env, LAMBDA_EXPLORER_TRACE: traceFile });
    // The fresh list replaces the cached one: the clients were made (after the first frame).
    await term.waitFor(
      new RegExp(`· ${names.length} functions +\\? help[\\s\\S]*Functions ${names.length} / filter`),
    );
    expect(term.screen()).not.toContain("aaa-cached-only");
    const shown = readFileSync(traceFile, "utf8")
      .split("\n")
      .filter((l) => / (first render|clients ready|list shown)/.test(l))
      .map((l) => l.replace(/^[\d.]+ /, ""));
    // The first frame had the cached list; the fresh one came after the clients.
    expect(shown.slice(0, 2)).toEqual(["first render", `list shown (${names.length + 1})`]);
    expect(shown.indexOf("clients ready")).toBeGreaterThan(1);
    expect(shown.at(-1)).toBe(`list shown (${names.length})`);
    // Each of Ink's renders is traced with its time, written to the screen or not.
    expect(readFileSync(traceFile, "utf8")).toMatch(/^[\d.]+ render \d+\.\d{3}$/m);
    term.type("q");
    await term.waitFor(/__EXITED__ rc=0/);
  });

  it("says what is wrong when AWS cannot be reached, and offers the sandbox", async () => {
    term = openTerminal(["--endpoint-url", "http://127.0.0.1:9"], 120, 30);
    const err = await term.waitFor(/Endpoint unreachable[\s\S]*Cannot reach/);
    expect(err).toContain("Cannot reach http://127.0.0.1:9");
    term.type("s");
    await term.waitFor(new RegExp(names[0]!));
    expect(term.screen()).toContain("sandbox");
    term.type("q");
    await term.waitFor(/__EXITED__ rc=0/);
  });
});

describe("the payload editor", () => {
  it("locates a JSON error, refuses to invoke it, formats the JSON once fixed, and invokes it", async () => {
    term = openTerminal(["--sandbox"], 160, 45);
    await term.waitFor(new RegExp(names[0]!));
    term.type("orders-api");
    await term.waitFor(/Functions 1\/\d+ \/orders-api/);
    term.keys("Enter");
    await term.waitFor(/orders-api:\$LATEST · RequestResponse/);
    term.type('{"broken": }');
    const broken = await term.waitFor(/✗ line 1, column 12: Expected a value/);
    expect(broken).toContain('{"broken": }');
    term.keys("C-s");
    await term.waitFor(/Not invoked: the payload is not valid JSON/);
    for (let i = 0; i < 2; i++) term.keys("BSpace");
    term.type("1}");
    await term.waitFor(/✓ valid JSON/);
    term.keys("C-f");
    const formatted = await term.waitFor(/2\s+"broken": 1/);
    expect(formatted).toMatch(/1\s+\{/);
    // Fixed, it goes: the function answers and its ExecutedVersion shows.
    term.keys("C-s");
    const invoked = await term.waitFor(/200 · ExecutedVersion \$LATEST/);
    expect(invoked).not.toContain("Not invoked");
    // The result came to the front; once its logs are in (Esc would stop their search before),
    // Esc goes back to the payload.
    await term.waitFor(/^(?![\s\S]*Esc stop)[\s\S]*Ctrl\+S again/);
    term.keys("Escape");
    await term.waitFor(/Esc leave/);
    term.keys("C-t");
    await term.waitFor(/orders-api:\$LATEST · Event/);
    term.keys("Escape");
    // Esc and q in one read would be Meta+q: wait until the functions have focus.
    await term.waitFor(/Enter choose/);
    term.type("q");
    await term.waitFor(/__EXITED__ rc=0/);
  });
});

describe("drafts", () => {
  it("keeps what was typed across a restart, per function", async () => {
    const { mkdtempSync } = await import("node:fs");
    const os = await import("node:os");
    const state = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-state-"));
    const open = async () => {
      term = openTerminal(["--sandbox"], 140, 30, { LAMBDA_EXPLORER_STATE_DIR: state });
      await term.waitFor(new RegExp(names[0]!));
      term.type("orders-api");
      await term.waitFor(/Functions 1\/\d+ \/orders-api/);
      term.keys("Enter");
      await term.waitFor(/orders-api:\$LATEST · RequestResponse/);
    };
    await open();
    term!.type('{"order": "o-1001"}');
    await term!.waitFor(/✓ valid JSON/);
    term!.keys("Escape");
    await term!.waitFor(/Enter choose/);
    term!.type("q");
    await term!.waitFor(/__EXITED__ rc=0/);
    term!.stop();
    await open();
    const restored = await term!.waitFor(/1 \{"order": "o-1001"\}/);
    expect(restored).toMatch(/✓ valid JSON · 19 B/);
  });
});

it("says which function.json to fix when --sandbox is given a broken folder, exit 2", async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
  const os = await import("node:os");
  const dir = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-bad-"));
  mkdirSync(path.join(dir, "broken"));
  writeFileSync(path.join(dir, "broken/function.json"), '{"timeout": 0}');
  term = openTerminal(["--sandbox", dir], 100, 20);
  const s = await term.waitFor(/__EXITED__ rc=2/);
  expect(s).toContain("function broken: timeout must be a whole number of seconds");
  expect(s).not.toMatch(/^\s+at /m);
});

it("points scripts at the commands when not on a terminal", async () => {
  const r = await runCli(["--sandbox"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("the explorer needs a terminal");
  expect(path.basename(FIXTURES)).toBe("functions");
});
