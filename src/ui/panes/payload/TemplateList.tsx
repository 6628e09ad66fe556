// The event templates to insert into the payload editor.
import { memo } from "react";
import { windowStart } from "../../list/listMoves.js";
import { Box, Text } from "ink";
import { TEMPLATES } from "./templates.js";

export const TemplateList = memo(function TemplateList({
  cursor,
  width,
  height,
}: {
  cursor: number;
  width: number;
  height: number;
}) {
  const rows = Math.max(0, height - 2);
  const start = windowStart(cursor, rows, TEMPLATES.length);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        Insert an event template <Text color="gray">(Enter inserts, Esc closes)</Text>
      </Text>
      {TEMPLATES.slice(start, start + rows).map((t, i) => (
        <Text key={t.title} inverse={start + i === cursor} wrap="truncate">
          {t.title} <Text color="gray">· {t.description}</Text>
        </Text>
      ))}
    </Box>
  );
});
