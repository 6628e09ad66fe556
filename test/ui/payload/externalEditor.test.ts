import { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DISCARD_INPUT_MS,
  editExternally,
  editorCommand,
} from "../../../src/ui/panes/payload/externalEditor.js";
import { KeyInput } from "../../../src/ui/input/keyInput.js";

/** What the terminal saw, in order: writes, raw-mode switches and resize events. */
let log: string[];

class FakeStdin extends PassThrough {
  isRaw = false;
  constructor(public isTTY: boolean) {
    super();
    this.setEncoding("utf8");
  }
  setRawMode(mode: boolean): this {
    log.push(`raw ${mode}`);
    this.isRaw = mode;
    return this;
  }
}

class FakeStdout extends EventEmitter {
  write(s: string): boolean {
    log.push(`write ${JSON.stringify(s)}`);
    return true;
  }
}

let work: string;
let report: string;

beforeEach(() => {
  log = [];
  work = mkdtempSync(path.join(tmpdir(), "lx-ext-test-"));
  report = path.join(work, "report.json");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

// A stand-in editor: rewrites the file as told and reports what it was given.
const EDITOR_SCRIPT = `
import { readFileSync, statSync, writeFileSync } from "node:fs";
const args = process.argv.slice(2);
const file = args[args.length - 1];
const mode = args.find((a) => a !== "--wait" && a !== file);
writeFileSync(process.env.LX_REPORT, JSON.stringify({
  file, perms: statSync(file).mode & 0o777, before: readFileSync(file, "utf8"), args: process.argv.slice(2),
}));
if (mode === undefined) writeFileSync(file, readFileSync(file, "utf8").replace("old", "new") + "\\n");
if (mode === "bad-utf8") writeFileSync(file, Buffer.from([0x7b, 0xff, 0x7d]));
`;

function fakeEditor(): string {
  const script = path.join(work, "editor.mjs");
  writeFileSync(script, EDITOR_SCRIPT);
  return `'${process.execPath}' '${script}'`;
}

/** Turns of the event loop until `done` (no wall-clock budget: the test's own timeout). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setImmediate(r));
}

/** Edits `text` with the key layer reading `tty` input, as the explorer does. */
/** The key layer's clock: still unless a test moves it, so no stall of a busy machine counts. */
let clock = 0;

function edit(text: string, env: NodeJS.ProcessEnv, tty = true, suffix?: string) {
  const stdin = new FakeStdin(tty);
  const input = new KeyInput(stdin, () => clock);
  input.start();
  const keys: string[] = [];
  input.subscribe((k) => {
    keys.push(k.name);
    return true;
  });
  log = [];
  const stdout = new FakeStdout();
  stdout.on("resize", () => log.push("resize"));
  const result = editExternally(text, {
    input,
    stdout: stdout as unknown as NodeJS.WriteStream,
    env: { PATH: process.env.PATH, LX_REPORT: report, ...env },
    ...(suffix ? { suffix } : {}),
  });
  return { result, stdin, keys };
}

const reported = () =>
  JSON.parse(readFileSync(report, "utf8")) as { file: string; perms: number; before: string; args: string[] };

describe("editExternally", () => {
  it("hands the terminal over, runs $EDITOR on a private .json file and reads the edit back", () => {
    const { result } = edit('{"a": "old"}', { EDITOR: fakeEditor() });
    expect(result).toEqual({ ok: true, text: '{"a": "new"}', changed: true });
    const r = reported();
    expect(r.before).toBe('{"a": "old"}');
    expect(r.perms).toBe(0o600);
    expect(path.extname(r.file)).toBe(".json");
    expect(existsSync(path.dirname(r.file))).toBe(false);
    // Mouse and paste reports off while the editor has the terminal, and on again after.
    expect(log).toEqual([
      `write ${JSON.stringify("\u001b[?1006l\u001b[?1000l\u001b[?2004l\u001b[?25h\u001b[?1049l")}`,
      "raw false",
      "raw true",
      `write ${JSON.stringify("\u001b[?1049h\u001b[H\u001b[?25l\u001b[?2004h\u001b[?1000h\u001b[?1006h")}`,
      "resize",
    ]);
  });

  it("keeps a trailing newline the payload already had", () => {
    const { result } = edit("old\n", { EDITOR: fakeEditor() });
    expect(result).toEqual({ ok: true, text: "new\n\n", changed: true });
  });

  it("reports an unchanged file as unchanged", () => {
    const { result } = edit('{"a": 1}', { EDITOR: "true" });
    expect(result).toEqual({ ok: true, text: '{"a": 1}', changed: false });
  });

  it("prefers $VISUAL, runs commands with arguments, and takes another suffix", () => {
    const { result } = edit("old", { VISUAL: `${fakeEditor()} --wait`, EDITOR: "false" }, true, ".txt");
    expect(result).toEqual({ ok: true, text: "new", changed: true });
    expect(reported().args).toContain("--wait");
    expect(path.extname(reported().file)).toBe(".txt");
  });

  it("leaves raw mode alone when input is not a terminal", () => {
    edit("x", { EDITOR: "true" }, false);
    expect(log.filter((l) => l.startsWith("raw"))).toEqual([]);
  });

  it("says how to choose an editor when it is not found", () => {
    const { result } = edit("x", { EDITOR: "lx-no-such-editor-here" });
    expect(result).toEqual({
      ok: false,
      message: 'No editor found: set $VISUAL or $EDITOR (tried "lx-no-such-editor-here")',
    });
    expect(log).toContain("raw true");
  });

  it("says when the editor is not executable", () => {
    const notExecutable = path.join(work, "not-executable");
    writeFileSync(notExecutable, "", { mode: 0o644 });
    expect(edit("x", { EDITOR: `'${notExecutable}'` }).result).toEqual({
      ok: false,
      message: `The editor could not be run (tried "'${notExecutable}'"): is it executable?`,
    });
  });

  it("says the payload is unchanged when the editor fails", () => {
    const { result } = edit("x", { EDITOR: `'${process.execPath}' -e 'process.exit(3)'` });
    expect(result).toEqual({
      ok: false,
      message: "The editor exited with status 3; the payload is unchanged.",
    });
  });

  it("names the signal that stopped the editor", () => {
    const { result } = edit("x", { EDITOR: "kill -KILL $$;" });
    expect(result).toEqual({
      ok: false,
      message: "The editor was stopped by SIGKILL; the payload is unchanged.",
    });
  });

  it("refuses a file the editor removed or made invalid UTF-8", () => {
    expect(edit("x", { EDITOR: "rm" }).result).toEqual({
      ok: false,
      message: "The editor removed the file; the payload is unchanged.",
    });
    expect(edit("x", { EDITOR: `${fakeEditor()} --wait bad-utf8` }).result).toEqual({
      ok: false,
      message: "The edited file is not valid UTF-8; the payload is unchanged.",
    });
  });

  describe("input typed while the editor had the terminal", () => {
    it("is thrown away for a moment after it exits, then input flows again", async () => {
      const { stdin, keys } = edit("x", { EDITOR: "true" });
      stdin.write("leftover");
      await until(() => stdin.readableLength === 0); // read, and thrown away
      clock += DISCARD_INPUT_MS - 1;
      stdin.write("unread");
      await until(() => stdin.readableLength === 0);
      expect(keys).toEqual([]);
      clock += 1; // the window is over
      stdin.write("j");
      await until(() => keys.length > 0);
      expect(keys).toEqual(["j"]);
    });
  });
});

describe("editorCommand", () => {
  it("takes $VISUAL, then $EDITOR, then vi, skipping blank ones", () => {
    expect(editorCommand({ VISUAL: "code --wait", EDITOR: "nano" })).toBe("code --wait");
    expect(editorCommand({ VISUAL: " ", EDITOR: "nano" })).toBe("nano");
    expect(editorCommand({})).toBe("vi");
  });
});
