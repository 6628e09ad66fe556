import { describe, expect, it } from "vitest";
import { invocationRows } from "../../../src/core/invocation-rows.js";
import type { GroupEvent } from "../../../src/core/running-lines.js";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";
const C = "33333333-3333-3333-3333-333333333333";
const ev = (timestamp: number, logStreamName: string, message: string): GroupEvent => ({
  timestamp,
  logStreamName,
  message,
});
const T = "2026-01-01T00:00:00.000Z";
const start = (id: string) => `START RequestId: ${id} Version: $LATEST`;
const report = (id: string, extra = "") =>
  `REPORT RequestId: ${id}\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 44 MB${extra}`;

describe("invocationRows", () => {
  it("groups a group's lines by request id, newest first, with REPORT's figures", () => {
    const rows = invocationRows([
      ev(1, "s1", "INIT_START Runtime Version: nodejs:20.v48"),
      ev(2, "s1", `${T}\tundefined\tINFO\tloading`),
      ev(3, "s1", start(A)),
      ev(4, "s2", start(B)),
      ev(5, "s1", "raw stdout line"),
      ev(6, "s2", `${T}\t${B}\tINFO\tB works`),
      ev(7, "s1", report(A, "\tInit Duration: 250.00 ms")),
      ev(8, "s1", start(C)),
    ]);
    expect(rows.map((r) => r.requestId)).toEqual([C, B, A]);
    const [c, b, a] = rows;
    expect(a!.events.map((e) => e.message)).toEqual([
      "INIT_START Runtime Version: nodejs:20.v48",
      `${T}\tundefined\tINFO\tloading`,
      start(A),
      "raw stdout line",
      report(A, "\tInit Duration: 250.00 ms"),
    ]);
    expect(a).toMatchObject({
      status: "success",
      durationMs: 12.5,
      coldStart: true,
      maxMemoryMb: 44,
      memoryMb: 128,
    });
    expect(b).toMatchObject({ status: "running", durationMs: null, coldStart: false });
    expect(b!.events).toHaveLength(2);
    expect(c).toMatchObject({ status: "running", coldStart: false });
  });

  it("names the error of a handler that threw, and a timeout from REPORT's status", () => {
    const rows = invocationRows([
      ev(1, "s1", start(A)),
      ev(2, "s1", `${T}\t${A}\tERROR\tInvoke Error \t{"errorType":"InventoryError","errorMessage":"out"}`),
      ev(3, "s1", report(A)),
      ev(4, "s2", start(B)),
      ev(5, "s2", `${T} ${B} Task timed out after 2.00 seconds`),
      ev(6, "s2", report(B, "\tStatus: timeout")),
    ]);
    expect(rows.find((r) => r.requestId === A)).toMatchObject({
      status: "error",
      errorType: "InventoryError",
    });
    expect(rows.find((r) => r.requestId === B)).toMatchObject({ status: "timeout", errorType: null });
  });

  it("reads JSON-format platform records, and keeps only the newest `limit`", () => {
    const json = (type: string, record: object) => JSON.stringify({ time: T, type, record });
    const rows = invocationRows([
      ev(1, "s1", json("platform.start", { requestId: A, version: "$LATEST" })),
      ev(
        2,
        "s1",
        json("platform.report", {
          requestId: A,
          status: "error",
          errorType: "Runtime.ExitError",
          metrics: { durationMs: 5, billedDurationMs: 5, memorySizeMB: 128, maxMemoryUsedMB: 40 },
        }),
      ),
      ev(3, "s1", json("platform.start", { requestId: B, version: "$LATEST" })),
    ]);
    expect(rows[1]).toMatchObject({
      requestId: A,
      status: "error",
      errorType: "Runtime.ExitError",
      durationMs: 5,
    });
    expect(
      invocationRows(
        rows.flatMap(() => []),
        1,
      ),
    ).toEqual([]);
    expect(invocationRows([ev(1, "s1", start(A)), ev(2, "s2", start(B))], 1).map((r) => r.requestId)).toEqual(
      [B],
    );
  });
});
