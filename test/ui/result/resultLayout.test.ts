import { describe, expect, it } from "vitest";
import { bodyLines } from "../../../src/ui/panes/result/bodyLines.js";
import {
  headerRows,
  resultLayout,
  SIDE_BY_SIDE_WIDTH,
  viewRowsOf,
} from "../../../src/ui/panes/result/resultLayout.js";
import { findNext } from "../../../src/ui/panes/result/useResultView.js";

describe("resultLayout", () => {
  it("wide: the response above the tail and the complete log side by side, a column apart", () => {
    const l = resultLayout(101, 46, 2, "response", false, 3);
    expect(l.summaryRows).toBe(2);
    expect(l.tabs).toBe(false);
    expect(l.rows.map((r) => r.map((b) => b.view))).toEqual([["response"], ["tail", "complete"]]);
    const [tail, complete] = l.rows[1]!;
    expect(tail!.width + 1 + complete!.width).toBe(101);
    // A three-line response takes its lines and a label, the logs the rest.
    expect(l.rows[0]![0]!.height).toBe(headerRows(101) + 3);
    expect(l.rows[0]![0]!.height + tail!.height).toBe(44);
  });

  it("a long response takes at most about a third", () => {
    const l = resultLayout(101, 46, 2, "response", false, 100_000);
    expect(l.rows[0]![0]!.height).toBe(Math.floor(44 * 0.35));
  });

  it("narrow: only the active view, under a tab row", () => {
    const l = resultLayout(SIDE_BY_SIDE_WIDTH - 1, 30, 2, "complete", false);
    expect(l.tabs).toBe(true);
    expect(l.rows).toEqual([[{ view: "complete", width: SIDE_BY_SIDE_WIDTH - 1, height: 27 }]]);
    expect(viewRowsOf(l, "complete").rows).toBe(27 - headerRows(SIDE_BY_SIDE_WIDTH - 1));
    expect(viewRowsOf(l, "tail").rows).toBe(0);
  });

  it("keeps a row for the search line or a notice, and shows no views when there is no room", () => {
    expect(resultLayout(60, 20, 2, "response", true).statusRow).toBe(true);
    const tiny = resultLayout(60, 2, 6, "response", false);
    expect(tiny.rows).toEqual([]);
    expect(tiny.summaryRows).toBe(2);
  });

  it("three rows: the summary's first row, and a view's label and one line", () => {
    const l = resultLayout(60, 3, 6, "complete", false, 1, 2);
    expect(l.summaryRows).toBe(1);
    expect(l.rows).toEqual([[{ view: "complete", width: 60, height: 2 }]]);
    expect(viewRowsOf(l, "complete").rows).toBe(1);
  });

  it("the summary wraps to the rows it needs, up to half the pane, never less than its first line", () => {
    expect(resultLayout(60, 30, 5, "response", false).summaryRows).toBe(5);
    expect(resultLayout(60, 30, 40, "response", false).summaryRows).toBe(15);
    expect(resultLayout(60, 10, 8, "response", false, 1, 6).summaryRows).toBe(6);
  });

  it("the logs stand side by side from 90 columns, and all three views from 180", () => {
    const at = (w: number) => resultLayout(w, 30, 2, "response", false).rows.map((r) => r.map((b) => b.view));
    expect(at(89)).toEqual([["response"]]);
    expect(at(90)).toEqual([["response"], ["tail", "complete"]]);
    expect(at(110)).toEqual([["response"], ["tail", "complete"]]);
    const three = resultLayout(200, 30, 2, "response", false).rows;
    expect(three.map((r) => r.map((b) => b.view))).toEqual([["response", "tail", "complete"]]);
    expect(three[0]!.reduce((w, b) => w + b.width, 0) + 2).toBe(200);
  });
});

describe("findNext", () => {
  const lines = bodyLines(["alpha", "beta", "Alpha two", "gamma", "alpha three"].join("\n"));
  it("finds forward from after a line, wrapping to the top", () => {
    expect(findNext(lines, "alpha", -1, false)).toBe(0);
    expect(findNext(lines, "alpha", 0, false)).toBe(2);
    expect(findNext(lines, "alpha", 4, false)).toBe(0);
  });
  it("finds backward from before a line, wrapping to the bottom", () => {
    expect(findNext(lines, "alpha", 2, true)).toBe(0);
    expect(findNext(lines, "alpha", 0, true)).toBe(4);
  });
  it("null when nothing matches", () => {
    expect(findNext(lines, "delta", 0, false)).toBeNull();
    expect(findNext(lines, "", 0, false)).toBeNull();
  });
  it("searches a long log in slices and still finds a match far away", () => {
    const big = bodyLines(
      Array.from({ length: 20_000 }, (_, i) => (i === 15_000 ? "needle" : `hay ${i}`)).join("\n"),
    );
    expect(findNext(big, "needle", 10, false)).toBe(15_000);
    expect(findNext(big, "needle", 10, true)).toBe(15_000);
    expect(findNext(big, "needle", 15_000, false)).toBe(15_000);
  });
});
