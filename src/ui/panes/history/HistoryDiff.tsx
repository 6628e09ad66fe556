// A replay beside its original: what was replayed where, the two answers in a line each
// (status or FunctionError, ExecutedVersion, duration), then the structural diff of the
// responses from src/core/response-diff.ts, scrolled by the reducer. Shown in the history pane,
// so the result pane keeps showing the replay's own response and logs.
import { Box, Text } from "ink";
import { fit } from "../../text/fit.js";
import { safeLine } from "../../text/safeText.js";
import { diffLines, type DiffOverlay } from "./diffLines.js";
import { functionLabel } from "./historyReducer.js";

export interface HistoryDiffProps {
  overlay: DiffOverlay;
  width: number;
  height: number;
}

export function HistoryDiff({ overlay, width, height }: HistoryDiffProps) {
  const where = overlay.qualifier ?? "$LATEST";
  const title = `Replay of ${functionLabel(overlay.original)} on ${where}`;
  const lines = diffLines(overlay);
  const rows = Math.max(0, height - 1);
  const scroll = Math.min(overlay.scroll, Math.max(0, lines.length - rows));
  const more = lines.length - scroll - rows;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {fit(safeLine(title), width)}
      </Text>
      {lines.slice(scroll, scroll + rows).map((l, i) => (
        <Text key={scroll + i} color={l.color} wrap="truncate">
          {fit(i === rows - 1 && more > 0 ? `… ${more + 1} more lines (↓)` : safeLine(l.text), width)}
        </Text>
      ))}
    </Box>
  );
}
