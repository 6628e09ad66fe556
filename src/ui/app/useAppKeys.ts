// The key layer bound to the explorer: every key read goes down the focus stack to where
// keyRouting.ts sends it, and the footer offers the keys of the same scopes, so the keys it
// shows are the keys that work. The routing itself stays a pure function of the parts here.
import type { ReactElement } from "react";
import type { KeyInput } from "../input/keyInput.js";
import { useKeyLayer } from "../input/useKeyInput.js";
import type { Scope } from "../keys/keymap.js";
import type { Help } from "../panes/help/useHelp.js";
import type { HistoryKeys } from "../panes/history/useHistory.js";
import type { PathPromptControl } from "../panes/payload/usePathPrompt.js";
import type { ResultView } from "../panes/result/useResultView.js";
import { usePickerState } from "../picker/pickerStore.js";
import type { PickerState } from "../picker/pickerReducer.js";
import { INTERRUPTED } from "./exitResult.js";
import type { FocusAction, FocusState } from "./focus.js";
import { activeScopes, routeKey, type KeyContext } from "./keyRouting.js";
import type { Layout, PaneId } from "./layout.js";
import type { Endpoint } from "./useEndpoint.js";
import type { FunctionChoice } from "./useFunctionChoice.js";
import type { InvokeFlow } from "./useInvokeFlow.js";
import type { LiveView } from "./useLiveView.js";
import type { Session } from "./useSession.js";

export interface AppKeyParts {
  focus: FocusState;
  dispatchFocus: (a: FocusAction) => void;
  /** Ink's exit: with INTERRUPTED for Ctrl+C. */
  exit: (result?: unknown) => void;
  endpoint: Endpoint;
  session: Session;
  prompt: PathPromptControl;
  help: Help;
  choice: FunctionChoice;
  flow: InvokeFlow;
  history: HistoryKeys;
  liveView: LiveView;
  result: ResultView;
  layout: Layout;
  paneSize: (id: PaneId) => { width: number; height: number };
}

export interface AppKeys {
  /** The key layer: the prompt and the editor hold or stop it. */
  keyInput: KeyInput;
  /** The scopes whose keys apply now, for the footer. */
  scopes: Scope[];
  /** Rendered anywhere in the App: what each key re-renders (see useKeyLayer). */
  pulse: ReactElement;
}

const filtering = (s: PickerState) => s.filtering;

export function useAppKeys(stdin: Parameters<typeof useKeyLayer>[0], p: AppKeyParts): AppKeys {
  // The picker's scopes (the footer's hints) change with its filter mode alone: the App renders
  // again for that, not for each key typed in the filter.
  usePickerState(p.choice.picker, filtering);
  const context: KeyContext = {
    focus: p.focus,
    dispatchFocus: p.dispatchFocus,
    failed: !!p.endpoint.failure,
    busy: p.session.busy,
    exit: () => p.exit(),
    interrupt: () => p.exit(INTERRUPTED),
    retry: p.endpoint.retry,
    openSandbox: p.endpoint.openSandbox,
    reload: p.endpoint.list.reload,
    prompt: p.prompt,
    help: p.help,
    invocation: p.session.invocation,
    choice: p.choice,
    chooseFunction: p.flow.chooseFunction,
    editor: p.flow.editor,
    history: p.history,
    live: p.liveView.live,
    startLive: p.liveView.startLive,
    result: p.result,
    layout: p.layout,
    paneSize: p.paneSize,
    inject: (k) => keyInput.inject(k),
  };
  const { input: keyInput, pulse } = useKeyLayer(stdin, (key) => {
    routeKey(context, key.input, key);
    return true;
  });
  return { keyInput, scopes: activeScopes(context), pulse };
}
