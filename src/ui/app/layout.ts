// Pane sizes from the terminal size: a pure function, so only the root reads the terminal.
// Wide terminals get panes side by side; below 100x30 they stack, the focused pane taking
// the room and the others shrinking to their title line. No size is too small.

export type PaneId = "functions" | "payload" | "result" | "history";
export const PANES: readonly PaneId[] = ["functions", "payload", "result", "history"];

export interface PaneBox {
  width: number;
  height: number;
  /** Only the title shows. */
  collapsed: boolean;
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

/**
 * `results`: an invocation has something to show, so in the wide layout the result pane
 * (response plus two log columns) takes the room the function list no longer needs.
 */
export function layout(
  columns: number,
  rows: number,
  focus: PaneId,
  results = false,
  /** The footer grows while a prompt (with completions or a message) is open. */
  footerRows = 1,
): Layout {
  const width = Math.max(1, columns);
  const height = Math.max(1, rows - 1);
  const bodyHeight = Math.max(0, height - 1 - footerRows); // header and footer
  if (columns >= STACK_BELOW.columns && rows >= STACK_BELOW.rows) {
    // Browsing the history (or reading a replay's diff) needs more than its usual few lines.
    const historyHeight =
      focus === "history"
        ? Math.max(8, Math.floor(bodyHeight * 0.45))
        : Math.max(3, Math.min(8, Math.floor(bodyHeight / 5)));
    const top = bodyHeight - historyHeight;
    const left = results ? Math.max(24, Math.floor(width * 0.2)) : Math.floor(width * 0.38);
    const middle = Math.floor((width - left) * (results ? 0.36 : 0.5));
    return {
      mode: "wide",
      width,
      height,
      bodyHeight,
      panes: {
        functions: { width: left, height: top, collapsed: false },
        payload: { width: middle, height: top, collapsed: false },
        result: { width: width - left - middle, height: top, collapsed: false },
        history: { width, height: historyHeight, collapsed: false },
      },
    };
  }
  // Too short for a title line per pane: only the focused pane shows.
  const collapsedHeight = bodyHeight >= PANES.length + 1 ? 1 : 0;
  const open = Math.max(0, bodyHeight - collapsedHeight * (PANES.length - 1));
  const box = (id: PaneId): PaneBox =>
    id === focus
      ? { width, height: open, collapsed: false }
      : { width, height: collapsedHeight, collapsed: true };
  return {
    mode: "stacked",
    width,
    height,
    bodyHeight,
    panes: {
      functions: box("functions"),
      payload: box("payload"),
      result: box("result"),
      history: box("history"),
    },
  };
}
