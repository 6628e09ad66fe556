import { describe, expect, it } from "vitest";
import { coloursAllowed } from "../../../src/ui/text/colour.js";
import { hardWrap, wrapParts, wrapWords } from "../../../src/ui/text/wrapParts.js";

describe("wrapParts", () => {
  const parts = ["200", "ExecutedVersion version 1", "1.31 ms (billed 2 ms)", "70/128 MB"];
  it("keeps parts whole on a row, starting a new row at a part", () => {
    expect(wrapParts(parts, 80)).toEqual([
      "200 · ExecutedVersion version 1 · 1.31 ms (billed 2 ms) · 70/128 MB",
    ]);
    expect(wrapParts(parts, 40)).toEqual([
      "200 · ExecutedVersion version 1",
      "1.31 ms (billed 2 ms) · 70/128 MB",
    ]);
  });
  it("breaks a part wider than the row at spaces, and a word wider than it anywhere", () => {
    expect(wrapParts(parts, 12)).toEqual([
      "200",
      "ExecutedVers",
      "ion version",
      "1",
      "1.31 ms",
      "(billed 2",
      "ms)",
      "70/128 MB",
    ]);
    for (const row of wrapParts(parts, 5)) expect(row.length).toBeLessThanOrEqual(5);
  });
  it("never splits a wide character, and keeps a frame's indent", () => {
    expect(hardWrap("日本語テキスト", 5)).toEqual(["日本", "語テ", "キス", "ト"]);
    expect(wrapWords("  at handler (/var/task/index.js:3:9)", 20)).toEqual([
      "  at handler",
      "  (/var/task/index.j",
      "  s:3:9)",
    ]);
  });
});

describe("coloursAllowed", () => {
  it("any non-empty NO_COLOR turns colour off", () => {
    expect(coloursAllowed({})).toBe(true);
    expect(coloursAllowed({ NO_COLOR: "" })).toBe(true);
    expect(coloursAllowed({ NO_COLOR: "1" })).toBe(false);
    expect(coloursAllowed({ NO_COLOR: "false" })).toBe(false);
  });
});
