// One view of the result pane: a label row (title, state, position) and the visible rows
// computed by viewRows. Render only.
import { Box, Text } from "ink";
import { fit } from "../../picker/safeText.js";
import { headerRows } from "./resultLayout.js";
import type { ViewLabel } from "./viewLabels.js";
import type { ViewWindow } from "./viewRows.js";

export interface TextViewProps {
  label: ViewLabel;
  window: ViewWindow | null;
  /** Lines in the view, for the position. */
  count: number;
  pinned: boolean;
  empty: string;
  width: number;
  height: number;
  active: boolean;
}

const num = (n: number) => n.toLocaleString("en-US");

export function position(w: ViewWindow | null, count: number, pinned: boolean): string {
  if (!w || count === 0) return "";
  return `${num(w.first + 1)}–${num(w.last + 1)}/${num(count)}${pinned ? " follow" : ""}`;
}

export function TextView({ label, window: w, count, pinned, empty, width, height, active }: TextViewProps) {
  if (width <= 0 || height <= 0) return null;
  // The pane no longer clips sideways (see ResultPane): anything drawn must fit the width.
  const full = position(w, count, pinned);
  const pos = full.length + 8 <= width ? full : "";
  const two = headerRows(width) === 2;
  const title = two ? label.title : `${label.title}${label.detail ? ` · ${label.detail}` : ""}`;
  const head = fit(title, Math.max(1, width - pos.length - 1));
  const body = height - (two ? 2 : 1);
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Box width={width}>
        <Box flexGrow={1}>
          <Text bold inverse={active} color={active ? "cyan" : undefined} wrap="truncate">
            {head}
          </Text>
        </Box>
        <Text color="gray">{pos}</Text>
      </Box>
      {two && height > 1 && (
        <Text color={label.color ?? "gray"} wrap="truncate">
          {fit(label.detail, width)}
        </Text>
      )}
      {!w || w.rows.length === 0 ? (
        <Text color="gray" wrap="truncate">
          {fit(empty, width)}
        </Text>
      ) : (
        w.rows.slice(0, Math.max(0, body)).map((r, i) =>
          r.kind === "mark" ? (
            <Text key={i} color="yellow" wrap="truncate">
              {r.segments[0]?.text ?? ""}
            </Text>
          ) : (
            <Box key={i} height={1}>
              <Text wrap="truncate">
                {r.time && <Text color="gray">{r.time}</Text>}
                {r.segments.map((s, k) =>
                  s.hit ? (
                    <Text
                      key={k}
                      backgroundColor={r.current ? "yellow" : undefined}
                      color={r.current ? "black" : "yellow"}
                      bold
                    >
                      {s.text}
                    </Text>
                  ) : (
                    <Text key={k}>{s.text}</Text>
                  ),
                )}
              </Text>
              {r.cut && <Text color="gray">…</Text>}
            </Box>
          ),
        )
      )}
    </Box>
  );
}
