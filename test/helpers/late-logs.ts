// For e2e tests of the explorer against a sandbox that delivers CloudWatch logs late, as
// CloudWatch does: one sandbox for the file, and a terminal per test, stopped after it.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { FIXTURES, startTestSandbox, type TestSandbox } from "./sandbox.js";

/** A function of the test's own: its index.mjs and its function.json. */
export interface ExtraFunction {
  code: string;
  config: Record<string, unknown>;
}
import { openTerminal, type Terminal } from "./tmux.js";

/**
 * Call at the top level; answers a function that opens the explorer in a terminal of that size.
 * `traced: false` runs it as users do, without LAMBDA_EXPLORER_TRACE wrapping stdin and stdout.
 */
export function lateLogsExplorer(
  logDelayMs = 1500,
  {
    traced = true,
    functions = {},
  }: {
    traced?: boolean;
    /** Functions beside the examples (the examples are copied to a folder of the file's). */
    functions?: Record<string, ExtraFunction>;
  } = {},
): (columns: number, rows: number) => Terminal {
  let sb: TestSandbox | undefined;
  let term: Terminal | null = null;
  let dir: string | null = null;
  beforeAll(async () => {
    let functionsDir = FIXTURES;
    if (Object.keys(functions).length > 0) {
      dir = mkdtempSync(path.join(os.tmpdir(), "lx-late-logs-"));
      functionsDir = path.join(dir, "functions");
      cpSync(FIXTURES, functionsDir, { recursive: true });
      for (const [name, f] of Object.entries(functions)) {
        mkdirSync(path.join(functionsDir, name));
        writeFileSync(path.join(functionsDir, name, "index.mjs"), f.code);
        writeFileSync(path.join(functionsDir, name, "function.json"), JSON.stringify(f.config));
      }
    }
    sb = await startTestSandbox({ logDelayMs, functionsDir });
  });
  afterAll(async () => {
    await sb?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
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
