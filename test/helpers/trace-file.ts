// For tests of what LAMBDA_EXPLORER_TRACE writes: a fresh trace file, set in the environment
// for the modules imported after this call (state/trace.ts reads it when it loads).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, vi } from "vitest";

/** A new trace file for this test; import the traced modules after calling it. Call in a test. */
export function traceToFreshFile(name: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), `lx-${name}-`)), "trace.txt");
  vi.stubEnv("LAMBDA_EXPLORER_TRACE", file);
  vi.resetModules();
  return file;
}

/** Undoes traceToFreshFile after each test of the file; call at the top level. */
export function untraceAfterEach(): void {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });
}
