// The Live view's keys and its following: opening it follows the chosen function's log group
// (StartLiveTail where the endpoint offers it, FilterLogEvents polling with back-off otherwise:
// aws/live-invocations.ts) until Esc stops it; Enter shows an invocation's complete log in the
// result pane, and r invokes the function again with the current draft (the logs never hold
// the payload). Rows reach the screen at most every 100 ms: a busy group must not redraw per event.
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Clients } from "../../../aws/clients.js";
import type { InvocationRow } from "../../../core/invocation-rows.js";
import type { Key } from "../../input/keys.js";
import type { Invocation } from "../../app/useInvocation.js";
import { commandFor, type CommandId, type Scope } from "../../keys/keymap.js";
import type { InvocationTarget } from "../result/invocationReducer.js";
import type { ListMove } from "../../list/listMoves.js";
import { initialLive, liveReducer, selectedLiveRow, type LiveAction, type LiveState } from "./liveReducer.js";
import { liveResult, liveTarget, type LiveSource } from "./liveShow.js";
import { deferred } from "../../app/deferred.js";

const ROWS_EVERY_MS = 100;
/** Where the rows start when the view opens: recent invocations show at once. */
export const LIVE_SINCE_MS = 10 * 60_000;

export interface LiveCommands {
  /** After an invocation was shown in the result pane (the stacked layout moves focus there). */
  opened?: () => void;
  /** Invokes the followed function with the current draft; false when it could not. */
  replay: (functionName: string) => boolean;
  /** The view closed (Esc): focus goes back. */
  closed: () => void;
}

export interface Live {
  state: LiveState;
  open: boolean;
  scopes: Scope[];
  start: (fn: { name: string; logGroup: string; arn: string | null }) => void;
  stop: () => void;
  onKey: (input: string, key: Key) => boolean;
  dispatch: (a: LiveAction) => void;
}

const MOVES: Partial<Record<CommandId, ListMove>> = {
  "live.up": { type: "move", delta: -1 },
  "live.down": { type: "move", delta: 1 },
  "live.pageUp": { type: "page", delta: -1 },
  "live.pageDown": { type: "page", delta: 1 },
  "live.top": { type: "top" },
  "live.bottom": { type: "bottom" },
};

export function useLive(clients: Clients | null, invocation: Invocation, commands: LiveCommands): Live {
  const [state, dispatch] = useReducer(liveReducer, initialLive);
  const abort = useRef<AbortController | null>(null);
  const source = useRef<LiveSource | null>(null);
  // The invocation shown in the result pane, and its target (kept, so updating a running one
  // does not reset the pane's scroll).
  const shown = useRef<{ requestId: string; target: InvocationTarget; events: number } | null>(null);
  const cmd = useRef(commands);
  cmd.current = commands;
  const { show } = invocation;

  const stop = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    source.current = null;
    shown.current = null;
    dispatch({ type: "close" });
  }, []);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    (fn: { name: string; logGroup: string; arn: string | null }) => {
      if (!clients) return;
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const since = Date.now() - LIVE_SINCE_MS;
      source.current = { functionName: fn.name, logGroup: fn.logGroup, functionArn: fn.arn };
      shown.current = null;
      dispatch({ type: "open", functionName: fn.name, logGroup: fn.logGroup, since });
      const signal = controller.signal;
      let pending: InvocationRow[] | null = null;
      let timer: NodeJS.Timeout | null = null;
      const flush = () => {
        timer = null;
        if (!pending || signal.aborted) return;
        const rows = pending;
        pending = null;
        dispatch({ type: "rows", rows });
      };
      const live = (a: LiveAction) => !signal.aborted && dispatch(a);
      void (async () => {
        const { followInvocations } = await deferred("liveInvocations");
        try {
          await followInvocations(clients, {
            logGroup: fn.logGroup,
            functionArn: fn.arn,
            since,
            signal,
            onRows: (rows) => {
              pending = rows;
              timer ??= setTimeout(flush, ROWS_EVERY_MS);
            },
            onPath: (path) => live({ type: "path", path }),
            onMissingGroup: () => live({ type: "missingGroup" }),
            onThrottled: (waitMs) => live({ type: "throttled", waitMs }),
          });
        } catch (err) {
          live({ type: "failed", message: (err as Error).message });
        } finally {
          if (timer) clearTimeout(timer);
        }
      })();
    },
    [clients],
  );

  const showRow = useCallback(
    (row: InvocationRow) => {
      const src = source.current;
      if (!src) return;
      const same = shown.current?.requestId === row.requestId ? shown.current.target : null;
      const target = same ?? liveTarget(src);
      shown.current = { requestId: row.requestId, target, events: row.events.length };
      show(target, liveResult(src, row), row.events, row.status === "running" ? "live" : "complete");
    },
    [show],
  );

  // The invocation shown grows while it runs: the result pane follows it to its REPORT, as long
  // as nothing else took the pane meanwhile.
  const current = invocation.state.target;
  useEffect(() => {
    const s = shown.current;
    if (!s) return;
    if (current !== s.target) {
      shown.current = null;
      return;
    }
    const row = state.rows.find((r) => r.requestId === s.requestId);
    if (row && row.events.length !== s.events) showRow(row);
  }, [state.rows, current, showRow]);

  const onKey = (input: string, key: Key): boolean => {
    const c = commandFor("live", input, key);
    const move = c && MOVES[c];
    if (move) {
      dispatch(move);
      return true;
    }
    const row = selectedLiveRow(state);
    switch (c) {
      case "live.open":
        if (row) {
          showRow(row);
          cmd.current.opened?.();
        }
        return true;
      case "live.replay":
        if (state.functionName && cmd.current.replay(state.functionName))
          dispatch({
            type: "notice",
            notice: "Invoked with the current draft: the logs do not hold the payload it was sent.",
          });
        return true;
      case "live.stop":
        stop();
        cmd.current.closed();
        return true;
      default:
        return false;
    }
  };

  return {
    state,
    open: state.functionName !== null,
    scopes: ["live"],
    start,
    stop,
    onKey,
    dispatch,
  };
}
