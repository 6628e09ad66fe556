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
