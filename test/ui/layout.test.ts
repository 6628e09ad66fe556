import { describe, expect, it } from "vitest";
import { layout, paneAt, PANES, STRIP_WIDTH } from "../../src/ui/app/layout.js";

describe("layout", () => {
  it("puts panes side by side from 100x30, filling the width and the body", () => {
    const l = layout({ columns: 140, rows: 40, focus: "functions" });
    expect(l.mode).toBe("wide");
    expect(l.height).toBe(39); // one row short of the terminal, so Ink never clears the screen
    const { functions, payload, result, history } = l.panes;
    expect(functions.width + payload.width + result.width).toBe(140);
    expect(functions.height + history.height).toBe(l.bodyHeight);
    expect(history.width).toBe(140);
    expect(PANES.every((p) => !l.panes[p].collapsed)).toBe(true);
  });

  it("stacks below 100 columns or 30 rows, the focused pane taking the room", () => {
    for (const [c, r] of [
      [99, 40],
      [140, 29],
    ] as const) {
      const l = layout({ columns: c, rows: r, focus: "payload" });
      expect(l.mode).toBe("stacked");
      expect(l.panes.payload.collapsed).toBe(false);
      expect(l.panes.functions.collapsed).toBe(true);
      const total = PANES.reduce((n, p) => n + l.panes[p].height, 0);
      expect(total).toBe(l.bodyHeight);
    }
  });

  it("never gives a negative size, down to 1x1, and hides collapsed titles when there is no room", () => {
    for (const [c, r] of [
      [1, 1],
      [20, 10],
      [5, 3],
      [0, 0],
    ] as const) {
      const l = layout({ columns: c, rows: r, focus: "functions" });
      for (const p of PANES) {
        expect(l.panes[p].width).toBeGreaterThanOrEqual(0);
        expect(l.panes[p].height).toBeGreaterThanOrEqual(0);
      }
      expect(PANES.reduce((n, p) => n + l.panes[p].height, 0)).toBeLessThanOrEqual(Math.max(0, l.bodyHeight));
    }
    expect(layout({ columns: 20, rows: 5, focus: "functions" }).panes.history.height).toBe(0);
  });

  it("gives a result in front the width: at 120 columns the list and the payload fold to strips", () => {
    const l = layout({ columns: 120, rows: 40, focus: "result", results: true });
    expect(l.panes.functions).toMatchObject({ width: STRIP_WIDTH, strip: true });
    expect(l.panes.payload).toMatchObject({ width: STRIP_WIDTH, strip: true });
    expect(l.panes.result.width).toBe(120 - 2 * STRIP_WIDTH);
    // Editing again, the payload has room beside the result; the list stays folded.
    const editing = layout({ columns: 120, rows: 40, focus: "payload", results: true });
    expect(editing.panes.payload.strip).toBe(false);
    expect(editing.panes.payload.width).toBeGreaterThanOrEqual(40);
    expect(editing.panes.functions.strip).toBe(true);
    // Browsing the history, an opened entry's recorded payload stays readable beside its answer.
    const browsing = layout({ columns: 120, rows: 40, focus: "history", results: true });
    expect(browsing.panes.payload.strip).toBe(false);
    // Before any result, nothing is folded.
    const before = layout({ columns: 120, rows: 40, focus: "result" });
    expect(PANES.some((p) => before.panes[p].strip)).toBe(false);
  });

  it("keeps the payload beside a result in front from 160 columns", () => {
    const l = layout({ columns: 200, rows: 60, focus: "result", results: true });
    expect(l.panes.functions.strip).toBe(true);
    expect(l.panes.payload.strip).toBe(false);
    expect(l.panes.payload.width).toBeGreaterThanOrEqual(50);
    expect(l.panes.result.width).toBeGreaterThanOrEqual(130);
    expect(l.panes.functions.width + l.panes.payload.width + l.panes.result.width).toBe(200);
  });

  it("zoomed, gives the focused pane the whole body and hides the others, wide or stacked", () => {
    for (const [columns, rows] of [
      [200, 60],
      [80, 24],
    ] as const) {
      const l = layout({ columns, rows, focus: "result", results: true, zoomed: true });
      expect(l.panes.result).toMatchObject({ width: columns, height: l.bodyHeight });
      for (const p of ["functions", "payload", "history"] as const) expect(l.panes[p].height).toBe(0);
    }
  });

  it("places panes for the mouse: the pane under a cell, none on the header or footer", () => {
    const wide = layout({ columns: 140, rows: 40, focus: "functions" });
    expect(paneAt(wide, 0, 0)).toBeNull();
    expect(paneAt(wide, 1, 1)).toBe("functions");
    expect(paneAt(wide, wide.panes.payload.x, 5)).toBe("payload");
    expect(paneAt(wide, 139, 5)).toBe("result");
    expect(paneAt(wide, 70, wide.panes.history.y)).toBe("history");
    expect(paneAt(wide, 70, 38)).toBeNull();
    const stacked = layout({ columns: 80, rows: 24, focus: "payload" });
    expect(paneAt(stacked, 5, 1)).toBe("functions");
    expect(paneAt(stacked, 5, 2)).toBe("payload");
    expect(paneAt(stacked, 5, stacked.panes.history.y)).toBe("history");
  });
});
