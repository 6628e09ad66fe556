// Every command of the key table, grouped by where it applies.
import { Box, Text } from "ink";
import { COMMANDS, keyLabel, type Scope } from "../keys/keymap.js";

const GROUPS: Array<[Scope, string]> = [
  ["global", "Everywhere"],
  ["picker", "Functions"],
  ["filter", "While filtering"],
  ["function", "Function: version or alias"],
  ["error", "On a connection problem"],
];

export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const lines: Array<{ key: string; text: string; heading?: boolean }> = [];
  for (const [scope, title] of GROUPS) {
    lines.push({ key: title, text: "", heading: true });
    for (const cmd of COMMANDS.filter((c) => c.scope === scope)) {
      lines.push({ key: cmd.keys.map(keyLabel).join(" / "), text: cmd.description });
    }
  }
  const rows = Math.max(0, height - 4);
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
      <Text bold>Keyboard help · Esc or ? to close</Text>
      {lines.slice(0, rows).map((l, i) =>
        l.heading ? (
          <Text key={i} bold color="cyan" wrap="truncate">
            {l.key}
          </Text>
        ) : (
          <Text key={i} wrap="truncate">
            {"  "}
            {l.key.padEnd(22)} {l.text}
          </Text>
        ),
      )}
      {lines.length > rows ? <Text color="gray">… enlarge the terminal to see all keys</Text> : null}
    </Box>
  );
}
