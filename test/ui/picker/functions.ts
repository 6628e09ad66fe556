import type { FunctionSummary } from "../../../src/core/model.js";
// Fake function summaries for picker tests.

export function fn(name: string, extra: Partial<FunctionSummary> = {}): FunctionSummary {
  return {
    name,
    arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
    runtime: "nodejs20.x",
    description: "",
    memoryMb: 128,
    timeoutS: 3,
    lastModified: "2024-05-01T12:00:00.000+0000",
    version: "$LATEST",
    logGroup: `/aws/lambda/${name}`,
    logFormat: "Text",
    ...extra,
  };
}

export function fns(...names: string[]): FunctionSummary[] {
  return names.map((n) => fn(n));
}

/** `count` functions named fn-0000, fn-0001, … (already in name order). */
export function many(count: number): FunctionSummary[] {
  return Array.from({ length: count }, (_, i) => fn(`fn-${String(i).padStart(4, "0")}`));
}

/** The sample functions of fixtures/functions, with their descriptions. */
export const SAMPLE: readonly FunctionSummary[] = [
  fn("big-logger", {
    description: "Logs well over 4 KB per call (150 lines by default), so the 4 KB LogResult tail is cut.",
  }),
  fn("big-response", { description: 'Returns about 1 MB of JSON records. Payload {"kb": N} sets the size.' }),
  fn("crasher", { description: "Crashes the runtime: process.exit(1) by default." }),
  fn("handled-error", {
    description: 'Fails gracefully: returns a 422 response with an "error" field instead of throwing.',
  }),
  fn("json-logger", {
    description: "Structured logging: logFormat JSON, so each console call becomes one JSON record.",
  }),
  fn("orders-api", {
    description: "REST-style orders API behind an API Gateway proxy event: GET /orders, POST /orders.",
  }),
  fn("payments-audit", {
    description: "Writes audit records to a custom log group, /sandbox/payments-audit.",
    runtime: "python3.12",
  }),
  fn("slow-logger", {
    description: "Logs a line every 300 ms for about 3 seconds (10 lines), then returns.",
  }),
  fn("slow-timeout", { description: "Times out: sleeps 10 s with a 2 s timeout.", timeoutS: 2 }),
  fn("stdout-writer", {
    description: "Mixes process.stdout.write / process.stderr.write with console.log lines.",
  }),
  fn("thrower", { description: "Always fails: throws an Error from a nested call (readable stack trace)." }),
  fn("versioned-greeter", {
    description: "Versions and aliases: version 1 (alias live) greets in plain text, version 2 answers.",
  }),
];
