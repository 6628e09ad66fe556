// The key layer: reads stdin itself (Ink draws, it does not read keys), parses each read into
// key presses and hands them, one at a time and in order, to a stack of subscribers: the last
// to subscribe is asked first, and each answers whether it used the key.
//
// Each key after the first waits for the pace set by the app: in React, until the frame the
// key before led to is committed (see useKeyInput), so the subscriber sees the screen the
// previous key left, however busy the machine is and whether the keys came in one read
// ("ord\r", "\u001b4") or in two. A person typing never waits: that commit is long done.
import { trace, traceEvent, tracing } from "../../state/trace.js";
import { createKeyParser, type KeyParser } from "./parseKeys.js";
import type { Key } from "./keys.js";

/** Answers true when it used the key; unused keys go on down the stack. */
export type KeyHandler = (key: Key) => boolean;

/** The part of a stream the key layer needs: Node's stdin, or ink-testing-library's. */
export interface InputStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  read(): unknown;
  on(event: "readable", listener: () => void): unknown;
  off(event: "readable", listener: () => void): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

/** Without an app to say when a key has been taken in: a turn of the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class KeyInput {
  private readonly parser: KeyParser = createKeyParser();
  private readonly handlers: KeyHandler[] = [];
  private reading = false;
  private readonly queue: Key[] = [];
  private pumping = false;
  private pace: () => Promise<void> = nextTurn;
  /** What held keys wait for once the work is done: the screen it leads to (see setSettle). */
  private settle: () => Promise<void> = nextTurn;
  /** Input read before this time is thrown away (what a terminal answers after an editor quit). */
  private discardUntil = 0;
  /** Work the keys after the current one wait for (see holdUntil); null when none. */
  private held: Promise<void> | null = null;

  /** `now` is the clock of the discard window (see suspend); a test can hold it still. */
  constructor(
    private readonly stdin: InputStream,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Raw mode on and reading; true when stdin is a terminal that takes keys. */
  start(): void {
    if (this.reading) return;
    this.reading = true;
    this.stdin.setEncoding?.("utf8");
    if (this.stdin.isTTY) this.stdin.setRawMode?.(true);
    this.stdin.on("readable", this.onReadable);
    this.stdin.ref?.();
  }

  stop(): void {
    if (!this.reading) return;
    this.reading = false;
    this.stdin.off("readable", this.onReadable);
    if (this.stdin.isTTY) this.stdin.setRawMode?.(false);
    this.stdin.unref?.();
  }

  /** Stops reading while another program has the terminal; resuming drops its leftovers. */
  suspend(): (discardMs?: number) => void {
    this.stop();
    return (discardMs = 0) => {
      this.discardUntil = this.now() + discardMs;
      this.start();
      // Nothing on screen shows when the window ends: the trace says so, for a test to wait on.
      if (tracing) setTimeout(() => trace("input taken again"), discardMs).unref();
    };
  }

  /** What a key waits for after the one before it, when several were read together. */
  setPace(pace: () => Promise<void>): void {
    this.pace = pace;
  }

  /**
   * Keys after the one being handled wait until `work` settles: a key typed right after Enter
   * in the path prompt goes to what the file it loads opens, not to the prompt still waiting
   * for it (where it was lost). Ctrl+C never waits. Only for bounded work (a regular file
   * under the payload limit): nothing else reaches the app meanwhile.
   */
  holdUntil(work: Promise<unknown>): void {
    const held = work.then(
      () => this.settle(),
      () => this.settle(),
    );
    this.held = held;
    void held.then(() => {
      if (this.held === held) this.held = null;
    });
  }

  /** What keys held by holdUntil wait for after the work: in React, the commit it led to. */
  setSettle(settle: () => Promise<void>): void {
    this.settle = settle;
  }

  subscribe(handler: KeyHandler): () => void {
    this.handlers.push(handler);
    return () => {
      const i = this.handlers.lastIndexOf(handler);
      if (i >= 0) this.handlers.splice(i, 1);
    };
  }

  /** Keys the app makes itself (the mouse wheel's scrolling), taken after those already read. */
  inject(keys: Key[]): void {
    this.queue.push(...keys);
    void this.pump();
  }

  dispatch(key: Key): boolean {
    for (let i = this.handlers.length - 1; i >= 0; i--) {
      if (this.handlers[i]!(key)) return true;
    }
    return false;
  }

  private readonly onReadable = (): void => {
    let chunk: unknown;
    while ((chunk = this.stdin.read()) !== null) {
      const text = typeof chunk === "string" ? chunk : String(chunk);
      if (tracing) traceEvent(`key ${JSON.stringify(text.slice(0, 16))}`);
      if (this.discardUntil > 0) {
        if (this.now() < this.discardUntil) continue;
        this.discardUntil = 0;
      }
      for (const key of this.parser.feed(text)) {
        // An interrupt does not queue behind held keys: it is what the user has left.
        if (this.held && key.name === "ctrl+c") this.dispatch(key);
        else this.queue.push(key);
      }
    }
    void this.pump();
  };

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      // Also across reads: a key read before the last one's frame was committed waits for it.
      for (let key = this.queue.shift(); key; key = this.queue.shift()) {
        while (this.held) await this.held;
        this.dispatch(key);
        await this.pace();
      }
    } finally {
      this.pumping = false;
    }
  }
}
