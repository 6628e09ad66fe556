// Text with the letters a filter matched in bold yellow: the picker's and the history's rows.
import { Text } from "ink";
import type { Segment } from "./fit.js";

export function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((s, j) =>
        s.hit ? (
          <Text key={j} color="yellow" bold>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
