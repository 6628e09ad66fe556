// Opt-in start-up timing: LAMBDA_EXPLORER_TRACE=FILE appends "ms-since-process-start label"
// lines, for benchmarks and for finding where start-up time goes. Costs nothing when unset.
import { appendFileSync } from "node:fs";

const file = process.env.LAMBDA_EXPLORER_TRACE;

export function trace(label: string): void {
  if (!file) return;
  appendFileSync(file, `${performance.now().toFixed(1)} ${label}\n`);
}
