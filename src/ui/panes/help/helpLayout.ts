// The `?` help laid out for a size: one row per terminal line, keys in a column and
// descriptions wrapped beside it, so nothing is cut at any width; and how many rows show.
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";
import type { HelpSection } from "./helpEntries.js";

export type HelpRow = { kind: "title"; text: string } | { kind: "line"; keys: string; text: string };

export interface HelpLayout {
  rows: HelpRow[];
  /** Rows of the body that show at once. */
  bodyRows: number;
}

/** Border and padding around the overlay's text. */
export const FRAME_COLUMNS = 4;
const FRAME_ROWS = 2;
const INDENT = 2;
const GAP = 2;
/** Narrower than this beside the keys, a description goes under them instead. */
const MIN_DESCRIPTION = 16;

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

function wrap(text: string, width: number): string[] {
  return wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split("\n");
}

/**
 * `sections` (already searched) for an overlay of `width` x `height`; `keyColumn` is the widest
 * keys text of the whole table, so the column stays put while a search narrows the list.
 */
export function helpLayout(
  sections: HelpSection[],
  keyColumn: number,
  width: number,
  height: number,
  searching: boolean,
): HelpLayout {
  const inner = Math.max(1, width - FRAME_COLUMNS);
  const bodyRows = Math.max(0, height - FRAME_ROWS - 1 - (searching ? 1 : 0));
  const column = Math.min(keyColumn, Math.max(1, inner - INDENT - GAP - MIN_DESCRIPTION));
  const room = inner - INDENT - column - GAP;
  const beside = room >= MIN_DESCRIPTION;
  const lead = " ".repeat(INDENT);
  const rows: HelpRow[] = [];
  for (const s of sections) {
    for (const text of wrap(s.title, inner)) rows.push({ kind: "title", text });
    for (const e of s.entries) {
      if (beside && stringWidth(e.keys) <= column) {
        const [first = "", ...rest] = wrap(e.description, room);
        rows.push({ kind: "line", keys: lead + pad(e.keys, column + GAP), text: first });
        const under = " ".repeat(INDENT + column + GAP);
        for (const text of rest) rows.push({ kind: "line", keys: under, text });
      } else {
        for (const keys of wrap(e.keys, inner - INDENT))
          rows.push({ kind: "line", keys: lead + keys, text: "" });
        const under = beside ? INDENT + column + GAP : INDENT * 2;
        for (const text of wrap(e.description, inner - under))
          rows.push({ kind: "line", keys: " ".repeat(under), text });
      }
    }
  }
  return { rows, bodyRows };
}
