// The history pane's filter. Each word of the query must match an entry: fuzzily (fuzzysort)
// in its function, qualifier, status or type, or literally (ignoring case) in its payload.
// Fuzzy matching over payloads was both slow and useless: 100,000 unique payloads took seconds
// and hundreds of MB to prepare, and a short query finds its letters scattered through nearly
// any JSON. Labels, on the other hand, repeat (a few functions, qualifiers and statuses), so
// fuzzysort runs once per distinct label and a keystroke costs a lookup and a substring search
// per entry.
import fuzzysort from "fuzzysort";
import type { HistorySummary } from "../../../core/history-record.js";

/** `name:qualifier`, the way the pane shows and filters a function. */
export function functionLabel(r: HistorySummary): string {
  return r.qualifier ? `${r.functionName}:${r.qualifier}` : r.functionName;
}

/** The status column: the FunctionError when there was one, else the status code. */
export function statusLabel(r: HistorySummary): string {
  return r.functionError ?? String(r.statusCode);
}

/**
 * Below this, a fuzzy match is letters picked from all over the label ("ordr" in `thrower
 * Unhandled RequestResponse`), not what was meant.
 */
const MIN_SCORE = 0.35;

interface Searchable {
  label: string;
  payload: string;
}

// Made once per entry: entries never change, and rebuilding 100,000 strings on every key
// would be most of the time a filter takes.
const texts = new WeakMap<HistorySummary, Searchable>();
function searchable(r: HistorySummary): Searchable {
  let t = texts.get(r);
  if (!t) {
    t = {
      label: `${functionLabel(r)} ${statusLabel(r)} ${r.invocationType}`,
      payload: r.payloadPreview.toLowerCase(),
    };
    texts.set(r, t);
  }
  return t;
}

const words = (query: string) => query.trim().split(/\s+/).filter(Boolean);

/** Whether `word` fuzzily matches `label`, remembered per label for one filter run. */
function labelMatcher(word: string): (label: string) => boolean {
  const seen = new Map<string, boolean>();
  return (label) => {
    let hit = seen.get(label);
    if (hit === undefined) {
      hit = (fuzzysort.single(word, label)?.score ?? 0) >= MIN_SCORE;
      seen.set(label, hit);
    }
    return hit;
  };
}

/**
 * Indexes into `rows` (oldest first) of the entries matching `query`, newest first; null for an
 * empty query. A history is read in time order, so matches keep it rather than being ranked:
 * the latest call to a function is looked for far more often than the best-scoring one.
 */
export function filterRows(rows: readonly HistorySummary[], query: string): readonly number[] | null {
  const ws = words(query);
  if (ws.length === 0) return null;
  const tests = ws.map((w) => ({ lower: w.toLowerCase(), label: labelMatcher(w) }));
  const out: number[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const t = searchable(rows[i]!);
    if (tests.every((w) => w.label(t.label) || t.payload.includes(w.lower))) out.push(i);
  }
  return out;
}

/** Indexes of the function label's characters the query matched, for highlighting. */
export function labelHits(r: HistorySummary, query: string): number[] {
  const label = functionLabel(r);
  const { label: text } = searchable(r);
  const out: number[] = [];
  for (const w of words(query)) {
    const hit = fuzzysort.single(w, text);
    if (hit && hit.score >= MIN_SCORE) for (const i of hit.indexes) if (i < label.length) out.push(i);
  }
  return out;
}
