import { describe, expect, it, vi } from "vitest";

// Colour on, so the frames carry their SGR codes (read when chalk loads).
vi.hoisted(() => {
  process.env.FORCE_COLOR = "1";
  delete process.env.NO_COLOR;
});

import { result } from "../../helpers/invoke-result.js";
import { done, events, ID, showResult, withLogs } from "./resultHarness.js";

const at = "2026-01-01T00:00:00.000Z";
const levelLog = [
  `START RequestId: ${ID} Version: $LATEST`,
  `${at}\t${ID}\tINFO\tall is well`,
  `${at}\t${ID}\tERROR\ttext boom\r    at handler (index.mjs:3:9)`,
  `${at}\t${ID}\tWARN\ttext slow`,
  `[ERROR]\t${at}\t${ID}\tpython boom`,
  `{"timestamp":"${at}","level":"ERROR","requestId":"${ID}","message":"json boom"}`,
  `{"timestamp":"${at}","level":"WARN","requestId":"${ID}","message":"json slow"}`,
  `END RequestId: ${ID}`,
];
const levelState = withLogs(done(result({ requestId: ID })), "complete", events(levelLog));

const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const DIM = "\u001b[2m";
const INVERSE = "\u001b[7m";
const rowWith = (frame: string, text: string) => frame.split("\n").find((r) => r.includes(text)) ?? "";

describe("ResultPane colours", () => {
  it("errors red and warnings yellow, in the Text and JSON log formats and Python's; START dim", () => {
    const f = showResult(levelState, 120, 40).frame();
    for (const text of ["text boom", "at handler", "python boom", "json boom"])
      expect(rowWith(f, text), text).toContain(RED);
    for (const text of ["text slow", "json slow"]) expect(rowWith(f, text), text).toContain(YELLOW);
    // eslint-disable-next-line no-control-regex
    expect(rowWith(f, "all is well")).not.toMatch(/\u001b\[3[13]m/);
    expect(rowWith(f, "START RequestId")).toContain(DIM);
  });

  it("the view with the keys has its label row in inverse video", () => {
    const f = showResult(levelState, 120, 40).frame();
    expect(rowWith(f, "▶ Response")).toContain(INVERSE);
    expect(rowWith(f, "CloudWatch (complete)")).not.toContain(INVERSE);
  });
});
