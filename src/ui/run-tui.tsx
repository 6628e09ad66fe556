// Starts the full-screen explorer and resolves when the user quits, the terminal restored.
import { render, type Instance } from "ink";
import type { Clients, ConnectionOptions } from "../aws/clients.js";
import type { EarlyList } from "./hooks/useFunctionList.js";
import { traceEvent, tracing } from "../state/trace.js";
import { App } from "./app/App.js";
import { enterAltScreen, leaveAltScreen } from "./terminal.js";

export interface TuiOptions {
  connection: ConnectionOptions;
  sandbox: boolean;
  startSandbox?: () => Promise<string>;
  earlyClients?: Promise<Clients>;
  earlyList?: EarlyList;
  environment?: { profile?: string | undefined; region?: string | undefined };
  trace?: (label: string) => void;
  historyFile?: string;
}

export async function runTui(options: TuiOptions): Promise<void> {
  if (tracing) traceKeysAndFrames(process.stdin, process.stdout);
  let instance: Instance | undefined = undefined;
  enterAltScreen(() => instance?.unmount());
  instance = render(
    <App
      connection={options.connection}
      sandbox={options.sandbox}
      startSandbox={options.startSandbox}
      earlyClients={options.earlyClients}
      earlyList={options.earlyList}
      environment={options.environment}
      trace={options.trace}
      historyFile={options.historyFile}
    />,
    {
      exitOnCtrlC: false,
      patchConsole: true,
    },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    leaveAltScreen();
  }
}

/**
 * For LAMBDA_EXPLORER_TRACE: `key` when input is taken from stdin and `frame` when output has
 * been written, so a benchmark can pair each keystroke with the frame it caused. Ink reads
 * keys with stdin.read() from a 'readable' listener, so read() is wrapped: a 'data' listener
 * would put stdin into flowing mode whenever Ink lets go of it (raw mode off), eating keys.
 * Writes to a terminal are synchronous, so the time after write() is when the frame is out.
 */
function traceKeysAndFrames(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): void {
  const read = stdin.read.bind(stdin);
  stdin.read = (size?: number) => {
    const chunk: unknown = read(size);
    if (chunk !== null) traceEvent(`key ${JSON.stringify(String(chunk).slice(0, 16))}`);
    return chunk;
  };
  const write = stdout.write.bind(stdout) as (...args: unknown[]) => boolean;
  stdout.write = ((...args: unknown[]) => {
    const ok = write(...args);
    const chunk = args[0];
    traceEvent(`frame ${typeof chunk === "string" || chunk instanceof Uint8Array ? chunk.length : 0}`);
    return ok;
  }) as typeof stdout.write;
}
