// The function picker, drawn from its state: a title line, then only the rows of the scroll
// window the reducer keeps. Columns give way to the name as the pane narrows.
import { Highlighted } from "../text/Highlighted.js";
import { memo, useMemo } from "react";
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { FunctionSummary } from "../../core/model.js";
import { searchDue, type PickerState } from "./pickerReducer.js";
import { usePickerContext } from "./PickerProvider.js";
import { fit, fitSegments, highlightSegments } from "../text/fit.js";
import { walkGraphemes } from "../text/graphemes.js";
import { safeLine } from "../text/safeText.js";

export interface PickerProps {
  state: PickerState;
  width: number;
  height: number;
  focused: boolean;
}

type ColumnId = "runtime" | "memory" | "timeout" | "modified";

interface Column {
  id: ColumnId;
  width: number;
  align: "left" | "right";
  value: (f: FunctionSummary) => string;
}

const GAP = 2;
/**
 * Columns are dropped until the longest name fits, up to this width: a whole name is worth
 * more than its memory size, but generated 60-character names are cut rather than hiding all.
 */
const WANT_NAME = 32;
/** Dropped first to last as the pane narrows. */
const DROP_ORDER: readonly ColumnId[] = ["modified", "timeout", "memory", "runtime"];

const memory = (f: FunctionSummary) => (f.memoryMb === null ? "-" : `${f.memoryMb} MB`);
const timeout = (f: FunctionSummary) => (f.timeoutS === null ? "-" : `${f.timeoutS} s`);
const modified = (f: FunctionSummary) => /^\d{4}-\d{2}-\d{2}/.exec(f.lastModified ?? "")?.[0] ?? "-";
const runtime = (f: FunctionSummary) => safeLine(f.runtime ?? "-");

interface Layout {
  gutter: number;
  name: number;
  columns: Column[];
}

/** Column widths for `width`: the name as wide as the longest name allows, columns after it. */
export function pickerLayout(width: number, longestName: number, longestRuntime: number): Layout {
  const gutter = width >= 8 ? 2 : 0;
  let columns: Column[] = [
    { id: "runtime", width: Math.max(7, longestRuntime), align: "left", value: runtime },
    { id: "memory", width: 8, align: "right", value: memory },
    { id: "timeout", width: 5, align: "right", value: timeout },
    { id: "modified", width: 10, align: "left", value: modified },
  ];
  const room = () => width - gutter - columns.reduce((n, c) => n + c.width + GAP, 0);
  const want = Math.min(Math.max(longestName, 4), WANT_NAME);
  for (const id of DROP_ORDER) {
    if (room() >= want) break;
    columns = columns.filter((c) => c.id !== id);
  }
  return { gutter, name: Math.max(0, Math.min(room(), Math.max(longestName, 4))), columns };
}

/** Columns `text` takes once made safe; the common all-ASCII case without measuring. */
function shownWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(safeLine(text));
}

function cell(text: string, width: number, align: "left" | "right"): string {
  const fitted = fit(text, width);
  const pad = " ".repeat(Math.max(0, width - stringWidth(fitted)));
  return align === "right" ? pad + fitted : fitted + pad;
}

/** The end of `text` in `width` columns, "…" in front when cut: the cursor end stays in view. */
function tail(text: string, width: number): string {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  // Whole graphemes from the end, so an emoji sequence is never cut apart.
  const clusters: Array<[number, number]> = [];
  walkGraphemes(text, 0, (start, end, w, plain) => {
    if (plain) for (let i = start; i < end; i++) clusters.push([i, 1]);
    else clusters.push([start, w]);
  });
  let from = text.length;
  let used = 0;
  for (let i = clusters.length - 1; i >= 0; i--) {
    const [start, w] = clusters[i]!;
    if (used + w > width - 1) break;
    used += w;
    from = start;
  }
  return "…" + text.slice(from);
}

function Title({ state, width }: { state: PickerState; width: number }) {
  const total = state.items.length;
  // While the query's search is due, the rows are still the previous query's: no count for them.
  const found = searchDue(state) ? "…" : String(state.results.length);
  const count = state.query ? `${found}/${total}` : `${total}`;
  const head = `Functions ${count}${state.loading ? " loading…" : ""}`;
  const headText = fit(head, width);
  const rest = width - stringWidth(headText);
  if (state.filtering) {
    const query = tail(`/${safeLine(state.query)}`, rest - 2);
    return (
      <Text wrap="truncate">
        <Text bold>{headText}</Text>
        {rest >= 3 ? (
          <>
            {" "}
            <Text color="cyan">{query}</Text>
            <Text inverse> </Text>
          </>
        ) : null}
      </Text>
    );
  }
  const hint = state.query ? `/${safeLine(state.query)}` : "/ filter";
  return (
    <Text wrap="truncate">
      <Text bold>{headText}</Text>
      {rest >= 2 ? <Text color={state.query ? "cyan" : "gray"}>{` ${fit(hint, rest - 1)}`}</Text> : null}
    </Text>
  );
}

interface PickerRowProps {
  fn: FunctionSummary;
  /** The name's matched positions, joined: a row is drawn again only when they change. */
  hits: string;
  selected: boolean;
  focused: boolean;
  layout: Layout;
  width: number;
}

/**
 * One function's row. Memoized on what it shows: a move redraws the two rows whose selection
 * changed, and a key typed in the filter the rows whose matches or highlights changed, not all.
 */
const PickerRow = memo(function PickerRow({ fn, hits, selected, focused, layout, width }: PickerRowProps) {
  const indexes = hits === "" ? [] : hits.split(",").map(Number);
  const name = fitSegments(highlightSegments(fn.name, indexes), layout.name, true);
  const columns = layout.columns.map((c) => " ".repeat(GAP) + cell(c.value(fn), c.width, c.align));
  return (
    <Text inverse={selected && focused} bold={selected && !focused} wrap="truncate">
      {layout.gutter ? (selected ? "› " : "  ") : ""}
      <Highlighted segments={name} />
      {fit(columns.join(""), Math.max(0, width - layout.gutter - layout.name), true)}
    </Text>
  );
});

/** The picker of the PickerProvider above: re-rendered by the picker's keys, not the App's. */
export const PickerPane = memo(function PickerPane(props: Omit<PickerProps, "state">) {
  return <Picker state={usePickerContext()} {...props} />;
});

// Memoized: the app renders on other keys, and the picker's rows cost as much as the rest.
export const Picker = memo(function Picker({ state, width, height, focused }: PickerProps) {
  const { longestName, longestRuntime } = useMemo(() => {
    let name = 0;
    let rt = 0;
    for (const f of state.items) name = Math.max(name, shownWidth(f.name));
    for (const f of state.items) rt = Math.max(rt, shownWidth(f.runtime ?? ""));
    return { longestName: name, longestRuntime: rt };
  }, [state.items]);

  // One layout while the widths stay: the rows' memo compares it by reference.
  const layout = useMemo(
    () => pickerLayout(width, longestName, longestRuntime),
    [width, longestName, longestRuntime],
  );

  if (width <= 0 || height <= 0) return null;
  const listRows = Math.max(0, Math.min(state.rows, height - 1));
  const visible = state.results.slice(state.scroll, state.scroll + listRows);

  let empty: string | null = null;
  if (state.results.length === 0) {
    if (state.items.length === 0) empty = state.loading ? "loading functions…" : "no functions";
    else empty = `no match for “${safeLine(state.query)}”`;
  }

  return (
    <Box flexDirection="column" width={width}>
      <Title state={state} width={width} />
      {empty !== null && listRows > 0 ? (
        <Text color="gray" wrap="truncate">
          {fit(empty, width)}
        </Text>
      ) : null}
      {visible.map((r, i) => (
        <PickerRow
          key={r.item.name}
          fn={r.item}
          hits={r.nameIndexes.join(",")}
          selected={state.scroll + i === state.selected}
          focused={focused}
          layout={layout}
          width={width}
        />
      ))}
    </Box>
  );
});
