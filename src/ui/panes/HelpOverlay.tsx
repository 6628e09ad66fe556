// Every command of the key table, grouped by where it applies.
import { Box, Text } from "ink";
import { COMMANDS, keyLabel, type Scope } from "../keys/keymap.js";

const GROUPS: Array<[Scope, string]> = [
  ["global", "Everywhere"],
  ["busy", "While an invocation or its logs are awaited"],
  ["picker", "Functions"],
  ["filter", "While filtering"],
  ["editor", "Payload editor (Enter is a newline)"],
  ["function", "Version or alias (Ctrl+Q in the editor)"],
  ["templates", "Event templates (Ctrl+P in the editor)"],
  ["result", "Result and logs"],
  ["search", "While searching"],
  ["error", "On a connection problem"],
  ["history", "History"],
  ["historyDiff", "Replay diff"],
  ["recorded", "A recorded payload (Enter in History)"],
];

export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const lines: Array<{ key: string; text: string; heading?: boolean }> = [];
  for (const [scope, title] of GROUPS) {
    lines.push({ key: title, text: "", heading: true });
    for (const cmd of COMMANDS.filter((c) => c.scope === scope)) {
      lines.push({ key: cmd.keys.map(keyLabel).join(" / "), text: cmd.description });
    }
  }
  // Flow the lines into as many columns as the width allows (at least 44 columns each).
  const rows = Math.max(1, height - 4);
  const columns = Math.max(1, Math.min(Math.ceil(lines.length / rows), Math.floor((width - 4) / 44)));
  const columnWidth = Math.max(1, Math.floor((width - 4) / columns));
  const shown = lines.slice(0, rows * columns);
  const chunks = Array.from({ length: columns }, (_, i) => shown.slice(i * rows, (i + 1) * rows));
  return (
    <Box
      width={width}
      height={height}
      flexDirection="column"
      borderStyle="double"
      borderColor="cyan"
      paddingX={1}
      overflow="hidden"
    >
      <Text bold wrap="truncate">
        Keyboard help · Esc or ? to close
        {lines.length > shown.length ? (
          <Text color="gray"> · enlarge the terminal to see all keys</Text>
        ) : null}
      </Text>
      <Box flexDirection="row">
        {chunks.map((chunk, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {chunk.map((l, i) =>
              l.heading ? (
                <Text key={i} bold color="cyan" wrap="truncate">
                  {l.key}
                </Text>
              ) : (
                <Text key={i} wrap="truncate">
                  {"  "}
                  {l.key.padEnd(18)} {l.text}
                </Text>
              ),
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
