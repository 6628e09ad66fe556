import { describe, expect, it } from "vitest";
import { focusedPane, focusReducer, initialFocus, type FocusAction } from "../../src/ui/app/focus.js";

const after = (...actions: FocusAction[]) => actions.reduce(focusReducer, initialFocus);

describe("the focus stack", () => {
  it("goes back down the panes the user went through: result, then payload, then the list", () => {
    const s = after({ type: "focus", pane: "payload" }, { type: "focus", pane: "result" });
    expect(s.stack).toEqual(["functions", "payload", "result"]);
    const back = focusReducer(s, { type: "back" });
    expect(focusedPane(back)).toBe("payload");
    expect(focusedPane(focusReducer(back, { type: "back" }))).toBe("functions");
    // The list is the bottom: back there does nothing.
    expect(focusReducer(initialFocus, { type: "back" })).toBe(initialFocus);
  });

  it("returns to a pane already on the stack instead of stacking it twice", () => {
    const s = after(
      { type: "focus", pane: "payload" },
      { type: "focus", pane: "result" },
      { type: "focus", pane: "payload" },
    );
    expect(s.stack).toEqual(["functions", "payload"]);
  });

  it("cycles with Tab and Shift+Tab in pane order", () => {
    expect(focusedPane(after({ type: "cycle", delta: 1 }))).toBe("payload");
    expect(focusedPane(after({ type: "cycle", delta: -1 }))).toBe("history");
  });

  it("zooms the focused pane; back or another pane leaves the zoom first", () => {
    const zoomed = after({ type: "focus", pane: "result" }, { type: "zoom" });
    expect(zoomed.zoomed).toBe(true);
    const unzoomed = focusReducer(zoomed, { type: "back" });
    expect(unzoomed).toMatchObject({ zoomed: false });
    expect(focusedPane(unzoomed)).toBe("result");
    expect(focusReducer(zoomed, { type: "focus", pane: "history" }).zoomed).toBe(false);
  });

  it("puts an overlay in front and takes it away, the panes as they were", () => {
    const s = after({ type: "focus", pane: "history" }, { type: "overlay", overlay: "help" });
    expect(s.overlay).toBe("help");
    const closed = focusReducer(s, { type: "overlay", overlay: null });
    expect(closed.overlay).toBeNull();
    expect(focusedPane(closed)).toBe("history");
  });
});
