// How deeply JSON may nest. JSON.parse reads any depth, but JSON.stringify (even without
// indentation), jsonc-parser's parse tree and visitor, microdiff and any other recursive walk
// run out of stack a few thousand levels down, and `[`×5000 is a valid 10 KB payload: it
// crashed `invoke` with a raw RangeError and the explorer on Ctrl+F. Text nested deeper than
// MAX_JSON_DEPTH is therefore never parsed into a value here: a payload is refused with its
// position, a response or a log line is shown and compared as text.

/**
 * Deep enough for any real event (Jackson, the JSON library of Lambda's Java runtime, refuses
 * more than 1,000 by default), shallow enough that every walk has stack to spare.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * The offset of the first `[` or `{` that opens level `limit + 1`, or -1 when `text` never
 * nests that deep. Brackets inside strings do not count. One pass, no recursion.
 */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number {
  // Level limit + 1 needs that many brackets: shorter text cannot reach it. Most payloads,
  // responses and history lines are shorter, and replay checks thousands of them.
  if (text.length <= limit) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // To the closing quote: the first one after an even run of backslashes. indexOf runs
      // through a long string far faster than a loop over its characters.
      let q = text.indexOf('"', i + 1);
      for (;;) {
        if (q < 0) return -1; // unterminated: no JSON, and no deeper
        let b = q - 1;
        while (text.charCodeAt(b) === 0x5c /* \ */) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      i = q;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return -1;
}

export class JsonTooDeepError extends SyntaxError {
  override name = "JsonTooDeepError";
  constructor(readonly offset: number) {
    super(`JSON nested more than ${MAX_JSON_DEPTH.toLocaleString("en-US")} levels deep`);
  }
}

/**
 * JSON.parse, refusing text nested deeper than MAX_JSON_DEPTH with a JsonTooDeepError (a
 * SyntaxError, so a caller that treats unparseable text as text does so here too).
 */
export function parseJson(text: string): unknown {
  const at = tooDeepAt(text);
  if (at >= 0) throw new JsonTooDeepError(at);
  return JSON.parse(text) as unknown;
}
