// The heap flags an environment gets for its memory size (as Lambda's Node.js bootstrap sets
// them), and the peak a watchdog reads for a real process.
import { describe, expect, it } from "vitest";
import { MemoryWatchdog, heapFlags, peakRssKb } from "../../../src/sandbox/runner/memory.js";

describe("heapFlags", () => {
  it.each([
    [128, ["--max-semi-space-size=6", "--max-old-space-size=116"]],
    [1024, ["--max-semi-space-size=51", "--max-old-space-size=922"]],
    [10240, ["--max-semi-space-size=512", "--max-old-space-size=9216"]],
  ])("%i MB", (mb, flags) => {
    expect(heapFlags(mb)).toEqual(flags);
  });
});

describe.runIf(process.platform === "linux")("MemoryWatchdog on Linux", () => {
  it("reads this process's peak, and calls back once when it is over the limit", () => {
    const own = peakRssKb(process.pid)!;
    expect(own).toBeGreaterThan(1024);
    let calls = 0;
    const under = new MemoryWatchdog(process.pid, Math.ceil(own / 1024) + 1024, () => calls++);
    expect(under.check()).toBe(false);
    expect(under.peakKb).toBeGreaterThanOrEqual(own);
    const over = new MemoryWatchdog(process.pid, 1, () => calls++);
    expect(over.check()).toBe(true);
    expect(over.check()).toBe(true);
    expect(calls).toBe(1);
  });

  it("reads nothing for a process that is not there", () => {
    expect(peakRssKb(2 ** 22 + 1)).toBeNull();
  });
});
