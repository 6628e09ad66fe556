// How often a loading function list is shown again: each showing passes over the whole list.
import { describe, expect, it } from "vitest";
import { shouldShowGrowth } from "../../src/ui/hooks/useFunctionList.js";

describe("shouldShowGrowth", () => {
  it("shows the first page at once, then when the list has grown by half, or after 2 s", () => {
    expect(shouldShowGrowth(50, 0, 0)).toBe(true);
    expect(shouldShowGrowth(100, 50, 10)).toBe(true);
    expect(shouldShowGrowth(1400, 1000, 10)).toBe(false);
    expect(shouldShowGrowth(1500, 1000, 10)).toBe(true);
    expect(shouldShowGrowth(1050, 1000, 2000)).toBe(true);
  });

  it("shows 100,000 functions loading in pages of 50 a few dozen times, not 2,000", () => {
    let shown = 0;
    let showings = 0;
    let indexed = 0;
    for (let count = 50; count <= 100_000; count += 50) {
      // No time passes here: only growth decides, as on a fast connection.
      if (shouldShowGrowth(count, shown, 0)) {
        shown = count;
        showings++;
        indexed += count;
      }
    }
    expect(showings).toBeLessThan(30);
    // Linear: all the re-indexing together is a few times the list, not ~1,000 times.
    expect(indexed).toBeLessThan(4 * 100_000);
  });
});
