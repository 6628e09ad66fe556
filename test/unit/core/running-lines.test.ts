import { describe, expect, it } from "vitest";
import { runningLines, type GroupEvent } from "../../../src/core/running-lines.js";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const ev = (timestamp: number, logStreamName: string, message: string): GroupEvent => ({
  timestamp,
  logStreamName,
  message,
});
const app = (id: string, text: string) => `2026-01-01T00:00:00.000Z\t${id}\tINFO\t${text}`;
const report = (id: string) => `REPORT RequestId: ${id}\tDuration: 3.00 ms\tBilled Duration: 3 ms`;

describe("runningLines", () => {
  it("has nothing before a START is seen", () => {
    expect(runningLines([ev(1, "s1", app(A, "stray"))])).toEqual({
      requestId: null,
      logStreamName: null,
      events: [],
    });
  });

  it("takes the first START's stream, in time order, up to its REPORT", () => {
    const lines = runningLines([
      ev(30, "s1", app(A, "tick 2")),
      ev(10, "s1", `START RequestId: ${A} Version: $LATEST`),
      ev(15, "s2", `START RequestId: ${B} Version: $LATEST`),
      ev(20, "s1", app(A, "tick 1")),
      ev(25, "s2", app(B, "someone else's")),
      ev(40, "s1", report(A)),
      ev(50, "s1", `START RequestId: ${B} Version: $LATEST`),
    ]);
    expect(lines.requestId).toBe(A);
    expect(lines.logStreamName).toBe("s1");
    expect(lines.events.map((e) => e.message)).toEqual([
      `START RequestId: ${A} Version: $LATEST`,
      app(A, "tick 1"),
      app(A, "tick 2"),
      report(A),
    ]);
  });

  it("on a cold start, begins at the INIT_START before START; a warm one not at an older REPORT's lines", () => {
    const cold = runningLines([
      ev(1, "s1", "INIT_START Runtime Version: nodejs:20.v1"),
      ev(2, "s1", app("undefined", "loading")),
      ev(3, "s1", `START RequestId: ${A} Version: $LATEST`),
    ]);
    expect(cold.events.map((e) => e.message)[0]).toMatch(/^INIT_START/);
    expect(cold.events).toHaveLength(3);
    const warm = runningLines([
      ev(1, "s1", "INIT_START Runtime Version: nodejs:20.v1"),
      ev(2, "s1", report(B)),
      ev(3, "s1", `START RequestId: ${A} Version: $LATEST`),
    ]);
    expect(warm.events.map((e) => e.message)).toEqual([`START RequestId: ${A} Version: $LATEST`]);
  });
});
