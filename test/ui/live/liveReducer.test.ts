import { describe, expect, it } from "vitest";
import {
  initialLive,
  liveReducer,
  selectedIndex,
  selectedLiveRow,
  type LiveAction,
  type LiveState,
} from "../../../src/ui/panes/live/liveReducer.js";
import { id, liveRows } from "./rows.js";

const run = (...actions: LiveAction[]): LiveState =>
  actions.reduce(liveReducer, liveReducer(initialLive, { type: "resize", height: 3 }));
const open: LiveAction = {
  type: "open",
  functionName: "slow-logger",
  logGroup: "/aws/lambda/slow-logger",
  since: 5,
};

describe("liveReducer", () => {
  it("opens on a function with no rows and closes back to nothing", () => {
    const s = run(open);
    expect(s).toMatchObject({ functionName: "slow-logger", logGroup: "/aws/lambda/slow-logger", since: 5 });
    expect(selectedLiveRow(s)).toBeNull();
    expect(run(open, { type: "close" }).functionName).toBeNull();
    // The pane's size outlives the view.
    expect(run(open, { type: "close" }).height).toBe(3);
  });

  it("keeps the cursor on the newest row while new invocations come in", () => {
    const s = run(open, { type: "rows", rows: liveRows(2) }, { type: "rows", rows: liveRows(3) });
    expect(selectedLiveRow(s)?.requestId).toBe(id(3));
  });

  it("keeps the cursor on the invocation the user moved to as newer ones push it down", () => {
    const s = run(open, { type: "rows", rows: liveRows(2) }, { type: "move", delta: 1 });
    expect(selectedLiveRow(s)?.requestId).toBe(id(1));
    const later = liveReducer(s, { type: "rows", rows: liveRows(5) });
    expect(selectedLiveRow(later)?.requestId).toBe(id(1));
    expect(selectedIndex(later)).toBe(4);
    // Scrolled so it stays in the 3-row window.
    expect(later.scroll).toBe(2);
  });

  it("goes back to following the newest from the top (g), and to the oldest (G)", () => {
    const s = run(open, { type: "rows", rows: liveRows(5) }, { type: "bottom" });
    expect(selectedLiveRow(s)?.requestId).toBe(id(1));
    expect(s.scroll).toBe(2);
    const top = liveReducer(s, { type: "top" });
    expect(top.selected).toBeNull();
    expect(top.scroll).toBe(0);
    expect(selectedLiveRow(liveReducer(top, { type: "rows", rows: liveRows(6) }))?.requestId).toBe(id(6));
  });

  it("moves by pages and stops at the ends", () => {
    const s = run(open, { type: "rows", rows: liveRows(8) }, { type: "page", delta: 1 });
    expect(selectedIndex(s)).toBe(3);
    expect(selectedIndex(liveReducer(s, { type: "move", delta: 99 }))).toBe(7);
    expect(selectedIndex(liveReducer(s, { type: "move", delta: -99 }))).toBe(0);
  });

  it("moves nowhere while there are no rows", () => {
    const s = run(open, { type: "move", delta: 1 });
    expect(s.selected).toBeNull();
    expect(selectedIndex(s)).toBe(0);
  });

  it("follows the newest again when the selected invocation is no longer kept", () => {
    const s = run(open, { type: "rows", rows: liveRows(3) }, { type: "bottom" });
    expect(selectedLiveRow(s)?.requestId).toBe(id(1));
    const dropped = liveReducer(s, { type: "rows", rows: liveRows(3, 5) });
    expect(dropped.selected).toBeNull();
    expect(selectedLiveRow(dropped)?.requestId).toBe(id(7));
  });

  it("says the log group is awaited until events come, and says when CloudWatch throttles", () => {
    const waiting = run(open, { type: "missingGroup" });
    expect(waiting.notice).toMatch(/Waiting for log group \/aws\/lambda\/slow-logger/);
    expect(liveReducer(waiting, { type: "rows", rows: liveRows(1) }).notice).toBeNull();
    expect(run(open, { type: "throttled", waitMs: 4200 }).notice).toBe(
      "CloudWatch is throttling: next poll in 5 s.",
    );
  });

  it("keeps the selected row in the window when the pane shrinks", () => {
    const s = run(open, { type: "rows", rows: liveRows(6) }, { type: "bottom" });
    const small = liveReducer(s, { type: "resize", height: 1 });
    expect(small.scroll).toBe(5);
  });

  it("records how it follows and why it stopped", () => {
    const s = run(open, { type: "path", path: "polling" }, { type: "failed", message: "AccessDenied" });
    expect(s).toMatchObject({ path: "polling", error: "AccessDenied" });
  });
});
