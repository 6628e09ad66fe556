import { describe, expect, it } from "vitest";
import { tailInfo, tailStartIndex } from "../../../src/core/tail-mark.js";

const ID = "7e1f0c3a-0000-4000-8000-000000000001";
const complete = [
  `START RequestId: ${ID} Version: $LATEST`,
  `2026-01-01T00:00:00.000Z\t${ID}\tINFO\tline one`,
  `2026-01-01T00:00:00.001Z\t${ID}\tINFO\tline two`,
  `2026-01-01T00:00:00.002Z\t${ID}\tINFO\tline three`,
  `END RequestId: ${ID}`,
  `REPORT RequestId: ${ID}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`,
];

describe("tailInfo", () => {
  it("is not cut when the tail still holds the invocation's START", () => {
    expect(tailInfo(complete.join("\n") + "\n", ID)).toEqual({ lines: complete, cut: false });
  });
  it("is cut when START is gone", () => {
    const tail = "ine two\n" + complete.slice(3).join("\n");
    expect(tailInfo(tail, ID).cut).toBe(true);
  });
  it("a START of another request does not count", () => {
    expect(tailInfo(`START RequestId: other Version: 1\nEND RequestId: ${ID}`, ID).cut).toBe(true);
  });
  it("reads START in the JSON log format too (platform.start)", () => {
    const start = JSON.stringify({
      time: "2026-01-01T00:00:00.000Z",
      type: "platform.start",
      record: { requestId: ID, version: "$LATEST" },
    });
    const app = JSON.stringify({
      timestamp: "2026-01-01T00:00:00.001Z",
      level: "INFO",
      requestId: ID,
      message: "hi",
    });
    expect(tailInfo(`${start}\n${app}\n`, ID).cut).toBe(false);
    expect(tailInfo(`${app}\n`, ID).cut).toBe(true);
    expect(tailInfo(start.replace(ID, "someone-else"), ID).cut).toBe(true);
  });
  it("no tail", () => {
    expect(tailInfo(null, ID)).toEqual({ lines: [], cut: false });
  });
});

describe("tailStartIndex", () => {
  it("a whole tail starts at the first event", () => {
    expect(tailStartIndex(complete, tailInfo(complete.join("\n"), ID))).toBe(0);
  });
  it("a cut tail starts at the event its first fragment ends", () => {
    const tail = "ne two\n" + complete.slice(3).join("\n");
    expect(tailStartIndex(complete, tailInfo(tail, ID))).toBe(2);
  });
  it("null when the logs do not line up", () => {
    expect(tailStartIndex(complete, tailInfo("something else\nentirely", ID))).toBeNull();
    expect(tailStartIndex([], tailInfo(complete.join("\n"), ID))).toBeNull();
  });
});
