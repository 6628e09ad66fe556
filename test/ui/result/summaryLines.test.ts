import { describe, expect, it } from "vitest";
import {
  initialInvocation,
  invocationReducer,
  type InvocationTarget,
} from "../../../src/ui/panes/result/invocationReducer.js";
import { summaryLines } from "../../../src/ui/panes/result/summaryLines.js";
import { result } from "../../helpers/invoke-result.js";
import { timeLabel } from "../../../src/ui/text/timeLabel.js";

const target = {
  functionName: "orders-api",
  qualifier: "live",
  invocationType: "RequestResponse" as const,
  payload: "{}",
  logGroup: "/aws/lambda/orders-api",
};
const running = invocationReducer(initialInvocation, { type: "start", seq: 1, target, at: 10_000 });
const text = (lines: { text: string }[]) => lines.map((l) => l.text).join("\n");
const done = (r = result()) => invocationReducer(running, { type: "result", seq: 1, result: r });

describe("summaryLines", () => {
  it("idle says how to invoke", () => {
    expect(text(summaryLines(initialInvocation, 0))).toMatch(/Ctrl\+S/);
  });
  it("no spinner in the first 100 ms, then a spinner with the elapsed time and how to stop", () => {
    expect(text(summaryLines(running, 10_050))).toBe("Invoking orders-api:live (RequestResponse)…");
    const later = text(summaryLines(running, 11_500));
    expect(later).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Invoking orders-api:live \(RequestResponse\) · 1\.50 s/);
    expect(later).toMatch(/Esc stops waiting/);
  });
  it("a sync result: status, ExecutedVersion, metrics, cold start, request id, round trip, size", () => {
    const t = text(
      summaryLines(
        done(
          result({
            report: { durationMs: 41.2, billedMs: 42, memoryMb: 128, maxMemoryMb: 70, initMs: 166.6 },
          }),
        ),
        0,
      ),
    );
    expect(t).toContain(
      "200 · ExecutedVersion version 7 · 41 ms (billed 42 ms) · 70/128 MB · cold start, init 167 ms",
    );
    expect(t).toContain("RequestId req-1 · round trip 52 ms · response 11 B");
  });
  it("a function error: type, message and the stack frames", () => {
    const r = result({
      functionError: "Unhandled",
      statusCode: 200,
      error: {
        errorType: "TypeError",
        errorMessage: "boom",
        trace: [
          "TypeError: boom",
          "    at handler (/var/task/index.js:3:9)",
          "    at run (/var/runtime/x.js:1:1)",
        ],
      },
    });
    const lines = summaryLines(done(r), 0, 1);
    // FunctionError right after the duration, where the narrowest pane still shows it.
    expect(lines[0]!.text).toBe(
      "200 · ExecutedVersion version 7 · 41 ms (billed 42 ms) · FunctionError: Unhandled · 70/128 MB",
    );
    expect(lines[1]!.text).toBe("TypeError: boom");
    expect(text(lines)).toContain("  at handler (/var/task/index.js:3:9)");
    expect(text(lines)).toContain("… 1 more frames");
    expect(lines[0]!.color).toBe("red");
  });
  it("Event: 202 and the request id; DryRun: 204 and what it proved", () => {
    expect(
      text(summaryLines(done(result({ invocationType: "Event", statusCode: 202, report: null })), 0)),
    ).toMatch(/^202 Accepted · queued[\s\S]*RequestId req-1/);
    const dry = text(
      summaryLines(done(result({ invocationType: "DryRun", statusCode: 204, report: null })), 0),
    );
    expect(dry).toMatch(/^204 · dry run passed/);
    expect(dry).toMatch(/function exists, you may invoke it/);
  });
  it("failed and stopped say what happened", () => {
    const failed = invocationReducer(running, {
      type: "failed",
      seq: 1,
      message: "Function not found: nope",
    });
    expect(text(summaryLines(failed, 0))).toBe("✗ orders-api:live was not invoked: Function not found: nope");
    const stopped = invocationReducer(running, { type: "stop", seq: 2 });
    expect(text(summaryLines(stopped, 0))).toMatch(/may still be running/);
  });
  it("escape sequences in an error message are shown, not sent to the terminal", () => {
    const r = result({
      functionError: "Unhandled",
      error: { errorType: "Error", errorMessage: "\u001b[2Jgone\u0007", trace: [] },
    });
    const t = text(summaryLines(done(r), 0));
    expect(t).not.toContain("\u001b");
    expect(t).toContain("\\e[2Jgone\\x07");
  });
});

describe("summaryLines of a history entry shown again", () => {
  const at = "2026-12-01T09:30:05.000Z";
  /** A result shown with the target's extra fields `over`, as summary lines at `now`. */
  const linesOf = (over: Partial<InvocationTarget>, now: number) =>
    summaryLines(
      invocationReducer(initialInvocation, {
        type: "show",
        seq: 1,
        target: { ...target, ...over },
        result: result(),
        logs: [],
      }),
      now,
    ).map((l) => l.text);
  it("names the entry, when it ran and how long ago, after the status line", () => {
    const lines = linesOf({ recordedAt: at }, Date.parse(at) + 3 * 3_600_000);
    expect(lines[0]).toMatch(/^200 · ExecutedVersion version 7/);
    expect(lines[1]).toBe(`Recorded · orders-api:live · ${timeLabel(at)} · 3 h ago`);
  });
  it("says nothing of a recording for a result just invoked", () => {
    expect(text(summaryLines(done(), 0))).not.toContain("Recorded");
    expect(text(summaryLines(done(), 0))).not.toContain("Replay");
  });
  it("names a replay's function and when the replayed entry ran, after the status line", () => {
    const lines = linesOf({ replayOf: at }, Date.parse(at) + 120_000);
    expect(lines[0]).toMatch(/^200 · ExecutedVersion version 7/);
    expect(lines[1]).toBe(`Replay · orders-api:live · original ${timeLabel(at)} · 2 min ago`);
  });
});
