import { describe, expect, it } from "vitest";
import { layout, PANES } from "../../src/ui/app/layout.js";

describe("layout", () => {
  it("puts panes side by side from 100x30, filling the width and the body", () => {
    const l = layout(140, 40, "functions");
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
      const l = layout(c, r, "payload");
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
      const l = layout(c, r, "functions");
      for (const p of PANES) {
        expect(l.panes[p].width).toBeGreaterThanOrEqual(0);
        expect(l.panes[p].height).toBeGreaterThanOrEqual(0);
      }
      expect(PANES.reduce((n, p) => n + l.panes[p].height, 0)).toBeLessThanOrEqual(Math.max(0, l.bodyHeight));
    }
    expect(layout(20, 5, "functions").panes.history.height).toBe(0);
  });
});
