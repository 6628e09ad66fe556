import { Box, Text } from "ink";
import { hintsFor, type Scope } from "../keys/keymap.js";

export function Footer({ width, scopes }: { width: number; scopes: Scope[] }) {
  const hints = hintsFor(scopes);
  let used = 0;
  const shown = hints.filter((h) => {
    used += h.keys.length + h.hint.length + 3;
    return used <= width;
  });
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        {shown.map((h, i) => (
          <Text key={`${h.keys}-${h.hint}`}>
            {i > 0 ? "  " : ""}
            <Text color="cyan">{h.keys}</Text> {h.hint}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
