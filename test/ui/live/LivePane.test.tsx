// The Live view drawn from states of its reducer: waiting, rows newest first with their
// figures, the columns that fit a narrow pane, the selection, and hostile text from the logs.
import { describe, expect, it } from "vitest";
import {
  initialLive,
  liveReducer,
  type LiveAction,
  type LiveState,
} from "../../../src/ui/panes/live/liveReducer.js";
import { LivePane } from "../../../src/ui/panes/live/LivePane.js";
import { liveColumnsFor } from "../../../src/ui/panes/live/liveColumns.js";
import { renderTui } from "../../helpers/render-tui.js";
import { id, liveRow, liveRows } from "./rows.js";

const run = (...actions: LiveAction[]): LiveState =>
  actions.reduce(
    liveReducer,
    liveReducer(liveReducer(initialLive, { type: "resize", height: 5 }), {
      type: "open",
      functionName: "slow-logger",
      logGroup: "/aws/lambda/slow-logger",
      since: Date.UTC(2026, 0, 1, 11, 50),
    }),
  );
function draw(state: LiveState, width = 120, height = 8): string {
  const t = renderTui(<LivePane state={state} width={width} height={height} focused />);
  const f = t.frame();
  t.unmount();
  return f;
}

describe("LivePane", () => {
  it("says what it waits for before any invocation", () => {
    const f = draw(run({ type: "missingGroup" }));
    expect(f).toMatch(/Live slow-logger · connecting… · 0 invocations/);
    expect(f).toMatch(/Waiting for log group \/aws\/lambda\/slow-logger/);
    expect(f).toMatch(/No invocations yet/);
  });

  it("shows a row per invocation, newest first, with status, duration, cold start, memory and error", () => {
    const rows = [
      liveRow(3, { status: "running", durationMs: null, maxMemoryMb: null, memoryMb: null }),
      liveRow(2, { status: "error", errorType: "InventoryError", coldStart: true }),
      liveRow(1),
    ];
    const f = draw(run({ type: "path", path: "live tail" }, { type: "rows", rows }));
    expect(f).toMatch(/Live slow-logger · live tail · 3 invocations/);
    const lines = f.split("\n");
    const at = (n: number) => lines.findIndex((l) => l.includes(id(n)));
    expect(at(3)).toBeGreaterThan(0);
    expect(at(3)).toBeLessThan(at(2));
    expect(at(2)).toBeLessThan(at(1));
    expect(lines[at(3)]).toMatch(/^› \d\d:\d\d:\d\d {2}running/);
    expect(lines[at(2)]).toMatch(/error +13 ms {2}cold +44\/128 MB {2}0+2-1111.*InventoryError/);
    expect(lines[at(1)]).toMatch(/success +13 ms +44\/128 MB/);
  });

  it("keeps time, status and error in an 80-column pane, the request id cut short", () => {
    const row = liveRow(1, { errorType: "InventoryError", status: "error", durationMs: 4.25 });
    const f = draw(run({ type: "rows", rows: [row] }), 78);
    expect(f).toMatch(/\d\d:\d\d:\d\d {2}error +4\.25 ms/);
    expect(f).toMatch(/00000001 {2}InventoryError/);
    expect(f).not.toMatch(/1111-2222/);
    for (const line of f.split("\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  it("drops columns as the pane narrows, never the time, status and error", () => {
    const ids = (w: number) => liveColumnsFor(w).map((c) => c.id);
    expect(ids(200)).toEqual(["time", "status", "duration", "cold", "memory", "request", "error"]);
    expect(ids(40)).toEqual(["time", "status", "error"]);
    expect(liveColumnsFor(200).find((c) => c.id === "request")!.width).toBe(36);
    const error = liveColumnsFor(60).find((c) => c.id === "error")!;
    expect(error.width).toBeGreaterThanOrEqual(12);
  });

  it("shows only the scroll window's rows, the selected one marked", () => {
    const s = run({ type: "rows", rows: liveRows(20) }, { type: "move", delta: 7 });
    const f = draw(s);
    expect(f).toMatch(new RegExp(`› .*${id(13)}`));
    expect(f).not.toContain(id(20));
    expect(f.split("\n").filter((l) => /[0-9a-f]{8}-1111/.test(l))).toHaveLength(5);
  });

  it("draws escape sequences from the logs escaped", () => {
    const f = draw(
      run({ type: "rows", rows: [liveRow(1, { status: "error", errorType: "\u001b[2JBoom" })] }),
    );
    expect(f).toContain("\\e[2JBoom");
    expect(f).not.toContain("\u001b[2J");
  });

  it("says why following stopped", () => {
    expect(draw(run({ type: "failed", message: "AccessDeniedException" }))).toMatch(
      /Following stopped: AccessDeniedException\. Esc closes; Ctrl\+L starts again\./,
    );
  });
});
