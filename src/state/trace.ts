// Opt-in timing: LAMBDA_EXPLORER_TRACE=FILE appends "ms-since-process-start label" lines, for
// benchmarks and for finding where time goes. Costs nothing when unset.
import { appendFileSync } from "node:fs";

const file = process.env.LAMBDA_EXPLORER_TRACE;

/** Whether LAMBDA_EXPLORER_TRACE is set: callers install their hooks only then. */
export const tracing = Boolean(file);

// The wall clock of the trace's zero (epoch ms): a bench times a key from when it sent it, outside
// the app, so the time the key waited for a busy event loop before it was read counts too.
if (file) appendFileSync(file, `0.0 clock ${performance.timeOrigin.toFixed(3)}\n`);

/** A milestone (start-up steps), written at once. */
export function trace(label: string): void {
  if (!file) return;
  appendFileSync(file, `${performance.now().toFixed(1)} ${label}\n`);
}

let pending: string[] = [];
let timer: NodeJS.Timeout | null = null;
let flushAtExit = false;

function flush(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!file || pending.length === 0) return;
  const lines = pending.join("");
  pending = [];
  appendFileSync(file, lines);
}

/**
 * An event on the hot path (a key, a frame), timed to the microsecond. It is kept in memory
 * and written 250 ms later or at exit, so that tracing a keystroke does not add a file write
 * to the time being measured.
 */
export function traceEvent(label: string, at = performance.now()): void {
  if (!file) return;
  pending.push(`${at.toFixed(3)} ${label}\n`);
  if (!flushAtExit) {
    flushAtExit = true;
    process.once("exit", flush);
  }
  if (timer) return;
  timer = setTimeout(flush, 250);
  timer.unref();
}
