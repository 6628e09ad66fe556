// The result pane as the app drives it: its hook owns the views, keys reach the handler of the
// frame on screen, and invocation states are built with the real reducer.
import { useStdin } from "ink";
import { useKeyLayer } from "../../../src/ui/input/useKeyInput.js";
import {
  initialInvocation,
  invocationReducer,
  type InvocationState,
  type InvocationTarget,
} from "../../../src/ui/panes/result/invocationReducer.js";
import { ResultPane } from "../../../src/ui/panes/result/ResultPane.js";
import { useResultView, type ResultViewOptions } from "../../../src/ui/panes/result/useResultView.js";
import { renderTui } from "../../helpers/render-tui.js";
import type { InvokeResult, LogEvent } from "../../../src/core/model.js";

export const ID = "0d5b4a4e-6c2f-4a39-9a51-1c0ffee00001";
export const target: InvocationTarget = {
  functionName: "orders-api",
  qualifier: "live",
  invocationType: "RequestResponse",
  payload: "{}",
  logGroup: "/aws/lambda/orders-api",
};
export const running = invocationReducer(initialInvocation, { type: "start", seq: 1, target, at: 1_000 });
export const done = (r: InvokeResult): InvocationState =>
  invocationReducer(running, { type: "result", seq: 1, result: r });
export const withLogs = (
  s: InvocationState,
  phase: "searching" | "receiving" | "complete" | "gave-up",
  events: LogEvent[] = [],
  elapsedMs = 0,
): InvocationState => {
  const started = invocationReducer(s, { type: "logsStart", seq: 1 });
  return phase === "searching" && events.length === 0
    ? { ...started, logs: { ...started.logs, elapsedMs } }
    : invocationReducer(started, {
        type: "logsProgress",
        seq: 1,
        phase,
        events,
        calls: 3,
        elapsedMs,
        reason: null,
      });
};

export const appLine = (i: number, level = "INFO") =>
  `2026-01-01T00:00:00.${String(i % 1000).padStart(3, "0")}Z\t${ID}\t${level}\tline ${String(i).padStart(4, "0")}: the quick brown fox`;
export const reportLine = `REPORT RequestId: ${ID}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t`;
export const completeLog = (n: number): string[] => [
  `START RequestId: ${ID} Version: $LATEST`,
  ...Array.from({ length: n }, (_, i) => appLine(i + 1)),
  `END RequestId: ${ID}`,
  reportLine,
];
export const events = (messages: string[]): LogEvent[] =>
  messages.map((message, i) => ({ timestamp: 1_000 + i, message }));

const NO_OPTS: ResultViewOptions = {
  cwd: "/tmp",
  prompt: () => undefined,
  write: () => undefined,
  retryLogs: () => undefined,
};

export function Harness({
  state,
  width,
  height,
  opts = NO_OPTS,
  focused = true,
}: {
  state: InvocationState;
  width: number;
  height: number;
  opts?: ResultViewOptions;
  focused?: boolean;
}) {
  const rv = useResultView(state, opts);
  // As in App: through the key layer, to the handler of the frame on screen.
  const { stdin } = useStdin();
  const { pulse } = useKeyLayer(stdin, (key) => {
    rv.onKey(key.input, key, { width, height });
    return true;
  });
  return (
    <>
      {pulse}
      <ResultPane
        state={state}
        now={2_500}
        width={width}
        height={height}
        focused={focused}
        view={rv.view}
        lines={rv.lines}
      />
    </>
  );
}

export const showResult = (state: InvocationState, width = 120, height = 40, opts?: ResultViewOptions) =>
  renderTui(<Harness state={state} width={width} height={height} opts={opts} />);
