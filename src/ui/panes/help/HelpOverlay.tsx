// The `?` help: the visible window of its rows, where that window is, and the search line.
import { Box, Text } from "ink";
import { Frame } from "../Frame.js";
import { clampOffset } from "./helpReducer.js";
import type { HelpView } from "./useHelp.js";

/** "12–31 of 96": the rows shown and how many there are. */
export function positionText(offset: number, shown: number, total: number): string {
  if (total === 0) return "no keys match";
  return `${offset + 1}–${offset + shown} of ${total}`;
}

export function HelpOverlay({ view, width, height }: { view: HelpView; width: number; height: number }) {
  const { state, layout } = view;
  const total = layout.rows.length;
  const offset = clampOffset(state.offset, { total, rows: layout.bodyRows });
  const visible = layout.rows.slice(offset, offset + layout.bodyRows);
  const searching = state.editing || state.query !== "";
  return (
    <Frame width={width} height={height} borderStyle="double" borderColor="cyan" paddingX={1}>
      <Box justifyContent="space-between">
        <Text bold wrap="truncate">
          Keyboard help
        </Text>
        <Text color="gray" wrap="truncate">
          {positionText(offset, visible.length, total)}
        </Text>
      </Box>
      {searching ? (
        <Text wrap="truncate-start">
          <Text color="cyan">/</Text>
          {state.query}
          {state.editing ? <Text inverse> </Text> : <Text color="gray"> (/ edits the search)</Text>}
        </Text>
      ) : null}
      {visible.map((row, i) =>
        row.kind === "title" ? (
          <Text key={i} bold wrap="truncate">
            {row.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            <Text color="cyan">{row.keys}</Text>
            {row.text}
          </Text>
        ),
      )}
    </Frame>
  );
}
