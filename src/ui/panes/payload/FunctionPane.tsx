// The chosen function: its configuration, and the version or alias to invoke.
import { memo } from "react";
import { windowStart } from "../../list/listMoves.js";
import { Box, Text } from "ink";
import type { FunctionDetails } from "../../hooks/useFunctionDetails.js";
import { safeText } from "../../text/safeText.js";
import type { QualifierState } from "./qualifierReducer.js";
import type { FunctionSummary } from "../../../core/model.js";

export interface FunctionPaneProps {
  fn: FunctionSummary | null;
  details: FunctionDetails;
  qualifier: QualifierState;
  width: number;
  height: number;
  focused: boolean;
}

export const FunctionPane = memo(function FunctionPane({
  fn,
  details,
  qualifier,
  width,
  height,
  focused,
}: FunctionPaneProps) {
  if (!fn) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Text bold>Function</Text>
        <Text color="gray" wrap="wrap">
          Choose a function on the left (Enter) to see its configuration and pick a version or alias.
        </Text>
      </Box>
    );
  }
  const facts = [
    `${fn.runtime ?? "-"} · ${fn.memoryMb ?? "-"} MB · timeout ${fn.timeoutS ?? "-"} s`,
    `logs ${fn.logGroup} (${fn.logFormat})`,
    fn.lastModified ? `modified ${fn.lastModified.slice(0, 19).replace("T", " ")}` : "",
  ].filter(Boolean);
  const listRows = Math.max(0, height - facts.length - 4 - (fn.description ? 1 : 0));
  const start = windowStart(qualifier.cursor, listRows, qualifier.options.length);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {safeText(fn.name)}
        <Text color="cyan">:{qualifier.chosen}</Text>
      </Text>
      {fn.description ? (
        <Text color="gray" wrap="truncate">
          {safeText(fn.description)}
        </Text>
      ) : null}
      {facts.map((f) => (
        <Text key={f} wrap="truncate">
          {safeText(f)}
        </Text>
      ))}
      <Text> </Text>
      <Text bold wrap="truncate">
        Version or alias {details.loading ? <Text color="gray">(loading…)</Text> : null}
        {details.error ? <Text color="red"> {safeText(details.error)}</Text> : null}
      </Text>
      {qualifier.options.slice(start, start + listRows).map((o, i) => {
        const index = start + i;
        const mark = o.qualifier === qualifier.chosen ? "●" : "○";
        return (
          <Text key={o.qualifier} inverse={focused && index === qualifier.cursor} wrap="truncate">
            {mark} {safeText(o.label)}
          </Text>
        );
      })}
    </Box>
  );
});
