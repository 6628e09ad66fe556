import { describe, expect, it } from "vitest";
import { agoLabel } from "../../../src/ui/text/timeLabel.js";

describe("agoLabel", () => {
  const at = "2026-01-01T12:00:00.000Z";
  const t = Date.parse(at);
  it("says how long ago an entry ran, coarser as it gets older", () => {
    expect(agoLabel(at, t + 20_000)).toBe("just now");
    expect(agoLabel(at, t + 3 * 60_000 + 59_000)).toBe("3 min ago");
    expect(agoLabel(at, t + 5 * 3_600_000)).toBe("5 h ago");
    expect(agoLabel(at, t + 3 * 86_400_000)).toBe("3 days ago");
  });
  it("says nothing of a time it cannot place (unreadable, or ahead of this clock)", () => {
    expect(agoLabel("not a time", t)).toBeNull();
    expect(agoLabel(at, t - 60_000)).toBeNull();
  });
});
