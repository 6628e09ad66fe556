import { describe, expect, it } from "vitest";
import {
  bufferText,
  createBuffer,
  editReducer,
  UNDO_STEPS,
  UNDO_UNITS,
  type EditAction,
  type MoveTarget,
  type TextBuffer,
} from "../../../src/ui/panes/payload/textBuffer.js";

/** A buffer from text with the cursor marked by "|". */
function buf(marked: string): TextBuffer {
  const lines = marked.split("\n");
  const row = lines.findIndex((l) => l.includes("|"));
  if (row < 0) throw new Error("no cursor mark");
  const col = (lines[row] ?? "").indexOf("|");
  return { ...createBuffer(marked.replace("|", "")), row, col };
}

/** The text with the cursor marked by "|". */
function show(b: TextBuffer): string {
  return b.lines.map((l, i) => (i === b.row ? l.slice(0, b.col) + "|" + l.slice(b.col) : l)).join("\n");
}

const run = (b: TextBuffer, ...actions: EditAction[]) => actions.reduce(editReducer, b);
const go = (b: TextBuffer, ...to: MoveTarget[]) =>
  run(b, ...to.map((t): EditAction => ({ type: "move", to: t })));
/** Types `text` one character (grapheme) at a time, as keystrokes arrive. */
function type(b: TextBuffer, text: string): TextBuffer {
  const chars = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)];
  return chars.reduce((s, c) => editReducer(s, { type: "insert", text: c.segment }), b);
}
const undo = (b: TextBuffer, times = 1) =>
  run(b, ...Array.from({ length: times }, (): EditAction => ({ type: "undo" })));

describe("createBuffer and bufferText", () => {
  it("starts empty with one line, the cursor at the top and nothing to undo", () => {
    const b = createBuffer();
    expect(b).toEqual({ lines: [""], row: 0, col: 0, preferredCol: null, undo: [], redo: [], version: 0 });
  });

  it("splits lines on \\n, \\r\\n and \\r, and joins them back with \\n", () => {
    const b = createBuffer('{\r\n  "a": 1,\r  "b": 2\n}');
    expect(b.lines).toEqual(["{", '  "a": 1,', '  "b": 2', "}"]);
    expect(bufferText(b)).toBe('{\n  "a": 1,\n  "b": 2\n}');
  });
});

describe("insert", () => {
  it("types at the cursor and moves past what was typed", () => {
    expect(show(type(buf('{"a|"}'), "bc"))).toBe('{"abc|"}');
  });

  it("types non-ASCII whole: é, wide characters, emoji (two UTF-16 units)", () => {
    expect(show(type(buf("x|y"), "é中文😀"))).toBe("xé中文😀|y");
    const b = type(buf("|"), "😀");
    expect(b.col).toBe(2);
  });

  it("keeps the cursor after a combining mark typed after its base character", () => {
    const b = type(buf("|z"), "e\u0301");
    expect(b.lines[0]).toBe("e\u0301z");
    expect(b.col).toBe(2);
    // Typed as two keystrokes, the mark joins the "e" and the cursor ends after the cluster.
    const twoKeys = run(buf("|z"), { type: "insert", text: "e" }, { type: "insert", text: "\u0301" });
    expect(show(twoKeys)).toBe("e\u0301|z");
  });

  it("pastes several lines, the rest of the line after the pasted text", () => {
    const b = run(buf("[|]"), { type: "insert", text: "\n  1,\n  2\r\n" });
    expect(b.lines).toEqual(["[", "  1,", "  2", "]"]);
    expect([b.row, b.col]).toEqual([3, 0]);
    const mid = run(buf("ab|cd"), { type: "insert", text: "X\nY" });
    expect(show(mid)).toBe("abX\nY|cd");
  });

  it("ignores empty text, returning the same buffer", () => {
    const b = buf("a|b");
    expect(editReducer(b, { type: "insert", text: "" })).toBe(b);
  });

  it("counts every change in version, and leaves the previous buffer untouched", () => {
    const before = buf("a|b");
    const after = type(before, "xy");
    expect(after.version).toBe(2);
    expect(show(before)).toBe("a|b");
    expect(before.undo).toEqual([]);
  });

  it("takes a closing bracket typed on a blank indented line back one indent", () => {
    expect(show(type(buf("{\n    |\n"), "}"))).toBe("{\n  }|\n");
    expect(show(type(buf("[\n  |"), "]"))).toBe("[\n]|");
    // Not after text, and not when pasted.
    expect(show(type(buf('  "a"|'), "}"))).toBe('  "a"}|');
    expect(show(run(buf("    |"), { type: "insert", text: "}," }))).toBe("    },|");
  });
});

describe("newline", () => {
  it("keeps the current line's indent", () => {
    expect(show(run(buf('    "a": 1,|'), { type: "newline" }))).toBe('    "a": 1,\n    |');
  });

  it("indents two more after { or [", () => {
    expect(show(run(buf('  "a": {|'), { type: "newline" }))).toBe('  "a": {\n    |');
    expect(show(run(buf("[|"), { type: "newline" }))).toBe("[\n  |");
    expect(show(run(buf("{ |"), { type: "newline" }))).toBe("{\n  |");
  });

  it("puts the closer on its own line when the cursor is between a pair", () => {
    expect(show(run(buf("{|}"), { type: "newline" }))).toBe("{\n  |\n}");
    expect(show(run(buf('  "list": [|],'), { type: "newline" }))).toBe('  "list": [\n    |\n  ],');
    expect(show(run(buf("{ | }"), { type: "newline" }))).toBe("{\n  |\n}");
  });

  it("does not pair mismatched brackets", () => {
    expect(show(run(buf("[|}"), { type: "newline" }))).toBe("[\n  |}");
  });

  it("splits a line, dropping the spaces at the break", () => {
    expect(show(run(buf('  "a": 1, | "b": 2'), { type: "newline" }))).toBe('  "a": 1,\n  |"b": 2');
  });

  it("with the cursor in the indent, moves the text down at the same indent", () => {
    expect(show(run(buf("  |  x"), { type: "newline" }))).toBe("\n  |x");
  });
});

describe("backspace and delete", () => {
  it("delete the character before or after the cursor", () => {
    expect(show(run(buf("ab|c"), { type: "backspace" }))).toBe("a|c");
    expect(show(run(buf("ab|c"), { type: "delete" }))).toBe("ab|");
  });

  it("join lines at a line's start or end", () => {
    expect(show(run(buf("ab\n|cd"), { type: "backspace" }))).toBe("ab|cd");
    expect(show(run(buf("ab|\ncd"), { type: "delete" }))).toBe("ab|cd");
  });

  it("do nothing at the very start or end, returning the same buffer", () => {
    const start = buf("|ab");
    const end = buf("ab|");
    expect(editReducer(start, { type: "backspace" })).toBe(start);
    expect(editReducer(end, { type: "delete" })).toBe(end);
  });

  it("remove whole graphemes: emoji, combining marks, wide characters, flags, ZWJ sequences", () => {
    const cases = ["😀", "e\u0301", "中", "é", "🇫🇷", "👩‍👩‍👧"];
    for (const g of cases) {
      expect(show(run(buf(`a${g}|b`), { type: "backspace" })), g).toBe("a|b");
      expect(show(run(buf(`a|${g}b`), { type: "delete" })), g).toBe("a|b");
    }
  });
});

describe("move", () => {
  it("left and right step over whole graphemes", () => {
    const line = "a😀e\u0301中🇫🇷b";
    let b = buf(`|${line}`);
    const stops: number[] = [];
    for (let i = 0; i < 7; i++) stops.push((b = go(b, "right")).col);
    expect(stops).toEqual([1, 3, 5, 6, 10, 11, 11]);
    const back: number[] = [];
    for (let i = 0; i < 7; i++) back.push((b = go(b, "left")).col);
    expect(back).toEqual([10, 6, 5, 3, 1, 0, 0]);
  });

  it("left and right wrap across lines, and return the same buffer at the ends", () => {
    expect(show(go(buf("ab\n|cd"), "left"))).toBe("ab|\ncd");
    expect(show(go(buf("ab|\ncd"), "right"))).toBe("ab\n|cd");
    const start = buf("|ab");
    const end = buf("ab|");
    expect(go(start, "left")).toBe(start);
    expect(go(end, "right")).toBe(end);
  });

  it("up and down keep the preferred column across shorter lines", () => {
    const b = buf("abcde|f\nab\nabcdef");
    const down = go(b, "down");
    expect([down.row, down.col, down.preferredCol]).toEqual([1, 2, 5]);
    const down2 = go(down, "down");
    expect([down2.row, down2.col]).toEqual([2, 5]);
    expect(go(down2, "up", "up").col).toBe(5);
  });

  it("measure the preferred column in terminal columns, so wide characters line up", () => {
    // "中文" is four columns wide: below it is column 4 of "abcdef".
    expect(show(go(buf("中文|x\nabcdef"), "down"))).toBe("中文x\nabcd|ef");
    // Column 3 falls inside "文" (columns 2-3): land before it, never inside a character.
    expect(show(go(buf("abc|\n中文"), "down"))).toBe("abc\n中|文");
  });

  it("never land inside a surrogate pair or between a character and its combining mark", () => {
    expect(show(go(buf("ab|c\n😀😀"), "down"))).toBe("abc\n😀|😀");
    expect(show(go(buf("a|b\ne\u0301e\u0301"), "down"))).toBe("ab\ne\u0301|e\u0301");
  });

  it("up on the first line goes to its start, and down comes back to the remembered column", () => {
    const b = go(buf("abc\nab|c"), "up", "up");
    expect(show(b)).toBe("|abc\nabc");
    expect(show(go(b, "down"))).toBe("abc\nab|c");
    expect(show(go(buf("ab|c\nabc"), "down", "down"))).toBe("abc\nabc|");
  });

  it("forget the preferred column after a sideways move or an edit", () => {
    const b = go(buf("abcde|f\nab\nabcdef"), "down");
    expect(go(b, "left").preferredCol).toBeNull();
    expect(type(b, "x").preferredCol).toBeNull();
  });

  it("home goes to the text after the indent, then to the start; end to the end", () => {
    const b = buf('    "a": |1');
    expect(go(b, "home").col).toBe(4);
    expect(go(b, "home", "home").col).toBe(0);
    expect(go(b, "home", "home", "home").col).toBe(4);
    expect(go(b, "end").col).toBe(10);
  });

  it("top and bottom go to the start and end of the text", () => {
    expect(show(go(buf("ab\nc|d\nef"), "top"))).toBe("|ab\ncd\nef");
    expect(show(go(buf("ab\nc|d\nef"), "bottom"))).toBe("ab\ncd\nef|");
  });

  it("page up and down move by the page given (10 by default), keeping the column", () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n");
    const b = { ...createBuffer(text), row: 15, col: 3 };
    expect([go(b, "pageDown").row, go(b, "pageDown").col]).toEqual([25, 3]);
    const up = run(b, { type: "move", to: "pageUp", page: 4 });
    expect([up.row, up.col]).toEqual([11, 3]);
    const far = run(b, { type: "move", to: "pageDown", page: 100 });
    expect([far.row, far.col]).toEqual([29, 3]);
    expect(run(far, { type: "move", to: "pageDown", page: 100 }).col).toBe(7);
  });

  it("word moves go over whitespace, then a run of word or punctuation characters", () => {
    let b = buf('|  "name": "café",');
    const stops: number[] = [];
    for (let i = 0; i < 5; i++) stops.push((b = go(b, "wordRight")).col);
    expect(stops).toEqual([3, 7, 9, 11, 15]);
    const back: number[] = [];
    for (let i = 0; i < 5; i++) back.push((b = go(b, "wordLeft")).col);
    expect(back).toEqual([11, 10, 7, 3, 2]);
  });

  it("word moves keep combining marks with their letters and cross line ends", () => {
    expect(go(buf("|cafe\u0301 x"), "wordRight").col).toBe(5);
    expect(go(buf("cafe\u0301| x"), "wordLeft").col).toBe(0);
    expect(show(go(buf("ab|\ncd"), "wordRight"))).toBe("ab\n|cd");
    expect(show(go(buf("ab\n|cd"), "wordLeft"))).toBe("ab|\ncd");
    expect(go(buf("|😀😀 x"), "wordRight").col).toBe(4);
  });

  it("never change the text or its version", () => {
    const b = buf("ab\nc|d");
    for (const to of ["left", "up", "wordLeft", "home", "top", "pageDown"] as const) {
      const moved = go(b, to);
      expect(moved.lines).toBe(b.lines);
      expect(moved.version).toBe(b.version);
    }
  });
});

describe("setText", () => {
  it("replaces all the text, cursor at the top, as one undoable step", () => {
    const b = run(buf("old|"), { type: "setText", text: '{\n  "a": 1\n}' });
    expect(show(b)).toBe('|{\n  "a": 1\n}');
    expect(b.version).toBe(1);
    expect(show(undo(b))).toBe("old|");
    expect(show(run(undo(b), { type: "redo" }))).toBe('|{\n  "a": 1\n}');
  });

  it("does nothing when the text is the same", () => {
    const b = buf("a\n|b");
    expect(editReducer(b, { type: "setText", text: "a\r\nb" })).toBe(b);
  });
});

describe("undo and redo", () => {
  it("undo a typing run in one step, putting the cursor back", () => {
    const b = type(buf("{|}"), "abc");
    expect(b.undo).toHaveLength(1);
    expect(show(undo(b))).toBe("{|}");
  });

  it("break runs at a new word", () => {
    const b = type(buf("|"), '"name": "x"');
    expect(show(undo(b))).toBe('"name": |');
    expect(show(undo(b, 2))).toBe("|");
  });

  it("break runs at a cursor move, even one that comes back", () => {
    const b = type(go(type(buf("|"), "ab"), "left", "right"), "cd");
    expect(show(undo(b))).toBe("ab|");
  });

  it("break runs at a newline, and keep the newline a step of its own", () => {
    const b = type(run(type(buf("|"), "ab"), { type: "newline" }), "cd");
    expect(show(undo(b))).toBe("ab\n|");
    expect(show(undo(b, 2))).toBe("ab|");
    expect(show(undo(b, 3))).toBe("|");
  });

  it("keep a paste a step of its own, apart from typing before and after", () => {
    const b = type(run(type(buf("|"), "ab"), { type: "insert", text: "PASTE" }), "cd");
    expect(show(undo(b))).toBe("abPASTE|");
    expect(show(undo(b, 2))).toBe("ab|");
  });

  it("merge runs of backspace and of delete, but not a line join", () => {
    const back = run(
      buf("ab\ncdef|"),
      ...Array.from({ length: 5 }, (): EditAction => ({ type: "backspace" })),
    );
    expect(show(back)).toBe("ab|");
    expect(show(undo(back))).toBe("ab\n|");
    expect(show(undo(back, 2))).toBe("ab\ncdef|");
    const del = run(buf("|abc"), { type: "delete" }, { type: "delete" });
    expect(del.undo).toHaveLength(1);
    expect(show(undo(del))).toBe("|abc");
  });

  it("typing after backspacing is a new step", () => {
    const b = type(run(buf("abc|"), { type: "backspace" }), "X");
    expect(show(undo(b))).toBe("ab|");
  });

  it("redo what was undone, and a new edit clears redo", () => {
    const b = undo(type(buf("|"), "one two"));
    expect(show(run(b, { type: "redo" }))).toBe("one two|");
    const edited = type(b, "X");
    expect(edited.redo).toEqual([]);
    expect(run(edited, { type: "redo" })).toBe(edited);
  });

  it("undo and redo with nothing to do return the same buffer", () => {
    const b = buf("a|");
    expect(editReducer(b, { type: "undo" })).toBe(b);
    expect(editReducer(b, { type: "redo" })).toBe(b);
  });

  it("count undo and redo as text changes", () => {
    const b = type(buf("|"), "a");
    expect(undo(b).version).toBe(2);
    expect(run(undo(b), { type: "redo" }).version).toBe(3);
  });

  it(`keeps at most ${UNDO_STEPS} steps, dropping the oldest`, () => {
    let b = buf("|");
    for (let i = 0; i < UNDO_STEPS + 50; i++) b = run(b, { type: "insert", text: "x\n" });
    expect(b.undo).toHaveLength(UNDO_STEPS);
    const oldest = undo(b, UNDO_STEPS);
    expect(oldest.lines).toHaveLength(51); // the 50 oldest pastes and the empty line after them
    expect(editReducer(oldest, { type: "undo" })).toBe(oldest);
  });

  it("caps the memory the history holds, always keeping the newest step", () => {
    const big = "x".repeat(Math.ceil(UNDO_UNITS / 3));
    let b = buf("|");
    for (let i = 0; i < 5; i++) b = run(b, { type: "setText", text: big + i });
    const held = b.undo.reduce((n, s) => n + s.size, 0);
    expect(held).toBeLessThanOrEqual(UNDO_UNITS);
    expect(b.undo.length).toBeGreaterThan(1);
    expect(b.undo.length).toBeLessThan(5);
  });

  it("stores only the lines an edit replaced, sharing the rest", () => {
    const b = buf(
      Array.from({ length: 1000 }, (_, i) => `"line ${i}",`)
        .join("\n")
        .replace('"line 500",', '"line |500",'),
    );
    const after = type(b, "x");
    expect(after.undo[0]?.lines).toEqual(['"line 500",']);
    expect(after.lines).not.toBe(b.lines);
    expect(after.lines[499]).toBe(b.lines[499]);
  });
});

describe("a 1 MB paste", () => {
  const payload = JSON.stringify(
    { records: Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `item-${i}`, tags: ["a", "b"] })) },
    null,
    2,
  );

  it("goes in whole, with the cursor after it, and comes out in one undo", () => {
    expect(payload.length).toBeGreaterThan(1_000_000);
    const lines = payload.split("\n").length;
    const b = run(buf("|"), { type: "insert", text: payload });
    expect(b.lines).toHaveLength(lines);
    expect(bufferText(b)).toBe(payload);
    expect([b.row, b.col]).toEqual([lines - 1, 1]);
    const typed = type(go(b, "top", "end"), " ");
    expect(typed.lines[0]).toBe("{ ");
    expect(typed.lines[1]).toBe(b.lines[1]);
    expect(bufferText(undo(typed, 2))).toBe("");
  });
});

describe("long lines without ASCII", () => {
  it("move, type and delete by grapheme deep inside 1 MB of Chinese and emoji", () => {
    const line = "中文😀e\u0301".repeat(200_000);
    let b: TextBuffer = { ...createBuffer(line), col: line.length / 2 };
    b = go(b, "right", "right", "right");
    expect(b.col).toBe(line.length / 2 + 4);
    b = go(b, "left");
    expect(b.col).toBe(line.length / 2 + 2);
    b = run(b, { type: "backspace" }, { type: "delete" });
    expect(b.col).toBe(line.length / 2 + 1);
    expect(b.lines[0]?.slice(line.length / 2 - 2, line.length / 2 + 4)).toBe("e\u0301中e\u0301中");
    expect(go(b, "end", "home").col).toBe(0);
  });

  it("moves down to the same column in a 1 MB line with non-ASCII text in it", () => {
    const chunk = '{"name": "café 東京 😀", "n": 12345, "tags": ["a", "b"]}, ';
    const line = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const b = go({ ...createBuffer(`${line}\n${line}`), row: 0, col: line.length - 4 }, "down");
    expect(b.col).toBe(line.length - 4);
    expect(go(b, "left", "right").col).toBe(b.col);
  });
});
