// The result pane: what the invocation answered (status, version, metrics, error), then the
// response and the two logs (Invoke's tail and the complete CloudWatch log), side by side when
// there is room. Render only: state comes from useInvocation and useResultView, sizes from the
// root, and only the visible lines of each view are read.
import { memo } from "react";
import { Box, Text } from "ink";
import type { InvocationState } from "./invocationReducer.js";
import { fit } from "../../text/fit.js";
import { safeLine } from "../../text/safeText.js";
import { colour } from "../../text/colour.js";
import { liveView, resultFrame, viewWindow, type ResultLines } from "./resultFrame.js";
import { VIEW_GAP } from "./resultLayout.js";
import { initialResultView, VIEWS, type ResultViewState } from "./resultViewReducer.js";
import { TextView, viewTitle } from "./TextView.js";
import { emptyText, viewLabel } from "./viewLabels.js";

export interface ResultPaneProps {
  state: InvocationState;
  now: number;
  width: number;
  height: number;
  focused: boolean;
  view?: ResultViewState;
  lines?: ResultLines;
}

const TAB = { response: "Response", tail: "Tail (4 KB)", complete: "CloudWatch" } as const;

const NO_LINES: ResultLines = {
  response: null,
  tail: null,
  complete: null,
  tailInfo: { lines: [], cut: false },
};

export const ResultPane = memo(function ResultPane({
  state,
  now,
  width,
  height,
  focused,
  view: viewState = initialResultView,
  lines = NO_LINES,
}: ResultPaneProps) {
  if (width <= 0 || height <= 0) return null;
  const view = liveView(viewState, state);
  const { summary, layout, active } = resultFrame(state, view, lines, now, width, height);
  const counts = {
    body: lines.response?.count ?? null,
    json: lines.response?.json ?? false,
    tail: lines.tailInfo,
    complete: lines.complete?.count ?? 0,
  };
  return (
    // Clipped only vertically: every row is already cut to the width, and a horizontal clip
    // makes Ink slice each row of every frame again (half the cost of a frame when scrolling).
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {summary.slice(0, layout.summaryRows).map((l, i) => (
        <Text key={i} color={colour(l.color)} bold={l.bold} wrap="truncate">
          {l.text}
        </Text>
      ))}
      {layout.tabs && (
        <Text wrap="truncate">
          {VIEWS.map((v) => {
            const l = viewLabel(v, state, counts, now);
            const on = active === v;
            // Short names, and the logs' state: it matters while another view is shown.
            const name = v === "complete" ? `CloudWatch${l.detail ? ` · ${l.detail}` : ""}` : TAB[v];
            return (
              <Text key={v} inverse={on} bold={on} color={colour(on ? "cyan" : l.color)}>
                {` ${viewTitle(name, on)} `}
              </Text>
            );
          })}
        </Text>
      )}
      {layout.rows.map((row, r) => (
        <Box key={r} flexDirection="row" width={width} height={row[0]?.height ?? 0}>
          {row.map((b, k) => {
            const text = lines[b.view];
            const isActive = active === b.view;
            return (
              <Box key={b.view} marginLeft={k > 0 ? VIEW_GAP : 0}>
                <TextView
                  label={viewLabel(b.view, state, counts, now)}
                  window={text ? viewWindow(text, view, b.view, b, isActive) : null}
                  count={text?.count ?? 0}
                  pinned={view.scroll[b.view].pinned}
                  empty={emptyText(b.view, state)}
                  width={b.width}
                  height={b.height}
                  active={isActive}
                  focused={focused}
                />
              </Box>
            );
          })}
        </Box>
      ))}
      {layout.statusRow &&
        (view.search.editing ? (
          <Text wrap="truncate">
            <Text bold>/</Text>
            {safeLine(view.search.draft)}
            <Text color={colour("cyan")}>▏</Text>
          </Text>
        ) : (
          <Text color={colour("yellow")} wrap="truncate">
            {fit(safeLine(view.notice ?? ""), width)}
          </Text>
        ))}
    </Box>
  );
});
