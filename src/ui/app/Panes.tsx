// The four panes in their frames, placed as the layout says: side by side (wide) or stacked,
// the history (or the Live view in its place) along the bottom. Drawing only: the states come
// from the hooks the App composes.
import { Box } from "ink";
import { HistoryPane } from "../panes/history/HistoryPane.js";
import type { RecordedView } from "../panes/history/RecordedPayload.js";
import { LivePane } from "../panes/live/LivePane.js";
import type { Live } from "../panes/live/useLive.js";
import { PayloadPane } from "../panes/payload/PayloadPane.js";
import type { PayloadEditorState } from "../panes/payload/usePayloadEditor.js";
import { ResultPane } from "../panes/result/ResultPane.js";
import type { ResultView } from "../panes/result/useResultView.js";
import { PickerPane } from "../picker/Picker.js";
import type { Layout, PaneId } from "./layout.js";
import { PaneFrame } from "./PaneFrame.js";
import type { FunctionChoice } from "./useFunctionChoice.js";
import type { Session } from "./useSession.js";

export interface PanesProps {
  layout: Layout;
  focus: PaneId;
  choice: FunctionChoice;
  editor: PayloadEditorState;
  /** An opened history entry's payload, covering the editor. */
  recorded: RecordedView | null;
  /** The invocation, its clock, and the history. */
  session: Session;
  result: ResultView;
  live: Live;
}

export function Panes({ layout: lay, focus, choice, editor, recorded, ...p }: PanesProps) {
  const panes = [
    <PaneFrame key="functions" id="functions" layout={lay} focused={focus === "functions"}>
      {(w, h) => <PickerPane width={w} height={h} focused={focus === "functions"} />}
    </PaneFrame>,
    <PaneFrame
      key="payload"
      id="payload"
      layout={lay}
      focused={focus === "payload"}
      title={recorded ? "Payload · recorded" : undefined}
    >
      {(w, h) => (
        <PayloadPane
          choice={choice}
          editor={editor}
          recorded={recorded}
          width={w}
          height={h}
          focused={focus === "payload"}
        />
      )}
    </PaneFrame>,
    <PaneFrame key="result" id="result" layout={lay} focused={focus === "result"}>
      {(w, h) => (
        <ResultPane
          state={p.session.invocation.state}
          now={p.session.now}
          width={w}
          height={h}
          focused={focus === "result"}
          view={p.result.view}
          lines={p.result.lines}
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
      title={p.live.open ? "Live" : undefined}
    >
      {(w, h) =>
        p.live.open ? (
          <LivePane state={p.live.state} width={w} height={h} focused={focus === "history"} />
        ) : (
          <HistoryPane state={p.session.history.state} width={w} height={h} focused={focus === "history"} />
        )
      }
    </PaneFrame>
  );
  return (
    <Box flexDirection="column" height={lay.bodyHeight}>
      {lay.mode === "wide" ? <Box flexDirection="row">{panes}</Box> : panes}
      {historyPane}
    </Box>
  );
}
