// Asked before quitting while an invocation (or its log search) is under way.
import { Box, Text } from "ink";

export function ConfirmQuit({ width, height }: { width: number; height: number }) {
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor="yellow"
      alignItems="center"
      justifyContent="center"
    >
      <Text bold>An invocation is still running, or its logs are still arriving.</Text>
      <Text>Quit anyway? The function keeps running in Lambda; what was recorded is kept.</Text>
      <Text color="gray">y quit · n or Esc stay</Text>
    </Box>
  );
}
