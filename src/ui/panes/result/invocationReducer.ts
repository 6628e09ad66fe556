// One invocation from the explorer as data: what was sent, where it stands (running, done,
// failed, or stopped waiting), its result, and how far the complete CloudWatch logs have got.
// A pure reducer, so every state the result pane can show is reachable in a test.
import type { LogsState } from "../../../aws/complete-logs.js";
import type { InvocationType } from "../../../core/payload.js";
import type { InvokeResult, LogEvent } from "../../../core/model.js";

export interface InvocationTarget {
  functionName: string;
  /** null for $LATEST. */
  qualifier: string | null;
  invocationType: InvocationType;
  payload: string;
  logGroup: string;
  /** The function's timeout in seconds when known, for how long Invoke waits for its answer. */
  timeoutS?: number | null;
  /** The function's ARN when known: its log group can then be followed by StartLiveTail. */
  functionArn?: string | null;
  /**
   * Seen in the function's logs (the Live view), not invoked from here: its payload and answer
   * are unknown, only what the log lines say.
   */
  seenInLogs?: boolean;
  /**
   * When a history entry shown again ran (ISO time): the result is the one recorded then, and
   * the summary says so, since a narrow screen folds the pane that names the entry.
   */
  recordedAt?: string;
  /**
   * When the history entry this invocation replays ran (ISO time): the payload pane beside it
   * may show another function (the list's cursor), so the summary names what was replayed.
   */
  replayOf?: string;
}

/** "live": the invocation still runs and its lines are shown as CloudWatch gets them. */
export type LogsPhase = "none" | "live" | LogsState | "failed" | "stopped";

export interface LogsStatus {
  phase: LogsPhase;
  events: LogEvent[];
  calls: number;
  elapsedMs: number;
  /** Why the search gave up or failed. */
  reason: string | null;
}

export type InvocationPhase = "idle" | "running" | "done" | "failed" | "stopped";

export interface InvocationState {
  /** Set by the caller for each invocation (and each stop), so late answers to an old one are dropped. */
  seq: number;
  phase: InvocationPhase;
  target: InvocationTarget | null;
  startedAt: number | null;
  result: InvokeResult | null;
  /** Why the invocation failed (AWS or network), or what stopping means. */
  message: string | null;
  logs: LogsStatus;
}

export type InvocationAction =
  | { type: "start"; seq: number; target: InvocationTarget; at: number }
  | { type: "result"; seq: number; result: InvokeResult }
  | { type: "failed"; seq: number; message: string }
  | { type: "stop"; seq: number }
  | { type: "live"; seq: number; events: LogEvent[] }
  | { type: "logsStart"; seq: number }
  | {
      type: "logsProgress";
      seq: number;
      phase: LogsState;
      events: LogEvent[];
      calls: number;
      elapsedMs: number;
      reason?: string | null;
    }
  | { type: "logsFailed"; seq: number; message: string }
  | {
      type: "show";
      seq: number;
      target: InvocationTarget;
      result: InvokeResult;
      logs: LogEvent[] | null;
      /** "live" for an invocation still running (its REPORT not seen); else complete. */
      logsPhase?: "live" | "complete";
    };

const NO_LOGS: LogsStatus = { phase: "none", events: [], calls: 0, elapsedMs: 0, reason: null };

export const initialInvocation: InvocationState = {
  seq: 0,
  phase: "idle",
  target: null,
  startedAt: null,
  result: null,
  message: null,
  logs: NO_LOGS,
};

/** Only synchronous invocations that ran have logs to look for; a dry run runs nothing. */
export function wantsLogs(result: InvokeResult): boolean {
  return result.invocationType !== "DryRun" && result.requestId !== null;
}

export function invocationReducer(state: InvocationState, action: InvocationAction): InvocationState {
  switch (action.type) {
    case "start":
      return {
        seq: action.seq,
        phase: "running",
        target: action.target,
        startedAt: action.at,
        result: null,
        message: null,
        logs: NO_LOGS,
      };
    case "result":
      if (action.seq !== state.seq || state.phase !== "running") return state;
      return { ...state, phase: "done", result: action.result };
    case "failed":
      if (action.seq !== state.seq || state.phase !== "running") return state;
      return { ...state, phase: "failed", message: action.message };
    case "live":
      // Only while Invoke has not answered: from then on the complete-logs search has the view.
      if (action.seq !== state.seq || state.phase !== "running") return state;
      return { ...state, logs: { ...NO_LOGS, phase: "live", events: action.events } };
    case "stop":
      if (state.phase === "running")
        return {
          ...state,
          seq: action.seq,
          phase: "stopped",
          message: "Stopped waiting. The function may still be running; its logs will show what it did.",
          // The lines seen so far stay on screen; nothing is looked for any more.
          logs: state.logs.phase === "live" ? { ...state.logs, phase: "stopped", reason: null } : state.logs,
        };
      if (state.logs.phase === "searching" || state.logs.phase === "receiving")
        return {
          ...state,
          seq: action.seq,
          logs: { ...state.logs, phase: "stopped", reason: "Stopped looking for the logs." },
        };
      return state;
    case "logsStart":
      if (action.seq !== state.seq) return state;
      // The lines shown while it ran stay until the search brings at least as many.
      return { ...state, logs: { ...NO_LOGS, phase: "searching", events: state.logs.events } };
    case "logsProgress":
      if (action.seq !== state.seq) return state;
      return {
        ...state,
        logs: {
          phase: action.phase,
          // Until the complete log, the search finds only the lines carrying the request id:
          // fewer than were shown while the function ran, which must not vanish meanwhile.
          events:
            action.phase !== "complete" && action.events.length < state.logs.events.length
              ? state.logs.events
              : action.events,
          calls: action.calls,
          elapsedMs: action.elapsedMs,
          reason: action.reason ?? null,
        },
      };
    case "logsFailed":
      if (action.seq !== state.seq) return state;
      return { ...state, logs: { ...state.logs, phase: "failed", reason: action.message } };
    case "show":
      return {
        seq: action.seq,
        phase: "done",
        target: action.target,
        startedAt: action.result.startedAt,
        result: action.result,
        message: null,
        logs: action.logs
          ? {
              phase: action.logsPhase ?? "complete",
              events: action.logs,
              calls: 0,
              elapsedMs: 0,
              reason: null,
            }
          : NO_LOGS,
      };
  }
}

/** Whether something is under way that Esc can stop. */
export function isBusy(state: InvocationState): boolean {
  return state.phase === "running" || state.logs.phase === "searching" || state.logs.phase === "receiving";
}
