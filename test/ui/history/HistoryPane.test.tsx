// The history pane drawn from states of its reducer: empty, loading, entries, filtered, the
// damaged-records message, the chooser and a replay's diff.
import { describe, expect, it } from "vitest";
import { summarize } from "../../../src/core/history-record.js";
import { diffResponses } from "../../../src/core/response-diff.js";
import {
  historyReducer,
  initialHistoryState,
  type HistoryAction,
  type HistoryState,
} from "../../../src/ui/panes/history/historyReducer.js";
import { HistoryPane } from "../../../src/ui/panes/history/HistoryPane.js";
import { renderTui } from "../../helpers/render-tui.js";
import { record, row, rows } from "./rows.js";

const run = (...actions: HistoryAction[]) =>
  actions.reduce(historyReducer, historyReducer(initialHistoryState(), { type: "resize", height: 6 }));
function draw(state: HistoryState, width = 100, height = 8): string {
  const t = renderTui(<HistoryPane state={state} width={width} height={height} focused />);
  const f = t.frame();
  t.unmount();
  return f;
}

describe("HistoryPane", () => {
  it("says it is loading until the index is read", () => {
    expect(draw(run())).toMatch(/History 0 · loading history…[\s\S]*loading history…/);
  });

  it("says how to fill an empty history", () => {
    const f = draw(run({ type: "loaded", rows: [], damaged: null }));
    expect(f).toContain("History 0");
    expect(f).toContain("No invocations yet");
    expect(f).not.toContain("loading");
  });

  it("lists entries newest first with time, function:qualifier, type, status, duration and version", () => {
    const failed = row({
      name: "thrower",
      response: { ...record().response, functionError: "Unhandled", executedVersion: "7" },
    });
    const f = draw(
      run({
        type: "loaded",
        rows: [row({ name: "orders-api", qualifier: "live", invocationType: "Event" }), failed],
        damaged: null,
      }),
    );
    const lines = f.split("\n");
    expect(lines[0]).toContain("History 2");
    expect(lines[1]).toMatch(/^› \d\d-\d\d \d\d:\d\d:\d\d {2}thrower\s+sync\s+Unhandled\s+13 ms\s+7/);
    expect(lines[2]).toMatch(/orders-api:live\s+event\s+200\s+13 ms\s+\$LATEST/);
  });

  it("draws only the rows of the scroll window", () => {
    const many = rows(...Array.from({ length: 50 }, (_, i) => `fn-${String(i).padStart(2, "0")}`));
    const s = run({ type: "loaded", rows: many, damaged: null }, { type: "move", delta: 10 });
    const f = draw(s, 100, 7);
    expect(f.match(/fn-\d\d/g)).toEqual(["fn-44", "fn-43", "fn-42", "fn-41", "fn-40", "fn-39"]);
    expect(f).toMatch(/› .*fn-39/);
  });

  it("shows the filter, the count of matches, and a line when nothing matches", () => {
    let s = run({ type: "loaded", rows: rows("orders-api", "payments", "orders-api"), damaged: null });
    s = historyReducer(s, { type: "type", text: "pay" });
    const f = draw(s);
    expect(f).toMatch(/History 1\/3 \/pay/);
    expect(f).toContain("payments");
    expect(f).not.toContain("orders-api");
    const none = draw(historyReducer(s, { type: "type", text: "zzz" }));
    expect(none).toContain("no entry matches “payzzz”");
  });

  it("reports damaged records and a history that cannot be written, in a line each", () => {
    const s = run(
      { type: "loaded", rows: rows("orders-api"), damaged: "2 damaged records skipped (lines 3, 9)" },
      { type: "writeFailed", message: "History not saved: cannot write the history file /ro/h.jsonl" },
    );
    const f = draw(s);
    expect(f).toContain("2 damaged records skipped (lines 3, 9)");
    expect(f).toContain("History not saved: cannot write the history file /ro/h.jsonl");
    expect(f).toContain("orders-api");
  });

  it("draws recorded text safely: escape sequences are shown, never sent", () => {
    const s = run({ type: "loaded", rows: [row({ name: "evil\u001b[2Jname" })], damaged: null });
    const f = draw(s);
    expect(f).toContain("evil\\e[2Jname");
    expect(f).not.toContain("\u001b[2J");
  });

  it("lists the qualifiers to replay on", () => {
    const entry = row({ name: "versioned-greeter", qualifier: "live" });
    const s = run(
      { type: "loaded", rows: [entry], damaged: null },
      {
        type: "choose",
        entry,
        options: [
          { qualifier: "$LATEST", label: "$LATEST" },
          { qualifier: "canary", label: "canary → v2" },
        ],
      },
      { type: "chooseMove", delta: 1 },
    );
    const f = draw(s);
    expect(f).toContain("Replay versioned-greeter:live on…");
    expect(f).toMatch(/› canary → v2/);
  });

  it("shows a replay's diff: both answers and the structural changes", () => {
    const original = record({
      name: "versioned-greeter",
      qualifier: "live",
      response: { ...record().response, executedVersion: "1", payload: '{"message":"hello"}' },
    });
    const replay = record({
      name: "versioned-greeter",
      qualifier: "canary",
      response: { ...original.response, executedVersion: "2", payload: '{"greeting":{"text":"hi"}}' },
      replayOf: original.id,
    });
    let s = run(
      { type: "loaded", rows: [summarize(original)], damaged: null },
      { type: "replaying", original: summarize(original), qualifier: "canary" },
    );
    expect(draw(s)).toMatch(/Replay of versioned-greeter:live on canary[\s\S]*invoking…/);
    s = historyReducer(s, {
      type: "replayed",
      replay: summarize(replay),
      diff: diffResponses(original, replay),
      message: null,
    });
    const f = draw(s, 100, 12);
    expect(f).toMatch(/original .* 200 · version 1/);
    expect(f).toMatch(/replay .* 200 · version 2/);
    expect(f).toContain("The answers differ:");
    expect(f).toContain('$.message: "hello" → (none)');
    expect(f).toContain('$.greeting: (none) → {"text":"hi"}');
    expect(f).toContain("version: 1 → 2 (not compared)");
  });

  it("says why a replay has no diff", () => {
    const s = run(
      { type: "loaded", rows: [row()], damaged: null },
      { type: "replaying", original: row(), qualifier: "gone" },
      { type: "replayed", replay: null, diff: null, message: "Function not found: orders-api:gone" },
    );
    expect(draw(s)).toContain("replay    Function not found: orders-api:gone");
  });
});
