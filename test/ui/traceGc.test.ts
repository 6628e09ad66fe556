// LAMBDA_EXPLORER_TRACE's `gc` lines: each collection with its kind and length, on the trace's
// clock, so a bench can tell which keys waited for the garbage collector.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  vi.unstubAllEnvs();
  vi.resetModules();
});

it("traces the collections that happen, as `gc KIND MS`", async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lx-tracegc-")), "trace.txt");
  vi.stubEnv("LAMBDA_EXPLORER_TRACE", file);
  vi.resetModules();
  const { traceGc } = await import("../../src/ui/traceGc.js");
  stop = traceGc();
  const read = () => readFileSync(file, "utf8");
  // Short-lived objects until the young generation has been collected and the line written.
  let kept: unknown[] = [];
  while (!/ gc minor /.test(read())) {
    for (let i = 0; i < 100_000; i++) kept.push({ i });
    kept = [];
    await new Promise((r) => setTimeout(r, 20));
  }
  const lines = read()
    .split("\n")
    .filter((l) => / gc /.test(l));
  for (const l of lines) expect(l).toMatch(/^\d+\.\d{3} gc (minor|major|incremental|weakcb) \d+\.\d{3}$/);
});
