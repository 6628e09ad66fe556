// The chosen function: its configuration, and the version or alias to invoke.
import { memo } from "react";
import { windowStart } from "../../list/listMoves.js";
import { Box, Text } from "ink";
import type { FunctionDetails } from "../../hooks/useFunctionDetails.js";
import { fit } from "../../text/fit.js";
import { textWidth } from "../../text/graphemes.js";
import { safeLine } from "../../text/safeText.js";
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
  // Every row is one line of foreign text (names, descriptions, aliases from the endpoint): made
  // safe for one row and cut to the pane's width per grapheme, so no row wraps or overflows.
  const row = (text: string, room = width) => fit(safeLine(text), Math.max(0, room));
  const name = row(fn.name, width - Math.min(width >> 1, textWidth(safeLine(`:${qualifier.chosen}`))));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text bold wrap="truncate">
        {name}
        <Text color="cyan">{row(`:${qualifier.chosen}`, width - textWidth(name))}</Text>
      </Text>
      {fn.description ? (
        <Text color="gray" wrap="truncate">
          {row(fn.description)}
        </Text>
      ) : null}
      {facts.map((f) => (
        <Text key={f} wrap="truncate">
          {row(f)}
        </Text>
      ))}
      <Text> </Text>
      <Text bold wrap="truncate">
        Version or alias {details.loading ? <Text color="gray">(loading…)</Text> : null}
        {details.error ? <Text color="red"> {row(details.error, width - 18)}</Text> : null}
      </Text>
      {qualifier.options.slice(start, start + listRows).map((o, i) => {
        const index = start + i;
        const mark = o.qualifier === qualifier.chosen ? "●" : "○";
        return (
          <Text key={o.qualifier} inverse={focused && index === qualifier.cursor} wrap="truncate">
            {mark} {row(o.label, width - 2)}
          </Text>
        );
      })}
    </Box>
  );
});
