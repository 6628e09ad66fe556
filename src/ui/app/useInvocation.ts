// Runs invocations for the result pane: invoke (showing its log lines while it runs), then
// follow the complete CloudWatch logs as they arrive. Every remote call takes an AbortSignal; stopping aborts the wait (not the
// function, which Lambda keeps running), and answers to an older invocation are dropped.
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Clients } from "../../aws/clients.js";
import type { CompleteLogs, LogsProgress } from "../../aws/complete-logs.js";
import {
  initialInvocation,
  invocationReducer,
  wantsLogs,
  type InvocationState,
  type InvocationTarget,
} from "../panes/result/invocationReducer.js";
import type { InvokeResult, LogEvent } from "../../core/model.js";
import { deferred } from "./deferred.js";
import { tailShowsColdStart } from "../../core/log-records.js";

/** Progress reaches the screen at most this often: CloudWatch pages can come fast. */
const PROGRESS_EVERY_MS = 100;

export interface InvocationCallbacks {
  /** The invocation answered (recorded in history by the caller). */
  onResult?: (target: InvocationTarget, result: InvokeResult) => void;
  /** The complete-logs search ended (complete or gave up). */
  onLogs?: (target: InvocationTarget, result: InvokeResult, logs: CompleteLogs) => void;
}

export interface Invocation {
  state: InvocationState;
  start: (target: InvocationTarget) => void;
  stop: () => void;
  retryLogs: () => void;
  /** Shows an earlier invocation (from history) without sending anything. */
  show: (
    target: InvocationTarget,
    result: InvokeResult,
    logs: LogEvent[] | null,
    logsPhase?: "live" | "complete",
  ) => void;
}

export function useInvocation(
  clients: Clients | null,
  callbacks: InvocationCallbacks = {},
  deadlineMs = 60_000,
): Invocation {
  const [state, dispatch] = useReducer(invocationReducer, initialInvocation);
  // What the screen waits for: the invocation, then its logs.
  const abort = useRef<AbortController | null>(null);
  // Log searches that are looking for the logs (rather than waiting for the invocation).
  const searching = useRef(new WeakSet<AbortController>());
  // Searches a newer invocation took the screen from: they go on, unseen, so the history still
  // gets every invocation's complete logs (onLogs); only Esc or leaving the app stops them.
  const detached = useRef(new Set<AbortController>());
  const seq = useRef(0);
  const cb = useRef(callbacks);
  cb.current = callbacks;
  useEffect(
    () => () => {
      abort.current?.abort();
      for (const c of detached.current) c.abort();
    },
    [],
  );

  /** Something new takes the screen: an invocation being waited for is let go, a log search goes on. */
  const release = useCallback(() => {
    const c = abort.current;
    abort.current = null;
    if (c && searching.current.has(c)) detached.current.add(c);
    else c?.abort();
  }, []);

  const followLogs = useCallback(
    (n: number, target: InvocationTarget, result: InvokeResult, controller: AbortController) => {
      if (!clients || !result.requestId) return;
      const signal = controller.signal;
      searching.current.add(controller);
      dispatch({ type: "logsStart", seq: n });
      let last = 0;
      let pending: LogsProgress | null = null;
      let timer: NodeJS.Timeout | null = null;
      const flush = () => {
        timer = null;
        if (!pending || signal.aborted) return;
        last = Date.now();
        const p = pending;
        pending = null;
        dispatch({ type: "logsProgress", seq: n, ...p, phase: p.state });
      };
      const onProgress = (p: LogsProgress) => {
        pending = p;
        if (p.state === "complete" || p.state === "gave-up") return;
        if (Date.now() - last >= PROGRESS_EVERY_MS) flush();
        else timer ??= setTimeout(flush, PROGRESS_EVERY_MS);
      };
      void (async () => {
        const { fetchCompleteLogs } = await deferred("completeLogs");
        try {
          const logs = await fetchCompleteLogs(clients, {
            logGroup: target.logGroup,
            requestId: result.requestId!,
            startTime: result.startedAt,
            deadlineMs,
            signal,
            onProgress,
            coldStart: tailShowsColdStart(result.tail),
          });
          if (timer) clearTimeout(timer);
          if (signal.aborted) return;
          // Dropped by the reducer when a newer invocation has the screen (its seq is older).
          dispatch({
            type: "logsProgress",
            seq: n,
            phase: logs.state,
            events: logs.events,
            calls: logs.calls,
            elapsedMs: Date.now() - result.startedAt,
            reason: logs.reason && logs.hint ? `${logs.reason}. ${logs.hint}` : logs.reason,
          });
          cb.current.onLogs?.(target, result, logs);
        } catch (err) {
          if (timer) clearTimeout(timer);
          if (!signal.aborted) dispatch({ type: "logsFailed", seq: n, message: (err as Error).message });
        } finally {
          searching.current.delete(controller);
          detached.current.delete(controller);
        }
      })();
    },
    [clients, deadlineMs],
  );

  const start = useCallback(
    (target: InvocationTarget) => {
      if (!clients) return;
      release();
      const controller = new AbortController();
      abort.current = controller;
      const n = ++seq.current;
      const sentAt = Date.now();
      dispatch({ type: "start", seq: n, target, at: sentAt });
      // While a synchronous invocation runs, its lines are shown as CloudWatch gets them; this
      // stops when Invoke answers (the complete-logs search takes over) or Esc stops waiting.
      const running = new AbortController();
      const stopRunning = () => running.abort();
      controller.signal.addEventListener("abort", stopRunning, { once: true });
      if (target.invocationType === "RequestResponse")
        void deferred("runningLogs").then(({ followRunningLogs }) =>
          followRunningLogs(clients, {
            logGroup: target.logGroup,
            functionArn: target.functionArn,
            sentAt,
            signal: running.signal,
            onLines: (lines) => {
              if (!running.signal.aborted) dispatch({ type: "live", seq: n, events: lines.events });
            },
          }),
        );
      void (async () => {
        const { invoke } = await deferred("invoke");
        try {
          const result = await invoke(clients, target.functionName, target.payload, {
            qualifier: target.qualifier ?? undefined,
            invocationType: target.invocationType,
            signal: controller.signal,
            functionTimeoutS: target.timeoutS,
          });
          stopRunning();
          controller.signal.removeEventListener("abort", stopRunning);
          if (controller.signal.aborted) return;
          dispatch({ type: "result", seq: n, result });
          cb.current.onResult?.(target, result);
          if (wantsLogs(result)) followLogs(n, target, result, controller);
        } catch (err) {
          stopRunning();
          if (!controller.signal.aborted)
            dispatch({ type: "failed", seq: n, message: (err as Error).message });
        }
      })();
    },
    [clients, followLogs, release],
  );

  const stop = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    dispatch({ type: "stop", seq: ++seq.current });
  }, []);

  const retryLogs = useCallback(() => {
    const { target, result } = state;
    if (!target || !result || !wantsLogs(result)) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    followLogs(state.seq, target, result, controller);
  }, [state, followLogs]);

  const show = useCallback(
    (
      target: InvocationTarget,
      result: InvokeResult,
      logs: LogEvent[] | null,
      logsPhase?: "live" | "complete",
    ) => {
      release();
      dispatch({ type: "show", seq: ++seq.current, target, result, logs, logsPhase });
    },
    [release],
  );

  return { state, start, stop, retryLogs, show };
}
