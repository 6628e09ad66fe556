import { describe, expect, it } from "vitest";
import {
  escapeChar,
  needsSanitizing,
  sanitize,
  sanitizeLine,
  TAB_WIDTH,
} from "../../../src/core/sanitize.js";
import { escapeControl, readableLogLine } from "../../../src/cli/text.js";

// Everything a terminal may act on or that hides text: C0 (tab and newline aside), DEL, C1,
// separators, bidi controls, zero-width and format characters, a ZWJ outside an emoji sequence.
const DANGEROUS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u200d(?!(?<=\p{Extended_Pictographic}(?:\u{fe0f}|\p{Emoji_Modifier})?\u200d)\p{Extended_Pictographic})/u;

/** Hostile strings: colour, cursor moves, OSC title/clipboard/hyperlink, C1 CSI, bell, bidi tricks. */
const HOSTILE = [
  "\u001b[31mred\u001b[0m",
  "\u001b[2J\u001b[H",
  "\u001b]0;pwned\u0007",
  "\u001b]52;c;aGVsbG8=\u0007",
  "\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\",
  "\u009b31m",
  "\u009d0;title\u009c",
  "a\rb",
  "abc\b\b\bxyz",
  "\u0000\u0007\u007f",
  "access\u202e\u2066 // admin\u2069\u2066",
  "line\u2028separator\u2029",
  "\u001bP+q\u001b\\",
  "\t\u001b\t\u001b[1;1H",
  "ad\u200bmin",
  "\ufeffhidden",
  "a\u200db",
  "\u200d👩",
  "👩\u200d",
  "ltr\u200emark\u200f",
  "word\u2060joiner",
];

describe("sanitize", () => {
  it("leaves ordinary text as it is (the same string)", () => {
    const text = 'héllo 東京 😀 {"a": 1}';
    expect(sanitize(text)).toBe(text);
    expect(needsSanitizing(text)).toBe(false);
  });

  it("shows ESC as \\e so an escape sequence reads as text", () => {
    expect(sanitize("\u001b[31mred\u001b[0m")).toBe("\\e[31mred\\e[0m");
  });

  it("shows other controls as \\xHH, and CR as \\r", () => {
    expect(sanitize("bell\u0007 nul\u0000 del\u007f csi\u009b cr\r")).toBe(
      "bell\\x07 nul\\x00 del\\x7f csi\\x9b cr\\r",
    );
  });

  it("shows bidi overrides and isolates as \\uHHHH", () => {
    expect(sanitize("a\u202eb\u2066c\u2069d\u202a")).toBe("a\\u202eb\\u2066c\\u2069d\\u202a");
    expect(sanitize("x\u2028y")).toBe("x\\u2028y");
  });

  it("shows zero-width and format characters as \\uHHHH, keeping emoji ZWJ sequences whole", () => {
    expect(sanitize("ad\u200bmin\ufeff")).toBe("ad\\u200bmin\\ufeff");
    expect(sanitize("a\u200db \u200d👩 👩\u200d")).toBe("a\\u200db \\u200d👩 👩\\u200d");
    expect(sanitize("l\u200er\u200f w\u2060j")).toBe("l\\u200er\\u200f w\\u2060j");
    for (const emoji of ["👩‍💻", "👩🏽‍💻", "🏳️‍🌈", "❤️‍🔥", "👨‍👩‍👧‍👦"]) expect(sanitize(emoji)).toBe(emoji);
  });

  it("keeps newlines by default and escapes them for a single row", () => {
    expect(sanitize("a\nb")).toBe("a\nb");
    expect(sanitizeLine("a\nb")).toBe("a\\nb");
  });

  it(`expands tabs to the next tab stop (every ${TAB_WIDTH} columns), counted from the line start`, () => {
    expect(sanitize("\tx")).toBe("    x");
    expect(sanitize("ab\tx")).toBe("ab  x");
    expect(sanitize("abcd\tx")).toBe("abcd    x");
    expect(sanitize("a\tb\tc")).toBe("a   b   c");
    expect(sanitize("abc\nd\tx")).toBe("abc\nd   x");
    expect(sanitize("a\tb", { tabWidth: 8 })).toBe("a       b");
  });

  it("counts wide characters and escapes as the columns they take when expanding tabs", () => {
    expect(sanitize("東\tx")).toBe("東  x");
    // "\e" takes two columns, so the tab stop at 4 is two spaces away.
    expect(sanitize("\u001b\tx")).toBe("\\e  x");
  });

  it("keeps or escapes tabs on request", () => {
    expect(sanitize("a\tb", { tabs: "keep" })).toBe("a\tb");
    expect(sanitize("a\tb", { tabs: "escape" })).toBe("a\\tb");
  });

  it("escapes one character the way sanitize shows it", () => {
    expect(escapeChar("\u001b")).toBe("\\e");
    expect(escapeChar("\u0007")).toBe("\\x07");
    expect(escapeChar("\u202e")).toBe("\\u202e");
  });

  it.each(HOSTILE.map((h) => [JSON.stringify(h), h]))("never lets %s through", (_name, hostile) => {
    for (const out of [sanitize(hostile), sanitizeLine(hostile), escapeControl(hostile)]) {
      expect(out).not.toMatch(DANGEROUS);
      expect(out).not.toContain("\u001b");
    }
    expect(sanitizeLine(hostile)).not.toMatch(/[\t\n]/);
  });

  it("never lets a control character through, for every code point that is one", () => {
    let all = "";
    for (let c = 0; c < 0x100; c++) all += String.fromCharCode(c);
    for (let c = 0x2000; c < 0x2070; c++) all += String.fromCharCode(c);
    all += "\ufeff";
    expect(sanitizeLine(all)).not.toMatch(DANGEROUS);
    expect(sanitizeLine(all)).not.toMatch(/[\t\n]/);
  });
});

describe("the CLI's text helpers use it", () => {
  it("escapeControl keeps tabs and newlines for the terminal to lay out", () => {
    expect(escapeControl("a\tb\nc\u001b[1m")).toBe("a\tb\nc\\e[1m");
    expect(escapeControl("rtl\u202e")).toBe("rtl\\u202e");
  });

  it("readableLogLine turns Lambda's inner \\r into indented lines, escaping the rest", () => {
    expect(readableLogLine("first\rsecond\u001b[2J")).toBe("first\n    second\\e[2J");
  });
});
