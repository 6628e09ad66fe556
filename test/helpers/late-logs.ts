// For e2e tests of the explorer against a sandbox that delivers CloudWatch logs late, as
// CloudWatch does: one sandbox for the file, and a terminal per test, stopped after it.
import { afterAll, afterEach, beforeAll } from "vitest";
import { startTestSandbox, type TestSandbox } from "./sandbox.js";
import { openTerminal, type Terminal } from "./tmux.js";

/**
 * Call at the top level; answers a function that opens the explorer in a terminal of that size.
 * `traced: false` runs it as users do, without LAMBDA_EXPLORER_TRACE wrapping stdin and stdout.
 */
export function lateLogsExplorer(
  logDelayMs = 1500,
  { traced = true }: { traced?: boolean } = {},
): (columns: number, rows: number) => Terminal {
  let sb: TestSandbox | undefined;
  let term: Terminal | null = null;
  beforeAll(async () => {
    sb = await startTestSandbox({ logDelayMs });
  });
  afterAll(async () => {
    await sb?.close();
  });
  afterEach(() => {
    term?.stop();
    term = null;
  });
  return (columns, rows) => {
    if (!sb) throw new Error("the sandbox is started in beforeAll: open terminals inside a test");
    term = openTerminal(["--endpoint-url", sb.url], columns, rows, {}, { traced });
    return term;
  };
}
