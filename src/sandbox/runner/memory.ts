// MemorySize, enforced as Lambda's cgroup does: an environment whose resident memory goes over
// the function's memory is killed. Node's heap is capped as Lambda's Node.js bootstrap caps it,
// and a watchdog reads the process's peak resident memory (VmHWM) from /proc while it works:
// the peak, not the current size, so a spike between two readings is not missed.
import { readFileSync } from "node:fs";

/** How often a working environment's memory is read: often enough to stop a runaway early. */
const POLL_MS = 20;

/** Node flags for a function's memory, as Lambda's Node.js bootstrap computes them. */
export function heapFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMb - newSpace}`];
}

/** A process's peak resident memory in KB, or null where /proc cannot tell (not Linux, or gone). */
export function peakRssKb(pid: number): number | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const m = /^VmHWM:\s+(\d+) kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

/** The line V8 writes to stderr as it aborts on reaching its heap limit. */
export function isHeapOutOfMemoryLine(line: string): boolean {
  return line.includes("JavaScript heap out of memory");
}

/**
 * Watches one process while it works (init and invocations; an idle one allocates nothing
 * worth a timer) and calls `onExceeded` once its peak goes over `limitMb`.
 */
export class MemoryWatchdog {
  /** The highest peak read so far, in KB (0 until the first reading). */
  peakKb = 0;
  private timer: NodeJS.Timeout | null = null;
  private exceeded = false;

  constructor(
    private readonly pid: number,
    private readonly limitMb: number,
    private readonly onExceeded: () => void,
  ) {}

  start(): void {
    if (this.timer || this.exceeded) return;
    this.timer = setInterval(() => this.check(), POLL_MS);
    // Watching is no reason to keep the sandbox's process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads the peak now; true if it is over the limit (and `onExceeded` has been called). */
  check(): boolean {
    const kb = peakRssKb(this.pid);
    if (kb !== null) this.peakKb = Math.max(this.peakKb, kb);
    if (!this.exceeded && this.peakKb > this.limitMb * 1024) {
      this.exceeded = true;
      this.stop();
      this.onExceeded();
    }
    return this.exceeded;
  }
}
