// The history pane's state and the history file behind it. The index is loaded after the first
// frame (a 200 MB history takes most of a second to read), and every invocation from the
// explorer is appended as it answers, its complete logs as a further record when they arrive.
// Records made in this session are also kept in memory: an entry is never lost to a history
// file that cannot be written, and opening one needs no read. The complete logs of an
// invocation that a newer one took the screen from still arrive (useInvocation goes on
// looking for them) and are recorded the same way.
import pLimit from "p-limit";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from "react";
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
import type { Early } from "../../../core/early.js";
import type { HistoryPages, OpenedHistory } from "../../../state/history-pages.js";

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

const writeProblem = (err: unknown) => `History not saved: ${(err as Error).message}`;

/** Entries read at each further read, as the list is scrolled or filtered. */
const OLDER_PAGE = 2000;

/** The pane's first entries, or why the file could not be read. */
function loadAction(h: OpenedHistory): HistoryAction {
  if (h.error !== null || !h.first) return { type: "loadFailed", message: h.error ?? "not read" };
  const { rows, damaged, more } = h.first;
  return { type: "loaded", rows, damaged, more };
}

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
  /** The first page, read while the UI loaded (tui-command). */
  early?: Early<OpenedHistory>,
): HistoryStore {
  const file = useMemo(() => historyFile ?? resolveHistoryFile(undefined), [historyFile]);
  // The early read's first page when it has arrived: the first frame lists it.
  const drawnEarly = useRef<OpenedHistory | null>(null);
  const [state, dispatchToReact] = useReducer(historyReducer, undefined, () => {
    const h = early?.value;
    if (!h || h.file !== file) return initialHistoryState();
    drawnEarly.current = h;
    return historyReducer(initialHistoryState(), loadAction(h));
  });
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
  // a page per render), so a 1 GB history costs what is looked at. The first page is read
  // while the UI loads when start-up began it (`early`), else just after the first frame.
  const reader = useRef<{ next: () => Promise<void>; busy: boolean } | null>(null);
  const [readerReady, setReaderReady] = useState(0);
  const earlyOpened = useRef(early?.promise);
  useEffect(() => {
    const abort = new AbortController();
    const take = earlyOpened.current;
    earlyOpened.current = undefined;
    let pages: HistoryPages | null = null;
    const opened = (h: OpenedHistory) => {
      if (abort.signal.aborted) return void h.pages.close().catch(() => undefined);
      pages = h.pages;
      if (drawnEarly.current !== h) dispatch(loadAction(h));
      if (h.error !== null) return;
      const older = h.pages;
      reader.current = {
        busy: false,
        async next() {
          if (this.busy) return;
          this.busy = true;
          try {
            const page = await older.next(OLDER_PAGE);
            if (page && !abort.signal.aborted) dispatch({ type: "older", ...page });
          } finally {
            this.busy = false;
          }
        },
      };
      // The list may want older entries already (a tall pane over an early first page).
      setReaderReady((n) => n + 1);
    };
    const start = async () => {
      const ready = take ? await take : null;
      if (ready && ready.file !== file) void ready.pages.close().catch(() => undefined);
      opened(
        ready && ready.file === file
          ? ready
          : await deferred("historyReading").then(({ openHistory, FIRST_PAGE }) =>
              openHistory(file, FIRST_PAGE, abort.signal),
            ),
      );
      if (abort.signal.aborted) return;
      // What the commands print on stderr before recording (where a link leads, a history
      // others can read, a file that will not be written to) is said here in a line, before
      // the first invocation rather than after it.
      const { checkHistoryTarget } = await deferred("historyTarget");
      await checkHistoryTarget(file).then(
        ({ notes }) => {
          if (notes.length && !abort.signal.aborted) dispatch({ type: "notice", message: notes.join("; ") });
        },
        (err: unknown) => {
          if (!abort.signal.aborted) dispatch({ type: "writeFailed", message: writeProblem(err) });
        },
      );
    };
    // Without an early read: after the first frame, so the file is never on the way to it.
    const timer = setTimeout(() => void start(), 0);
    return () => {
      clearTimeout(timer);
      abort.abort();
      reader.current = null;
      void (pages as HistoryPages | null)?.close().catch(() => undefined);
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
  }, [wantOlder, state.rows, readerReady, dispatch]);

  // Appends one at a time, in the order asked: an invocation's record and its logs record, made
  // a few ms apart, each opened the file and took its lock, and the logs could land first. The
  // explorer reads a history backward and meets logs records before their invocation, so such
  // an entry opened later showed its logs as "not looked for".
  const [inOrder] = useState(() => pLimit(1));

  const addLogs = useCallback(
    (result: InvokeResult, logs: CompleteLogs) => {
      const id = ids.current.get(result);
      const record = id ? session.current.get(id) : undefined;
      if (!id || !record) return;
      const entry = logsRecordFor(id, logs);
      session.current.set(id, withLogs(record, entry));
      void inOrder(() =>
        deferred("historyStore").then(({ appendLogsRecord }) =>
          appendLogsRecord(file, entry).catch((err: unknown) =>
            dispatch({ type: "writeFailed", message: writeProblem(err) }),
          ),
        ),
      );
    },
    [file, dispatch, inOrder],
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
      void inOrder(() =>
        deferred("historyStore").then(({ appendRecord }) =>
          appendRecord(file, record).then(
            () => dispatch({ type: "writeFailed", message: null }),
            (err: unknown) => dispatch({ type: "writeFailed", message: writeProblem(err) }),
          ),
        ),
      );
    },
    [file, dispatch, inOrder],
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
