// The history pane's state and the history file behind it. The index is loaded after the first
// frame (a 200 MB history takes most of a second to read), and every invocation from the
// explorer is appended as it answers, its complete logs as a further record when they arrive.
// Records made in this session are also kept in memory: an entry is never lost to a history
// file that cannot be written, and opening one needs no read. The complete logs of an
// invocation that a newer one took the screen from still arrive (useInvocation goes on
// looking for them) and are recorded the same way.
import { useCallback, useEffect, useMemo, useReducer, useRef, type Dispatch } from "react";
import { resolveHistoryFile } from "../../../state/history-path.js";
import type { Clients } from "../../../aws/clients.js";
import type { CompleteLogs } from "../../../aws/complete-logs.js";
import { summarize, withLogs, type HistoryRecord } from "../../../core/history-record.js";
import { logsRecordFor, recordFromInvocation, type RecordContext } from "../../../core/invocation-record.js";
import { diffResponses } from "../../../core/response-diff.js";
import type { InvocationTarget } from "../result/invocationReducer.js";
import {
  historyReducer,
  initialHistoryState,
  shownCount,
  type HistoryAction,
  type HistoryRow,
  type HistoryState,
} from "./historyReducer.js";
import type { FunctionSummary, InvokeResult } from "../../../core/model.js";
import { deferred } from "../../app/deferred.js";

/** A replay waiting for its answer, to be recorded with `replayOf` and diffed. */
export interface PendingReplay {
  target: InvocationTarget;
  original: HistoryRecord;
}

export interface HistoryStore {
  file: string;
  state: HistoryState;
  /**
   * The state after every action dispatched so far, before React renders it. Keys that arrive
   * in one read (`Down` then `Enter`) are handled before a render: each must see what the one
   * before it did.
   */
  current: () => HistoryState;
  dispatch: Dispatch<HistoryAction>;
  /** useInvocation's onResult: records the invocation. */
  recordResult: (target: InvocationTarget, result: InvokeResult) => void;
  /** useInvocation's onLogs: adds the complete logs to the record. */
  recordLogs: (target: InvocationTarget, result: InvokeResult, logs: CompleteLogs) => void;
  /** An entry in full, with its complete logs when they arrived. */
  read: (row: HistoryRow) => Promise<HistoryRecord>;
  /** Set before a replay is started. */
  expectReplay: (replay: PendingReplay | null) => void;
  pendingReplay: () => PendingReplay | null;
}

/** Entries read before the pane is ready, and at each further read. */
const FIRST_PAGE = 200;
const OLDER_PAGE = 2000;

const writeProblem = (err: unknown) => `History not saved: ${(err as Error).message}`;

/** Where an invocation ran, for its record. */
function placeOf(
  clients: Clients | null,
  functions: readonly FunctionSummary[],
  name: string,
): Pick<RecordContext, "endpoint" | "functionArn"> {
  return {
    endpoint: {
      profile: clients?.profile ?? null,
      region: clients?.region ?? null,
      url: clients?.endpoint ?? null,
    },
    functionArn: functions.find((f) => f.name === name)?.arn ?? null,
  };
}

/**
 * `historyFile`: --history FILE, resolved; default LAMBDA_EXPLORER_HISTORY or the state
 * directory's. `functions`: the function list, for the ARN each record keeps.
 */
export function useHistoryState(
  historyFile: string | undefined,
  clients: Clients | null,
  functions: readonly FunctionSummary[],
): HistoryStore {
  const file = useMemo(() => historyFile ?? resolveHistoryFile(undefined), [historyFile]);
  const [state, dispatchToReact] = useReducer(historyReducer, undefined, initialHistoryState);
  const latest = useRef(state);
  const dispatch = useCallback((a: HistoryAction) => {
    latest.current = historyReducer(latest.current, a);
    dispatchToReact(a);
  }, []);
  const session = useRef(new Map<string, HistoryRecord>());
  const ids = useRef(new WeakMap<InvokeResult, string>());
  const replay = useRef<PendingReplay | null>(null);
  const where = useRef({ clients, functions });
  where.current = { clients, functions };

  // The file is read newest first, a page at a time: the newest entries show at once, older
  // ones are read as the list is scrolled near its end or filtered (a filter reads them all,
  // a page per render), so a 1 GB history costs what is looked at.
  const reader = useRef<{ next: () => Promise<void>; busy: boolean } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    // After the first frame: the file is never on the way to it.
    const timer = setTimeout(() => {
      void deferred("historyReading").then(async ([{ damagedMessage }, { openNewestReader }]) => {
        const scan = openNewestReader(file, { signal: abort.signal });
        let shown = 0;
        const page = async (size: number) => {
          const found = await scan.next(size);
          if (abort.signal.aborted) return null;
          const rows = found.entries.slice(shown).reverse();
          shown = found.entries.length;
          const damaged = damagedMessage(found);
          const where =
            damaged && !found.complete ? `${damaged} among the newest lines, counted from the end` : damaged;
          if (found.complete || !found.exists) void scan.close();
          return { rows, more: found.exists && !found.complete, damaged: where };
        };
        try {
          const first = await page(FIRST_PAGE);
          if (!first) return;
          reader.current = {
            busy: false,
            async next() {
              if (this.busy) return;
              this.busy = true;
              try {
                const older = await page(OLDER_PAGE);
                if (older) dispatch({ type: "older", ...older });
              } finally {
                this.busy = false;
              }
            },
          };
          dispatch({ type: "loaded", rows: first.rows, damaged: first.damaged, more: first.more });
        } catch (err) {
          if (!abort.signal.aborted) dispatch({ type: "loadFailed", message: (err as Error).message });
        }
        // What the commands print on stderr before recording (where a link leads, a history
        // others can read, a file that will not be written to) is said here in a line, before
        // the first invocation rather than after it.
        const { checkHistoryTarget } = await deferred("historyTarget");
        await checkHistoryTarget(file).then(
          ({ notes }) => {
            if (notes.length && !abort.signal.aborted)
              dispatch({ type: "notice", message: notes.join("; ") });
          },
          (err: unknown) => {
            if (!abort.signal.aborted) dispatch({ type: "writeFailed", message: writeProblem(err) });
          },
        );
      });
    }, 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
      reader.current = null;
    };
  }, [file, dispatch]);

  // Older entries when the selection nears the end of what is read, or while a filter is typed.
  const wantOlder =
    state.more && (state.query !== "" || state.selected + 2 * state.height >= shownCount(state));
  useEffect(() => {
    if (!wantOlder) return;
    const r = reader.current;
    if (!r) return;
    r.next().catch((err: unknown) => dispatch({ type: "loadFailed", message: (err as Error).message }));
  }, [wantOlder, state.rows, dispatch]);

  const addLogs = useCallback(
    (result: InvokeResult, logs: CompleteLogs) => {
      const id = ids.current.get(result);
      const record = id ? session.current.get(id) : undefined;
      if (!id || !record) return;
      const entry = logsRecordFor(id, logs);
      session.current.set(id, withLogs(record, entry));
      void deferred("historyStore").then(({ appendLogsRecord }) =>
        appendLogsRecord(file, entry).catch((err: unknown) =>
          dispatch({ type: "writeFailed", message: writeProblem(err) }),
        ),
      );
    },
    [file, dispatch],
  );

  const recordResult = useCallback(
    (target: InvocationTarget, result: InvokeResult) => {
      const pending = replay.current?.target === target ? replay.current : null;
      if (pending) replay.current = null;
      const record = recordFromInvocation(result, {
        ...placeOf(where.current.clients, where.current.functions, target.functionName),
        payload: target.payload,
        ...(pending ? { replayOf: pending.original.id } : {}),
      });
      session.current.set(record.id, record);
      ids.current.set(result, record.id);
      dispatch({ type: "added", row: summarize(record) });
      if (pending)
        dispatch({
          type: "replayed",
          replay: summarize(record),
          diff: diffResponses(pending.original, record),
          message: null,
        });
      void deferred("historyStore").then(({ appendRecord }) =>
        appendRecord(file, record).then(
          () => dispatch({ type: "writeFailed", message: null }),
          (err: unknown) => dispatch({ type: "writeFailed", message: writeProblem(err) }),
        ),
      );
    },
    [file, dispatch],
  );

  const recordLogs = useCallback(
    (_target: InvocationTarget, result: InvokeResult, logs: CompleteLogs) => addLogs(result, logs),
    [addLogs],
  );

  const read = useCallback(
    async (row: HistoryRow): Promise<HistoryRecord> => {
      const mine = session.current.get(row.id);
      if (mine) return mine;
      if (!("offset" in row)) throw new Error("it was not recorded");
      const { readEntry } = await deferred("historyStore");
      return readEntry(file, row);
    },
    [file],
  );

  return {
    file,
    state,
    current: () => latest.current,
    dispatch,
    recordResult,
    recordLogs,
    read,
    expectReplay: (r) => {
      replay.current = r;
    },
    pendingReplay: () => replay.current,
  };
}
