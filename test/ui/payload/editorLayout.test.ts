import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { gutterText, layoutEditor, type EditorLayout } from "../../../src/ui/panes/payload/editorLayout.js";
import { displayText } from "../../../src/ui/text/graphemes.js";
import {
  createBuffer,
  editReducer,
  type MoveTarget,
  type TextBuffer,
} from "../../../src/ui/panes/payload/textBuffer.js";

const at = (text: string, row = 0, col = 0): TextBuffer => ({ ...createBuffer(text), row, col });
const texts = (l: EditorLayout) => l.rows.map((r) => r.text);
const numbered = (n: number, make = (i: number) => `line ${i}`) =>
  Array.from({ length: n }, (_, i) => make(i)).join("\n");
const NO_WRAP = { wrap: false };

describe("gutter", () => {
  it("is as wide as the last line number and a space", () => {
    expect(layoutEditor(at("a\nb\nc"), 20, 5, 0).gutterWidth).toBe(2);
    expect(layoutEditor(at(numbered(20_000)), 20, 5, 0).gutterWidth).toBe(6);
  });

  it("right-aligns the number on a line's first row and is blank on wrapped rows", () => {
    expect(gutterText({ lineNumber: 7 }, 4)).toBe("  7 ");
    expect(gutterText({ lineNumber: null }, 4)).toBe("    ");
    expect(gutterText({ lineNumber: 7 }, 0)).toBe("");
  });
});

describe("layoutEditor", () => {
  it("shows each line after the gutter, the cursor counted from the editor's left edge", () => {
    const l = layoutEditor(at("ab\ncd", 1, 1), 20, 5, 0);
    expect(l.rows).toEqual([
      { lineNumber: 1, text: "ab", startCol: 0, endCol: 2, padLeft: 0 },
      { lineNumber: 2, text: "cd", startCol: 0, endCol: 2, padLeft: 0 },
    ]);
    expect(l.cursor).toEqual({ x: 3, y: 1 });
  });

  describe("wrapping", () => {
    it("wraps long lines at the width, numbering only the first row", () => {
      const l = layoutEditor(at("abcdefghij", 0, 5), 6, 5, 0);
      expect(texts(l)).toEqual(["abcd", "efgh", "ij"]);
      expect(l.rows.map((r) => [r.lineNumber, r.startCol, r.endCol])).toEqual([
        [1, 0, 4],
        [null, 4, 8],
        [null, 8, 10],
      ]);
      expect(l.cursor).toEqual({ x: 3, y: 1 });
    });

    it("counts wide characters as two columns and never splits a character", () => {
      const cjk = layoutEditor(at("中文中文中", 0, 3), 7, 5, 0);
      expect(texts(cjk)).toEqual(["中文", "中文", "中"]);
      expect(cjk.cursor).toEqual({ x: 4, y: 1 });
      const mixed = layoutEditor(at("a中b😀c"), 5, 5, 0);
      expect(texts(mixed)).toEqual(["a中", "b😀", "c"]);
      expect(mixed.rows.map((r) => r.startCol)).toEqual([0, 2, 5]);
      const marks = layoutEditor(at("e\u0301e\u0301e\u0301"), 4, 5, 0);
      expect(texts(marks)).toEqual(["e\u0301e\u0301", "e\u0301"]);
    });

    it("fits every row in the width and loses no text", () => {
      const lines = ["日本語のテキストと English mixed 😀👩‍👩‍👧 e\u0301 end", "x".repeat(37), "", "\ttab\u0007"];
      for (const width of [7, 9, 12, 40]) {
        const l = layoutEditor(at(lines.join("\n")), width, 200, 0);
        const textWidth = width - l.gutterWidth;
        for (const r of l.rows)
          expect(stringWidth(r.text), `${width}: ${r.text}`).toBeLessThanOrEqual(textWidth);
        const rebuilt: string[] = [];
        for (const r of l.rows) {
          if (r.lineNumber !== null) rebuilt.push("");
          rebuilt[rebuilt.length - 1] += r.text;
        }
        expect(rebuilt).toEqual(lines.map(displayText));
      }
    });

    it("puts the cursor on a fresh row at the end of a line that fills its last row", () => {
      const l = layoutEditor(at("abcd\nx", 0, 4), 6, 5, 0);
      expect(texts(l)).toEqual(["abcd", "", "x"]);
      expect(l.rows[1]?.lineNumber).toBeNull();
      expect(l.cursor).toEqual({ x: 2, y: 1 });
      expect(texts(layoutEditor(at("abcd\nx", 1, 0), 6, 5, 0))).toEqual(["abcd", "x"]);
    });

    it("scrolls so the wrapped lines above the cursor still fit", () => {
      // Ten lines of two rows each at width 4; six rows fit: lines 3 and 4, and line 5's first row.
      const b = at(
        numbered(10, () => "abcdefgh"),
        5,
        0,
      );
      const l = layoutEditor(b, 7, 6, 0); // a gutter of 3 ("10 ")
      expect(l.scrollTop).toBe(3);
      expect(l.rows[0]?.lineNumber).toBe(4);
      expect(l.cursor).toEqual({ x: 3, y: 4 });
    });

    it("shows the cursor's part of a line taller than the view", () => {
      const l = layoutEditor(at("0123456789".repeat(10), 0, 95), 12, 3, 0);
      expect(texts(l)).toEqual(["0123456789", "0123456789", "0123456789"]);
      expect(l.rows.map((r) => r.startCol)).toEqual([70, 80, 90]);
      expect(l.cursor).toEqual({ x: 7, y: 2 });
    });
  });

  describe("vertical scrolling", () => {
    for (const opts of [{ wrap: true }, NO_WRAP]) {
      const mode = opts.wrap ? "wrapped" : "cut";
      it(`moves down just enough to show the cursor (${mode})`, () => {
        const l = layoutEditor(at(numbered(100), 50, 0), 20, 10, 0, opts);
        expect(l.scrollTop).toBe(41);
        expect(l.rows).toHaveLength(10);
        expect(l.rows[0]?.lineNumber).toBe(42);
        expect(l.cursor?.y).toBe(9);
      });

      it(`moves up to the cursor's line, and stays put while it is visible (${mode})`, () => {
        expect(layoutEditor(at(numbered(100), 5, 0), 20, 10, 41, opts).scrollTop).toBe(5);
        expect(layoutEditor(at(numbered(100), 50, 0), 20, 10, 45, opts).scrollTop).toBe(45);
      });

      it(`leaves no blank rows under the last line while lines above are hidden (${mode})`, () => {
        const l = layoutEditor(at(numbered(20), 18, 0), 20, 10, 15, opts);
        expect(l.scrollTop).toBe(10);
        expect(l.rows).toHaveLength(10);
        expect(l.cursor?.y).toBe(8);
      });
    }

    it("keeps the cursor on screen through any walk of moves and edits", () => {
      const text = numbered(300, (i) =>
        i % 7 === 0 ? "長い行 ".repeat(i % 20) : `"k${i}": ${"v".repeat(i % 50)},`,
      );
      let seed = 7;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const moves: MoveTarget[] = [
        "up",
        "down",
        "left",
        "right",
        "pageUp",
        "pageDown",
        "end",
        "home",
        "wordRight",
      ];
      for (const wrap of [true, false]) {
        let b = at(text);
        let scrollTop = 0;
        let scrollLeft = 0;
        for (let step = 0; step < 2000; step++) {
          const r = rand();
          if (r < 0.1) b = editReducer(b, { type: "insert", text: "中" });
          else if (r < 0.13) b = editReducer(b, { type: "newline" });
          else if (r < 0.18) b = editReducer(b, { type: "backspace" });
          else {
            const to = moves[Math.floor(rand() * moves.length)] ?? "down";
            b = editReducer(b, { type: "move", to, page: 12 });
          }
          const l = layoutEditor(b, 30, 12, scrollTop, { wrap, scrollLeft });
          ({ scrollTop, scrollLeft } = l);
          const c = l.cursor;
          expect(c, `step ${step}`).not.toBeNull();
          if (!c) continue;
          expect(c.y).toBeLessThan(12);
          expect(c.x).toBeLessThan(30);
          const row = l.rows[c.y];
          expect(row).toBeDefined();
          // The row under the cursor is from the cursor's line and spans its column.
          let first = c.y;
          while (first > 0 && l.rows[first]?.lineNumber === null) first--;
          expect(l.rows[first]?.lineNumber ?? scrollTop + 1).toBe(b.row + 1);
          expect(row?.startCol).toBeLessThanOrEqual(b.col);
          expect(row?.endCol).toBeGreaterThanOrEqual(b.col);
        }
      }
    });
  });

  describe("horizontal scrolling (wrap off)", () => {
    const long = "0123456789".repeat(10);

    it("scrolls right just enough to show the cursor, cutting every line at the same offset", () => {
      const l = layoutEditor(at(`${long}\nshort`, 0, 50), 22, 5, 0, NO_WRAP);
      expect(l.scrollLeft).toBe(31);
      expect(l.rows[0]).toEqual({
        lineNumber: 1,
        text: long.slice(31, 51),
        startCol: 31,
        endCol: 51,
        padLeft: 0,
      });
      expect(l.rows[1]).toMatchObject({ lineNumber: 2, text: "", startCol: 5, endCol: 5 });
      expect(l.cursor).toEqual({ x: 21, y: 0 });
    });

    it("keeps the offset while the cursor is visible and scrolls back left when it leaves", () => {
      const stay = layoutEditor(at(long, 0, 40), 22, 5, 0, { wrap: false, scrollLeft: 31 });
      expect(stay.scrollLeft).toBe(31);
      expect(stay.cursor).toEqual({ x: 11, y: 0 });
      const back = layoutEditor(at(long, 0, 10), 22, 5, 0, { wrap: false, scrollLeft: 31 });
      expect(back.scrollLeft).toBe(10);
      expect(back.cursor).toEqual({ x: 2, y: 0 });
    });

    it("shows a wide character cut by the left edge as a space, and drops one cut by the right", () => {
      const left = layoutEditor(at("中文中文中文", 0, 6), 8, 5, 0, NO_WRAP);
      expect(left.scrollLeft).toBe(7);
      expect(left.rows[0]).toMatchObject({ text: " 中文", startCol: 4, endCol: 6, padLeft: 1 });
      expect(left.cursor).toEqual({ x: 7, y: 0 });
      const right = layoutEditor(at("中文中文中文", 0, 0), 7, 5, 0, NO_WRAP);
      expect(right.rows[0]).toMatchObject({ text: "中文", startCol: 0, endCol: 2, padLeft: 0 });
    });

    it("scrolls far enough to show all of a wide character under the cursor", () => {
      const l = layoutEditor(at("abcd中", 0, 4), 7, 5, 0, NO_WRAP);
      expect(l.scrollLeft).toBe(1);
      expect(l.rows[0]?.text).toBe("bcd中");
    });
  });

  it("shows control characters escaped and tabs as two spaces, counting what is shown", () => {
    const l = layoutEditor(at("a\tb\u001bc\u0007", 0, 2), 40, 5, 0);
    expect(texts(l)).toEqual(["a  b\\ec\\x07"]);
    expect(l.cursor).toEqual({ x: 2 + 3, y: 0 });
  });

  it("never throws on tiny or odd sizes and keeps rows and cursor inside them", () => {
    const buffers = [
      at(""),
      at("中文😀e\u0301", 0, 2),
      at(numbered(20_000), 19_999, 3),
      at('{\n  "a": 1\n}', 1, 4),
    ];
    for (const b of buffers) {
      for (const wrap of [true, false]) {
        for (let w = -1; w <= 8; w++) {
          for (let h = -1; h <= 3; h++) {
            const l = layoutEditor(b, w, h, 0, { wrap });
            expect(l.rows.length).toBeLessThanOrEqual(Math.max(0, h));
            if (w <= 0 || h <= 0) {
              expect(l.rows).toEqual([]);
              expect(l.cursor).toBeNull();
              continue;
            }
            for (const r of l.rows) expect(l.gutterWidth + stringWidth(r.text)).toBeLessThanOrEqual(w);
            expect(l.cursor).not.toBeNull();
            expect(l.cursor!.x).toBeLessThan(w);
            expect(l.cursor!.y).toBeLessThan(h);
          }
        }
      }
    }
  });

  it("drops the gutter when it would leave no room for text, and shows a too-wide character as …", () => {
    const l = layoutEditor(at("中x"), 1, 3, 0);
    expect(l.gutterWidth).toBe(0);
    expect(texts(l)).toEqual(["…", "x"]);
    expect(layoutEditor(at(numbered(20_000)), 6, 3, 0).gutterWidth).toBe(0);
    expect(layoutEditor(at("a"), 20, 3, Number.NaN).scrollTop).toBe(0);
  });

  it("reads only the lines near the screen, not the whole buffer", () => {
    const b = at(numbered(20_000), 10_000, 2);
    let reads = 0;
    const lines = new Proxy(b.lines, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    for (const opts of [{ wrap: true }, NO_WRAP]) {
      reads = 0;
      const l = layoutEditor({ ...b, lines }, 120, 40, 0, opts);
      expect(l.rows).toHaveLength(40);
      expect(reads).toBeLessThan(200);
    }
  });
});
