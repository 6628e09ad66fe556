// Esc and the key after it, read together (typed fast, or read late while a frame was being
// drawn), reach Ink as one sequence: it takes "\x1bq" for Alt+q, drops the Esc of "\x1b?", and
// takes two Escs for one. A lone Esc is also held back by Ink until nothing follows at once, and
// merged with whatever is read next. Ink's parser does take ESC ESC, followed by anything but
// "[" or "O", for one Esc at once, and what follows for a key of its own. So each lone Esc of a
// read is handed to Ink in that form. Escape sequences (ESC [ for arrows and function keys,
// ESC O, ESC ESC [ for Alt with an arrow) pass unchanged.

const ESC = "\u001b";
const installed = new WeakSet<object>();

const startsSequence = (c: string | undefined) => c === "[" || c === "O";

/** `chunk` with every Esc that starts no escape sequence doubled: the form Ink takes for Esc. */
export function markEscapes(chunk: string): string {
  if (!chunk.includes(ESC)) return chunk;
  let out = "";
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i]!;
    if (c !== ESC || startsSequence(chunk[i + 1])) out += c;
    else if (chunk[i + 1] === ESC && startsSequence(chunk[i + 2])) {
      out += ESC + ESC;
      i++;
    } else out += ESC + ESC;
  }
  return out;
}

/**
 * Wraps `stdin.read` (Ink reads keys with it from a 'readable' listener) so that every read
 * reaches Ink with its lone Escs marked. Installing it twice on one stream does nothing.
 */
export function markEscapeReads(stdin: { read(size?: number): unknown }): void {
  if (installed.has(stdin)) return;
  installed.add(stdin);
  const read = stdin.read.bind(stdin);
  stdin.read = (size?: number): unknown => {
    const chunk = read(size);
    return typeof chunk === "string" ? markEscapes(chunk) : chunk;
  };
}
