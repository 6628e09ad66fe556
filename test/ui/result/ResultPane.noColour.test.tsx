import { afterAll, describe, expect, it, vi } from "vitest";

// A terminal that could show colour, and a user who asked for none (read when the modules load).
vi.hoisted(() => {
  process.env.FORCE_COLOR = "1";
  process.env.NO_COLOR = "1";
});
afterAll(() => {
  delete process.env.NO_COLOR;
});

import { result } from "../../helpers/invoke-result.js";
import { done, events, ID, showResult, withLogs } from "./resultHarness.js";

const at = "2026-01-01T00:00:00.000Z";
const state = withLogs(
  done(result({ requestId: ID, functionError: "Unhandled" })),
  "complete",
  events([
    `START RequestId: ${ID} Version: $LATEST`,
    `${at}\t${ID}\tERROR\tboom`,
    `${at}\t${ID}\tWARN\tslow`,
  ]),
);

describe("ResultPane under NO_COLOR", () => {
  it("draws no colour at all, but keeps bold and inverse video", async () => {
    const t = showResult(state, 120, 40);
    await t.press("/boom");
    await t.press({ key: "enter" });
    await t.waitFor(/boom/);
    const f = t.frame();
    // Foreground and background colours, basic and bright.
    // eslint-disable-next-line no-control-regex
    expect(f).not.toMatch(/\u001b\[(3[0-9]|4[0-9]|9[0-7]|10[0-7])m/);
    expect(f).toContain("\u001b[7m");
    expect(f).toContain("\u001b[1m");
    expect(f).toMatch(/▶ Response/);
  });
});
