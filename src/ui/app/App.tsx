// The root: the terminal's size, the layout, and the composition of the panes. State lives in
// the hooks it composes (the endpoint, the function choice, the session of invocations, each
// pane's own, the history's and the Live view's places in the explorer), the focus in one
// reducer (focus.ts), and where keys go in keyRouting.ts.
import { useEffect, useReducer, type ReactNode } from "react";
import { Box, useApp, useStdin, useStdout } from "ink";
import type { Clients, ConnectionOptions } from "../../aws/clients.js";
import type { EarlyList } from "../hooks/useFunctionList.js";
import type { Early } from "../../core/early.js";
import type { OpenedHistory } from "../../state/history-pages.js";
import { usePathPrompt } from "../panes/payload/usePathPrompt.js";
import { ConfirmQuit } from "../panes/ConfirmQuit.js";
import { ErrorScreen } from "../panes/ErrorScreen.js";
import { Footer } from "../panes/Footer.js";
import { inner } from "../panes/Pane.js";
import { HelpOverlay } from "../panes/help/HelpOverlay.js";
import { useHelp } from "../panes/help/useHelp.js";
import { PathPrompt } from "../panes/payload/PathPrompt.js";
import { useResultView } from "../panes/result/useResultView.js";
import { PickerProvider } from "../picker/PickerProvider.js";
import { AppHeader } from "./AppHeader.js";
import { useAppKeys } from "./useAppKeys.js";
import { focusedPane, focusReducer, initialFocus } from "./focus.js";
import { layout, type PaneId } from "./layout.js";
import { Panes } from "./Panes.js";
import { useEndpoint, type StartedSandbox } from "./useEndpoint.js";
import { useFunctionChoice } from "./useFunctionChoice.js";
import { useHistoryView } from "./useHistoryView.js";
import { useInvokeFlow } from "./useInvokeFlow.js";
import { useLiveView } from "./useLiveView.js";
import { useSession } from "./useSession.js";
import { useTerminalSize } from "./useTerminalSize.js";

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
  /** The history's newest entries, already being read while the UI loaded: the first frame lists them. */
  earlyHistory?: Early<OpenedHistory>;
}

export function App({
  cwd = process.cwd(),
  historyFile,
  earlyHistory,
  trace,
  sandboxTemplate,
  ...connection
}: AppProps) {
  const { exit } = useApp();
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  const { columns, rows } = useTerminalSize();
  useEffect(() => trace?.("first render"), [trace]);
  const endpoint = useEndpoint({ ...connection, trace });
  const { conn, list, failure, storeScope: scope } = endpoint;
  const { clients } = conn;
  const [focusState, dispatchFocus] = useReducer(focusReducer, initialFocus);
  const focus = focusedPane(focusState);
  const session = useSession(clients, scope, list.items, historyFile, earlyHistory);
  const { invocation } = session;
  // The key layer is made last, with every handler; the prompt and the editor use it only later.
  const keys = () => appKeys.keyInput;
  const prompt = usePathPrompt(cwd, (work) => keys().holdUntil(work));
  const lay = layout({
    columns,
    rows,
    focus,
    results: invocation.state.phase !== "idle",
    footerRows: Math.max(1, prompt.rows),
    zoomed: focusState.zoomed,
  });
  const stacked = lay.mode === "stacked";
  const paneSize = (id: PaneId) => inner(lay.panes[id].width, lay.panes[id].height);
  const choice = useFunctionChoice(clients, scope, list, Math.max(1, paneSize("functions").height - 1));
  const { clear } = choice;
  // Another endpoint (the sandbox offered on the error screen) has other functions.
  useEffect(() => clear(), [endpoint.options, clear]);
  const flow = useInvokeFlow({ scope, clients, cwd, prompt, keys, choice, session, dispatchFocus });
  const height = paneSize("history").height;
  const functions = list.items;
  const history = useHistoryView({
    clients,
    session,
    scope,
    functions,
    height,
    stacked,
    prompt,
    flow,
    dispatchFocus,
    trace,
  });
  const liveView = useLiveView({ clients, session, choice, focus, stacked, height, flow, dispatchFocus });
  const result = useResultView(invocation.state, {
    cwd,
    prompt: prompt.start,
    write: (data) => stdout.write(data),
    retryLogs: invocation.retryLogs,
  });
  const help = useHelp(lay.width, lay.bodyHeight, () => dispatchFocus({ type: "overlay", overlay: null }));
  const appKeys = useAppKeys(stdin, {
    focus: focusState,
    dispatchFocus,
    exit,
    endpoint,
    session,
    prompt,
    help,
    choice,
    flow,
    history,
    liveView,
    result,
    layout: lay,
    paneSize,
  });

  const { width, bodyHeight } = lay;
  let body: ReactNode;
  if (failure)
    body = (
      <ErrorScreen failure={failure} problem={endpoint.sandboxProblem} width={width} height={bodyHeight} />
    );
  else if (focusState.overlay === "help")
    body = <HelpOverlay view={help.view} width={width} height={bodyHeight} />;
  else if (focusState.overlay === "confirmQuit") body = <ConfirmQuit width={width} height={bodyHeight} />;
  else
    body = (
      // The picker's keys re-render the provider and what reads it, not the App (PickerProvider).
      <PickerProvider store={choice.picker}>
        <Panes
          layout={lay}
          focus={focus}
          choice={choice}
          editor={flow.editor}
          recorded={history.recorded.view}
          session={session}
          result={result}
          live={liveView.live}
        />
      </PickerProvider>
    );
  // The sandbox's template names what runs only while on the endpoint it was started on.
  const started = endpoint.options.endpointUrl === connection.connection.endpointUrl;
  return (
    <Box flexDirection="column" width={width} height={lay.height}>
      {appKeys.pulse}
      <AppHeader width={width} endpoint={endpoint} template={started ? sandboxTemplate : undefined} />
      {body}
      {prompt.open ? (
        <PathPrompt state={prompt.state} width={width} label={prompt.open.label} />
      ) : (
        <Footer width={width} scopes={appKeys.scopes} />
      )}
    </Box>
  );
}
