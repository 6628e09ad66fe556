// Esc and the key after it, read together (typed fast, or read late while a frame was being
// drawn), reach Ink as one sequence: it takes "\x1bq" for Alt+q and drops the Esc of "\x1b?".
// Either way the Esc is lost. Nothing here is bound to Alt and a character, so such a read is
// handed to Ink in two: up to the Esc, which Ink takes for Esc once nothing follows at once,
// then, on a later turn of the event loop (after that Esc has been handled and drawn), the rest.
// Escape sequences (ESC [ for arrows and function keys, ESC O, ESC ESC for Alt+arrow) are
// passed whole; two Escs in a row are two key presses.

const ESC = "\u001b";
const installed = new WeakSet<object>();

/** Where to cut `chunk`: just after an Esc that starts no escape sequence, or -1. */
export function escapeCut(chunk: string): number {
  for (let i = chunk.indexOf(ESC); i >= 0; i = chunk.indexOf(ESC, i + 1)) {
    const next = chunk[i + 1];
    if (next === undefined) return -1;
    if (next === "[" || next === "O") continue;
    // ESC ESC [ and ESC ESC O are Alt with an arrow or a function key; two Escs are two keys.
    if (next === ESC && (chunk[i + 2] === "[" || chunk[i + 2] === "O")) {
      i++;
      continue;
    }
    return i + 1;
  }
  return -1;
}

interface Readable {
  read(size?: number): unknown;
  emit(event: "readable"): boolean;
}

/**
 * Wraps `stdin.read` (Ink reads keys with it from a 'readable' listener) so that a read holding
 * an Esc and a key comes out as two reads. Installing it twice on one stream does nothing.
 */
export function splitEscapeReads(stdin: Readable): void {
  if (installed.has(stdin)) return;
  installed.add(stdin);
  const read = stdin.read.bind(stdin);
  let held: string | null = null;
  let holding = false;
  stdin.read = (size?: number): unknown => {
    if (holding) return null;
    let chunk: unknown;
    if (held !== null) {
      chunk = held;
      held = null;
    } else chunk = read(size);
    if (typeof chunk !== "string") return chunk;
    const cut = escapeCut(chunk);
    if (cut < 0) return chunk;
    held = chunk.slice(cut);
    holding = true;
    // Ink lets a lone Esc go as a key press in a setImmediate it schedules after this read; one
    // scheduled from inside this one runs on the loop's next turn, after it.
    setImmediate(() =>
      setImmediate(() => {
        holding = false;
        stdin.emit("readable");
      }),
    );
    return chunk.slice(0, cut);
  };
}
