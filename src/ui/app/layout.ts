// Pane sizes and places from the terminal size, the focus and whether there are results: a
// pure function, so only the root reads the terminal.

export type PaneId = "functions" | "payload" | "result" | "history";
export const PANES: readonly PaneId[] = ["functions", "payload", "result", "history"];

export interface PaneBox {
  width: number;
  height: number;
  /** Only the title shows (stacked). */
  collapsed: boolean;
  /** Folded to a narrow column with its number, beside a pane that needs the width. */
  strip: boolean;
  /** Where it is on the screen (0-based cells, the header is row 0), for the mouse. */
  x: number;
  y: number;
}

export interface Layout {
  mode: "wide" | "stacked";
  width: number;
  /** Rows the app draws: one less than the terminal, so Ink never clears the whole screen. */
  height: number;
  bodyHeight: number;
  panes: Record<PaneId, PaneBox>;
}

export const STACK_BELOW = { columns: 100, rows: 30 };
/** A folded pane's width: its border and one column for its number. */
export const STRIP_WIDTH = 3;
/** From this width the payload stays beside a result in front; below it, it folds too. */
export const PAYLOAD_BESIDE_RESULT = 160;

export interface LayoutInput {
  columns: number;
  rows: number;
  focus: PaneId;
  /** An invocation has something to show. */
  results?: boolean;
  /** The footer grows while a prompt (with completions or a message) is open. */
  footerRows?: number;
  zoomed?: boolean;
}

const box = (width: number, height: number, x: number, y: number, more: Partial<PaneBox> = {}): PaneBox => ({
  width,
  height,
  collapsed: false,
  strip: false,
  x,
  y,
  ...more,
});

/**
 * Wide terminals get panes side by side. Once there are results, the function list folds to
 * a strip unless it has the focus, and while the result is in front, below
 * PAYLOAD_BESIDE_RESULT columns the payload folds too, so Invoke's tail and the complete log
 * fit side by side. Below 100x30 panes stack, the focused one taking the room and the others
 * shrinking to their title line. Zoomed, the focused pane has the whole body. No size is
 * too small.
 */
export function layout({
  columns,
  rows,
  focus,
  results = false,
  footerRows = 1,
  zoomed = false,
}: LayoutInput): Layout {
  const width = Math.max(1, columns);
  const height = Math.max(1, rows - 1);
  const bodyHeight = Math.max(0, height - 1 - footerRows); // header and footer
  const top = 1;
  const wide = columns >= STACK_BELOW.columns && rows >= STACK_BELOW.rows;
  if (zoomed) {
    const panes = {} as Record<PaneId, PaneBox>;
    for (const id of PANES)
      panes[id] = id === focus ? box(width, bodyHeight, 0, top) : box(0, 0, 0, top, { collapsed: true });
    return { mode: wide ? "wide" : "stacked", width, height, bodyHeight, panes };
  }
  if (wide) {
    // Browsing the history (or reading a replay's diff) needs more than its usual few lines.
    const historyHeight =
      focus === "history"
        ? Math.max(8, Math.floor(bodyHeight * 0.45))
        : Math.max(3, Math.min(8, Math.floor(bodyHeight / 5)));
    const upper = bodyHeight - historyHeight;
    let left: number;
    let middle: number;
    if (!results) {
      left = Math.floor(width * 0.38);
      middle = Math.floor((width - left) * 0.5);
    } else if (focus === "functions") {
      left = Math.max(24, Math.floor(width * 0.2));
      middle = Math.floor((width - left) * 0.36);
    } else if (focus === "payload" || focus === "history") {
      // The history opens an entry's recorded payload beside its answer: both stay readable.
      left = STRIP_WIDTH;
      middle = Math.floor((width - left) * 0.4);
    } else {
      left = STRIP_WIDTH;
      middle = width >= PAYLOAD_BESIDE_RESULT ? Math.floor((width - left) * 0.3) : STRIP_WIDTH;
    }
    return {
      mode: "wide",
      width,
      height,
      bodyHeight,
      panes: {
        functions: box(left, upper, 0, top, { strip: left === STRIP_WIDTH }),
        payload: box(middle, upper, left, top, { strip: middle === STRIP_WIDTH }),
        result: box(width - left - middle, upper, left + middle, top),
        history: box(width, historyHeight, 0, top + upper),
      },
    };
  }
  // Too short for a title line per pane: only the focused pane shows.
  const collapsedHeight = bodyHeight >= PANES.length + 1 ? 1 : 0;
  const open = Math.max(0, bodyHeight - collapsedHeight * (PANES.length - 1));
  const panes = {} as Record<PaneId, PaneBox>;
  let y = top;
  for (const id of PANES) {
    panes[id] =
      id === focus ? box(width, open, 0, y) : box(width, collapsedHeight, 0, y, { collapsed: true });
    y += panes[id].height;
  }
  return { mode: "stacked", width, height, bodyHeight, panes };
}

/** The pane under a screen cell, if any. */
export function paneAt(l: Layout, x: number, y: number): PaneId | null {
  for (const id of PANES) {
    const b = l.panes[id];
    if (x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height) return id;
  }
  return null;
}
