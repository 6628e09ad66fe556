// The nearest of the known command names to a mistyped one (`lsit` -> `list`), as git and
// npm suggest: close enough to be a slip of the fingers, never a guess at something else.
import levenshtein from "fast-levenshtein";

export function nearestCommand(typed: string, names: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = levenshtein.get(typed.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  // Two edits (a swapped pair of letters is two) for names of four letters or more, else one.
  const allowed = typed.length >= 4 ? 2 : 1;
  return best && best.distance <= allowed ? best.name : null;
}
