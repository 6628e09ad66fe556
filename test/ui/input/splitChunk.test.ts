import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { keyOf, splitChunk } from "../../../src/ui/input/splitChunk.js";

const base = { ctrl: false, shift: false, meta: false, return: false, tab: false } as Key;

describe("splitChunk", () => {
  it("cuts an input into runs of text and single Enter, Tab and Backspace keys", () => {
    expect(splitChunk("ord\r")).toEqual(["ord", "\r"]);
    expect(splitChunk('\r{"id": 41}')).toEqual(["\r", '{"id": 41}']);
    expect(splitChunk("\u007f\u007fab\tc")).toEqual(["\u007f", "\u007f", "ab", "\t", "c"]);
    expect(splitChunk("\r\u000f")).toEqual(["\r", "\u000f"]);
  });

  it("in the editor, keeps Enter, Tab and Backspace in the text and cuts out Ctrl keys", () => {
    expect(splitChunk('{\r  "a": 1\t\u007f}\u0013', true)).toEqual(['{\r  "a": 1\t\u007f}', "\u0013"]);
    expect(splitChunk("line 1\rline 2", true)).toBeNull();
  });

  it("leaves one key, plain text and escape sequences alone", () => {
    expect(splitChunk("\r")).toBeNull();
    expect(splitChunk("orders-api")).toBeNull();
    expect(splitChunk("\u001b[A")).toBeNull();
  });
});

describe("keyOf", () => {
  it("gives each part the key Ink reports for it read alone", () => {
    expect(keyOf("\r", base)).toEqual([
      "",
      { ...base, return: true, tab: false, backspace: false, delete: false },
    ]);
    expect(keyOf("\t", base)[1].tab).toBe(true);
    expect(keyOf("\u007f", base)[1].delete).toBe(true);
    expect(keyOf("\b", base)[1].backspace).toBe(true);
    // Ctrl+O, as Ink reports it: the letter, with ctrl.
    expect(keyOf("\u000f", base)).toEqual([
      "o",
      { ...base, ctrl: true, return: false, tab: false, backspace: false, delete: false },
    ]);
    expect(keyOf("ab", base)).toEqual([
      "ab",
      { ...base, return: false, tab: false, backspace: false, delete: false },
    ]);
  });
});
