// The keys of an opened entry's payload while the payload pane has them: scroll it, `e` to edit
// a copy, Esc to close it. It also closes when a new invocation starts: the result pane then
// shows that one, and the payload beside it would be another's.
import { useEffect, useMemo } from "react";
import type { HistoryRecord } from "../../../core/history-record.js";
import { useNow } from "../../app/useNow.js";
import type { Key } from "../../input/keys.js";
import type { InvocationState } from "../result/invocationReducer.js";
import { commandFor, type CommandId, type Scope } from "../../keys/keymap.js";
import { bodyLines } from "../result/bodyLines.js";
import { recordedFrame, recordedMaxTop } from "./recordedLayout.js";
import type { RecordedView } from "./RecordedPayload.js";
import type { HistoryStore } from "./useHistoryState.js";

export interface RecordedPayloadKeys {
  /** What the payload pane shows instead of the editor, or null. */
  view: RecordedView | null;
  /**
   * Whether an entry is shown, after every key handled so far (keys in one read are handled
   * before a render). While it is, the payload pane's keys are these or global ones, never
   * the editor's: nothing typed there may reach the draft.
   */
  showing: () => boolean;
  scopes: Scope[];
  /** A key for the payload pane of `size`; true when used. */
  onKey: (input: string, key: Key, size: { width: number; height: number }) => boolean;
}

/** "How long ago" needs no finer ticks than this. */
const AGO_TICK_MS = 30_000;

export function useRecordedPayload(
  store: HistoryStore,
  invocation: InvocationState,
  edit: (record: HistoryRecord) => void,
): RecordedPayloadKeys {
  const { dispatch } = store;
  const shown = store.state.shown;
  const record = shown?.record ?? null;
  const lines = useMemo(() => (record ? bodyLines(record.payload) : null), [record]);
  const now = useNow(record !== null, AGO_TICK_MS);
  const { seq, phase } = invocation;
  useEffect(() => {
    if (phase === "running") dispatch({ type: "show", record: null });
  }, [seq, phase, dispatch]);

  const onKey = (input: string, key: Key, size: { width: number; height: number }): boolean => {
    const s = store.current().shown;
    const cmd = s ? commandFor("recorded", input, key) : null;
    if (!s || !cmd) return false;
    if (cmd === "recorded.close" || cmd === "recorded.edit") {
      dispatch({ type: "show", record: null });
      if (cmd === "recorded.edit") edit(s.record);
      return true;
    }
    const rows = Math.max(1, recordedFrame(s.record, size.width, size.height).body);
    const text = s.record === record && lines ? lines : bodyLines(s.record.payload);
    const max = recordedMaxTop(text, size.width, rows);
    const top = Math.min(s.top, max);
    const page = Math.max(1, rows - 1);
    const to: Partial<Record<CommandId, number>> = {
      "recorded.up": top - 1,
      "recorded.down": top + 1,
      "recorded.pageUp": top - page,
      "recorded.pageDown": top + page,
      "recorded.top": 0,
      "recorded.bottom": max,
    };
    dispatch({ type: "scrollShown", to: to[cmd] ?? top, max });
    return true;
  };

  return {
    view: shown && lines ? { record: shown.record, lines, top: shown.top, now } : null,
    showing: () => store.current().shown !== null,
    scopes: ["recorded"],
    onKey,
  };
}
