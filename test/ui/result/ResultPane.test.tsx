// The result pane in every state, rendered through the hook that owns its views, as the app
// does: summary, response, Invoke's tail and the complete log, and the keys that move them.
import { afterEach, describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { initialInvocation, type InvocationState } from "../../../src/ui/panes/result/invocationReducer.js";
import type { ResultViewOptions } from "../../../src/ui/panes/result/useResultView.js";
import { result } from "../../helpers/invoke-result.js";
import { invocationReducer } from "../../../src/ui/panes/result/invocationReducer.js";
import { completeLog, done, events, Harness, ID, running, showResult, withLogs } from "./resultHarness.js";

let writes: string[] = [];
let retried = 0;
afterEach(() => {
  writes = [];
  retried = 0;
});

const opts: ResultViewOptions = {
  cwd: "/tmp",
  prompt: () => undefined,
  write: (d) => writes.push(d),
  retryLogs: () => retried++,
};
const show = (state: InvocationState, width = 120, height = 40) => showResult(state, width, height, opts);

describe("ResultPane", () => {
  it("idle: how to invoke, no views, and the keys are not the pane's", async () => {
    const t = show(initialInvocation);
    expect(t.frame()).toMatch(/press Ctrl\+S to invoke/);
    expect(t.frame()).not.toMatch(/Tail|CloudWatch/);
    // press() resolves once the key's work has settled: nothing is written, nothing said.
    await t.press("y");
    expect(writes).toEqual([]);
    expect(t.frame()).not.toMatch(/Nothing to copy/);
  });

  it("running with live lines: the log follows its newest line, k scrolls up from there", async () => {
    const live = (n: number) =>
      invocationReducer(running, { type: "live", seq: 1, events: events(completeLog(n).slice(0, n + 1)) });
    const t = show(live(40), 80, 20);
    const f = t.frame();
    expect(f).toMatch(/live · 41 lines so far, while it runs/);
    expect(f).toMatch(/line 0040/);
    expect(f).not.toMatch(/START RequestId/);
    t.rerender(<Harness state={live(60)} width={80} height={20} opts={opts} />);
    await t.waitFor(/line 0060/);
    await t.press("k");
    expect(t.frame()).not.toMatch(/line 0060/);
    expect(t.frame()).toMatch(/line 0059/);
    // The complete log opens at START, as it does when nothing came live.
    const u = show(withLogs(done(result()), "complete", events(completeLog(60))), 80, 20);
    expect(u.frame()).toMatch(/START RequestId/);
  });

  it("running: a spinner with the elapsed time, and the views waiting", () => {
    const t = show(running);
    expect(t.frame()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Invoking orders-api:live \(RequestResponse\) · 1\.50 s/);
    expect(t.frame()).toMatch(/Esc stops waiting/);
    expect(t.frame()).toMatch(/Waiting for the invocation/);
  });

  it("done: status, version, metrics, the JSON response pretty-printed with its size, both logs labelled", () => {
    const tail = completeLog(3).join("\n") + "\n";
    const s = withLogs(
      done(
        result({
          payloadText: '{"ok":true,"n":12345678901234567890}',
          payloadBytes: 36,
          tail,
          requestId: ID,
        }),
      ),
      "complete",
      events(completeLog(3)),
    );
    const f = show(s).frame();
    expect(f).toMatch(/200 · ExecutedVersion version 7 · 41 ms \(billed 42 ms\) · 70\/128 MB/);
    expect(f).toMatch(/Response · JSON · 36 B · 4 lines/);
    expect(f).toContain('"n": 12345678901234567890');
    expect(f).toMatch(/Tail \(from Invoke, 4 KB\)[\s\S]*6 lines · whole/);
    expect(f).toMatch(/CloudWatch \(complete\)[\s\S]*complete \(REPORT seen\) · 6 lines/);
    expect(f).toMatch(/START RequestId: 0d5b4a4e[\s\S]*REPORT RequestId/);
  });

  it("a text response is shown as it is", () => {
    const f = show(
      done(result({ payloadText: "plain <b>text</b>", payloadJson: undefined, payloadBytes: 17 })),
    ).frame();
    expect(f).toMatch(/Response · text · 17 B · 1 lines/);
    expect(f).toContain("plain <b>text</b>");
  });

  it("FunctionError: Unhandled with errorType, message and the stack", () => {
    const error = {
      errorType: "ValidationError",
      errorMessage: "customer.email is required",
      trace: ["ValidationError: customer.email is required", "    at validate (/var/task/index.mjs:14:31)"],
    };
    const f = show(
      done(result({ functionError: "Unhandled", error, payloadText: JSON.stringify(error) })),
    ).frame();
    // The error's kind stays on the first row, with the status, version and duration.
    expect(f).toMatch(/^200 · ExecutedVersion version 7 · 41 ms \(billed 42 ms\) · FunctionError: Unhandled/);
    expect(f).toMatch(/\nValidationError: customer.email is required\n/);
    expect(f).toMatch(/at validate \(\/var\/task\/index.mjs:14:31\)/);
    expect(f).toMatch(/"errorType": "ValidationError"/);
  });

  it("Event: 202, the request id, no response and no tail", () => {
    const f = show(
      done(result({ invocationType: "Event", statusCode: 202, report: null, payloadText: "" })),
    ).frame();
    expect(f).toMatch(/202 Accepted · queued/);
    expect(f).toMatch(/RequestId req-1/);
    expect(f).toMatch(/Response · none: an Event invocation only queues/);
    expect(f).toMatch(/Only synchronous invocations return a tail/);
  });

  it("DryRun: 204 and what it proved; no logs to look for", () => {
    const f = show(
      done(result({ invocationType: "DryRun", statusCode: 204, report: null, payloadText: "" })),
    ).frame();
    expect(f).toMatch(/204 · dry run passed/);
    expect(f).toMatch(/function exists, you may invoke it, and the payload was accepted/);
    expect(f).toMatch(/CloudWatch[\s\S]*none: nothing ran/);
  });

  it("logs searching: the time so far, and no claim to be complete", () => {
    const f = show(withLogs(done(result({ requestId: ID })), "searching")).frame();
    expect(f).toMatch(/CloudWatch[^\n]*\n[^\n]*searching… 1\.5 s/);
    expect(f).toMatch(/Waiting for CloudWatch Logs to deliver/);
    expect(f).not.toMatch(/complete/i);
  });

  it("logs receiving: the lines so far", () => {
    const f = show(
      withLogs(done(result({ requestId: ID })), "receiving", events(completeLog(2).slice(0, 2))),
    ).frame();
    expect(f).toMatch(/CloudWatch[^\n]*\n[^\n]*receiving · 2 lines so far/);
    expect(f).toMatch(/START RequestId/);
  });

  it("logs gave up after N s, with the retry key, which retries", async () => {
    const t = show(withLogs(done(result({ requestId: ID })), "gave-up", [], 60_000));
    expect(t.frame()).toMatch(/gave up after 60 s · R retries/);
    await t.press("R");
    expect(retried).toBe(1);
  });

  it("a cut tail is labelled cut, and the complete log marks where the tail starts", async () => {
    const all = completeLog(60);
    // The tail lost the start of the log: its first line is the end of event 40.
    const tail = [all[40]!.slice(-13), ...all.slice(41)].join("\n") + "\n";
    const t = show(withLogs(done(result({ tail, requestId: ID })), "complete", events(all)));
    expect(t.frame()).toMatch(
      /Tail \(from Invoke, 4 KB\)[^\n]*\n[^\n]*cut: its first lines are only in CloudWatch/,
    );
    // The complete log opens at START; the marker is further down. It is longer than its view,
    // so it has the keys without a press.
    expect(t.frame()).toMatch(/START RequestId/);
    expect(t.frame()).toMatch(/▶ CloudWatch \(complete\)/);
    expect(t.frame()).not.toMatch(/the tail from Invoke starts here/);
    await t.press("G");
    await t.waitFor(
      /INFO {2}line 0039[^\n]*\n[^\n]*▼ the tail from Invoke starts here[^\n]*\n[^\n]*INFO {2}line 0040/,
    );
  });

  it("escape sequences in the response and the logs are shown escaped, never sent", () => {
    const hostile = "\u001b[2J\u001b]0;pwned\u0007";
    const s = withLogs(
      done(result({ payloadText: JSON.stringify({ m: hostile }), tail: `${hostile}\n`, requestId: ID })),
      "complete",
      events([`START RequestId: ${ID} Version: $LATEST`, `clear: ${hostile}`]),
    );
    const f = show(s).frame();
    expect(f).not.toContain("\u001b");
    expect(f).toContain("clear: \\e[2J\\e]0;pwned\\x07");
  });
});

describe("ResultPane sizes", () => {
  it("never draws past its width (it clips only vertically), at any size", () => {
    const error = { errorType: "E", errorMessage: "m", trace: ["E: m", "    at f (x.js:1:1)"] };
    const s = withLogs(
      done(result({ functionError: "Unhandled", error, tail: completeLog(5).join("\n"), requestId: ID })),
      "complete",
      events(completeLog(40).map((l) => l + " 日本語テキスト 😀".repeat(5))),
    );
    for (const width of [1, 4, 9, 17, 33, 60, 97, 130])
      for (const height of [1, 2, 5, 9, 14, 40]) {
        const t = show(s, width, height);
        for (const row of t.frame().split("\n"))
          expect(stringWidth(row), `${width}x${height}: ${row}`).toBeLessThanOrEqual(width);
        t.unmount();
      }
  });
});

describe("ResultPane keys", () => {
  const big = () =>
    withLogs(
      done(
        result({
          payloadText: JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => i) }),
          requestId: ID,
        }),
      ),
      "complete",
      events(completeLog(300)),
    );

  it("narrow: one view at a time under a row naming all three, l and h switch between them", async () => {
    const t = show(big(), 60, 30);
    // The tabs name every view and keep the logs' state in sight; the long complete log that
    // arrived has the keys.
    expect(t.frame()).toMatch(/ Response {2}Tail \(4 KB\) {2}▶ CloudWatch · complete \(REPORT se/);
    expect(t.frame()).toMatch(/START RequestId/);
    expect(t.frame()).not.toMatch(/"items": \[/);
    await t.press("l");
    await t.waitFor(/"items": \[/);
    expect(t.frame()).toMatch(/ ▶ Response {2}Tail/);
    expect(t.frame()).not.toMatch(/START RequestId/);
    await t.press("l");
    await t.waitFor(/No tail: Invoke returned no X-Amz-Log-Result/);
    expect(t.frame()).not.toMatch(/"items": \[/);
    await t.press("h");
    await t.waitFor(/"items": \[/);
    await t.press("h");
    await t.waitFor(/START RequestId/);
  });

  it("j, PgDn, G and g scroll the active view", async () => {
    const t = show(big(), 60, 30);
    await t.waitFor(/START RequestId/);
    await t.press("j");
    await t.waitFor(/2–/);
    expect(t.frame()).not.toMatch(/START RequestId/);
    await t.press("G");
    await t.waitFor(/REPORT RequestId[\s\S]*/);
    expect(t.frame()).toMatch(/\/303 follow/);
    await t.press("g");
    await t.waitFor(/START RequestId/);
  });

  it("/ searches the active view, n finds the next match, N the one before", async () => {
    const t = show(big(), 60, 30);
    await t.press("/line 0150");
    await t.press({ key: "enter" });
    await t.waitFor(/149–/);
    await t.press("/line 01");
    await t.press({ key: "enter" });
    // From the top line on: line 0148 (a match two lines above it stays in sight).
    await t.waitFor(/147–/);
    await t.press("n");
    await t.waitFor(/148–/);
    await t.press("N");
    await t.waitFor(/147–/);
    await t.press("/nothing like this");
    await t.press({ key: "enter" });
    await t.waitFor(/No match for "nothing like this"/);
  });

  it("long lines wrap until w cuts them, t shows the event times", async () => {
    const long = "x".repeat(150);
    const s = withLogs(done(result({ requestId: ID })), "complete", [
      { timestamp: Date.UTC(2026, 0, 1, 10, 0, 0, 456), message: long },
    ]);
    const t = show(s, 60, 30);
    await t.press("l");
    await t.press("l");
    await t.waitFor(/x{60}\n\s*x{60}\n\s*x{30}\n/);
    await t.press("w");
    await t.waitFor(/x{59}…/);
    await t.press("t");
    await t.waitFor(/\d\d:\d\d:\d\d\.456 x/);
  });

  it("y copies the view with OSC 52 and says so; an empty view has nothing to copy", async () => {
    const t = show(done(result({ payloadText: '{"ok":true}' })), 120, 40);
    await t.press("y");
    await t.waitFor(/Copied 11 B with OSC 52/);
    expect(writes).toEqual([`\u001b]52;c;${Buffer.from('{"ok":true}').toString("base64")}\u0007`]);
    await t.press("l");
    await t.press("y");
    await t.waitFor(/Nothing to copy in this view/);
    expect(writes).toHaveLength(1);
  });
});
