import { describe, expect, it } from "vitest";
import { formatWait, invokeWaitMs, timeoutsFrom } from "../../../src/aws/timeouts.js";

describe("timeouts", () => {
  it("defaults: 5 s to connect, 30 s to read, a 60 s margin on Invoke", () => {
    expect(timeoutsFrom({})).toEqual({ connectMs: 5000, readMs: 30_000, invokeMarginMs: 60_000 });
  });

  it("takes whole milliseconds from the environment and ignores anything else", () => {
    const t = timeoutsFrom({
      LAMBDA_EXPLORER_CONNECT_TIMEOUT_MS: "250",
      LAMBDA_EXPLORER_READ_TIMEOUT_MS: "1.5",
      LAMBDA_EXPLORER_INVOKE_MARGIN_MS: "-3",
    });
    expect(t).toEqual({ connectMs: 250, readMs: 30_000, invokeMarginMs: 60_000 });
  });

  it("Invoke waits the function's timeout plus the margin, and 15 minutes when it is not known", () => {
    const t = timeoutsFrom({ LAMBDA_EXPLORER_INVOKE_MARGIN_MS: "1000" });
    expect(invokeWaitMs(3, t)).toBe(4000);
    expect(invokeWaitMs(900, t)).toBe(901_000);
    expect(invokeWaitMs(null, t)).toBe(901_000);
    expect(invokeWaitMs(undefined, t)).toBe(901_000);
  });

  it("says waits as people read them", () => {
    expect(formatWait(400)).toBe("0.4 s");
    expect(formatWait(1500)).toBe("1.5 s");
    expect(formatWait(65_000)).toBe("65 s");
    expect(formatWait(960_000)).toBe("16 min");
  });
});
