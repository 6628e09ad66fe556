// LAMBDA_EXPLORER_TRACE's `gc` lines: each collection with its kind and length, on the trace's
// clock, so a bench can tell which keys waited for the garbage collector.
import { readFileSync } from "node:fs";
import { afterEach, expect, it } from "vitest";
import { traceToFreshFile, untraceAfterEach } from "../helpers/trace-file.js";

let stop: (() => void) | undefined;
afterEach(() => stop?.());
untraceAfterEach();

it("traces the collections that happen, as `gc KIND MS`", async () => {
  const file = traceToFreshFile("tracegc");
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
