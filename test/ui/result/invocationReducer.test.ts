import { describe, expect, it } from "vitest";
import { result } from "../../helpers/invoke-result.js";
import {
  initialInvocation,
  invocationReducer,
  isBusy,
  wantsLogs,
} from "../../../src/ui/panes/result/invocationReducer.js";
import { target } from "./resultHarness.js";

const started = invocationReducer(initialInvocation, { type: "start", seq: 1, target, at: 1_000 });

describe("invocationReducer", () => {
  it("runs, then holds the result", () => {
    expect(started.phase).toBe("running");
    expect(isBusy(started)).toBe(true);
    const done = invocationReducer(started, { type: "result", seq: 1, result: result() });
    expect(done.phase).toBe("done");
    expect(done.result?.executedVersion).toBe("7");
    expect(isBusy(done)).toBe(false);
  });

  it("drops answers to an older invocation", () => {
    const again = invocationReducer(started, { type: "start", seq: 2, target, at: 2_000 });
    expect(invocationReducer(again, { type: "result", seq: 1, result: result() })).toBe(again);
    expect(invocationReducer(again, { type: "failed", seq: 1, message: "x" })).toBe(again);
  });

  it("stopping while running says the function may still run, and ignores its late answer", () => {
    const stopped = invocationReducer(started, { type: "stop", seq: 2 });
    expect(stopped.phase).toBe("stopped");
    expect(stopped.message).toMatch(/may still be running/);
    expect(invocationReducer(stopped, { type: "result", seq: 1, result: result() })).toBe(stopped);
  });

  it("follows the logs through searching, receiving and complete", () => {
    let s = invocationReducer(started, { type: "result", seq: 1, result: result() });
    s = invocationReducer(s, { type: "logsStart", seq: 1 });
    expect(s.logs.phase).toBe("searching");
    expect(isBusy(s)).toBe(true);
    const events = [{ timestamp: 1, message: "START RequestId: req-1 Version: 7" }];
    s = invocationReducer(s, {
      type: "logsProgress",
      seq: 1,
      phase: "receiving",
      events,
      calls: 1,
      elapsedMs: 300,
    });
    expect(s.logs).toMatchObject({ phase: "receiving", calls: 1, events });
    s = invocationReducer(s, {
      type: "logsProgress",
      seq: 1,
      phase: "gave-up",
      events,
      calls: 9,
      elapsedMs: 60_000,
      reason: "START and REPORT were not delivered in time",
    });
    expect(s.logs.phase).toBe("gave-up");
    expect(s.logs.reason).toMatch(/not delivered/);
    expect(isBusy(s)).toBe(false);
  });

  it("stopping a log search keeps the result and what arrived", () => {
    let s = invocationReducer(started, { type: "result", seq: 1, result: result() });
    s = invocationReducer(s, { type: "logsStart", seq: 1 });
    s = invocationReducer(s, { type: "stop", seq: 2 });
    expect(s.phase).toBe("done");
    expect(s.logs.phase).toBe("stopped");
    expect(s.result).not.toBeNull();
  });

  it("a failed log search says why", () => {
    let s = invocationReducer(started, { type: "result", seq: 1, result: result() });
    s = invocationReducer(s, { type: "logsFailed", seq: 1, message: "AccessDenied" });
    expect(s.logs).toMatchObject({ phase: "failed", reason: "AccessDenied" });
  });

  it("shows an earlier invocation with its logs, without running anything", () => {
    const s = invocationReducer(initialInvocation, {
      type: "show",
      seq: 5,
      target,
      result: result(),
      logs: [{ timestamp: 1, message: "x" }],
    });
    expect(s.phase).toBe("done");
    expect(s.logs.phase).toBe("complete");
  });

  it("dry runs and invocations without a request id have no logs to look for", () => {
    expect(wantsLogs(result())).toBe(true);
    expect(wantsLogs(result({ invocationType: "DryRun" }))).toBe(false);
    expect(wantsLogs(result({ requestId: null }))).toBe(false);
  });
});

describe("invocationReducer: lines while it runs", () => {
  const line = (message: string) => ({ timestamp: 1, message });
  const live = invocationReducer(started, { type: "live", seq: 1, events: [line("START"), line("tick 1")] });

  it("shows them live while Invoke has not answered, never after, never an older invocation's", () => {
    expect(live.logs.phase).toBe("live");
    expect(live.logs.events).toHaveLength(2);
    expect(isBusy(live)).toBe(true);
    const done = invocationReducer(live, { type: "result", seq: 1, result: result() });
    expect(invocationReducer(done, { type: "live", seq: 1, events: [] })).toBe(done);
    expect(invocationReducer(live, { type: "live", seq: 0, events: [] })).toBe(live);
  });

  it("keeps them until the search brings as many, then takes the complete log", () => {
    const done = invocationReducer(live, { type: "result", seq: 1, result: result() });
    const searching = invocationReducer(done, { type: "logsStart", seq: 1 });
    expect(searching.logs.phase).toBe("searching");
    expect(searching.logs.events).toHaveLength(2);
    const fewer = { type: "logsProgress" as const, seq: 1, events: [line("START")], calls: 1, elapsedMs: 5 };
    expect(invocationReducer(searching, { ...fewer, phase: "receiving" }).logs.events).toHaveLength(2);
    expect(invocationReducer(searching, { ...fewer, phase: "complete" }).logs.events).toHaveLength(1);
  });

  it("Esc while it runs keeps the lines seen, no longer live", () => {
    const stopped = invocationReducer(live, { type: "stop", seq: 2 });
    expect(stopped.phase).toBe("stopped");
    expect(stopped.logs.phase).toBe("stopped");
    expect(stopped.logs.events).toHaveLength(2);
    expect(isBusy(stopped)).toBe(false);
  });
});
