// From a chosen function to its invocation: the editor over the chosen function's draft, whose
// Ctrl+S invokes it on the chosen qualifier and brings the result to the front, and choosing a
// function (in the picker, or from a history entry), which opens its payload.
import type { Clients } from "../../aws/clients.js";
import type { UsageScope } from "../../state/usage.js";
import type { KeyInput } from "../input/keyInput.js";
import type { PathPromptControl } from "../panes/payload/usePathPrompt.js";
import type { PayloadEditorState } from "../panes/payload/usePayloadEditor.js";
import type { FocusAction } from "./focus.js";
import { useEditor } from "./useEditor.js";
import type { FunctionChoice } from "./useFunctionChoice.js";
import type { Session } from "./useSession.js";

export interface InvokeFlowOptions {
  scope: UsageScope | null;
  clients: Clients | null;
  cwd: string;
  prompt: PathPromptControl;
  /** The key layer (made after the editor's handlers, and only called once keys are read). */
  keys: () => KeyInput;
  choice: FunctionChoice;
  session: Session;
  dispatchFocus: (a: FocusAction) => void;
}

export interface InvokeFlow {
  editor: PayloadEditorState;
  /** Chooses a function (and, once listed, its qualifier) and opens its payload. */
  chooseFunction: (name: string, qualifier?: string | null) => void;
}

export function useInvokeFlow({ choice, session, dispatchFocus, ...o }: InvokeFlowOptions): InvokeFlow {
  const editor = useEditor({
    ...o,
    chosen: choice.chosen?.name ?? null,
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
  return { editor, chooseFunction };
}
