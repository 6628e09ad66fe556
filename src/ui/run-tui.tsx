// Starts the full-screen explorer and resolves when the user quits, the terminal restored.
import { render } from "ink";
import type { ConnectionOptions } from "../aws/clients.js";
import { App } from "./app/App.js";
import { enterAltScreen, leaveAltScreen } from "./terminal.js";

export interface TuiOptions {
  connection: ConnectionOptions;
  sandbox: boolean;
  startSandbox?: () => Promise<string>;
}

export async function runTui(options: TuiOptions): Promise<void> {
  enterAltScreen();
  const instance = render(
    <App connection={options.connection} sandbox={options.sandbox} startSandbox={options.startSandbox} />,
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
