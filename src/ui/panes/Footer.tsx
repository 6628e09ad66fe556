import { memo } from "react";
import { Box, Text } from "ink";
import { hintsFor, type Scope } from "../keys/keymap.js";

// Memoized against the scopes' contents: the app builds the list anew on every key, but it
// changes only when focus or mode does, and a filter key should not redraw the hints.
export const Footer = memo(
  function Footer({ width, scopes }: { width: number; scopes: Scope[] }) {
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
  },
  (a, b) =>
    a.width === b.width && a.scopes.length === b.scopes.length && a.scopes.every((s, i) => s === b.scopes[i]),
);
