// Starts the full-screen explorer and resolves when the user quits, the terminal restored.
import { render, type Instance } from "ink";
import type { Clients, ConnectionOptions } from "../aws/clients.js";
import type { EarlyList } from "./hooks/useFunctionList.js";
import type { Early } from "../core/early.js";
import type { OpenedHistory } from "../state/history-pages.js";
import { traceEvent, tracing } from "../state/trace.js";
import { App } from "./app/App.js";
import { INTERRUPTED } from "./app/exitResult.js";
import type { StartedSandbox } from "./app/useEndpoint.js";
import { enterAltScreen, leaveAltScreen } from "./terminal.js";
import { traceGc } from "./traceGc.js";

export interface TuiOptions {
  connection: ConnectionOptions;
  sandbox: string | boolean;
  /** The template the sandbox was started from, as the user named it, for the header. */
  sandboxTemplate?: string | undefined;
  startSandbox?: () => Promise<StartedSandbox>;
  earlyClients?: Promise<Clients>;
  earlyList?: EarlyList;
  environment?: NodeJS.ProcessEnv;
  trace?: (label: string) => void;
  historyFile?: string;
  earlyHistory?: Early<OpenedHistory>;
}

/** Resolves when the user quits: `interrupted` when Ctrl+C ended it. */
export async function runTui(options: TuiOptions): Promise<{ interrupted: boolean }> {
  if (tracing) {
    traceFrames(process.stdout);
    traceGc();
  }
  let instance: Instance | undefined = undefined;
  enterAltScreen(() => instance?.unmount());
  instance = render(
    <App
      connection={options.connection}
      sandbox={options.sandbox}
      sandboxTemplate={options.sandboxTemplate}
      startSandbox={options.startSandbox}
      earlyClients={options.earlyClients}
      earlyList={options.earlyList}
      environment={options.environment}
      trace={options.trace}
      historyFile={options.historyFile}
      earlyHistory={options.earlyHistory}
    />,
    {
      exitOnCtrlC: false,
      patchConsole: true,
      // Ink's default 30 fps holds a frame that follows another within 34 ms: the picker's
      // matches, which come just after the frame showing the typed query, waited for it. The
      // build's Ink counts the interval from the last frame, not from the latest request
      // (scripts/patches/ink-6.8.0-frame-throttle.mjs).
      maxFps: 60,
      // Each of Ink's renders (the tree to text), written or not: a frame that did not change
      // the screen is not in the trace's frames, and costs as much.
      ...(tracing ? { onRender: ({ renderTime }) => traceEvent(`render ${renderTime.toFixed(3)}`) } : {}),
    },
  );
  try {
    return { interrupted: (await instance.waitUntilExit()) === INTERRUPTED };
  } finally {
    instance.cleanup();
    leaveAltScreen();
  }
}

/**
 * For LAMBDA_EXPLORER_TRACE: `frame` when output has been written, so a benchmark can pair each
 * keystroke (traced as `key` by the key layer when it reads input) with the frame it caused.
 * Writes to a terminal are synchronous, so the time after write() is when the frame is out.
 */
function traceFrames(stdout: NodeJS.WriteStream): void {
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean;
  let first = true;
  stdout.write = ((...args: unknown[]) => {
    const ok = write(...args);
    const chunk = args[0];
    const bytes = typeof chunk === "string" || chunk instanceof Uint8Array ? chunk.length : 0;
    traceEvent(`frame ${bytes}`);
    // The CPU the process (all its threads) had used by its first real frame: the start-up's
    // cost as a figure a busy machine does not inflate, where wall time waits for the cores.
    if (first && bytes > FRAME_BYTES) {
      first = false;
      const { user, system } = process.cpuUsage();
      traceEvent(`cpu ${((user + system) / 1000).toFixed(1)}`);
    }
    return ok;
  }) as typeof stdout.write;
}

/** Writes this small are the synchronized-output markers and cursor moves, not a frame. */
const FRAME_BYTES = 64;
