// For tests of the whole App: a real sandbox for the test file, and cache and state folders
// of its own (drafts, usage, the list cache), so no other file's leftovers reach its screens.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { SandboxOptions } from "../../src/sandbox/server.js";
import { startTestSandbox, type TestSandbox } from "./sandbox.js";

/**
 * Starts the sandbox (the example functions, unless `options` say otherwise) before the file's
 * tests and closes it after; call at the top level.
 */
export function appSandbox(name: string, options: Partial<SandboxOptions> = {}): () => TestSandbox {
  let sb: TestSandbox | undefined;
  beforeAll(async () => {
    process.env.LAMBDA_EXPLORER_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), `lx-${name}-cache-`));
    process.env.LAMBDA_EXPLORER_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), `lx-${name}-state-`));
    sb = await startTestSandbox(options);
  });
  afterAll(async () => {
    await sb?.close();
  });
  return () => {
    if (!sb) throw new Error("the sandbox is started in beforeAll: read it inside a test");
    return sb;
  };
}
