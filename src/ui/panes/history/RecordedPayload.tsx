// An opened history entry in the payload pane: the payload it was sent, read-only and marked
// as recorded, with the function, qualifier and time it ran, in place of the editor (whose
// draft is left as it was). Render only: the lines, the scroll position and the time come
// from useRecordedPayload, sizes from the root.
import { memo } from "react";
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { HistoryRecord } from "../../../core/history-record.js";
import { fit } from "../../text/fit.js";
import type { BodyLines } from "../result/bodyLines.js";
import { COLOURS } from "../payload/PayloadEditor.js";
import { recordedFrame, recordedRows } from "./recordedLayout.js";
import { agoLabel } from "../../text/timeLabel.js";

export interface RecordedView {
  record: HistoryRecord;
  /** The payload as lines (bodyLines): pretty-printed when it is JSON, sanitized. */
  lines: BodyLines;
  top: number;
  /** For how long ago it ran. */
  now: number;
}

export interface RecordedPayloadProps {
  view: RecordedView;
  width: number;
  height: number;
  focused: boolean;
}

/** The read-only row's wordings, longest first: the first that fits is shown. */
function notes(focused: boolean): string[] {
  const esc = focused ? " · Esc closes" : "";
  return [
    `recorded payload (read-only) · e edits a copy${esc}`,
    "recorded payload (read-only) · e edits a copy",
    `read-only · e edits a copy${esc}`,
    "read-only · e edits a copy",
    "read-only · e to edit",
  ];
}

/** The read-only row, with where the view is at its right when there is room for both. */
function noteRow(focused: boolean, position: string, width: number): { note: string; position: string } {
  const all = notes(focused);
  const room = width - (position ? stringWidth(position) + 1 : 0);
  const withPos = all.find((n) => stringWidth(n) <= room);
  if (withPos !== undefined) return { note: withPos, position };
  return { note: fit(all.find((n) => stringWidth(n) <= width) ?? all.at(-1)!, width), position: "" };
}

export const RecordedPayload = memo(function RecordedPayload({
  view,
  width,
  height,
  focused,
}: RecordedPayloadProps) {
  if (width <= 0 || height <= 0) return null;
  const { record: r, lines } = view;
  const frame = recordedFrame(r, width, height);
  const win = recordedRows(lines, view.top, frame.body, width);
  const empty = r.payload === "";
  // Where the view is, only when there is more than fits.
  const scrolled = !empty && (win.first > 0 || win.last < lines.count - 1);
  const note = noteRow(focused, scrolled ? `${win.first + 1}–${win.last + 1}/${lines.count}` : "", width);
  const timeRow = frame.title.length - 1;
  const ago = agoLabel(r.at, view.now);
  const withAgo = (row: string) => ago !== null && stringWidth(row) + 3 + stringWidth(ago) <= width;
  const shown = empty ? Math.min(1, frame.body) : win.rows.length;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {frame.title.map((row, i) => (
        <Text key={`title-${i}`} wrap="truncate">
          <Text bold={i === 0} color={i === 0 ? "yellow" : "gray"}>
            {fit(row, width)}
          </Text>
          {i === timeRow && withAgo(row) && <Text color="gray"> · {ago}</Text>}
        </Text>
      ))}
      {empty
        ? frame.body > 0 && <Text color="gray">(an empty payload)</Text>
        : win.rows.map((tokens, y) => (
            <Text key={y} wrap="truncate">
              {tokens.map((t, i) => (
                <Text key={i} color={COLOURS[t.kind]}>
                  {t.text}
                </Text>
              ))}
            </Text>
          ))}
      {Array.from({ length: Math.max(0, frame.body - shown) }, (_, i) => (
        <Text key={`pad-${i}`}> </Text>
      ))}
      {frame.meta.map((row, i) => (
        <Text key={`meta-${i}`} color="gray" wrap="truncate">
          {row}
        </Text>
      ))}
      {frame.note && (
        <Box width={width}>
          <Box flexGrow={1}>
            <Text color="yellow" wrap="truncate">
              {note.note}
            </Text>
          </Box>
          <Text color="gray">{note.position}</Text>
        </Box>
      )}
    </Box>
  );
});
