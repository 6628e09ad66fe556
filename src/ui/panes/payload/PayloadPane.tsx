// What the payload pane shows: an opened history entry's recorded payload (it covers the rest),
// the event templates, the editor of the chosen function's draft, or, before a function is
// chosen or while its version or alias is being chosen, the function's details.
import type { FunctionChoice } from "../../app/useFunctionChoice.js";
import { eventLabel, type PayloadEditorState } from "./usePayloadEditor.js";
import { useSelectedFunction } from "../../picker/PickerProvider.js";
import { FunctionPane, type FunctionPaneProps } from "./FunctionPane.js";
import { RecordedPayload, type RecordedView } from "../history/RecordedPayload.js";
import { PayloadEditor } from "./PayloadEditor.js";
import { TemplateList } from "./TemplateList.js";

export interface PayloadPaneProps {
  choice: FunctionChoice;
  editor: PayloadEditorState;
  recorded: RecordedView | null;
  width: number;
  height: number;
  focused: boolean;
}

export function PayloadPane({ choice, editor, recorded, width, height, focused }: PayloadPaneProps) {
  const fn = choice.chosen;
  if (recorded) return <RecordedPayload view={recorded} width={width} height={height} focused={focused} />;
  if (fn && editor.templateCursor !== null)
    return (
      <TemplateList cursor={editor.templateCursor} sections={editor.chooser} width={width} height={height} />
    );
  if (fn && !choice.qualifierOpen)
    return (
      <PayloadEditor
        title={`${fn.name}:${choice.qualifier.chosen}${editor.event ? ` · ${eventLabel(editor.event)}` : ""}`}
        buffer={editor.buffer}
        check={editor.check}
        invocationType={editor.invocationType}
        notice={editor.notice}
        scrollTop={editor.scrollTop}
        width={width}
        height={height}
        focused={focused}
      />
    );
  return (
    <DetailsPane
      fn={fn}
      details={choice.details}
      qualifier={choice.qualifier}
      width={width}
      height={height}
      focused={focused}
    />
  );
}

/**
 * The chosen function's details, or before one is chosen the details of the function under the
 * picker's cursor: only this part of the pane follows the picker's moves.
 */
function DetailsPane({ fn, ...props }: FunctionPaneProps) {
  const underCursor = useSelectedFunction();
  return <FunctionPane fn={fn ?? underCursor} {...props} />;
}
