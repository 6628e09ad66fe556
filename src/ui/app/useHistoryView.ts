// The history pane's place in the explorer: an opened entry brings the result to the front when
// the panes are stacked, `e` copies an entry's payload into the editor on its function (and the
// qualifier it ran on), and `s` asks for a name to save the payload as a named event. The
// pane's own keys, opening and replaying are useHistory's.
import type { Clients } from "../../aws/clients.js";
import type { FunctionSummary } from "../../core/model.js";
import type { UsageScope } from "../../state/usage.js";
import { historyListRows } from "../panes/history/HistoryPane.js";
import { useHistory, type HistoryKeys } from "../panes/history/useHistory.js";
import type { PathPromptControl } from "../panes/payload/usePathPrompt.js";
import type { FocusAction } from "./focus.js";
import { saveHistoryEventPrompt } from "./saveHistoryEvent.js";
import type { InvokeFlow } from "./useInvokeFlow.js";
import type { Session } from "./useSession.js";

export interface HistoryViewOptions {
  clients: Clients | null;
  session: Session;
  /** Where named events are kept; null while there is no endpoint to keep them for. */
  scope: UsageScope | null;
  functions: readonly FunctionSummary[];
  /** The history pane's inner height. */
  height: number;
  /** The panes are stacked: only the focused one shows whole. */
  stacked: boolean;
  prompt: PathPromptControl;
  dispatchFocus: (a: FocusAction) => void;
  /** `e` chooses the entry's function and puts its payload in the editor. */
  flow: InvokeFlow;
  trace?: ((label: string) => void) | undefined;
}

export function useHistoryView(o: HistoryViewOptions): HistoryKeys {
  const { editor, chooseFunction } = o.flow;
  const { history } = o.session;
  return useHistory(history, o.clients, o.session.invocation, {
    saveEvent: (record) => {
      const scope = o.scope;
      if (scope)
        o.prompt.start(saveHistoryEventPrompt(record, scope, (message) => editor.setNotice(message)));
    },
    functions: o.functions,
    rows: historyListRows(history.state, o.height),
    trace: o.trace,
    opened: () => o.stacked && o.dispatchFocus({ type: "focus", pane: "result" }),
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
}
