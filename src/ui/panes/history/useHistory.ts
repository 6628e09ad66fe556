// The history pane's keys and what they do: open an entry in the result and log panes and its
// payload in the payload pane (never re-sent), replay it (as recorded or on another qualifier) and diff the answers, copy its
// payload into the editor, and filter. Keys are read through the key table; the handler
// returns true when it used the key, so the App's global keys get the rest.
import { useEffect, useRef, useState } from "react";
import type { Key } from "../../input/keys.js";
import type { Clients } from "../../../aws/clients.js";
import type { HistoryRecord } from "../../../core/history-record.js";
import { useFunctionDetails } from "../../hooks/useFunctionDetails.js";
import type { Invocation } from "../../app/useInvocation.js";
import { commandFor, printable, type CommandId, type Scope } from "../../keys/keymap.js";
import { initialQualifierState, qualifierReducer } from "../payload/qualifierReducer.js";
import { selectedRow, type HistoryAction, type HistoryRow } from "./historyReducer.js";
import { logsFromRecord, resultFromRecord } from "../../../core/invocation-record.js";
import { recordTarget } from "./recordShow.js";
import type { HistoryStore } from "./useHistoryState.js";
import { useRecordedPayload, type RecordedPayloadKeys } from "./useRecordedPayload.js";
import type { FunctionSummary } from "../../../core/model.js";

export interface HistoryCommands {
  /** The function list, for the log group to follow a replay's logs in. */
  functions: readonly FunctionSummary[];
  /** Rows the pane's list has on screen (historyListRows). */
  rows: number;
  /** Marks when the history has loaded (for LAMBDA_EXPLORER_TRACE). */
  trace?: ((label: string) => void) | undefined;
  /** After an entry was shown in the result pane (the stacked layout moves focus there). */
  opened?: () => void;
  /** Copies a payload into the editor for that function. */
  edit: (record: HistoryRecord) => void;
  /** Saves the entry's payload as a named event of its function. */
  saveEvent?: (record: HistoryRecord) => void;
}

export interface HistoryKeys {
  scopes: Scope[];
  onKey: (input: string, key: Key) => boolean;
  /** The opened entry's payload, for the payload pane. */
  recorded: RecordedPayloadKeys;
}

const MOVES: Partial<Record<CommandId, HistoryAction>> = {
  "history.up": { type: "move", delta: -1 },
  "history.down": { type: "move", delta: 1 },
  "history.pageUp": { type: "page", delta: -1 },
  "history.pageDown": { type: "page", delta: 1 },
  "history.top": { type: "top" },
  "history.bottom": { type: "bottom" },
};

const failure = (err: unknown) => `Could not read the entry: ${(err as Error).message}`;

export function useHistory(
  store: HistoryStore,
  clients: Clients | null,
  invocation: Invocation,
  commands: HistoryCommands,
): HistoryKeys {
  const { dispatch } = store;
  const overlay = store.state.overlay;
  const logGroupOf = (name: string) =>
    commands.functions.find((f) => f.name === name)?.logGroup ?? `/aws/lambda/${name}`;
  const { rows, trace } = commands;
  useEffect(() => {
    dispatch({ type: "resize", height: rows });
  }, [rows, dispatch]);
  const loaded = store.state.status !== "loading";
  // Whether the first frame had the entries (read while the UI loaded) or a "loading" line.
  const mounted = useRef(false);
  useEffect(() => {
    if (loaded) trace?.(mounted.current ? "history loaded" : "history loaded in the first frame");
  }, [loaded, trace]);
  useEffect(() => {
    mounted.current = true;
  }, []);
  // Versions and aliases of the entry being replayed elsewhere, for the chooser.
  const [chooseFor, setChooseFor] = useState<string | null>(null);
  const details = useFunctionDetails(clients, chooseFor);
  const chooserEntry = overlay?.kind === "choose" ? overlay.entry : null;
  useEffect(() => {
    // Options that grew while the user moved would move the cursor onto another qualifier.
    if (!chooserEntry || details.loading) return;
    // Every qualifier but the one recorded: replaying on that one is `r`.
    const options = qualifierReducer(initialQualifierState(), {
      type: "options",
      versions: details.versions,
      aliases: details.aliases,
    }).options.filter((o) => o.qualifier !== (chooserEntry.qualifier ?? "$LATEST"));
    dispatch({ type: "choose", entry: chooserEntry, options });
    // Only new details change the options; the entry is the one the chooser opened on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [details.aliases, details.versions, details.loading]);

  // A replay that failed or was stopped has no answer to diff: say why in the diff view.
  const inv = invocation.state;
  useEffect(() => {
    const pending = store.pendingReplay();
    if (!pending || inv.target !== pending.target) return;
    if (inv.phase === "failed" || inv.phase === "stopped") {
      store.expectReplay(null);
      dispatch({ type: "replayed", replay: null, diff: null, message: inv.message ?? "The replay failed." });
    }
  }, [inv.phase, inv.target, inv.message, store, dispatch]);

  // Editing a copy leaves the recorded view: the editor, with the copy, is what shows next.
  const edit = (r: HistoryRecord) => {
    dispatch({ type: "show", record: null });
    commands.edit(r);
  };
  const recorded = useRecordedPayload(store, invocation.state, edit);

  const withRecord = (row: HistoryRow, then: (r: HistoryRecord) => void) => {
    store.read(row).then(then, (err: unknown) => dispatch({ type: "notice", message: failure(err) }));
  };

  const replay = (row: HistoryRow, qualifier: string | null) => {
    dispatch({ type: "replaying", original: row, qualifier });
    withRecord(row, (original) => {
      const target = {
        ...recordTarget(original, logGroupOf(original.function.name)),
        qualifier,
        replayOf: original.at,
      };
      store.expectReplay({ target, original });
      invocation.start(target);
    });
  };

  const onKey = (input: string, key: Key): boolean => {
    const state = store.current();
    const overlay = state.overlay;
    if (overlay?.kind === "diff") {
      const cmd = commandFor("historyDiff", input, key);
      if (cmd === "diff.up" || cmd === "diff.down")
        dispatch({ type: "scrollDiff", delta: cmd === "diff.up" ? -1 : 1 });
      else if (cmd === "diff.close") dispatch({ type: "closeOverlay" });
      else if (cmd === "diff.replay" && overlay.replay) replay(overlay.original, overlay.qualifier);
      return cmd !== null;
    }
    if (overlay?.kind === "choose") {
      const cmd = commandFor("function", input, key);
      if (cmd === "qualifier.up" || cmd === "qualifier.down")
        dispatch({ type: "chooseMove", delta: cmd === "qualifier.up" ? -1 : 1 });
      else if (cmd === "qualifier.choose" && overlay.options[overlay.cursor]) {
        const q = overlay.options[overlay.cursor]!.qualifier;
        setChooseFor(null);
        replay(overlay.entry, q === "$LATEST" ? null : q);
      } else if (commandFor("global", input, key) === "app.back") {
        setChooseFor(null);
        dispatch({ type: "closeOverlay" });
      } else return false;
      return true;
    }
    if (state.filtering) {
      const cmd = commandFor("filter", input, key);
      if (cmd === "filter.accept") dispatch({ type: "acceptFilter" });
      else if (cmd === "filter.cancel") dispatch({ type: "stopFilter" });
      else if (cmd === "filter.deleteBack") dispatch({ type: "backspace" });
      else {
        const text = printable(input, key);
        if (text !== null) dispatch({ type: "type", text });
        else {
          const nav = commandFor("history", input, key);
          const move = nav && MOVES[nav];
          if (!move) return false;
          dispatch(move);
        }
      }
      return true;
    }
    const cmd = commandFor("history", input, key);
    const move = cmd && MOVES[cmd];
    if (move) {
      dispatch(move);
      return true;
    }
    if (cmd === "history.filter") {
      dispatch({ type: "startFilter" });
      return true;
    }
    // Fast typing or a paste can come in one read ("/thr"): the filter key, then its text.
    const typed = cmd === null ? printable(input, key) : null;
    if (typed && typed.length > 1 && commandFor("history", typed[0]!, key) === "history.filter") {
      dispatch({ type: "startFilter" });
      dispatch({ type: "type", text: typed.slice(1) });
      return true;
    }
    const row = selectedRow(state);
    if (!row) {
      // Esc with a filter applied drops it before it means anything else.
      if (commandFor("global", input, key) === "app.back" && state.query !== "") {
        dispatch({ type: "stopFilter" });
        return true;
      }
      return cmd !== null;
    }
    switch (cmd) {
      case "history.open":
        withRecord(row, (r) => {
          invocation.show(
            { ...recordTarget(r, logGroupOf(r.function.name)), recordedAt: r.at },
            resultFromRecord(r),
            logsFromRecord(r),
          );
          dispatch({ type: "show", record: r });
          commands.opened?.();
        });
        return true;
      case "history.replay":
        replay(row, row.qualifier);
        return true;
      case "history.replayOther":
        setChooseFor(row.functionName);
        dispatch({ type: "choose", entry: row, options: [] });
        return true;
      case "history.edit":
        withRecord(row, edit);
        return true;
      case "history.saveEvent":
        if (commands.saveEvent) withRecord(row, commands.saveEvent);
        return true;
      default:
        if (commandFor("global", input, key) === "app.back" && state.query !== "") {
          dispatch({ type: "stopFilter" });
          return true;
        }
        return false;
    }
  };

  const scopes: Scope[] =
    overlay?.kind === "diff"
      ? ["historyDiff"]
      : overlay?.kind === "choose"
        ? ["function"]
        : store.state.filtering
          ? ["filter"]
          : ["history"];
  return { scopes, onKey, recorded };
}
