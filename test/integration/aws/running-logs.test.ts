// An invocation's lines while it runs, and a log group read as invocations, through the real
// SDK against the sandbox (issue 13, items 3 and 4).
import { describe, expect, it } from "vitest";
import { fetchCompleteLogs } from "../../../src/aws/complete-logs.js";
import { invoke } from "../../../src/aws/invoke.js";
import { followLogGroup, type FollowedEvent } from "../../../src/aws/log-follow.js";
import { followRunningLogs } from "../../../src/aws/running-logs.js";
import { invocationRows } from "../../../src/core/invocation-rows.js";
import type { RunningLines } from "../../../src/core/running-lines.js";
import { useSandboxClients } from "../../helpers/sandbox.js";

const live = useSandboxClients();

const ARN = (fn: string) => `arn:aws:lambda:us-east-1:123456789012:function:${fn}`;

describe("followRunningLogs", () => {
  it("gives slow-logger's lines while it runs, its own request id's, before Invoke answers", async () => {
    const stop = new AbortController();
    const seen: RunningLines[] = [];
    let returned = false;
    let firstSeenWhileRunning = false;
    const waiters: Array<() => void> = [];
    const sentAt = Date.now();
    const follow = followRunningLogs(live.clients, {
      logGroup: "/aws/lambda/slow-logger",
      functionArn: ARN("slow-logger"),
      sentAt,
      signal: stop.signal,
      onLines: (l) => {
        seen.push(l);
        if (!returned && l.events.some((e) => /tick 1\/3/.test(e.message))) firstSeenWhileRunning = true;
        waiters.splice(0).forEach((w) => w());
      },
    });
    const result = await invoke(live.clients, "slow-logger", '{"lines": 3, "intervalMs": 1000}').then((r) => {
      returned = true;
      return r;
    });
    stop.abort();
    // Ends when stopped: the live tail's connection is closed at once, not left open until its
    // 30 s idle limit (longer than this test may take).
    await follow;
    expect(firstSeenWhileRunning).toBe(true);
    expect(seen.at(-1)!.requestId).toBe(result.requestId);
  }, 20_000);
});

describe("invocationRows on a real log group", () => {
  async function groupEvents(fn: string, since: number, requestIds: string[]): Promise<FollowedEvent[]> {
    for (const id of requestIds)
      await fetchCompleteLogs(live.clients, {
        logGroup: `/aws/lambda/${fn}`,
        requestId: id,
        startTime: since,
      });
    const events: FollowedEvent[] = [];
    await followLogGroup(live.clients, {
      logGroup: `/aws/lambda/${fn}`,
      since: since - 1_000,
      follow: false,
      onEvents: (e) => events.push(...e),
    });
    return events;
  }

  it("a thrower's invocations are rows with status error and their error type", async () => {
    const since = Date.now();
    const a = await invoke(live.clients, "thrower", "{}");
    const b = await invoke(live.clients, "thrower", "{}");
    const rows = invocationRows(await groupEvents("thrower", since, [a.requestId!, b.requestId!]));
    expect(rows.map((r) => r.requestId)).toEqual([b.requestId, a.requestId]);
    expect(rows[1]).toMatchObject({ status: "error", errorType: a.error?.errorType, coldStart: true });
    expect(rows[0]).toMatchObject({ status: "error", coldStart: false });
    expect(rows[0]!.durationMs).toBeGreaterThan(0);
  }, 30_000);

  it("a timed-out invocation is a row with status timeout", async () => {
    const since = Date.now();
    const r = await invoke(live.clients, "slow-timeout", "{}");
    const rows = invocationRows(await groupEvents("slow-timeout", since, [r.requestId!]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ requestId: r.requestId, status: "timeout" });
  }, 30_000);
});
