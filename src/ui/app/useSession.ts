// One session of invocations: the invocation in flight, the history it is recorded in (result
// and complete logs), and the usage that ranks the function list. The panes read from it; the
// App only starts invocations.
import type { Clients } from "../../aws/clients.js";
import type { UsageScope } from "../../state/usage.js";
import type { FunctionSummary } from "../../core/model.js";
import type { InvocationType } from "../../core/payload.js";
import { isBusy } from "../panes/result/invocationReducer.js";
import { useInvocation, type Invocation } from "./useInvocation.js";
import { useNow } from "./useNow.js";
import { useHistoryState, type HistoryStore } from "../panes/history/useHistoryState.js";
import { deferred } from "./deferred.js";
import type { Early } from "../../core/early.js";
import type { OpenedHistory } from "../../state/history-pages.js";

export interface Session {
  invocation: Invocation;
  /** Invokes `fn` (on `qualifier`, "$LATEST" for none) with `payload`. */
  invoke: (fn: FunctionSummary, qualifier: string, type: InvocationType, payload: string) => void;
  history: HistoryStore;
  /** An invocation or its logs are awaited: Esc stops that, q asks first. */
  busy: boolean;
  /** The clock the result pane's spinner and elapsed times are drawn with. */
  now: number;
}

export function useSession(
  clients: Clients | null,
  /** What usage is kept under (the built-in sandbox by its folder, not its port). */
  scope: UsageScope | null,
  functions: readonly FunctionSummary[],
  historyFile: string | undefined,
  /** The history's newest entries, read while the UI loaded. */
  earlyHistory?: Early<OpenedHistory>,
): Session {
  const history = useHistoryState(historyFile, clients, functions, earlyHistory);
  const invocation = useInvocation(clients, {
    onLogs: history.recordLogs,
    onResult: (target, result) => {
      history.recordResult(target, result);
      if (!scope) return;
      // Advisory, as for the invoke command: a state directory that cannot be written must not matter.
      void deferred("usage").then(({ recordUsage }) =>
        recordUsage(scope, target.functionName).catch(() => undefined),
      );
    },
  });
  const busy = isBusy(invocation.state);
  // The spinner needs 80 ms ticks; the logs' elapsed seconds only a few a second.
  const now = useNow(busy, invocation.state.phase === "running" ? 80 : 250);
  const invoke: Session["invoke"] = (fn, qualifier, invocationType, payload) =>
    invocation.start({
      functionName: fn.name,
      qualifier: qualifier === "$LATEST" ? null : qualifier,
      invocationType,
      payload,
      logGroup: fn.logGroup,
      functionArn: fn.arn,
      // The list's configuration is $LATEST's: a version may have another timeout.
      timeoutS: qualifier === "$LATEST" || qualifier === null ? fn.timeoutS : null,
    });
  return { invocation, invoke, history, busy, now };
}
