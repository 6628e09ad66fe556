// The result pane's views as a hook: the lines of the response, the tail and the complete log
// (built once per result, the complete log extended as events arrive, never rebuilt per
// frame), the view state, and the keys of the "result" and "search" scopes. Saving goes
// through the path prompt the caller owns; copying writes OSC 52 through `write`.
import { useEffect, useMemo, useReducer, useRef } from "react";
import type { Key } from "../../input/keys.js";
import {
  logLines,
  tailEvents,
  updateLogLines,
  type LogLines,
  type TextLines,
} from "../../../core/log-display.js";
import { formatBytes } from "../../../core/payload.js";
import { tailInfo, tailStartIndex } from "../../../core/tail-mark.js";
import type { InvocationState } from "./invocationReducer.js";
import { commandFor, printable, type Scope } from "../../keys/keymap.js";
import type { PromptPurpose } from "../payload/usePathPrompt.js";
import { bodyLines } from "./bodyLines.js";
import { boxOf } from "./resultLayout.js";
import {
  liveView,
  resultFrame,
  scrollMax,
  viewWindow,
  type ResultFrame,
  type ResultLines,
} from "./resultFrame.js";
import { osc52, suggestedName, viewText } from "./resultText.js";
import {
  initialResultView,
  resultViewReducer,
  type ResultViewAction,
  type ResultViewState,
} from "./resultViewReducer.js";
import { saveViewText } from "./saveView.js";

export type { ResultLines };

/** Searches are run in slices, so `n` on a 50,000-line log stops at the first match it finds. */
const SLICE = 4096;

/** The next line holding `query` after `from` (or before it, `back`), wrapping around; null for none. */
export function findNext(lines: TextLines, query: string, from: number, back: boolean): number | null {
  const n = lines.count;
  if (!query || n === 0) return null;
  if (!back) {
    for (let at = from + 1; at < n; at += SLICE) {
      const hit = lines.find(query, true, at, at + SLICE)[0];
      if (hit !== undefined) return hit;
    }
    for (let at = 0; at <= Math.min(from, n - 1); at += SLICE) {
      const hit = lines.find(query, true, at, Math.min(at + SLICE, from + 1))[0];
      if (hit !== undefined) return hit;
    }
    return null;
  }
  for (let end = Math.min(from, n); end > 0; end -= SLICE) {
    const hits = lines.find(query, true, Math.max(0, end - SLICE), end);
    if (hits.length) return hits[hits.length - 1]!;
  }
  for (let end = n; end > from; end -= SLICE) {
    const hits = lines.find(query, true, Math.max(from, end - SLICE), end);
    if (hits.length) return hits[hits.length - 1]!;
  }
  return null;
}

export interface ResultViewOptions {
  cwd: string;
  /** Opens the path prompt (for saving). */
  prompt: (purpose: PromptPurpose) => void;
  /** Writes to the terminal (for OSC 52). */
  write: (data: string) => void;
  retryLogs: () => void;
}

export interface ResultView {
  view: ResultViewState;
  lines: ResultLines;
  /** The scopes whose keys apply while the result pane has the keys. */
  scopes: Scope[];
  /** Handles a key for the focused pane of `width` x `height`; false when it is not the pane's. */
  onKey: (input: string, key: Key, size: { width: number; height: number }) => boolean;
}

function useResultLines(state: InvocationState): ResultLines {
  const r = state.result;
  const response = useMemo(
    () =>
      r && r.invocationType === "RequestResponse" && r.payloadText !== "" ? bodyLines(r.payloadText) : null,
    [r],
  );
  const info = useMemo(() => tailInfo(r?.tail ?? null, r?.requestId ?? null), [r]);
  const tail = useMemo(() => (r?.tail ? logLines(tailEvents(r.tail)) : null), [r]);
  const events = state.logs.events;
  const mark = useMemo(
    () =>
      info.lines.length
        ? tailStartIndex(
            events.map((e) => e.message),
            info,
          )
        : null,
    [events, info],
  );
  const prev = useRef<LogLines | null>(null);
  const complete = useMemo(() => {
    // Extends the previous lines when the events only grew: a progress update costs its new lines.
    const next = events.length
      ? updateLogLines(prev.current, events, { markAtEvent: mark ?? undefined })
      : null;
    prev.current = next;
    return next;
  }, [events, mark]);
  return { response, tail, complete, tailInfo: info };
}

export function useResultView(state: InvocationState, opts: ResultViewOptions): ResultView {
  const [view, dispatch] = useReducer(resultViewReducer, initialResultView);
  const lines = useResultLines(state);
  useEffect(() => {
    dispatch({ type: "reset" });
  }, [state.target, state.startedAt]);

  // The key layer hands keys on one at a time, each on the state the one before left; a paste
  // is one key, typed into the search line whole.
  const onKey = (input: string, key: Key, size: { width: number; height: number }): boolean => {
    // Before the first invocation there is nothing to scroll, save or copy: keys go on to the app.
    if (state.phase === "idle") return false;
    let v = view;
    const act = (a: ResultViewAction) => {
      v = resultViewReducer(v, a);
      dispatch(a);
    };
    const frame = resultFrame(state, v, lines, Date.now(), size.width, size.height);
    // The keys go to the view the pane shows as active, even one the pane chose itself.
    if (frame.active !== v.active) act({ type: "show", view: frame.active });
    // The live log is drawn following its newest line: a key acts from there, and keeps it so.
    if (v.active === "complete" && liveView(v, state) !== v) act({ type: "bottom" });
    return handleKey(input, key, frame, v, act);
  };

  const handleKey = (
    input: string,
    key: Key,
    frame: ResultFrame,
    view: ResultViewState,
    dispatch: (a: ResultViewAction) => void,
  ): boolean => {
    const id = view.active;
    const active = lines[id];
    const box = boxOf(frame.layout, id);
    // Measured as drawn: with wrapping, the last line shows from a later first line than count - rows.
    const max = active ? (box ? scrollMax(active, view, id, box) : active.count - 1) : 0;
    const shown = active && box ? viewWindow(active, view, id, box, true) : null;
    // A page is the lines on screen less one, kept in sight for context.
    const page = shown ? Math.max(1, shown.last - shown.first) : 1;
    const search = (query: string, back: boolean, from: number) => {
      const match = active ? findNext(active, query, from, back) : null;
      dispatch({ type: "found", query, match, max });
    };
    if (view.search.editing) {
      const cmd = commandFor("search", input, key);
      if (cmd === "search.accept") search(view.search.draft, false, view.scroll[view.active].top - 1);
      else if (cmd === "search.cancel") dispatch({ type: "searchCancel" });
      else if (key.backspace || key.delete) dispatch({ type: "searchBack" });
      else {
        const text = printable(input, key);
        if (text) dispatch({ type: "searchType", text });
      }
      return true;
    }
    const cmd = commandFor("result", input, key);
    const scroll = (delta: number) => dispatch({ type: "scroll", delta, max });
    switch (cmd) {
      case "result.nextView":
      case "result.prevView":
        dispatch({ type: "view", delta: cmd === "result.nextView" ? 1 : -1 });
        return true;
      case "view.up":
      case "view.down":
        scroll(cmd === "view.up" ? -1 : 1);
        return true;
      case "view.pageUp":
      case "view.pageDown":
        scroll((cmd === "view.pageUp" ? -1 : 1) * page);
        return true;
      case "view.top":
        dispatch({ type: "top" });
        return true;
      case "view.bottom":
        dispatch({ type: "bottom" });
        return true;
      case "view.follow":
        dispatch({ type: "follow" });
        return true;
      case "view.wrap":
        dispatch({ type: "wrap" });
        return true;
      case "view.timestamps":
        dispatch({ type: "timestamps" });
        return true;
      case "view.search":
        dispatch({ type: "searchOpen" });
        return true;
      case "view.nextMatch":
      case "view.prevMatch": {
        if (!view.search.query) {
          dispatch({ type: "notice", notice: "Nothing to repeat: press / to search" });
          return true;
        }
        const from = view.search.match ?? view.scroll[view.active].top;
        search(view.search.query, cmd === "view.prevMatch", from);
        return true;
      }
      case "result.retryLogs":
        opts.retryLogs();
        return true;
      case "result.save": {
        const text = viewText(view.active, state);
        if (text === null) {
          dispatch({ type: "notice", notice: "Nothing to save in this view." });
          return true;
        }
        opts.prompt({
          label: `Save the ${view.active === "complete" ? "complete log" : view.active} to: `,
          initial: suggestedName(view.active, state),
          submit: async (pathText) => {
            const r = await saveViewText(pathText, opts.cwd, text);
            if (!r.ok) return r.message;
            dispatch({ type: "notice", notice: r.message });
            return null;
          },
        });
        return true;
      }
      case "result.copy": {
        const c = osc52(viewText(view.active, state) ?? "");
        if (!c.ok) dispatch({ type: "notice", notice: c.message });
        else {
          opts.write(c.sequence);
          dispatch({
            type: "notice",
            notice: `Copied ${formatBytes(c.bytes)} with OSC 52 (where the terminal allows it)`,
          });
        }
        return true;
      }
      default:
        return false;
    }
  };

  return { view, lines, scopes: view.search.editing ? ["search"] : ["result"], onKey };
}
