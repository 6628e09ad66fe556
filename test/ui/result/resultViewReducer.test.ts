import { describe, expect, it } from "vitest";
import {
  initialResultView,
  resultViewReducer,
  type ResultViewAction,
  type ResultViewState,
} from "../../../src/ui/panes/result/resultViewReducer.js";

const run = (actions: ResultViewAction[], from: ResultViewState = initialResultView) =>
  actions.reduce(resultViewReducer, from);
// A view of 100 lines, 10 rows high, unwrapped: its last line shows from line 90.
const scroll = (delta: number, max = 90): ResultViewAction => ({ type: "scroll", delta, max });

describe("resultViewReducer", () => {
  it("starts on the response, every view at its top (the complete log shows START first)", () => {
    expect(initialResultView.active).toBe("response");
    expect(initialResultView.scroll.complete).toEqual({ top: 0, pinned: false });
  });

  it("switches views both ways, wrapping around", () => {
    expect(run([{ type: "view", delta: 1 }]).active).toBe("tail");
    expect(
      run([
        { type: "view", delta: 1 },
        { type: "view", delta: 1 },
      ]).active,
    ).toBe("complete");
    expect(run([{ type: "view", delta: -1 }]).active).toBe("complete");
    expect(
      run([
        { type: "view", delta: 1 },
        { type: "view", delta: 1 },
        { type: "view", delta: 1 },
      ]).active,
    ).toBe("response");
  });

  it("scrolls the active view only, within 0..max", () => {
    const s = run([{ type: "view", delta: 1 }, scroll(5)]);
    expect(s.scroll.tail.top).toBe(5);
    expect(s.scroll.response.top).toBe(0);
    expect(run([scroll(-3)]).scroll.response.top).toBe(0);
    expect(run([scroll(1000)]).scroll.response.top).toBe(90);
    // Wrapped lines take more rows, so the highest first line is lower than count - rows.
    expect(run([scroll(1000, 72)]).scroll.response.top).toBe(72);
    expect(run([scroll(3, 0)]).scroll.response.top).toBe(0);
  });

  it("G pins the bottom (following new lines); scrolling up from there starts at the real bottom", () => {
    const pinned = run([{ type: "bottom" }]);
    expect(pinned.scroll.response.pinned).toBe(true);
    const up = run([scroll(-1)], pinned);
    expect(up.scroll.response).toEqual({ top: 89, pinned: false });
    expect(run([{ type: "top" }], pinned).scroll.response).toEqual({ top: 0, pinned: false });
  });

  it("f toggles following", () => {
    const on = run([{ type: "follow" }]);
    expect(on.scroll.response.pinned).toBe(true);
    expect(run([{ type: "follow" }], on).scroll.response.pinned).toBe(false);
  });

  it("w and t toggle wrapping and timestamps, and a new invocation keeps them but scrolls back to the top", () => {
    // Lines wrap until w: a log's request ids and metrics run past any pane.
    expect(initialResultView.wrap).toBe(true);
    const s = run([{ type: "wrap" }, { type: "timestamps" }, scroll(20)]);
    expect(s.wrap).toBe(false);
    expect(s.timestamps).toBe(true);
    const reset = run([{ type: "reset" }], s);
    expect(reset.wrap).toBe(false);
    expect(reset.timestamps).toBe(true);
    expect(reset.scroll.response.top).toBe(0);
  });

  it("edits a search line: type, backspace (by character), cancel", () => {
    const s = run([
      { type: "searchOpen" },
      { type: "searchType", text: "ab" },
      { type: "searchType", text: "é" },
    ]);
    expect(s.search).toMatchObject({ editing: true, draft: "abé" });
    expect(run([{ type: "searchBack" }], s).search.draft).toBe("ab");
    expect(run([{ type: "searchCancel" }], s).search).toMatchObject({ editing: false, draft: "" });
  });

  it("a match scrolls to a little above it and is remembered for n / N", () => {
    const s = run([
      { type: "searchOpen" },
      { type: "searchType", text: "err" },
      { type: "found", query: "err", match: 50, max: 90 },
    ]);
    expect(s.search).toEqual({ editing: false, draft: "", query: "err", match: 50 });
    expect(s.scroll.response.top).toBe(48);
    expect(s.notice).toBeNull();
  });

  it("no match says so and leaves the view where it was", () => {
    const s = run([scroll(7), { type: "found", query: "zzz", match: null, max: 90 }]);
    expect(s.notice).toBe('No match for "zzz"');
    expect(s.scroll.response.top).toBe(7);
  });

  it("switching views forgets the match (it was a line of the other view)", () => {
    const s = run([
      { type: "found", query: "x", match: 3, max: 90 },
      { type: "view", delta: 1 },
    ]);
    expect(s.search.match).toBeNull();
    expect(s.search.query).toBe("x");
  });

  it("the pane may give a view the keys until the user picks one, for this invocation", () => {
    const shown = run([{ type: "show", view: "complete" }]);
    expect(shown).toMatchObject({ active: "complete", picked: false });
    const picked = run([{ type: "view", delta: 1 }], shown);
    expect(picked).toMatchObject({ active: "response", picked: true });
    // A new invocation keeps the view but no longer counts it as picked.
    expect(run([{ type: "reset" }], picked)).toMatchObject({ active: "response", picked: false });
  });

  it("a view scrolled past the highest first line (the pane got taller) scrolls from there", () => {
    const s = run([scroll(80)]);
    expect(run([scroll(-1, 40)], s).scroll.response.top).toBe(39);
  });
});
