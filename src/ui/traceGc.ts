// For LAMBDA_EXPLORER_TRACE: each garbage collection as `gc KIND MS` at the time it started, so
// a bench can tell which keys waited for one (a full, mark-compact collection stops the app for
// milliseconds) without `--trace-gc`, whose lines would land on the explorer's screen.
import { PerformanceObserver, constants } from "node:perf_hooks";
import { traceEvent } from "../state/trace.js";

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

/** Starts tracing collections; the returned function stops it. */
export function traceGc(): () => void {
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? -1;
      traceEvent(`gc ${KINDS[kind] ?? kind} ${e.duration.toFixed(3)}`, e.startTime);
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return () => observer.disconnect();
}
