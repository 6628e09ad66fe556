// The root: reads the terminal size (the only component that does), owns focus and overlays,
// routes every key by priority (error screen or overlay, then the focused pane, then global
// commands), and lays the panes out.
import { useCallback, useEffect, useMemo, useReducer, useState, type ReactNode } from "react";
import { Box, useApp, useStdin, useStdout } from "ink";
import type { Clients, ConnectionOptions } from "../../aws/clients.js";
import { listCacheKey, SANDBOX_SCOPE, type CacheKey } from "../../cache/function-list-cache.js";
import { useConnection } from "../hooks/useConnection.js";
import { useInvocation } from "../hooks/useInvocation.js";
import { useNow } from "../hooks/useNow.js";
import { usePayloadEditor } from "../hooks/usePayloadEditor.js";
import { usePathPrompt } from "../hooks/usePathPrompt.js";
import { PathPrompt } from "../panes/payload/PathPrompt.js";
import { readPayloadFile } from "../editor/payloadFile.js";
import { bufferText } from "../editor/textBuffer.js";
import { editExternally, editorCommand } from "../external-editor.js";
import { formatBytes, PAYLOAD_LIMITS } from "../../core/payload.js";
import { isBusy } from "../invocation/invocationReducer.js";
import { ResultPane } from "../panes/result/ResultPane.js";
import { useResultView } from "../panes/result/useResultView.js";
import { ConfirmQuit } from "../panes/ConfirmQuit.js";
import { useFunctionDetails } from "../hooks/useFunctionDetails.js";
import { useFunctionList, type EarlyList } from "../hooks/useFunctionList.js";
import { useRetryNotice } from "../hooks/useRetryNotice.js";
import { makeKey, type Key, type MouseInput } from "../input/keys.js";
import { useKeyInput } from "../input/useKeyInput.js";
import { commandFor, type CommandId, type Scope } from "../keys/keymap.js";
import { handlePickerKey, pickerScopes } from "../picker/pickerKeys.js";
import { initialPickerState, pickerReducer, selectedFunction } from "../picker/pickerReducer.js";
import { Picker } from "../picker/Picker.js";
import { usePickerSearch } from "../picker/usePickerSearch.js";
import { ErrorScreen } from "../panes/ErrorScreen.js";
import { Footer } from "../panes/Footer.js";
import { accountOf, Header } from "../panes/Header.js";
import { HelpOverlay } from "../panes/help/HelpOverlay.js";
import { useHelp } from "../panes/help/useHelp.js";
import { inner, Pane } from "../panes/Pane.js";
import { FunctionPane } from "../panes/function/FunctionPane.js";
import { TemplateList } from "../panes/payload/TemplateList.js";
import { PayloadEditor } from "../panes/payload/PayloadEditor.js";
import { initialQualifierState, qualifierReducer } from "../panes/function/qualifierReducer.js";
import { focusedPane, focusReducer, initialFocus, type Overlay } from "./focus.js";
import { layout, paneAt, PANES, type PaneId } from "./layout.js";
import { historyListRows, HistoryPane } from "../panes/history/HistoryPane.js";
import { useHistory } from "../panes/history/useHistory.js";
import { useHistoryState } from "../panes/history/useHistoryState.js";
import { RecordedPayload } from "../panes/history/RecordedPayload.js";

export interface AppProps {
  connection: ConnectionOptions;
  /** Set when the app was started on the built-in sandbox. */
  sandbox: boolean;
  /** Starts the local sandbox and answers its endpoint (offered when AWS is not reachable). */
  startSandbox?: () => Promise<string>;
  /** The SDK's profile and region from the environment (AWS_PROFILE, AWS_REGION), for the cache key. */
  environment?: { profile?: string | undefined; region?: string | undefined };
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

function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
    // `read` only closes over stdout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

const TITLES: Record<PaneId, string> = {
  functions: "Functions",
  payload: "Payload",
  result: "Result",
  history: "History",
};

export function App({
  connection: initial,
  sandbox: startedOnSandbox,
  startSandbox,
  earlyClients,
  earlyList,
  trace,
  environment,
  cwd = process.cwd(),
  historyFile,
}: AppProps) {
  const { exit } = useApp();
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  // Bumped after an external editor had the terminal, so Ink draws every line again.
  const [, setRedraws] = useState(0);
  const { columns, rows } = useTerminalSize();
  const [connectionOptions, setConnectionOptions] = useState(initial);
  const [onSandbox, setOnSandbox] = useState(startedOnSandbox);
  const [focusState, dispatchFocus] = useReducer(focusReducer, initialFocus);
  const focus = focusedPane(focusState);
  const overlay = focusState.overlay;
  const setFocus = (pane: PaneId) => dispatchFocus({ type: "focus", pane });
  const setOverlay = (o: Overlay | null) => dispatchFocus({ type: "overlay", overlay: o });
  const [chosen, setChosen] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  const [sandboxProblem, setSandboxProblem] = useState<string | null>(null);
  const [qualifierOpen, setQualifierOpen] = useState(false);

  const conn = useConnection(connectionOptions, retry, earlyClients);
  const cacheKey: CacheKey = useMemo(
    () =>
      listCacheKey(
        connectionOptions,
        { profile: environment?.profile, region: environment?.region },
        onSandbox,
      ),
    [connectionOptions, onSandbox, environment?.profile, environment?.region],
  );
  const list = useFunctionList(conn.clients, cacheKey, earlyList);
  // What stored state (drafts, usage) is kept under. The built-in sandbox listens on a new port
  // each start, so it is known by a stable name instead of its URL.
  const storeScope = useMemo(
    () =>
      conn.clients
        ? {
            profile: conn.clients.profile,
            region: conn.clients.region,
            endpoint: onSandbox ? SANDBOX_SCOPE : conn.clients.endpoint,
          }
        : null,
    [conn.clients, onSandbox],
  );
  // With the list start-up already has (cached, or its first page), so the first frame shows it.
  const [picker, dispatchPicker] = useReducer(pickerReducer, list, (l) =>
    pickerReducer(initialPickerState(), { type: "items", items: l.items, loading: l.loading }),
  );
  usePickerSearch(picker, dispatchPicker);
  const [qualifier, dispatchQualifier] = useReducer(qualifierReducer, undefined, initialQualifierState);

  useEffect(() => {
    dispatchPicker({ type: "items", items: list.items, loading: list.loading });
  }, [list.items, list.loading]);
  useEffect(() => trace?.("first render"), [trace]);
  // Functions invoked recently and often come first in the unfiltered list.
  useEffect(() => {
    const c = conn.clients;
    if (!c) return;
    let live = true;
    void import("../../history/usage.js").then(({ readUsage }) =>
      readUsage({ profile: c.profile, region: c.region, endpoint: c.endpoint }).then((usage) => {
        if (live) dispatchPicker({ type: "usage", usage });
      }),
    );
    return () => {
      live = false;
    };
  }, [conn.clients]);
  useEffect(() => {
    if (conn.clients) trace?.("clients ready");
  }, [conn.clients, trace]);
  useEffect(() => {
    if (list.items.length > 0) trace?.(`list shown (${list.items.length})`);
  }, [list.items.length, trace]);

  const chosenFn = useMemo(() => list.items.find((f) => f.name === chosen) ?? null, [list.items, chosen]);
  const details = useFunctionDetails(conn.clients, chosen);
  useEffect(() => {
    dispatchQualifier({ type: "options", versions: details.versions, aliases: details.aliases });
  }, [details.versions, details.aliases]);

  const history = useHistoryState(historyFile, conn.clients, list.items);
  const invocation = useInvocation(conn.clients, {
    onLogs: history.recordLogs,
    onResult: (target, result) => {
      history.recordResult(target, result);
      const c = conn.clients;
      if (!c) return;
      // Advisory, as for the invoke command: a state directory that cannot be written must not matter.
      void import("../../history/usage.js").then(({ recordUsage }) =>
        recordUsage(
          { profile: c.profile, region: c.region, endpoint: c.endpoint },
          target.functionName,
        ).catch(() => undefined),
      );
    },
  });
  const busy = isBusy(invocation.state);
  const retryNotice = useRetryNotice();
  // The spinner needs 80 ms ticks; the logs' elapsed seconds only a few a second.
  const now = useNow(busy, invocation.state.phase === "running" ? 80 : 250);
  const prompt = usePathPrompt(cwd);
  const resultView = useResultView(invocation.state, {
    cwd,
    prompt: prompt.start,
    write: (data) => stdout.write(data),
    retryLogs: invocation.retryLogs,
  });
  const lay = layout({
    columns,
    rows,
    focus,
    results: invocation.state.phase !== "idle",
    footerRows: Math.max(1, prompt.rows),
    zoomed: focusState.zoomed,
  });
  const paneSize = (id: PaneId) => inner(lay.panes[id].width, lay.panes[id].height);
  const help = useHelp(lay.width, lay.bodyHeight, () => setOverlay(null));
  const pickerRows = Math.max(1, inner(lay.panes.functions.width, lay.panes.functions.height).height - 1);
  useEffect(() => {
    dispatchPicker({ type: "resize", rows: pickerRows });
  }, [pickerRows]);

  const failure = conn.error ?? (list.items.length === 0 ? list.error : null);

  const editor = usePayloadEditor(storeScope, chosen, {
    invoke: (text) => invokeChosen(text),
    chooseQualifier: () => setQualifierOpen(true),
    leave: () => dispatchFocus({ type: "back" }),
    other: (command) => {
      if (command === "editor.load") {
        prompt.start({
          label: "Load payload from: ",
          submit: async (pathText) => {
            const r = await readPayloadFile(pathText, cwd, PAYLOAD_LIMITS.RequestResponse);
            if (!r.ok) return r.message;
            editor.replaceText(r.text, `Loaded ${r.path} (${formatBytes(r.bytes)}). Ctrl+Z undoes.`);
            return null;
          },
        });
        return true;
      }
      if (command === "editor.external") {
        editExternallyNow();
        return true;
      }
      return false;
    },
  });
  function editExternallyNow(): void {
    const r = editExternally(bufferText(editor.buffer), { input: keyInput, stdout });
    setRedraws((n) => n + 1);
    if (!r.ok) editor.setNotice(r.message);
    else if (r.changed) editor.replaceText(r.text, `Edited in ${editorCommand()}. Ctrl+Z undoes.`);
    else editor.setNotice(`No change from ${editorCommand()}.`);
  }
  const { resetView } = editor;
  const { dispatch: dispatchHistory } = history;
  const choose = useCallback(
    /** `qualifier`: choose it too, once the function's versions and aliases list it. */
    (name: string, qualifier: string | null = null) => {
      // The same function again keeps its versions and aliases (they are not fetched again).
      if (name !== chosen) dispatchQualifier({ type: "reset" });
      if (qualifier) dispatchQualifier({ type: "want", qualifier });
      setChosen(name);
      setQualifierOpen(false);
      resetView();
      // Choosing a function leaves an opened history entry for the editor.
      dispatchHistory({ type: "show", record: null });
      setFocus("payload");
    },
    [resetView, chosen, dispatchHistory],
  );
  const templateCursor = editor.templateCursor;
  const historyKeys = useHistory(history, conn.clients, invocation, {
    functions: list.items,
    rows: historyListRows(history.state, paneSize("history").height),
    trace,
    opened: () => lay.mode === "stacked" && setFocus("result"),
    edit: (record) => {
      choose(record.function.name, record.qualifier);
      const where = record.qualifier ? `, on ${record.qualifier} as it ran` : "";
      editor.replaceDraft(
        record.function.name,
        record.payload,
        `Payload from history${where}. Ctrl+Z undoes.`,
      );
    },
  });
  function invokeChosen(text: string): void {
    if (!chosenFn) return;
    invocation.start({
      functionName: chosenFn.name,
      qualifier: qualifier.chosen === "$LATEST" ? null : qualifier.chosen,
      invocationType: editor.invocationType,
      payload: text,
      logGroup: chosenFn.logGroup,
    });
    // Focus follows the invocation: its result shows without another key at any size, and
    // Esc goes back to the payload.
    setFocus("result");
  }

  // A click focuses the pane under the pointer; the wheel focuses it and scrolls it, as the
  // arrow keys would, three lines a notch.
  const onMouse = (m: MouseInput): void => {
    if (failure || overlay || prompt.open) return;
    const id = paneAt(lay, m.x, m.y);
    if (!id) return;
    if (m.action === "down") setFocus(id);
    else if (m.action === "wheelUp" || m.action === "wheelDown") {
      setFocus(id);
      keyInput.inject(Array.from({ length: 3 }, () => makeKey(m.action === "wheelUp" ? "up" : "down")));
    }
  };

  const openSandbox = useCallback(() => {
    if (!startSandbox) return;
    setSandboxProblem(null);
    startSandbox().then(
      (url) => {
        setOnSandbox(true);
        setConnectionOptions({ endpointUrl: url });
        setChosen(null);
      },
      (err: unknown) => setSandboxProblem(`The sandbox did not start: ${(err as Error).message}`),
    );
  }, [startSandbox]);

  // An opened history entry covers the payload pane, editor or not.
  const recordedScopes = focus === "payload" && historyKeys.recorded.view ? historyKeys.recorded.scopes : [];
  const paneScopes: Scope[] = failure
    ? ["error"]
    : prompt.open
      ? ["prompt"]
      : overlay === "help"
        ? help.scopes
        : overlay === "confirmQuit"
          ? ["confirm"]
          : focus === "functions"
            ? pickerScopes(picker)
            : focus === "payload" && chosenFn && !historyKeys.recorded.view
              ? templateCursor !== null
                ? ["templates"]
                : qualifierOpen
                  ? ["function"]
                  : ["editor"]
              : focus === "history"
                ? historyKeys.scopes
                : focus === "result" && invocation.state.phase !== "idle"
                  ? resultView.scopes
                  : recordedScopes;

  const focusBy: Partial<Record<CommandId, PaneId>> = {
    "focus.functions": "functions",
    "focus.payload": "payload",
    "focus.result": "result",
    "focus.history": "history",
  };
  const globalActions: Partial<Record<CommandId, () => void>> = {
    "app.quit": () => (busy ? setOverlay("confirmQuit") : exit()),
    "app.forceQuit": exit,
    "app.help": () => setOverlay("help"),
    "app.back": () => dispatchFocus({ type: "back" }),
    "app.zoom": () => dispatchFocus({ type: "zoom" }),
    "focus.next": () => dispatchFocus({ type: "cycle", delta: 1 }),
    "focus.prev": () => dispatchFocus({ type: "cycle", delta: -1 }),
  };

  const onGlobal = (input: string, key: Key): void => {
    const cmd = commandFor("global", input, key);
    if (cmd && focusBy[cmd]) setFocus(focusBy[cmd]);
    else if (cmd) globalActions[cmd]?.();
    else if (focus === "functions" && commandFor("picker", input, key) === "picker.reload") list.reload();
  };

  // Keys reach this one at a time, each on the screen the one before led to (useKeyInput).
  const handleKey = (input: string, key: Key): void => {
    if (key.mouse) {
      onMouse(key.mouse);
      return;
    }
    if (commandFor("global", input, key) === "app.forceQuit") {
      exit();
      return;
    }
    if (prompt.open && !failure) {
      prompt.onKey(input, key);
      return;
    }
    if (failure) {
      const cmd = commandFor("error", input, key);
      if (cmd === "error.sandbox") openSandbox();
      else if (cmd === "error.retry") {
        setRetry((n) => n + 1);
        list.reload();
      } else if (commandFor("global", input, key) === "app.quit") exit();
      return;
    }
    if (overlay === "help") {
      help.onKey(input, key);
      return;
    }
    if (overlay === "confirmQuit") {
      const cmd = commandFor("confirm", input, key);
      if (cmd === "confirm.yes") exit();
      else if (cmd === "confirm.no") setOverlay(null);
      return;
    }
    // The result pane's search line takes every key while it is open (Esc closes it).
    if (focus === "result" && resultView.view.search.editing) {
      resultView.onKey(input, key, paneSize("result"));
      return;
    }
    // Esc stops waiting for an invocation or its logs before it means anything else.
    if (busy && commandFor("busy", input, key) === "invocation.stop") {
      invocation.stop();
      return;
    }
    if (focus === "history" && historyKeys.onKey(input, key)) return;
    // An opened entry covers the editor: no key may reach the draft beneath it.
    if (focus === "payload" && historyKeys.recorded.showing()) {
      if (!historyKeys.recorded.onKey(input, key, paneSize("payload"))) onGlobal(input, key);
      return;
    }
    if (focus === "functions" && handlePickerKey(picker, dispatchPicker, input, key, (f) => choose(f.name)))
      return;
    if (focus === "payload" && chosenFn && templateCursor !== null) {
      editor.onTemplateKey(input, key);
      return;
    }
    if (focus === "payload" && chosenFn && !qualifierOpen && editor.onKey(input, key, paneSize("payload")))
      return;
    if (focus === "payload" && chosenFn && qualifierOpen && commandFor("global", input, key) === "app.back") {
      setQualifierOpen(false);
      return;
    }
    if (focus === "payload" && chosenFn) {
      const cmd = commandFor("function", input, key);
      if (cmd === "qualifier.up" || cmd === "qualifier.down") {
        dispatchQualifier({ type: "move", delta: cmd === "qualifier.up" ? -1 : 1 });
        return;
      }
      if (cmd === "qualifier.choose") {
        dispatchQualifier({ type: "choose" });
        setQualifierOpen(false);
        return;
      }
    }
    if (focus === "result" && chosenFn && commandFor("result", input, key) === "result.invokeAgain") {
      // Not valid any more (edited since): the editor says why, so it comes to the front.
      if (!editor.invoke()) setFocus("payload");
      return;
    }
    if (focus === "result" && resultView.onKey(input, key, paneSize("result"))) return;
    onGlobal(input, key);
  };
  const keyInput = useKeyInput(stdin, (key) => {
    handleKey(key.input, key);
    return true;
  });

  const header = (
    <Header
      width={lay.width}
      profile={cacheKey.profile}
      region={conn.clients?.region ?? cacheKey.region}
      account={accountOf(list.items.slice(0, 5).map((f) => f.arn))}
      endpoint={onSandbox ? undefined : connectionOptions.endpointUrl}
      sandbox={onSandbox}
      count={list.items.length}
      loading={list.loading && !failure}
      stale={list.stale}
      notice={retryNotice}
    />
  );
  const footer = prompt.open ? (
    <PathPrompt state={prompt.state} width={lay.width} label={prompt.open.label} />
  ) : (
    <Footer
      width={lay.width}
      scopes={
        failure || overlay ? paneScopes : [...(busy ? (["busy"] as Scope[]) : []), ...paneScopes, "global"]
      }
    />
  );

  let body;
  if (failure) {
    body = (
      <ErrorScreen failure={failure} problem={sandboxProblem} width={lay.width} height={lay.bodyHeight} />
    );
  } else if (overlay === "help") {
    body = <HelpOverlay view={help.view} width={lay.width} height={lay.bodyHeight} />;
  } else if (overlay === "confirmQuit") {
    body = <ConfirmQuit width={lay.width} height={lay.bodyHeight} />;
  } else {
    const pane = (id: PaneId, content: (w: number, h: number) => ReactNode) => {
      const box = lay.panes[id];
      const size = inner(box.width, box.height);
      return (
        <Pane
          key={id}
          // Folded or stacked, the payload's title still says it shows a recorded entry.
          title={id === "payload" && historyKeys.recorded.view ? "Payload · recorded" : TITLES[id]}
          number={PANES.indexOf(id) + 1}
          width={box.width}
          height={box.height}
          focused={focus === id}
          collapsed={box.collapsed}
          strip={box.strip}
        >
          {content(size.width, size.height)}
        </Pane>
      );
    };
    const functions = pane("functions", (w, h) => (
      <Picker state={picker} width={w} height={h} focused={focus === "functions"} />
    ));
    const payload = pane("payload", (w, h) =>
      historyKeys.recorded.view ? (
        <RecordedPayload
          view={historyKeys.recorded.view}
          width={w}
          height={h}
          focused={focus === "payload"}
        />
      ) : chosenFn && templateCursor !== null ? (
        <TemplateList cursor={templateCursor} width={w} height={h} />
      ) : chosenFn && !qualifierOpen ? (
        <PayloadEditor
          title={`${chosenFn.name}:${qualifier.chosen}`}
          buffer={editor.buffer}
          check={editor.check}
          invocationType={editor.invocationType}
          notice={editor.notice}
          scrollTop={editor.scrollTop}
          width={w}
          height={h}
          focused={focus === "payload"}
        />
      ) : (
        <FunctionPane
          fn={chosenFn ?? selectedFunction(picker)}
          details={details}
          qualifier={qualifier}
          width={w}
          height={h}
          focused={focus === "payload"}
        />
      ),
    );
    const result = pane("result", (w, h) => (
      <ResultPane
        state={invocation.state}
        now={now}
        width={w}
        height={h}
        focused={focus === "result"}
        view={resultView.view}
        lines={resultView.lines}
      />
    ));
    const historyPane = pane("history", (w, h) => (
      <HistoryPane state={history.state} width={w} height={h} focused={focus === "history"} />
    ));
    body =
      lay.mode === "wide" ? (
        <Box flexDirection="column" height={lay.bodyHeight}>
          <Box flexDirection="row">
            {functions}
            {payload}
            {result}
          </Box>
          {historyPane}
        </Box>
      ) : (
        <Box flexDirection="column" height={lay.bodyHeight}>
          {functions}
          {payload}
          {result}
          {historyPane}
        </Box>
      );
  }

  return (
    <Box flexDirection="column" width={lay.width} height={lay.height}>
      {header}
      {body}
      {footer}
    </Box>
  );
}
