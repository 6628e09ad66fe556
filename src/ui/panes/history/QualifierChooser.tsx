// Choosing where to replay an entry: $LATEST, an alias or a version of its function (fetched
// when the chooser opens). The recorded qualifier is left out: replaying there is `r`.
import { windowStart } from "../../list/listMoves.js";
import { Box, Text } from "ink";
import { fit } from "../../text/fit.js";
import { safeLine } from "../../text/safeText.js";
import { functionLabel, type HistoryOverlay } from "./historyReducer.js";

type ChooseOverlay = Extract<HistoryOverlay, { kind: "choose" }>;

export function QualifierChooser({
  overlay,
  width,
  height,
}: {
  overlay: ChooseOverlay;
  width: number;
  height: number;
}) {
  const rows = Math.max(0, height - 1);
  const start = windowStart(overlay.cursor, rows, overlay.options.length);
  const shown = overlay.options.slice(start, start + rows);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        {fit(safeLine(`Replay ${functionLabel(overlay.entry)} on…`), width)}
      </Text>
      {overlay.options.length === 0 ? (
        <Text color="gray" wrap="truncate">
          {fit("loading versions and aliases…", width)}
        </Text>
      ) : null}
      {shown.map((q, i) => {
        const selected = start + i === overlay.cursor;
        return (
          <Text key={q.qualifier} inverse={selected} wrap="truncate">
            {fit(`${selected ? "› " : "  "}${safeLine(q.label)}`, width)}
          </Text>
        );
      })}
    </Box>
  );
}
