// The "Load file:" prompt, drawn from its state: the path on one line with a bar at the cursor
// (scrolled sideways when it is longer than the line), then the candidates of the last Tab and
// the message, each on a line of its own when there is one.
import { Box, Text } from "ink";
import { displayText, textWidth, walkGraphemes } from "../../text/graphemes.js";
import type { PathPromptState } from "./pathPromptReducer.js";

export interface PathPromptProps {
  state: PathPromptState;
  width: number;
  /** Before the path; "Load file: " when absent. */
  label?: string;
}

const BAR = "▏";
const MORE = "…";

export function PathPrompt({ state, width, label = "Load file: " }: PathPromptProps) {
  const room = Math.max(1, width - textWidth(label) - textWidth(BAR));
  const { before, after } = pathWindow(state.text, state.cursor, room);
  const more = state.moreCandidates > 0 ? `  +${state.moreCandidates} more` : "";
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold>{label}</Text>
        {before}
        <Text color="cyan">{BAR}</Text>
        {after}
      </Text>
      {state.candidates.length > 0 && (
        <Text color="gray" wrap="truncate">
          {state.candidates.map(displayText).join("  ")}
          {more}
        </Text>
      )}
      {state.message !== null && (
        <Text color="red" wrap="truncate">
          {displayText(state.message)}
        </Text>
      )}
    </Box>
  );
}

/**
 * The part of `text` to show in `room` columns around `cursor`, as shown (control characters
 * escaped): all of it when it fits; else the cursor stays in view with most of the room before
 * it, since the end of a path (the file name being typed) matters most, and "…" marks a cut.
 */
export function pathWindow(text: string, cursor: number, room: number): { before: string; after: string } {
  const before = displayText(text.slice(0, cursor));
  const after = displayText(text.slice(cursor));
  const wb = textWidth(before);
  const wa = textWidth(after);
  if (wb + wa <= room) return { before, after };
  const afterRoom = Math.min(wa, Math.floor(room / 3));
  const shownBefore = wb <= room - afterRoom ? before : MORE + lastColumns(before, room - afterRoom - 1);
  const left = room - textWidth(shownBefore);
  const shownAfter = wa <= left ? after : left < 1 ? "" : firstColumns(after, left - 1) + MORE;
  return { before: shownBefore, after: shownAfter };
}

/** The longest start of `s` at most `cols` wide. */
function firstColumns(s: string, cols: number): string {
  let x = 0;
  let end = 0;
  walkGraphemes(s, 0, (start, stop, w, plain) => {
    if (x + w <= cols) {
      x += w;
      end = stop;
      return true;
    }
    if (plain) end = start + (cols - x);
    return false;
  });
  return s.slice(0, end);
}

/** The longest end of `s` at most `cols` wide. */
function lastColumns(s: string, cols: number): string {
  const starts: { at: number; x: number }[] = [];
  let x = 0;
  walkGraphemes(s, 0, (start, stop, w, plain) => {
    if (plain) for (let i = start; i < stop; i++) starts.push({ at: i, x: x + (i - start) });
    else starts.push({ at: start, x });
    x += w;
  });
  const total = x;
  const first = starts.find((p) => total - p.x <= cols);
  return first ? s.slice(first.at) : "";
}
