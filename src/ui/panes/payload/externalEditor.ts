// Editing the payload in the user's own editor ($VISUAL, $EDITOR, else vi) and reading it back.
// The editor gets the real terminal: spawnSync blocks the event loop, so Ink cannot draw while
// it runs, the key layer stops reading, and the terminal is handed over in the state a shell
// would give it (cooked mode, cursor shown, the normal screen, no mouse or paste reports) and
// taken back afterwards.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KeyInput } from "../../input/keyInput.js";
import { KEY_MODES_OFF, KEY_MODES_ON } from "../../input/terminalModes.js";

export interface ExternalEditOptions {
  /** The key layer: it stops reading (raw mode off) while the editor runs. */
  input: Pick<KeyInput, "suspend">;
  stdout: NodeJS.WriteStream;
  /** Where $VISUAL and $EDITOR are read from, and the editor's environment; process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** The temp file's ending, so the editor highlights the right language; ".json" when absent. */
  suffix?: string;
}

export type ExternalEditResult =
  { ok: true; text: string; changed: boolean } | { ok: false; message: string };

// The same sequences as src/ui/terminal.ts: leave and re-enter our alternate screen, and show
// the cursor for the editor, hidden again for Ink, which draws its own.
const HAND_OVER = `${KEY_MODES_OFF}\u001b[?25h\u001b[?1049l`;
const TAKE_BACK = `\u001b[?1049h\u001b[H\u001b[?25l${KEY_MODES_ON}`;

/**
 * How long input is thrown away after the editor exits. Keys typed into the terminal while a
 * GUI editor (`code --wait`) had the focus, and late answers to an editor's terminal queries,
 * arrive within a few milliseconds of taking the terminal back; they are not meant for us.
 */
export const DISCARD_INPUT_MS = 100;

/** The editor command: $VISUAL, else $EDITOR, else vi. It may carry arguments ("code --wait"). */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || "vi";
}

export function editExternally(text: string, opts: ExternalEditOptions): ExternalEditResult {
  const env = opts.env ?? process.env;
  const command = editorCommand(env);
  const dir = mkdtempSync(path.join(tmpdir(), "lambda-explorer-"));
  try {
    const file = path.join(dir, `payload${opts.suffix ?? ".json"}`);
    // A payload can hold secrets: only the user may read the file (the directory is 0700 too).
    writeFileSync(file, text, { mode: 0o600 });
    const run = runInTerminal(command, file, env, opts);
    if (!run.ok) return run;
    return readBack(file, text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runInTerminal(
  command: string,
  file: string,
  env: NodeJS.ProcessEnv,
  { input, stdout }: ExternalEditOptions,
): { ok: true } | { ok: false; message: string } {
  stdout.write(HAND_OVER);
  const resume = input.suspend();
  // Through the shell, so a command with arguments works; the path goes in as "$1", never
  // pasted into the command line, so no character in it can be taken as shell syntax.
  const result =
    process.platform === "win32"
      ? spawnSync(`${command} "${file}"`, { stdio: "inherit", env, shell: true })
      : spawnSync("/bin/sh", ["-c", `${command} "$1"`, "sh", file], { stdio: "inherit", env });
  resume(DISCARD_INPUT_MS);
  stdout.write(TAKE_BACK);
  // The screen was cleared by re-entering it; Ink redraws the whole frame on a resize (the
  // terminal may really have been resized meanwhile, too).
  stdout.emit("resize");

  const notFound = `No editor found: set $VISUAL or $EDITOR (tried "${command}")`;
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: code === "ENOENT" ? notFound : `The editor did not start: ${result.error.message}`,
    };
  }
  if (result.signal)
    return { ok: false, message: `The editor was stopped by ${result.signal}; the payload is unchanged.` };
  // The shell's own statuses: 127 "command not found", 126 "found but not executable".
  if (result.status === 127) return { ok: false, message: notFound };
  if (result.status === 126) {
    return { ok: false, message: `The editor could not be run (tried "${command}"): is it executable?` };
  }
  if (result.status !== 0) {
    return {
      ok: false,
      message: `The editor exited with status ${result.status}; the payload is unchanged.`,
    };
  }
  return { ok: true };
}

function readBack(file: string, before: string): ExternalEditResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message:
        code === "ENOENT"
          ? "The editor removed the file; the payload is unchanged."
          : `The edited file could not be read (${code ?? String(err)}); the payload is unchanged.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: "The edited file is not valid UTF-8; the payload is unchanged." };
  }
  // vi and most editors end the last line with a newline on save: drop the one they added, but
  // keep a newline the payload had already.
  if (!/\r?\n$/.test(before)) text = text.replace(/\r?\n$/, "");
  return { ok: true, text, changed: text !== before };
}
