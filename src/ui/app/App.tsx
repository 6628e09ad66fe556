// The root: the terminal's size, the layout, and the composition of the panes. State lives in
// the hooks it composes (the endpoint, the function choice, the session of invocations, each
// pane's own), the focus in one reducer (focus.ts), and where keys go in keyRouting.ts.
import { useEffect, useReducer, type ReactNode } from "react";
import { Box, useApp, useStdin, useStdout } from "ink";
import type { Clients, ConnectionOptions } from "../../aws/clients.js";
import type { EarlyList } from "../hooks/useFunctionList.js";
import { usePathPrompt } from "../panes/payload/usePathPrompt.js";
import { useRetryNotice } from "./useRetryNotice.js";
import { useKeyInput } from "../input/useKeyInput.js";
import { ConfirmQuit } from "../panes/ConfirmQuit.js";
import { ErrorScreen } from "../panes/ErrorScreen.js";
import { Footer } from "../panes/Footer.js";
import { accountOf, Header } from "../panes/Header.js";
import { inner } from "../panes/Pane.js";
import { HelpOverlay } from "../panes/help/HelpOverlay.js";
import { useHelp } from "../panes/help/useHelp.js";
import { historyListRows, HistoryPane } from "../panes/history/HistoryPane.js";
import { useHistory } from "../panes/history/useHistory.js";
import { liveListRows, LivePane } from "../panes/live/LivePane.js";
import { useLive } from "../panes/live/useLive.js";
import { selectedFunction } from "../picker/pickerReducer.js";
import { PathPrompt } from "../panes/payload/PathPrompt.js";
import { PayloadPane } from "../panes/payload/PayloadPane.js";
import { ResultPane } from "../panes/result/ResultPane.js";
import { useResultView } from "../panes/result/useResultView.js";
import { Picker } from "../picker/Picker.js";
import { focusedPane, focusReducer, initialFocus } from "./focus.js";
import { activeScopes, routeKey, type KeyContext } from "./keyRouting.js";
import { layout, type PaneId } from "./layout.js";
import { PaneFrame } from "./PaneFrame.js";
import { useEditor } from "./useEditor.js";
import { saveHistoryEventPrompt } from "./saveHistoryEvent.js";
import { useEndpoint, type StartedSandbox } from "./useEndpoint.js";
import { useFunctionChoice } from "./useFunctionChoice.js";
import { useSession } from "./useSession.js";
import { useTerminalSize } from "./useTerminalSize.js";
import { INTERRUPTED } from "./exitResult.js";

export interface AppProps {
  connection: ConnectionOptions;
  /** On the built-in sandbox: its scope (its functions folder), or true for one not named. */
  sandbox: string | boolean;
  /** The template the sandbox runs (as the user named it), shown in the header. */
  sandboxTemplate?: string | undefined;
  /** Starts the local sandbox and answers its endpoint (offered when AWS is not reachable). */
  startSandbox?: () => Promise<StartedSandbox>;
  /** Where AWS_PROFILE, AWS_REGION and the endpoint variables are read, for the cache key. */
  environment?: NodeJS.ProcessEnv;
  /** Clients for `connection`, already being created while the UI loaded. */
  earlyClients?: Promise<Clients>;
  /** The cached list and the first ListFunctions page, already being read while the UI loaded. */
  earlyList?: EarlyList;
  /** Marks start-up milestones (for LAMBDA_EXPLORER_TRACE). */
  trace?: (label: string) => void;
  /** Where typed file paths are relative to (default: the working directory). */
  cwd?: string;
  /** The history file (--history FILE); default: LAMBDA_EXPLORER_HISTORY or the state directory's. */
  historyFile?: string;
}

export function App({ cwd = process.cwd(), historyFile, trace, sandboxTemplate, ...connection }: AppProps) {
  const { exit } = useApp();
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  const { columns, rows } = useTerminalSize();
  useEffect(() => trace?.("first render"), [trace]);
  const endpoint = useEndpoint({ ...connection, trace });
  const { conn, list, failure } = endpoint;
  const [focusState, dispatchFocus] = useReducer(focusReducer, initialFocus);
  const focus = focusedPane(focusState);
  const session = useSession(conn.clients, endpoint.storeScope, list.items, historyFile);
  const { invocation } = session;
  const prompt = usePathPrompt(cwd, (work) => keyInput.holdUntil(work));
  const lay = layout({
    columns,
    rows,
    focus,
    results: invocation.state.phase !== "idle",
    footerRows: Math.max(1, prompt.rows),
    zoomed: focusState.zoomed,
  });
  const paneSize = (id: PaneId) => inner(lay.panes[id].width, lay.panes[id].height);
  const choice = useFunctionChoice(
    conn.clients,
    endpoint.storeScope,
    list,
    Math.max(1, paneSize("functions").height - 1),
  );
  const { clear } = choice;
  // Another endpoint (the sandbox offered on the error screen) has other functions.
  useEffect(() => clear(), [endpoint.options, clear]);
  const editor = useEditor({
    scope: endpoint.storeScope,
    clients: conn.clients,
    chosen: choice.chosen?.name ?? null,
    cwd,
    prompt,
    keys: () => keyInput,
    invoke: (payload) => {
      if (!choice.chosen) return;
      session.invoke(choice.chosen, choice.qualifier.chosen, editor.invocationType, payload);
      // Focus follows the invocation: its result shows without another key at any size, and
      // Esc goes back to the payload.
      dispatchFocus({ type: "focus", pane: "result" });
    },
    chooseQualifier: () => choice.setQualifierOpen(true),
    leave: () => dispatchFocus({ type: "back" }),
  });
  const chooseFunction = (name: string, qualifier: string | null = null) => {
    choice.choose(name, qualifier);
    editor.resetView();
    // Choosing a function leaves an opened history entry for the editor.
    session.history.dispatch({ type: "show", record: null });
    dispatchFocus({ type: "focus", pane: "payload" });
  };
  const history = useHistory(session.history, conn.clients, invocation, {
    saveEvent: (record) => {
      const scope = endpoint.storeScope;
      if (scope) prompt.start(saveHistoryEventPrompt(record, scope, (message) => editor.setNotice(message)));
    },
    functions: list.items,
    rows: historyListRows(session.history.state, paneSize("history").height),
    trace,
    opened: () => lay.mode === "stacked" && dispatchFocus({ type: "focus", pane: "result" }),
    edit: (record) => {
      chooseFunction(record.function.name, record.qualifier);
      const where = record.qualifier ? `, on ${record.qualifier} as it ran` : "";
      editor.replaceDraft(
        record.function.name,
        record.payload,
        `Payload from history${where}. Ctrl+Z undoes.`,
      );
    },
  });
  const live = useLive(conn.clients, invocation, {
    opened: () => {
      // A history entry's recorded payload is not this invocation's.
      session.history.dispatch({ type: "show", record: null });
      if (lay.mode === "stacked") dispatchFocus({ type: "focus", pane: "result" });
    },
    closed: () => dispatchFocus({ type: "back" }),
    replay: (name) => {
      // The draft is the chosen function's: another function's draft is not this one's payload.
      if (choice.chosen?.name !== name) {
        live.dispatch({
          type: "notice",
          notice: `Live follows ${name}: choose it in the functions list (1) to invoke it with its draft.`,
        });
        return false;
      }
      return editor.invoke();
    },
  });
  const liveRows = liveListRows(live.state, paneSize("history").height);
  const dispatchLive = live.dispatch;
  useEffect(() => dispatchLive({ type: "resize", height: liveRows }), [liveRows, dispatchLive]);
  // The Live view follows the chosen function, or the one under the picker's cursor.
  const startLive = () => {
    const fn = choice.chosen ?? (focus === "functions" ? selectedFunction(choice.picker) : null);
    if (!fn) return;
    // Already following it: back to its rows, which starting again would lose.
    if (live.state.functionName !== fn.name)
      live.start({ name: fn.name, logGroup: fn.logGroup, arn: fn.arn });
    dispatchFocus({ type: "focus", pane: "history" });
  };
  const result = useResultView(invocation.state, {
    cwd,
    prompt: prompt.start,
    write: (data) => stdout.write(data),
    retryLogs: invocation.retryLogs,
  });
  const help = useHelp(lay.width, lay.bodyHeight, () => dispatchFocus({ type: "overlay", overlay: null }));
  const retryNotice = useRetryNotice();

  const { retry, openSandbox } = endpoint;
  const { busy } = session;
  const context: KeyContext = {
    focus: focusState,
    dispatchFocus,
    failed: !!failure,
    busy,
    exit,
    interrupt: () => exit(INTERRUPTED),
    retry,
    openSandbox,
    reload: list.reload,
    prompt,
    help,
    invocation,
    choice,
    chooseFunction,
    editor,
    history,
    live,
    startLive,
    result,
    layout: lay,
    paneSize,
    inject: (k) => keyInput.inject(k),
  };
  const keyInput = useKeyInput(stdin, (key) => {
    routeKey(context, key.input, key);
    return true;
  });

  let body: ReactNode;
  if (failure)
    body = (
      <ErrorScreen
        failure={failure}
        problem={endpoint.sandboxProblem}
        width={lay.width}
        height={lay.bodyHeight}
      />
    );
  else if (focusState.overlay === "help")
    body = <HelpOverlay view={help.view} width={lay.width} height={lay.bodyHeight} />;
  else if (focusState.overlay === "confirmQuit")
    body = <ConfirmQuit width={lay.width} height={lay.bodyHeight} />;
  else {
    const panes = [
      <PaneFrame key="functions" id="functions" layout={lay} focused={focus === "functions"}>
        {(w, h) => <Picker state={choice.picker} width={w} height={h} focused={focus === "functions"} />}
      </PaneFrame>,
      <PaneFrame
        key="payload"
        id="payload"
        layout={lay}
        focused={focus === "payload"}
        title={history.recorded.view ? "Payload · recorded" : undefined}
      >
        {(w, h) => (
          <PayloadPane
            choice={choice}
            editor={editor}
            recorded={history.recorded.view}
            width={w}
            height={h}
            focused={focus === "payload"}
          />
        )}
      </PaneFrame>,
      <PaneFrame key="result" id="result" layout={lay} focused={focus === "result"}>
        {(w, h) => (
          <ResultPane
            state={invocation.state}
            now={session.now}
            width={w}
            height={h}
            focused={focus === "result"}
            view={result.view}
            lines={result.lines}
          />
        )}
      </PaneFrame>,
    ];
    // The Live view takes the history's place while it follows a function; Esc gives it back.
    const historyPane = (
      <PaneFrame
        key="history"
        id="history"
        layout={lay}
        focused={focus === "history"}
        title={live.open ? "Live" : undefined}
      >
        {(w, h) =>
          live.open ? (
            <LivePane state={live.state} width={w} height={h} focused={focus === "history"} />
          ) : (
            <HistoryPane state={session.history.state} width={w} height={h} focused={focus === "history"} />
          )
        }
      </PaneFrame>
    );
    body = (
      <Box flexDirection="column" height={lay.bodyHeight}>
        {lay.mode === "wide" ? <Box flexDirection="row">{panes}</Box> : panes}
        {historyPane}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={lay.width} height={lay.height}>
      <Header
        width={lay.width}
        profile={endpoint.cacheKey.profile}
        region={conn.clients?.region ?? endpoint.cacheKey.region}
        account={accountOf(list.items.slice(0, 5).map((f) => f.arn))}
        endpoint={endpoint.onSandbox ? undefined : endpoint.options.endpointUrl}
        sandbox={endpoint.onSandbox}
        template={
          endpoint.options.endpointUrl === connection.connection.endpointUrl ? sandboxTemplate : undefined
        }
        count={list.items.length}
        loading={list.loading && !failure}
        stale={list.stale}
        notice={retryNotice}
      />
      {body}
      {prompt.open ? (
        <PathPrompt state={prompt.state} width={lay.width} label={prompt.open.label} />
      ) : (
        <Footer width={lay.width} scopes={activeScopes(context)} />
      )}
    </Box>
  );
}
