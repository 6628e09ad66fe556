// One view of the result pane: a label row (title, state, position) and the visible rows
// computed by viewRows. The view with the keys has a ▶ before its title and, while the pane has
// the keys, its whole label row in inverse video, so which one j and PgDn move is never a guess.
// Render only.
import { Box, Text } from "ink";
import { fit } from "../../text/fit.js";
import { colour, coloursOn } from "../../text/colour.js";
import type { Tone } from "./logTone.js";
import { headerRows } from "./resultLayout.js";
import type { ViewLabel } from "./viewLabels.js";
import type { ViewRow, ViewWindow } from "./viewRows.js";

export interface TextViewProps {
  label: ViewLabel;
  window: ViewWindow | null;
  /** Lines in the view, for the position. */
  count: number;
  pinned: boolean;
  empty: string;
  width: number;
  height: number;
  /** The view the keys act on. */
  active: boolean;
  /** The pane has the keys. */
  focused: boolean;
}

const num = (n: number) => n.toLocaleString("en-US");

export function position(w: ViewWindow | null, count: number, pinned: boolean): string {
  if (!w || count === 0) return "";
  return `${num(w.first + 1)}–${num(w.last + 1)}/${num(count)}${pinned ? " follow" : ""}`;
}

/** The title a view's label row starts with: marked when it is the view with the keys. */
export function viewTitle(title: string, active: boolean): string {
  return active ? `▶ ${title}` : title;
}

const TONE_COLOUR: Record<Tone, "red" | "yellow" | undefined> = {
  error: "red",
  warn: "yellow",
  meta: undefined,
};

function Line({ row }: { row: ViewRow }) {
  const plain = !coloursOn();
  const tone = row.tone;
  return (
    <Box height={1}>
      <Text
        wrap="truncate"
        color={tone && colour(TONE_COLOUR[tone])}
        bold={tone === "error"}
        dimColor={tone === "meta"}
      >
        {row.time && <Text color={colour("gray")}>{row.time}</Text>}
        {row.segments.map((s, k) =>
          !s.hit ? (
            <Text key={k}>{s.text}</Text>
          ) : (
            <Text
              key={k}
              // Without colour, the current match is in inverse video and the others underlined.
              inverse={plain && row.current}
              underline={plain && !row.current}
              backgroundColor={row.current ? colour("yellow") : undefined}
              color={colour(row.current ? "black" : "yellow")}
              bold
            >
              {s.text}
            </Text>
          ),
        )}
      </Text>
      {row.cut && <Text color={colour("gray")}>…</Text>}
    </Box>
  );
}

export function TextView({
  label,
  window: w,
  count,
  pinned,
  empty,
  width,
  height,
  active,
  focused,
}: TextViewProps) {
  if (width <= 0 || height <= 0) return null;
  // The pane no longer clips sideways (see ResultPane): anything drawn must fit the width.
  const full = position(w, count, pinned);
  const pos = full.length + 8 <= width ? full : "";
  const two = headerRows(width, height) === 2;
  const name = viewTitle(label.title, active);
  const title = two ? name : `${name}${label.detail ? ` · ${label.detail}` : ""}`;
  const bar = active && focused;
  // The bar spans the view: the title padded up to the position, which sits at the right end.
  const head = fit(title, Math.max(1, pos ? width - pos.length - 1 : width), bar);
  const body = height - (two ? 2 : 1);
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Box width={width}>
        <Box flexGrow={1}>
          <Text bold={active} inverse={bar} color={colour(bar ? "cyan" : undefined)} wrap="truncate">
            {head}
          </Text>
        </Box>
        <Text inverse={bar} color={colour(bar ? "cyan" : "gray")}>
          {bar && pos ? ` ${pos}` : pos}
        </Text>
      </Box>
      {two && height > 1 && (
        <Text color={colour(label.color ?? "gray")} wrap="truncate">
          {fit(label.detail, width)}
        </Text>
      )}
      {!w || w.rows.length === 0 ? (
        <Text color={colour("gray")} wrap="truncate">
          {fit(empty, width)}
        </Text>
      ) : (
        w.rows.slice(0, Math.max(0, body)).map((r, i) =>
          r.kind === "mark" ? (
            <Text key={i} color={colour("yellow")} bold wrap="truncate">
              {r.segments[0]?.text ?? ""}
            </Text>
          ) : (
            <Line key={i} row={r} />
          ),
        )
      )}
    </Box>
  );
}
