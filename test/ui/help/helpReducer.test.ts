import { describe, expect, it } from "vitest";
import {
  helpReducer,
  initialHelp,
  type HelpAction,
  type HelpState,
} from "../../../src/ui/panes/help/helpReducer.js";
import { helpKey } from "../../../src/ui/panes/help/useHelp.js";
import { press, RAW } from "../../helpers/keys.js";

const run = (s: HelpState, ...actions: HelpAction[]) => actions.reduce(helpReducer, s);
const frame = { total: 50, rows: 20 };

describe("helpReducer", () => {
  it("scrolls within the rows, never past the last full page", () => {
    expect(run(initialHelp, { type: "scroll", delta: -1, frame }).offset).toBe(0);
    expect(run(initialHelp, { type: "scroll", delta: 7, frame }).offset).toBe(7);
    expect(run(initialHelp, { type: "scroll", delta: 100, frame }).offset).toBe(30);
    expect(run(initialHelp, { type: "bottom", frame }).offset).toBe(30);
    expect(run(initialHelp, { type: "bottom", frame }, { type: "top" }).offset).toBe(0);
    // Everything fits: nowhere to go.
    expect(run(initialHelp, { type: "scroll", delta: 5, frame: { total: 8, rows: 20 } }).offset).toBe(0);
  });

  it("scrolls up from where the view is after it grew, not from an offset it cannot show", () => {
    const deep = run(initialHelp, { type: "bottom", frame });
    const taller = { total: 50, rows: 45 };
    expect(run(deep, { type: "scroll", delta: -1, frame: taller }).offset).toBe(4);
  });

  it("edits a search: typing narrows from the top, Enter keeps it, Esc drops it", () => {
    const scrolled = run(initialHelp, { type: "scroll", delta: 12, frame });
    const typed = run(
      scrolled,
      { type: "startSearch" },
      { type: "type", text: "r" },
      { type: "type", text: "e" },
    );
    expect(typed).toEqual({ offset: 0, query: "re", editing: true });
    expect(run(typed, { type: "deleteBack" }).query).toBe("r");
    expect(run(typed, { type: "acceptSearch" })).toEqual({ offset: 0, query: "re", editing: false });
    expect(run(typed, { type: "clearSearch" })).toEqual(initialHelp);
    // "/" again edits the kept search rather than starting over.
    expect(run(typed, { type: "acceptSearch" }, { type: "startSearch" }).query).toBe("re");
  });

  it("forgets everything on reset (the help opens fresh)", () => {
    const s = run(
      initialHelp,
      { type: "startSearch" },
      { type: "type", text: "x" },
      { type: "scroll", delta: 3, frame },
    );
    expect(run(s, { type: "reset" })).toEqual(initialHelp);
  });
});

describe("helpKey", () => {
  const closed = initialHelp;
  const editing = { ...initialHelp, editing: true, query: "ab" };

  it("maps the help's keys from the key table", () => {
    expect(helpKey(closed, frame, ...press("j"))).toEqual({ type: "scroll", delta: 1, frame });
    expect(helpKey(closed, frame, ...press(RAW.up))).toEqual({ type: "scroll", delta: -1, frame });
    expect(helpKey(closed, frame, ...press(" "))).toEqual({ type: "scroll", delta: 19, frame });
    expect(helpKey(closed, frame, ...press(RAW.pgup))).toEqual({ type: "scroll", delta: -19, frame });
    expect(helpKey(closed, frame, ...press("g"))).toEqual({ type: "top" });
    expect(helpKey(closed, frame, ...press("G"))).toEqual({ type: "bottom", frame });
    expect(helpKey(closed, frame, ...press("/"))).toEqual({ type: "startSearch" });
    for (const raw of [RAW.esc, "?", "q"]) expect(helpKey(closed, frame, ...press(raw))).toBe("close");
    expect(helpKey(closed, frame, ...press("x"))).toBeNull();
  });

  it("gives the search line every key while it is edited: Esc leaves the search, not the help", () => {
    expect(helpKey(editing, frame, ...press("q"))).toEqual({ type: "type", text: "q" });
    expect(helpKey(editing, frame, ...press("j"))).toEqual({ type: "type", text: "j" });
    expect(helpKey(editing, frame, ...press(RAW.backspace))).toEqual({ type: "deleteBack" });
    expect(helpKey(editing, frame, ...press(RAW.enter))).toEqual({ type: "acceptSearch" });
    expect(helpKey(editing, frame, ...press(RAW.esc))).toEqual({ type: "clearSearch" });
    expect(helpKey(editing, frame, ...press(RAW.up))).toBeNull();
  });
});
