// The cursor moves every list in the explorer shares (the function picker, the history): by
// lines, by pages, to the first and to the last. Pure, so each list's reducer only places the
// cursor where this says (clamping and scrolling are the list's own).

export type ListMove =
  { type: "move"; delta: number } | { type: "page"; delta: 1 | -1 } | { type: "top" } | { type: "bottom" };

/** The index the cursor goes to from `selected`, in a list of `count` shown `pageRows` at a time. */
export function moveTarget(selected: number, move: ListMove, pageRows: number, count: number): number {
  switch (move.type) {
    case "move":
      return selected + move.delta;
    case "page":
      return selected + move.delta * Math.max(1, pageRows);
    case "top":
      return 0;
    case "bottom":
      return count - 1;
  }
}

/**
 * The first row of a `rows`-high window over `count` items that keeps `cursor` in sight, for
 * lists that do not keep a scroll position of their own (short choosers).
 */
export function windowStart(cursor: number, rows: number, count: number): number {
  return Math.max(0, Math.min(cursor - rows + 1, count - rows));
}
