// The result pane: what the invocation answered (status, version, metrics, error), then the
// response and the logs. Render only: state comes from useInvocation, sizes from the root.
import { Box, Text } from "ink";
import type { InvocationState } from "../../invocation/invocationReducer.js";
import { summaryLines } from "./summaryLines.js";

export interface ResultPaneProps {
  state: InvocationState;
  now: number;
  width: number;
  height: number;
  focused: boolean;
}

export function ResultPane({ state, now, width, height }: ResultPaneProps) {
  if (width <= 0 || height <= 0) return null;
  const lines = summaryLines(state, now, Math.max(2, Math.floor(height / 6))).slice(0, height);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lines.map((l, i) => (
        <Text key={i} color={l.color} bold={l.bold} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
