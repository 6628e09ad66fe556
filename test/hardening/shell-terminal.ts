// A shell in a real terminal (tmux), for what the app leaves behind when it ends: the explorer
// is typed at a bash prompt as a user would, and afterwards the test asks tmux whether the
// alternate screen is still on and the cursor hidden, and checks the prompt still works.
import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, ROOT } from "../helpers/sandbox.js";
import { startTmux } from "../helpers/tmux.js";

export interface Shell {
  home: string;
  screen(): string;
  type(text: string): void;
  keys(...names: string[]): void;
  resize(columns: number, rows: number): void;
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** The main screen's whole text, scrollback and screen, wrapped lines joined and trimmed. */
  everything(): string;
  /** tmux's view of the pane: alternate screen on, cursor shown. */
  state(): { alternate: boolean; cursorShown: boolean };
  /** The pid of the process the shell is running in the foreground (the app), if any. */
  foregroundPid(): number | null;
  /** Types `lambda-explorer ...args` at the prompt; `rc=N` and `TTY-RESTORED` follow its end. */
  runApp(args: string[]): void;
  stop(): void;
}

export function openShell(columns = 120, rows = 35): Shell {
  const home = mkdtempSync(path.join(os.tmpdir(), "lx-hard-home-"));
  const t = startTmux("lx-hard", columns, rows, "env PS1='lx-prompt$ ' bash --norc --noprofile");
  const tmux = t.tmux;
  return {
    home,
    screen: t.screen,
    type: t.type,
    keys: t.keys,
    resize: t.resize,
    waitFor: t.waitFor,
    everything: () =>
      tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n")
        .trimEnd(),
    state: () => {
      const [alt, cursor] = tmux("display-message", "-p", "-t", "t", "#{alternate_on} #{cursor_flag}")
        .trim()
        .split(" ");
      return { alternate: alt === "1", cursorShown: cursor === "1" };
    },
    foregroundPid: () => {
      const shell = tmux("display-message", "-p", "-t", "t", "#{pane_pid}").trim();
      const out = execFileSync("ps", ["-o", "pid=", "--ppid", shell], { encoding: "utf8" }).trim();
      return out ? Number(out.split("\n")[0]) : null;
    },
    runApp: (args) => {
      const vars = [
        `HOME='${home}'`,
        `LAMBDA_EXPLORER_CACHE_DIR='${home}/cache'`,
        `LAMBDA_EXPLORER_STATE_DIR='${home}/state'`,
        "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true",
      ].join(" ");
      const app = `env ${vars} '${process.execPath}' '${CLI}' ${args.map((a) => `'${a}'`).join(" ")}`;
      // The terminal settings before and after must be the same (raw mode off, echo on).
      const line =
        // The markers are printed from pieces: the typed command line, wrapped at the terminal's
        // width, must never show them whole and satisfy a wait before the app has ended.
        `cd '${ROOT}'; stty -g > '${home}/stty-before'; ${app}; echo "r""c=$?"; ` +
        `stty -g | cmp -s - '${home}/stty-before' && echo "TTY-""RESTORED"`;
      // Typed before bash shows its prompt, the line is echoed twice (by the terminal, then by
      // readline) and the app's exit could land inside it: wait for the prompt first.
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 100 && !t.screen().includes("lx-prompt$"); i++) Atomics.wait(pause, 0, 0, 50);
      tmux("send-keys", "-t", "t", "-l", line);
      tmux("send-keys", "-t", "t", "Enter");
    },
    stop: t.stop,
  };
}

/** Waits for the app to end, then checks the terminal is as it was and the prompt works. */
export async function expectTerminalRestored(s: Shell, rc: RegExp): Promise<void> {
  // Anchored: the typed command line holds the same words.
  const after = await s.waitFor(/^TTY-RESTORED$/m);
  expect(after).toMatch(rc);
  expect(s.state()).toEqual({ alternate: false, cursorShown: true });
  s.type("echo usable-$((6*7))");
  s.keys("Enter");
  await s.waitFor(/^usable-42$/m);
}
