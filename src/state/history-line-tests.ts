// Cheap tests on a history line's bytes, made before it is parsed: a filtered listing of
// 100,000 invocations parses only the lines that could match. Each test may say yes to a line
// that does not match (it is then parsed and judged exactly); it never says no to one that
// does, so a filter passes over exactly what parsing every line would have left out.

/** Whether `bytes` holds `what` at `at`. A JIT-compiled loop: cheaper than a native call here. */
export function bytesAt(bytes: Buffer, at: number, what: Buffer): boolean {
  if (at + what.length > bytes.length) return false;
  for (let i = 0; i < what.length; i++) if (bytes[at + i] !== what[i]) return false;
  return true;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ESCAPE_U = Buffer.from("\\u");

function hexValue(bytes: Buffer, at: number): number {
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const c = bytes[i]!;
    const d =
      c >= 0x30 && c <= 0x39
        ? c - 0x30
        : c >= 0x61 && c <= 0x66
          ? c - 87
          : c >= 0x41 && c <= 0x46
            ? c - 55
            : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * A test that says no only to a line that cannot hold `value` as a JSON string. JSON.stringify
 * writes each string one way; any other writing of the same string escapes a character that
 * it writes plainly (`\u0061` for `a`, `\/` for `/`) or writes an escape in other letters
 * (`\u001B` for `\u001b`). So a line holding the value has its JSON.stringify bytes, or a `\u`
 * escape of one of its characters, or `\/` when it has a `/`. Any `\u` escape of one of its
 * characters counts, even one that is really an escaped backslash followed by `u`: a yes that
 * parsing then corrects. U+FFFD (which a line's invalid UTF-8 decodes to) in `value` makes
 * every line a candidate.
 */
export function mayHoldString(value: string): (bytes: Buffer) => boolean {
  const needle = Buffer.from(JSON.stringify(value));
  if (value.includes("\ufffd")) return () => true;
  const units = new Set<number>();
  for (let i = 0; i < value.length; i++) units.add(value.charCodeAt(i));
  const slash = value.includes("/") ? Buffer.from("\\/") : null;
  return (bytes) => {
    if (bytes.includes(needle)) return true;
    if (slash && bytes.includes(slash)) return true;
    for (let at = bytes.indexOf(ESCAPE_U); at !== -1; at = bytes.indexOf(ESCAPE_U, at + 2))
      if (units.has(hexValue(bytes, at + 2))) return true;
    return false;
  };
}

const ID_HEAD = Buffer.from('{"id":"');
const AT_KEY = Buffer.from('","at":"');
const AT_ANYWHERE = Buffer.from(',"at":"');

/** The end of a JSON string's text that starts at `from`: its closing quote, or -1 when it has an escape. */
function plainStringEnd(bytes: Buffer, from: number): number {
  for (let q = from; q < bytes.length; q++) {
    const c = bytes[q];
    if (c === QUOTE) return q;
    if (c === BACKSLASH) return -1;
  }
  return -1;
}

/**
 * The id at the start of a record line as serializeRecord writes it (`{"id":"…"`), without
 * parsing it; null when the line does not start so or the id has an escape. Bytes only.
 */
export function recordHeadId(bytes: Buffer): string | null {
  const end = recordHeadIdEnd(bytes);
  return end < 0 ? null : bytes.toString("utf8", ID_HEAD.length, end);
}

/** Where the id recordHeadId reads ends (its text is `bytes[RECORD_ID_START, end)`), or -1. */
export function recordHeadIdEnd(bytes: Buffer): number {
  if (!bytesAt(bytes, 0, ID_HEAD)) return -1;
  const end = plainStringEnd(bytes, ID_HEAD.length);
  return end <= ID_HEAD.length ? -1 : end;
}

/** Where the id of a record line starts, when recordHeadIdEnd finds it. */
export const RECORD_ID_START = ID_HEAD.length;

/**
 * The time (`at`) of a record line as serializeRecord writes it (`{"id":"…","at":"…"`), as
 * Date.parse reads it; null when it cannot be known for sure from the bytes: the line starts
 * otherwise, a string has an escape, or `,"at":"` occurs again (a duplicate key, which
 * JSON.parse would take instead). That sequence cannot occur inside a JSON string (there a
 * quote is always escaped), only as a key.
 */
export function recordHeadTime(bytes: Buffer): number | null {
  const at = headTimeAt(bytes);
  if (at === null) return null;
  const t = Date.parse(bytes.toString("utf8", at.from, at.end));
  return Number.isNaN(t) ? null : t;
}

/** Where a record line's time is (`{"id":"…","at":"…"`, both plain), or null. */
function headTimeAt(bytes: Buffer): { from: number; end: number } | null {
  if (!bytesAt(bytes, 0, ID_HEAD)) return null;
  const idEnd = plainStringEnd(bytes, ID_HEAD.length);
  if (idEnd < 0 || !bytesAt(bytes, idEnd, AT_KEY)) return null;
  const from = idEnd + AT_KEY.length;
  const end = plainStringEnd(bytes, from);
  // A second `"at"` key would be the one JSON.parse keeps: the head is then not to be trusted.
  if (end < 0 || bytes.indexOf(AT_ANYWHERE, end) !== -1) return null;
  return { from, end };
}

/**
 * A test that says no only to a record line recorded before `since` (epoch ms), as the
 * --since filter compares: `Date.parse(at) >= since`. A line whose time is not plain in its
 * head is a candidate. A time written as toISOString writes it (`2026-01-01T00:00:00.000Z`, as
 * every record we write has it) is compared byte by byte with `since` written so: in that
 * form, text order is time order. Any other form is read with Date.parse.
 */
export function mayBeSince(since: number): (bytes: Buffer) => boolean {
  const iso = Buffer.from(new Date(since).toISOString());
  // Years before 0 or after 9999 are written in another form: every line is then read whole.
  const canonical = iso.length === 24;
  return (bytes) => {
    const at = headTimeAt(bytes);
    if (at === null) return true;
    if (canonical && at.end - at.from === 24 && isCanonical(bytes, at.from)) {
      for (let i = 0; i < 24; i++) {
        const d = bytes[at.from + i]! - iso[i]!;
        if (d !== 0) return d > 0;
      }
      return true;
    }
    const t = Date.parse(bytes.toString("utf8", at.from, at.end));
    return Number.isNaN(t) || t >= since;
  };
}

const DIGIT = 0x30;
/** `YYYY-MM-DDTHH:MM:SS.sssZ` at `at`, with digits where digits go. */
function isCanonical(bytes: Buffer, at: number): boolean {
  for (let i = 0; i < 24; i++) {
    const c = bytes[at + i]!;
    const want = CANONICAL_SHAPE.charCodeAt(i);
    if (want === DIGIT ? c < 0x30 || c > 0x39 : c !== want) return false;
  }
  return true;
}
const CANONICAL_SHAPE = "0000-00-00T00:00:00.000Z";
