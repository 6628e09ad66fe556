// A lock shared by every process appending to one history file, held only while a record is
// checked and written. The records themselves need no lock (each is one O_APPEND write, see
// history-append.ts); the torn-last-line repair does: it reads the file's last byte, and a
// reader can see another process's write half done (the kernel grows the size page by page
// while that write is under way), take it for a torn line and start its own record with a
// newline that ends up as an empty line once the other write completes.
//
// proper-lockfile rather than a lock of our own: the hard part of a lock file is a holder that
// died (kill -9, a crash) and left it behind, and it handles that (the holder refreshes the
// lock's mtime; one older than `stale` is taken over), with a directory made by mkdir as the
// atomic step, which works on every local and network file system Node writes to.

/** A lock older than this is a dead holder's: taken over. Holders refresh theirs at half. */
const STALE_MS = 10_000;

/** Whether a lock cannot be made here at all (a folder we cannot write): append without it. */
function unlockable(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "EACCES" || code === "EPERM" || code === "EROFS";
}

/**
 * Runs `fn` holding the lock of `file` (the folder `file.lock`, beside it), waiting as long as
 * another live process holds it. Where no lock can be made (a read-only folder holding a
 * writable file), `fn` runs without it: the record is still whole, only a concurrent torn-line
 * repair could misjudge.
 */
export async function withHistoryLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  let release: (() => Promise<void>) | null = null;
  try {
    // Loaded by the first append only: reading a history needs no lock.
    const { default: lockfile } = await import("proper-lockfile");
    release = await lockfile.lock(file, {
      realpath: false,
      lockfilePath: `${file}.lock`,
      stale: STALE_MS,
      // Waits out a live holder (its write takes milliseconds) and, at worst, a dead one's lock
      // until it is stale. Short first waits: four replays take turns hundreds of times a second.
      retries: { forever: true, minTimeout: 1, maxTimeout: 100, factor: 1.5, randomize: true },
      // A lock taken over while held (this process stalled past STALE_MS) costs at most an
      // empty line; the default would throw from a timer and end the process.
      onCompromised: () => undefined,
    });
  } catch (err) {
    if (!unlockable(err)) throw err;
  }
  try {
    return await fn();
  } finally {
    await release?.().catch(() => undefined);
  }
}
