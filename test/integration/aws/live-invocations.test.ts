// A log group followed as invocation rows, through the real SDK against the sandbox's live
// tail (issue 13, item 4: the data under the explorer's Live view).
import { describe, expect, it } from "vitest";
import { invoke } from "../../../src/aws/invoke.js";
import { followInvocations } from "../../../src/aws/live-invocations.js";
import type { InvocationRow } from "../../../src/core/invocation-rows.js";
import { useSandboxClients } from "../../helpers/sandbox.js";

const live = useSandboxClients();

describe("followInvocations", () => {
  // First in the file: slow-logger's first invocation is a cold start.
  it("keeps a kept row's init phase when it holds only as many rows as its limit", async () => {
    const stop = new AbortController();
    let rows: InvocationRow[] = [];
    const waiters: Array<() => void> = [];
    const follow = followInvocations(live.clients, {
      logGroup: "/aws/lambda/slow-logger",
      functionArn: "arn:aws:lambda:us-east-1:123456789012:function:slow-logger",
      since: Date.now(),
      signal: stop.signal,
      limit: 1,
      onRows: (r) => {
        rows = r;
        waiters.splice(0).forEach((w) => w());
      },
    });
    // Its lines come in several batches (300 ms apart): the group's events are cut back to the
    // kept row between them.
    const a = await invoke(live.clients, "slow-logger", '{"lines": 3, "intervalMs": 300}');
    await new Promise<void>((resolve) => {
      const check = () => (rows[0]?.status === "success" ? resolve() : waiters.push(check));
      check();
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.requestId).toBe(a.requestId);
    expect(rows[0]!.coldStart).toBe(true);
    expect(rows[0]!.events[0]!.message).toMatch(/^INIT_START/);
    expect(rows[0]!.events.filter((e) => /tick \d\/3/.test(e.message))).toHaveLength(3);
    stop.abort();
    await follow;
  }, 30_000);

  it("a row per invocation as it happens: running while it runs, then its REPORT's figures", async () => {
    await invoke(live.clients, "slow-logger", '{"lines": 1}'); // the group exists from here on
    const stop = new AbortController();
    let rows: InvocationRow[] = [];
    let path = "";
    const waiters: Array<() => void> = [];
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (ok() ? resolve() : waiters.push(check));
        check();
      });
    const since = Date.now();
    const follow = followInvocations(live.clients, {
      logGroup: "/aws/lambda/slow-logger",
      functionArn: "arn:aws:lambda:us-east-1:123456789012:function:slow-logger",
      since,
      signal: stop.signal,
      onPath: (p) => (path = p),
      onRows: (r) => {
        rows = r;
        waiters.splice(0).forEach((w) => w());
      },
    });
    let returned = false;
    const first = invoke(live.clients, "slow-logger", '{"lines": 3, "intervalMs": 1000}').then((r) => {
      returned = true;
      return r;
    });
    await until(() => rows.some((r) => r.status === "running"));
    expect(returned).toBe(false);
    const a = await first;
    const b = await invoke(live.clients, "slow-logger", '{"lines": 1}');
    await until(() => rows.length === 2 && rows.every((r) => r.status === "success"));
    expect(rows.map((r) => r.requestId)).toEqual([b.requestId, a.requestId]);
    expect(rows[1]!.durationMs).toBeGreaterThan(1_500);
    expect(rows[1]!.events.filter((e) => /tick \d\/3/.test(e.message))).toHaveLength(3);
    expect(path).toBe("live tail");
    stop.abort();
    await follow;
  }, 30_000);
});
