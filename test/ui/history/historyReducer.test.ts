import { describe, expect, it } from "vitest";
import { diffResponses } from "../../../src/core/response-diff.js";
import {
  historyReducer,
  initialHistoryState,
  rowAt,
  selectedRow,
  shownCount,
  type HistoryAction,
  type HistoryState,
} from "../../../src/ui/panes/history/historyReducer.js";
import { record, row, rows } from "./rows.js";

const run = (s: HistoryState, ...actions: HistoryAction[]) => actions.reduce(historyReducer, s);
const loaded = (names = ["alpha", "bravo", "charlie", "delta", "echo"], height = 3) =>
  run(
    initialHistoryState(),
    { type: "resize", height },
    { type: "loaded", rows: rows(...names), damaged: null },
  );
/** Function names as shown, top to bottom. */
const shown = (s: HistoryState) => Array.from({ length: shownCount(s) }, (_, p) => rowAt(s, p)!.functionName);
const current = (s: HistoryState) => selectedRow(s)?.functionName ?? null;

describe("historyReducer", () => {
  it("starts loading and empty", () => {
    const s = initialHistoryState();
    expect(s.status).toBe("loading");
    expect(shownCount(s)).toBe(0);
    expect(selectedRow(s)).toBeNull();
  });

  it("shows the newest entry first and selects it", () => {
    const s = loaded();
    expect(s.status).toBe("ready");
    expect(shown(s)).toEqual(["echo", "delta", "charlie", "bravo", "alpha"]);
    expect(current(s)).toBe("echo");
  });

  it("keeps the damaged-records message and a load failure", () => {
    const s = run(initialHistoryState(), { type: "loaded", rows: [], damaged: "2 damaged records skipped" });
    expect(s.damaged).toBe("2 damaged records skipped");
    const f = historyReducer(initialHistoryState(), { type: "loadFailed", message: "cannot read" });
    expect(f.status).toBe("failed");
    expect(f.loadError).toBe("cannot read");
  });

  it("moves the selection and keeps it inside the scroll window", () => {
    let s = loaded();
    s = run(s, { type: "move", delta: 1 }, { type: "move", delta: 1 });
    expect(current(s)).toBe("charlie");
    expect(s.scroll).toBe(0);
    s = historyReducer(s, { type: "move", delta: 1 });
    expect(current(s)).toBe("bravo");
    expect(s.scroll).toBe(1);
    s = historyReducer(s, { type: "bottom" });
    expect(current(s)).toBe("alpha");
    expect(s.scroll).toBe(2);
    s = historyReducer(s, { type: "move", delta: 10 });
    expect(s.selected).toBe(4);
    s = historyReducer(s, { type: "page", delta: -1 });
    expect(s.selected).toBe(1);
    expect(s.scroll).toBe(1);
    s = historyReducer(s, { type: "top" });
    expect([s.selected, s.scroll]).toEqual([0, 0]);
  });

  it("never scrolls past the last entry when the window grows", () => {
    let s = run(loaded(), { type: "bottom" });
    expect(s.scroll).toBe(2);
    s = historyReducer(s, { type: "resize", height: 10 });
    expect(s.scroll).toBe(0);
    expect(current(s)).toBe("alpha");
  });

  it("filters fuzzily over function, status and payload, newest first", () => {
    const base = rows("orders-api", "payments", "orders-api");
    base.push(row({ name: "thrower", response: { ...record().response, functionError: "Unhandled" } }));
    let s = run(
      initialHistoryState(),
      { type: "loaded", rows: base, damaged: null },
      { type: "startFilter" },
    );
    s = historyReducer(s, { type: "type", text: "ordr" });
    expect(shown(s)).toEqual(["orders-api", "orders-api"]);
    // The newest of the two matches comes first.
    expect(rowAt(s, 0)!.id).toBe(base[2]!.id);
    s = run(s, { type: "stopFilter" }, { type: "startFilter" }, { type: "type", text: "unhandled" });
    expect(shown(s)).toEqual(["thrower"]);
    s = run(s, { type: "stopFilter" }, { type: "type", text: `"n":${base[1]!.payloadPreview.slice(5, -1)}` });
    expect(shown(s)).toContain("payments");
  });

  it("matches nothing for a query no entry has, and backspace widens again", () => {
    let s = run(loaded(), { type: "type", text: "zzzz" });
    expect(shownCount(s)).toBe(0);
    expect(selectedRow(s)).toBeNull();
    s = run(s, { type: "backspace" }, { type: "backspace" }, { type: "backspace" }, { type: "backspace" });
    expect(s.query).toBe("");
    expect(shownCount(s)).toBe(5);
  });

  it("keeps the selected entry when the filter is dropped", () => {
    let s = run(loaded(), { type: "type", text: "brav" });
    expect(current(s)).toBe("bravo");
    s = historyReducer(s, { type: "stopFilter" });
    expect(s.query).toBe("");
    expect(current(s)).toBe("bravo");
    expect(s.selected).toBe(3);
    expect(s.scroll).toBeLessThanOrEqual(3);
    expect(s.scroll + s.height).toBeGreaterThan(3);
  });

  it("puts a new invocation on top, keeping the selection on the entry it was on", () => {
    let s = loaded();
    s = historyReducer(s, { type: "added", row: row({ name: "foxtrot" }) });
    expect(current(s)).toBe("foxtrot"); // at the top, the newest stays selected
    s = run(s, { type: "move", delta: 2 });
    expect(current(s)).toBe("delta");
    s = historyReducer(s, { type: "added", row: row({ name: "golf" }) });
    expect(shown(s)[0]).toBe("golf");
    expect(current(s)).toBe("delta");
  });

  it("adds a new invocation to a filtered list when it matches", () => {
    let s = run(loaded(), { type: "type", text: "orders" });
    expect(shownCount(s)).toBe(0);
    s = historyReducer(s, { type: "added", row: row({ name: "orders-api" }) });
    expect(shown(s)).toEqual(["orders-api"]);
  });

  it("merges invocations recorded while the file loaded, once each", () => {
    const early = row({ name: "early" });
    let s = historyReducer(initialHistoryState(), { type: "added", row: early });
    expect(s.status).toBe("loading");
    const file = [...rows("a", "b"), { ...early }];
    s = historyReducer(s, { type: "loaded", rows: file, damaged: null });
    expect(shown(s)).toEqual(["early", "b", "a"]);
  });

  it("opens the qualifier chooser, moves in it, and keeps the cursor when options arrive", () => {
    const entry = row({ name: "versioned-greeter", qualifier: "live" });
    let s = historyReducer(loaded(), { type: "choose", entry, options: [] });
    expect(s.overlay?.kind).toBe("choose");
    const opts = ["$LATEST", "canary", "1", "2"].map((q) => ({ qualifier: q, label: q }));
    s = run(s, { type: "choose", entry, options: opts.slice(0, 2) }, { type: "chooseMove", delta: 1 });
    s = run(s, { type: "choose", entry, options: opts }, { type: "chooseMove", delta: 5 });
    expect(s.overlay?.kind === "choose" && s.overlay.options[s.overlay.cursor]!.qualifier).toBe("2");
    expect(historyReducer(s, { type: "closeOverlay" }).overlay).toBeNull();
  });

  it("follows a replay from invoking to its diff, and scrolls the diff", () => {
    const original = record({ name: "versioned-greeter", qualifier: "live" });
    const replay = record({
      name: "versioned-greeter",
      qualifier: "canary",
      response: { ...original.response, executedVersion: "2", payload: '{"ok":false}' },
    });
    let s = historyReducer(loaded(), { type: "replaying", original: row(), qualifier: "canary" });
    expect(s.overlay).toMatchObject({ kind: "diff", qualifier: "canary", replay: null, diff: null });
    const diff = diffResponses(original, replay);
    s = historyReducer(s, { type: "replayed", replay: row(), diff, message: null });
    expect(s.overlay).toMatchObject({ kind: "diff", diff });
    s = run(s, { type: "scrollDiff", delta: 3 }, { type: "scrollDiff", delta: -5 });
    expect(s.overlay?.kind === "diff" && s.overlay.scroll).toBe(0);
    const failed = historyReducer(
      historyReducer(loaded(), { type: "replaying", original: row(), qualifier: null }),
      { type: "replayed", replay: null, diff: null, message: "ResourceNotFoundException" },
    );
    expect(failed.overlay).toMatchObject({ kind: "diff", message: "ResourceNotFoundException" });
  });

  it("scrolls a long diff no further than its last line", () => {
    const original = record({
      response: { ...record().response, payload: JSON.stringify({ a: Array(30).fill(1) }) },
    });
    const replay = record({
      response: { ...original.response, payload: JSON.stringify({ a: Array(30).fill(2) }) },
    });
    let s = run(
      loaded(),
      { type: "replaying", original: row(), qualifier: null },
      {
        type: "replayed",
        replay: row(),
        diff: diffResponses(original, replay),
        message: null,
      },
    );
    // 2 answer lines, the verdict, 30 changes and the duration: 34 lines in a window of 3.
    s = run(s, ...Array.from({ length: 50 }, () => ({ type: "scrollDiff", delta: 1 }) as const));
    expect(s.overlay?.kind === "diff" && s.overlay.scroll).toBe(31);
    s = historyReducer(s, { type: "scrollDiff", delta: -1 });
    expect(s.overlay?.kind === "diff" && s.overlay.scroll).toBe(30);
  });

  it("ignores a replay's answer once its diff was closed", () => {
    const s = run(loaded(), { type: "replayed", replay: row(), diff: null, message: null });
    expect(s.overlay).toBeNull();
  });

  it("opens 100,000 entries without copying or reading them, and filters them", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      row({ name: i % 1000 === 0 ? "rare-fn" : "common" }),
    );
    // Counts the rows read, the work opening does (its time is in bench/history.bench.mjs).
    let touched = 0;
    const many = new Proxy(rows, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) touched++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    let s = run(
      initialHistoryState(),
      { type: "resize", height: 20 },
      { type: "loaded", rows: many, damaged: null },
    );
    expect(touched).toBeLessThanOrEqual(20);
    expect(s.rows).toBe(many);
    expect(rowAt(s, 0)).toBe(many[99_999]);
    s = historyReducer(s, { type: "type", text: "rare-fn" });
    expect(shownCount(s)).toBe(100);
  });

  it("keeps the opened entry, scrolled within bounds, until it is left; another starts at its top", () => {
    const first = record({ payload: '{"first":1}' });
    let s = run(loaded(), { type: "show", record: first });
    expect(s.shown).toEqual({ record: first, top: 0 });
    s = run(s, { type: "scrollShown", to: 4, max: 10 });
    expect(s.shown?.top).toBe(4);
    expect(run(s, { type: "scrollShown", to: 99, max: 10 }).shown?.top).toBe(10);
    expect(run(s, { type: "scrollShown", to: -3, max: 10 }).shown?.top).toBe(0);
    const second = record({ payload: '{"second":2}' });
    expect(run(s, { type: "show", record: second }).shown).toEqual({ record: second, top: 0 });
    // The list is not touched by any of it.
    expect(current(s)).toBe("echo");
    s = run(s, { type: "show", record: null });
    expect(s.shown).toBeNull();
    expect(run(s, { type: "scrollShown", to: 2, max: 10 }).shown).toBeNull();
  });
});
