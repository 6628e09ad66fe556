// A fresh listing's functions as the cached ones already on screen, wherever nothing changed:
// the fresh list then holds the cached objects, not 100,000 copies of them beside the cached
// list until it is replaced, and an unchanged list is the same items in the same order, which
// the picker's index takes as no change at all (instead of indexing the whole list again).
import type { FunctionSummary } from "./model.js";

const FIELDS = [
  "name",
  "arn",
  "runtime",
  "description",
  "memoryMb",
  "timeoutS",
  "lastModified",
  "version",
  "logGroup",
  "logFormat",
] as const satisfies readonly (keyof FunctionSummary)[];

// A field added to FunctionSummary and not compared here fails to compile: a change in it
// would otherwise keep the cached function on screen.
const EVERY_FIELD: Exclude<keyof FunctionSummary, (typeof FIELDS)[number]> extends never ? true : never =
  true;
void EVERY_FIELD;

export function sameSummary(a: FunctionSummary, b: FunctionSummary): boolean {
  for (const f of FIELDS) if (a[f] !== b[f]) return false;
  return true;
}

/** A function that gives, for a fresh summary, the cached one when it is the same, else the fresh one. */
export function reusingCached(
  cached: readonly FunctionSummary[],
): (fresh: FunctionSummary) => FunctionSummary {
  const byName = new Map<string, FunctionSummary>();
  for (const f of cached) if (!byName.has(f.name)) byName.set(f.name, f);
  return (fresh) => {
    const c = byName.get(fresh.name);
    return c !== undefined && sameSummary(c, fresh) ? c : fresh;
  };
}
