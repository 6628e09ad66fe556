import { describe, expect, it } from "vitest";
import { logLines } from "../../../src/core/log-display.js";
import { bodyLines } from "../../../src/ui/panes/result/bodyLines.js";
import {
  bottomTop,
  cutLine,
  highlight,
  MARK_TEXT,
  viewRows,
  wrapLine,
  type ViewRowsOptions,
} from "../../../src/ui/panes/result/viewRows.js";
import type { LogEvent } from "../../../src/core/model.js";

const opts = (o: Partial<ViewRowsOptions> = {}): ViewRowsOptions => ({
  top: 0,
  pinned: false,
  rows: 5,
  width: 20,
  wrap: false,
  timestamps: false,
  query: "",
  match: null,
  ...o,
});
const text = (w: ReturnType<typeof viewRows>) =>
  w.rows.map((r) => r.time + r.segments.map((s) => s.text).join("") + (r.cut ? "…" : ""));
const numbered = (n: number) => bodyLines(Array.from({ length: n }, (_, i) => `line ${i}`).join("\n"));

describe("cutLine / wrapLine", () => {
  it("cuts to the width with an ellipsis, counting wide characters as two columns", () => {
    expect(cutLine("abcdef", 6)).toBe("abcdef");
    expect(cutLine("abcdefg", 6)).toBe("abcde…");
    expect(cutLine("日本語テキスト", 6)).toBe("日本…");
  });
  it("wraps into pieces of the width, at most `max` of them", () => {
    expect(wrapLine("abcdefghij", 4, 10)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapLine("abcdefghij", 4, 2)).toEqual(["abcd", "efgh"]);
    expect(wrapLine("", 4, 2)).toEqual([""]);
  });
});

describe("highlight", () => {
  it("marks every case-insensitive occurrence", () => {
    expect(highlight("Error: an error", "error")).toEqual([
      { text: "Error", hit: true },
      { text: ": an ", hit: false },
      { text: "error", hit: true },
    ]);
    expect(highlight("plain", "")).toEqual([{ text: "plain", hit: false }]);
  });
});

describe("viewRows", () => {
  it("shows only the window from `top`, and says which lines those are", () => {
    const w = viewRows(numbered(100), opts({ top: 10 }));
    expect(text(w)).toEqual(["line 10", "line 11", "line 12", "line 13", "line 14"]);
    expect([w.first, w.last]).toEqual([10, 14]);
  });

  it("reads only the lines it draws (a 50,000-line log costs a window's work)", () => {
    const lines = numbered(50_000);
    let reads = 0;
    const counted = { ...lines, line: (i: number) => (reads++, lines.line(i)) };
    viewRows(counted, opts({ top: 25_000, rows: 40 }));
    expect(reads).toBeLessThanOrEqual(40);
  });

  it("pinned to the bottom shows the last lines, also when they wrap", () => {
    const lines = numbered(100);
    expect(text(viewRows(lines, opts({ pinned: true })))).toEqual([
      "line 95",
      "line 96",
      "line 97",
      "line 98",
      "line 99",
    ]);
    const long = bodyLines("a\nb\n" + "x".repeat(30));
    expect(bottomTop(long, 2, 20, true)).toBe(2);
    expect(text(viewRows(long, opts({ pinned: true, wrap: true, rows: 3 })))).toEqual([
      "b",
      "x".repeat(20),
      "x".repeat(10),
    ]);
  });

  it("cuts long lines unless wrapping, and wraps them within the rows", () => {
    const lines = bodyLines("y".repeat(50));
    expect(text(viewRows(lines, opts()))).toEqual(["y".repeat(19) + "…"]);
    // The ellipsis is kept out of the text (an ASCII row is cheap for Ink to measure).
    expect(viewRows(lines, opts()).rows[0]).toMatchObject({
      cut: true,
      segments: [{ text: "y".repeat(19) }],
    });
    expect(viewRows(bodyLines("short"), opts()).rows[0]!.cut).toBeUndefined();
    expect(text(viewRows(lines, opts({ wrap: true, rows: 2 })))).toEqual(["y".repeat(20), "y".repeat(20)]);
  });

  it("draws the marker above the line where the tail starts", () => {
    const events: LogEvent[] = ["START RequestId: r Version: $LATEST", "one", "two", "END RequestId: r"].map(
      (message, i) => ({ timestamp: 1000 + i, message }),
    );
    const w = viewRows(logLines(events, { markAtEvent: 2 }), opts({ width: 60 }));
    expect(text(w)).toEqual([
      "START RequestId: r Version: $LATEST",
      "one",
      MARK_TEXT,
      "two",
      "END RequestId: r",
    ]);
    expect(w.rows[2]!.kind).toBe("mark");
  });

  it("timestamps: a time on each event's first line, a blank column on continuation lines", () => {
    const t = Date.UTC(2026, 0, 1, 10, 0, 0, 123);
    const lines = logLines([{ timestamp: t, message: "first\rsecond" }]);
    const w = viewRows(lines, opts({ timestamps: true, width: 40 }));
    expect(w.rows[0]!.time).toMatch(/^\d\d:\d\d:\d\d\.123 $/);
    expect(w.rows[1]!.time.trim()).toBe("");
    expect(w.rows[1]!.time.length).toBe(w.rows[0]!.time.length);
  });

  it("marks the current match's row and highlights the query on visible rows", () => {
    const w = viewRows(numbered(10), opts({ query: "line 3", match: 3 }));
    expect(w.rows[3]!.current).toBe(true);
    expect(w.rows[3]!.segments).toEqual([{ text: "line 3", hit: true }]);
    expect(w.rows[2]!.current).toBe(false);
  });
});

describe("wrapLine by graphemes", () => {
  it("never splits an emoji sequence or a letter from its accent", () => {
    const family = "👩‍👩‍👧";
    const pieces = wrapLine(`ab${family}cd`, 3, 10);
    // The family takes two columns, whole, with room for one more beside it.
    expect(pieces).toEqual(["ab", `${family}c`, "d"]);
    const accented = "e\u0301".repeat(5); // é as e + combining acute, one column each
    expect(wrapLine(accented, 2, 10)).toEqual(["e\u0301e\u0301", "e\u0301e\u0301", "e\u0301"]);
  });

  it("counts wide characters as two columns and stops at max pieces", () => {
    expect(wrapLine("東京abc", 3, 10)).toEqual(["東", "京a", "bc"]);
    expect(wrapLine("x".repeat(100), 10, 3)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(10)]);
  });
});
