// A real terminal for end-to-end tests: the built CLI runs inside tmux (on a private server
// socket), keys go in with send-keys and the screen comes out with capture-pane.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, ROOT } from "./sandbox.js";

export interface Terminal {
  screen(): string;
  type(text: string): void;
  keys(...names: string[]): void;
  resize(columns: number, rows: number): void;
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Waits until the app's trace (a traced terminal's) has a line matching `pattern`. */
  waitForTrace(pattern: RegExp, ms?: number): Promise<void>;
  exited(): boolean;
  stop(): void;
}

export function hasTmux(): boolean {
  return spawnSync("tmux", ["-V"]).status === 0;
}

let n = 0;

/** A tmux server of its own (a private socket) with one session running `command`. */
export interface TmuxSession {
  /** Runs a tmux command on this server. */
  tmux(...args: string[]): string;
  screen(): string;
  type(text: string): void;
  keys(...names: string[]): void;
  resize(columns: number, rows: number): void;
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  stop(): void;
}

export function startTmux(prefix: string, columns: number, rows: number, command: string): TmuxSession {
  const socket = `${prefix}-${process.pid}-${n++}`;
  const tmux = (...a: string[]) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
  execFileSync(
    "tmux",
    [
      ...["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t"],
      ...["-x", String(columns), "-y", String(rows), command],
    ],
    {
      env: {
        ...process.env,
        TERM: process.env.TERM && process.env.TERM !== "dumb" ? process.env.TERM : "xterm-256color",
      },
    },
  );
  const screen = () => {
    try {
      return tmux("capture-pane", "-p", "-t", "t");
    } catch {
      return "";
    }
  };
  return {
    tmux,
    screen,
    type: (text) => void tmux("send-keys", "-t", "t", "-l", text),
    keys: (...names) => void tmux("send-keys", "-t", "t", ...names),
    resize: (c, r) => void tmux("resize-window", "-t", "t", "-x", String(c), "-y", String(r)),
    waitFor: async (pattern, ms = 20_000) => {
      const end = Date.now() + ms;
      // tmux may be read between two parts of one frame's write (the top rows new, the rest
      // still the frame before), so a match counts once two captures in a row agree. A
      // screen that never holds still (a streaming log) falls back to its last match.
      let previous: string | undefined;
      let matched: string | undefined;
      for (;;) {
        const s = screen();
        if (pattern.test(s)) {
          if (s === previous) return s;
          matched = s;
        }
        if (Date.now() > end) {
          if (matched !== undefined) return matched;
          throw new Error(`screen never matched ${pattern} within ${ms} ms; it shows:\n${s}`);
        }
        previous = s;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => {
      try {
        tmux("kill-server");
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Runs `node dist/cli.js ...args` in a fresh tmux server of the given size. `traced: false`
 * runs the app as users run it: the trace wraps stdin.read and stdout.write, so some tests must
 * go without it for the path users run to be tested end to end.
 */
export function openTerminal(
  args: string[],
  columns = 140,
  rows = 40,
  env: Record<string, string> = {},
  { traced = true }: { traced?: boolean } = {},
): Terminal {
  const home = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-home-"));
  // The app's trace says which keys it read and when: a wait that fails shows them.
  const trace = path.join(home, "trace.txt");
  const vars = {
    HOME: home,
    LAMBDA_EXPLORER_CACHE_DIR: path.join(home, "cache"),
    LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
    ...(traced ? { LAMBDA_EXPLORER_TRACE: trace } : {}),
    ...env,
  };
  const exports = Object.entries(vars)
    .map(([k, v]) => `${k}='${v}'`)
    .join(" ");
  const cmd = `cd '${ROOT}' && env ${exports} '${process.execPath}' '${CLI}' ${args.map((a) => `'${a}'`).join(" ")}; echo __EXITED__ rc=$?; sleep 60`;
  const t = startTmux("lx-e2e", columns, rows, cmd);
  return {
    screen: t.screen,
    type: t.type,
    keys: t.keys,
    resize: t.resize,
    waitFor: async (pattern, ms) => {
      try {
        return await t.waitFor(pattern, ms);
      } catch (err) {
        (err as Error).message += `\nThe app's trace (keys read, milestones):\n${traceOf(trace)}`;
        throw err;
      }
    },
    waitForTrace: async (pattern, ms = 20_000) => {
      const end = Date.now() + ms;
      const read = () => (existsSync(trace) ? readFileSync(trace, "utf8") : "");
      while (!pattern.test(read())) {
        if (Date.now() > end) throw new Error(`the app's trace never said ${pattern} within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    exited: () => /__EXITED__/.test(t.screen()),
    stop: t.stop,
  };
}

/** The trace's lines other than frames, or why there are none. */
function traceOf(file: string): string {
  if (!existsSync(file)) return "(no trace: the app ran untraced)";
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l !== "" && !/ frame \d+$/.test(l))
      .join("\n");
  } catch {
    return "(no trace)";
  }
}

/**
 * Waits for one capture to match, for a screen that never holds still (a spinner, a clock
 * counting, rows arriving): waitFor would wait for two captures alike, which such a screen
 * may never give before the state it shows is over. The pattern must lie within one write.
 */
export async function glimpse(t: { screen(): string }, pattern: RegExp, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = t.screen();
    if (pattern.test(s)) return s;
    if (Date.now() > end) throw new Error(`screen never matched ${pattern} within ${ms} ms; it shows:\n${s}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
