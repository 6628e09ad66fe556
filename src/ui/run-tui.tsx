// Starts the full-screen explorer and resolves when the user quits, the terminal restored.
import { render } from "ink";
import type { Clients, ConnectionOptions } from "../aws/clients.js";
import { App } from "./app/App.js";
import { enterAltScreen, leaveAltScreen } from "./terminal.js";

export interface TuiOptions {
  connection: ConnectionOptions;
  sandbox: boolean;
  startSandbox?: () => Promise<string>;
  earlyClients?: Promise<Clients>;
  environment?: { profile?: string | undefined; region?: string | undefined };
  trace?: (label: string) => void;
}

export async function runTui(options: TuiOptions): Promise<void> {
  enterAltScreen();
  const instance = render(
    <App
      connection={options.connection}
      sandbox={options.sandbox}
      startSandbox={options.startSandbox}
      earlyClients={options.earlyClients}
      environment={options.environment}
      trace={options.trace}
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
