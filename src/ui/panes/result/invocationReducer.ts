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
}

export type LogsPhase = "none" | LogsState | "failed" | "stopped";

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
  | { type: "show"; seq: number; target: InvocationTarget; result: InvokeResult; logs: LogEvent[] | null };

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
    case "stop":
      if (state.phase === "running")
        return {
          ...state,
          seq: action.seq,
          phase: "stopped",
          message: "Stopped waiting. The function may still be running; its logs will show what it did.",
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
      return { ...state, logs: { ...NO_LOGS, phase: "searching" } };
    case "logsProgress":
      if (action.seq !== state.seq) return state;
      return {
        ...state,
        logs: {
          phase: action.phase,
          events: action.events,
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
          ? { phase: "complete", events: action.logs, calls: 0, elapsedMs: 0, reason: null }
          : NO_LOGS,
      };
  }
}

/** Whether something is under way that Esc can stop. */
export function isBusy(state: InvocationState): boolean {
  return state.phase === "running" || state.logs.phase === "searching" || state.logs.phase === "receiving";
}
