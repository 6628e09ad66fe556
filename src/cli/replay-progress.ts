// replay's progress line, drawn on a terminal's stderr while a run that lasts over a second goes
// on: done/total, how many differ, how often it was throttled, the rate and the time left. Nothing when stderr is not a
// terminal (CI logs, pipes), and nothing for a short run, where it would only flicker.

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 100;

function eta(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

export class ProgressBar {
  private done = 0;
  private differing = 0;
  private last = 0;
  private readonly start: number;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = stream.isTTY === true,
    private readonly now: () => number = Date.now,
  ) {
    this.start = now();
  }

  /** `throttled`: throttled retries so far over the whole run, shown once there are any. */
  tick(same: boolean, throttled = 0): void {
    this.done++;
    if (!same) this.differing++;
    if (!this.enabled) return;
    const t = this.now();
    const elapsed = t - this.start;
    if (elapsed < SHOW_AFTER_MS || (t - this.last < REDRAW_MS && this.done < this.total)) return;
    this.last = t;
    const rate = this.done / (elapsed / 1000);
    const left = this.done < this.total ? ` · ETA ${eta((this.total - this.done) / rate)}` : "";
    const backoff = throttled > 0 ? ` · ${throttled} throttled` : "";
    const text = `${this.done}/${this.total} · ${this.differing} not same${backoff} · ${rate.toFixed(rate < 10 ? 1 : 0)}/s${left}`;
    // The bar takes what the figures leave of the row (a line that wrapped could not be
    // redrawn in place by \r); on a narrow terminal it goes.
    const room = (this.stream.columns || 80) - "replaying ".length - text.length - 2;
    const width = Math.min(40, room);
    const filled = Math.round((this.done / this.total) * Math.max(0, width));
    const bar = width >= 10 ? `${"█".repeat(filled)}${"░".repeat(width - filled)} ` : "";
    this.stream.write(`\r\x1b[Kreplaying ${bar}${text}`);
  }

  clear(): void {
    if (this.enabled && this.last > 0) this.stream.write("\r\x1b[K");
  }
}
