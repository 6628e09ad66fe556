// The commands' text helpers: a cut keeps whole graphemes and counts wide characters as two
// columns. The grapheme segmenter is made on the first cut (not as the module loads, which
// every command's start paid for): the first call and the ones after it cut alike.
import { describe, expect, it } from "vitest";
import { ms, truncate } from "../../../src/cli/text.js";

describe("truncate", () => {
  it("cuts to the width with an ellipsis, never inside a grapheme", () => {
    expect(truncate("orders-api", 20)).toBe("orders-api");
    expect(truncate("orders-api", 6)).toBe("order…");
    // 👩‍💻 is one grapheme two columns wide: kept whole or left out, never split.
    expect(truncate("ab👩‍💻cd", 5)).toBe("ab👩‍💻…");
    expect(truncate("ab👩‍💻cd", 4)).toBe("ab…");
    expect(truncate("日本語テキスト", 7)).toBe("日本語…");
    expect(truncate("anything", 0)).toBe("");
  });
});

describe("ms", () => {
  it("prints milliseconds, and seconds from 1000 ms", () => {
    expect(ms(1.5)).toBe("1.50 ms");
    expect(ms(41.2)).toBe("41 ms");
    expect(ms(1500)).toBe("1.50 s");
  });
});
