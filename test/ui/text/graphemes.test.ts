import { describe, expect, it } from "vitest";
import {
  colAtColumn,
  displayText,
  graphemeAfter,
  graphemeWidth,
  isOneGrapheme,
  nextBoundary,
  prevBoundary,
  snap,
  snapBack,
  textWidth,
  walkGraphemes,
} from "../../../src/ui/text/graphemes.js";

describe("walkGraphemes and textWidth", () => {
  /** Every grapheme the walk reports, plain runs split into their characters. */
  function walked(text: string): string[] {
    const out: string[] = [];
    walkGraphemes(text, 0, (start, end, _w, plain) => {
      if (plain) for (let i = start; i < end; i++) out.push(text[i] ?? "");
      else out.push(text.slice(start, end));
    });
    return out;
  }
  const segmented = (text: string) =>
    [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(text)].map((s) => s.segment);

  it("finds the same graphemes as Intl.Segmenter, also across its internal windows", () => {
    const samples = [
      'plain {"a": 1}',
      "cafe\u0301 e\u0301\u0302x 中文 😀 🇫🇷🇩🇪 👩‍👩‍👧 1️⃣ \t\u0007 ok",
      "中".repeat(600) + "ab" + "e\u0301".repeat(300),
      "x" + "\u0301".repeat(400) + "y", // one cluster longer than a window
      "🇫🇷".repeat(200) + "a",
    ];
    for (const text of samples) expect(walked(text)).toEqual(segmented(text));
  });

  it("stops when the visitor says so", () => {
    const seen: number[] = [];
    walkGraphemes("ab中cd", 0, (start) => {
      seen.push(start);
      return seen.length < 2;
    });
    expect(seen).toEqual([0, 1]);
  });

  it("measures terminal columns: wide characters 2, marks 0, tabs 2, escapes as shown", () => {
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("中文😀")).toBe(6);
    expect(textWidth("e\u0301")).toBe(1);
    expect(textWidth("\t\u001b\u0007")).toBe(2 + 2 + 4);
  });

  it("handles a 1 MB line with non-ASCII text in it without segmenting it whole", () => {
    // Segmenting a long string at once is quadratic in Node 20: this would take minutes.
    const chunk = '{"name": "café 東京 😀", "n": 12345, "tags": ["a", "b"]}, ';
    const line = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    expect(textWidth(line)).toBe(textWidth(chunk) * (line.length / chunk.length));
  });
});

describe("grapheme boundaries", () => {
  const accented = "e\u0301x"; // e + combining acute, then x
  const family = "👩‍👩‍👧";

  it("steps over whole clusters forwards and backwards", () => {
    expect(nextBoundary(accented, 0)).toBe(2);
    expect(nextBoundary(accented, 2)).toBe(3);
    expect(nextBoundary(accented, 3)).toBe(3);
    expect(prevBoundary(accented, 3)).toBe(2);
    expect(prevBoundary(accented, 2)).toBe(0);
    expect(prevBoundary(accented, 0)).toBe(0);
    expect(nextBoundary(`a${family}b`, 1)).toBe(1 + family.length);
    expect(prevBoundary("🇫🇷🇩🇪", 8)).toBe(4);
    expect(nextBoundary("ab", 0)).toBe(1);
  });

  it("snaps a column inside a cluster to its end, or back to its start", () => {
    expect(snap(accented, 1)).toBe(2);
    expect(snapBack(accented, 1)).toBe(0);
    expect(snap("a😀", 2)).toBe(3);
    expect(snapBack("a😀", 2)).toBe(1);
    expect(snap(accented, 2)).toBe(2);
    expect(snap("abc", 9)).toBe(3);
    expect(snapBack("abc", -1)).toBe(0);
  });

  it("finds a cluster longer than the segmenting window", () => {
    const long = "x" + "\u0301".repeat(400) + "y";
    expect(nextBoundary(long, 0)).toBe(401);
    expect(prevBoundary(long, 401)).toBe(0);
    expect(snap(long, 200)).toBe(401);
  });

  it("tells one grapheme from several", () => {
    expect(isOneGrapheme("a")).toBe(true);
    expect(isOneGrapheme("e\u0301")).toBe(true);
    expect(isOneGrapheme(family)).toBe(true);
    expect(isOneGrapheme("🇫🇷")).toBe(true);
    expect(isOneGrapheme("ab")).toBe(false);
    expect(isOneGrapheme("🇫🇷🇩🇪")).toBe(false);
  });

  it("returns the grapheme after a column", () => {
    expect(graphemeAfter("a😀b", 1)).toBe("😀");
    expect(graphemeAfter(accented, 0)).toBe("e\u0301");
    expect(graphemeAfter("ab", 2)).toBe("");
  });
});

describe("what is shown and how wide", () => {
  it("escapes control characters and shows a tab as two spaces", () => {
    expect(displayText("a\tb")).toBe("a  b");
    expect(displayText("\u001b[2J")).toBe("\\e[2J");
    expect(displayText("\u0007\u007f\u2028")).toBe("\\x07\\x7f\\u2028");
    expect(displayText("café 中")).toBe("café 中");
  });

  it("measures one grapheme as shown", () => {
    expect(graphemeWidth("a")).toBe(1);
    expect(graphemeWidth("中")).toBe(2);
    expect(graphemeWidth("😀")).toBe(2);
    expect(graphemeWidth("e\u0301")).toBe(1);
    expect(graphemeWidth("\t")).toBe(2);
    expect(graphemeWidth("\u0007")).toBe(4);
  });

  it("finds the last boundary at or before a terminal column", () => {
    expect(colAtColumn("abc", 2)).toBe(2);
    expect(colAtColumn("abc", 10)).toBe(3);
    expect(colAtColumn("a中b", 2)).toBe(1); // the wide character would end past column 2
    expect(colAtColumn("a中b", 3)).toBe(2);
    expect(colAtColumn("e\u0301x", 1)).toBe(2);
    expect(colAtColumn("", 5)).toBe(0);
  });
});
