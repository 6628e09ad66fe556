// The JSON paths `replay --ignore` takes: a small subset of JSONPath, the one the differences
// print (`$.a.b[0].c`, `$["a key"]`) plus `[*]` / `.*` for every element or key (`$.items[*].at`).
// No filters, slices or recursive descent: an ignore rule names fields, and a rule that could
// match anything by accident would hide real regressions.
//
// Removing a path walks into JSON held in a string (an API Gateway `body`), so
// `$.body.timestamp` works on `{"body": "{\"timestamp\": ...}"}`.

export type PathSegment = { key: string } | { index: number } | { any: true };
export type JsonPath = readonly PathSegment[];

export class JsonPathError extends Error {
  override name = "JsonPathError";
}

const IDENT = /^[A-Za-z_$][\w$-]*/;

function fail(text: string, at: number, why: string): never {
  throw new JsonPathError(`"${text}" is not a JSON path: ${why} at character ${at + 1}`);
}

/**
 * Parses paths at the start of `text` from `start`; returns the path and where it ended.
 * A path ends at the end of the text or at a `,` (several in one --ignore value).
 */
function parseOne(text: string, start: number): { path: PathSegment[]; end: number } {
  let i = start;
  while (text[i] === " ") i++;
  if (text[i] !== "$") fail(text, i, "it must start with $");
  i++;
  const path: PathSegment[] = [];
  while (i < text.length && text[i] !== ",") {
    const c = text[i];
    if (c === ".") {
      const rest = text.slice(i + 1);
      if (rest.startsWith("*")) {
        path.push({ any: true });
        i += 2;
        continue;
      }
      const m = IDENT.exec(rest);
      if (!m) fail(text, i + 1, "a name is expected after the dot");
      path.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (c === "[") {
      const close = text[i + 1] === '"' ? closingQuote(text, i + 1) + 1 : text.indexOf("]", i);
      if (close < 0 || text[close] !== "]") fail(text, i, "an unclosed [");
      const inner = text.slice(i + 1, close);
      if (inner === "*") path.push({ any: true });
      else if (/^\d+$/.test(inner)) path.push({ index: Number(inner) });
      else if (inner.startsWith('"')) path.push({ key: JSON.parse(inner) as string });
      else fail(text, i, 'brackets take an index, * or a "quoted key"');
      i = close + 1;
    } else if (c === " ") {
      // Spaces after a path, before a comma or the end.
      while (text[i] === " ") i++;
      if (i < text.length && text[i] !== ",") fail(text, i, "a space inside the path");
    } else fail(text, i, `unexpected "${c}"`);
  }
  return { path, end: i };
}

/** Index of the quote closing the JSON string that opens at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** One path, or several separated by commas: `$.requestId,$.items[*].at`. */
export function parseJsonPaths(text: string): JsonPath[] {
  const out: JsonPath[] = [];
  let i = 0;
  for (;;) {
    const { path, end } = parseOne(text, i);
    out.push(path);
    if (end >= text.length) return out;
    i = end + 1;
  }
}

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => typeof v === "object" && v !== null;

/** JSON held in a string, when it is an object or an array. */
function jsonInString(s: string): Container | null {
  const t = s.trimStart();
  if (t[0] !== "{" && t[0] !== "[") return null;
  try {
    const v: unknown = JSON.parse(s);
    return isContainer(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * `value` without what `path` names (a copy; `value` is left as it is). Removing the root gives
 * undefined. A step into a string holding JSON parses it, removes, and writes it back compact,
 * whether or not anything matched, so both sides of a diff are written back alike.
 */
export function removePath(value: unknown, path: JsonPath): unknown {
  if (path.length === 0) return undefined;
  const [seg, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (typeof value === "string") {
    const inner = jsonInString(value);
    return inner === null ? value : JSON.stringify(removePath(inner, path));
  }
  if (!isContainer(value)) return value;
  const step = (v: unknown) => removePath(v, rest);
  if (Array.isArray(value)) {
    if ("any" in seg) return rest.length === 0 ? [] : value.map(step);
    if (!("index" in seg) || seg.index >= value.length) return value;
    if (rest.length === 0) return value.filter((_, i) => i !== seg.index);
    return value.map((v, i) => (i === seg.index ? step(v) : v));
  }
  if ("any" in seg) return rest.length === 0 ? {} : mapValues(value, step);
  if (!("key" in seg) || !Object.hasOwn(value, seg.key)) return value;
  const copy = { ...value };
  if (rest.length === 0) delete copy[seg.key];
  else copy[seg.key] = step(copy[seg.key]);
  return copy;
}

function mapValues(o: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

/** `value` without anything any of `paths` names. */
export function removePaths(value: unknown, paths: readonly JsonPath[]): unknown {
  return paths.reduce((v, p) => removePath(v, p), value);
}
