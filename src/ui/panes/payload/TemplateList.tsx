// The payload chooser: saved events, shared events and templates to load into the editor.
import { memo } from "react";
import { windowStart } from "../../list/listMoves.js";
import { Box, Text } from "ink";
import { chooserRows, type Section } from "./eventChoices.js";

export const TemplateList = memo(function TemplateList({
  cursor,
  sections,
  width,
  height,
}: {
  cursor: number;
  sections: Section[];
  width: number;
  height: number;
}) {
  const rows = chooserRows(sections);
  const visible = Math.max(0, height - 2);
  const at = Math.max(
    0,
    rows.findIndex((r) => r.type === "choice" && r.index === cursor),
  );
  const start = windowStart(at, visible, rows.length);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        Saved events · shared events · templates <Text color="gray">(Enter loads, Esc closes)</Text>
      </Text>
      {rows.slice(start, start + visible).map((r, i) =>
        r.type === "heading" ? (
          <Text key={`h${start + i}`} bold color="cyan" wrap="truncate">
            {r.text}
          </Text>
        ) : r.type === "note" ? (
          <Text key={`n${start + i}`} color="gray" wrap="truncate">
            {"  "}
            {r.text}
          </Text>
        ) : (
          <Text key={`c${start + i}`} inverse={r.index === cursor} wrap="truncate">
            {"  "}
            {r.choice.title} <Text color="gray">· {r.choice.description}</Text>
          </Text>
        ),
      )}
    </Box>
  );
});
