import { describe, expect, it } from "vitest";
import { moveTarget, windowStart } from "../../../src/ui/list/listMoves.js";

describe("moveTarget", () => {
  it("moves by lines and by pages of the rows shown, to the first and the last", () => {
    expect(moveTarget(5, { type: "move", delta: -2 }, 10, 50)).toBe(3);
    expect(moveTarget(5, { type: "page", delta: 1 }, 10, 50)).toBe(15);
    expect(moveTarget(5, { type: "page", delta: -1 }, 10, 50)).toBe(-5);
    expect(moveTarget(5, { type: "top" }, 10, 50)).toBe(0);
    expect(moveTarget(5, { type: "bottom" }, 10, 50)).toBe(49);
  });

  it("pages by at least one row when none is shown", () => {
    expect(moveTarget(5, { type: "page", delta: 1 }, 0, 50)).toBe(6);
  });
});

describe("windowStart", () => {
  it("keeps the cursor in sight, never scrolling past the end or before the start", () => {
    expect(windowStart(0, 5, 20)).toBe(0);
    expect(windowStart(4, 5, 20)).toBe(0);
    expect(windowStart(7, 5, 20)).toBe(3);
    expect(windowStart(19, 5, 20)).toBe(15);
    expect(windowStart(2, 5, 3)).toBe(0);
  });
});
