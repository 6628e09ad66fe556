// The payload editor with the commands that reach outside it: load a file through the path
// prompt, and hand the payload to $VISUAL / $EDITOR (the key layer stops reading meanwhile).
import { useState } from "react";
import { useStdout } from "ink";
import { formatBytes, PAYLOAD_LIMITS } from "../../core/payload.js";
import type { UsageScope } from "../../state/usage.js";
import { readPayloadFile } from "../panes/payload/payloadFile.js";
import { bufferText } from "../panes/payload/textBuffer.js";
import { editExternally, editorCommand } from "../panes/payload/externalEditor.js";
import type { PathPromptControl } from "../panes/payload/usePathPrompt.js";
import { usePayloadEditor, type PayloadEditorState } from "../panes/payload/usePayloadEditor.js";
import type { KeyInput } from "../input/keyInput.js";

export interface EditorOptions {
  scope: UsageScope | null;
  chosen: string | null;
  cwd: string;
  prompt: PathPromptControl;
  /** The key layer (made after the editor's handlers, and only called once keys are read). */
  keys: () => KeyInput;
  invoke: (text: string) => void;
  chooseQualifier: () => void;
  leave: () => void;
}

export function useEditor(o: EditorOptions): PayloadEditorState {
  const { stdout } = useStdout();
  // Bumped after an external editor had the terminal, so Ink draws every line again.
  const [, setRedraws] = useState(0);
  const editor = usePayloadEditor(o.scope, o.chosen, {
    invoke: o.invoke,
    chooseQualifier: o.chooseQualifier,
    leave: o.leave,
    other: (command) => {
      if (command === "editor.load") {
        o.prompt.start({
          label: "Load payload from: ",
          submit: async (pathText) => {
            const r = await readPayloadFile(pathText, o.cwd, PAYLOAD_LIMITS.RequestResponse);
            if (!r.ok) return r.message;
            editor.replaceText(r.text, `Loaded ${r.path} (${formatBytes(r.bytes)}). Ctrl+Z undoes.`);
            return null;
          },
        });
        return true;
      }
      if (command === "editor.external") {
        const r = editExternally(bufferText(editor.buffer), { input: o.keys(), stdout });
        setRedraws((n) => n + 1);
        if (!r.ok) editor.setNotice(r.message);
        else if (r.changed) editor.replaceText(r.text, `Edited in ${editorCommand()}. Ctrl+Z undoes.`);
        else editor.setNotice(`No change from ${editorCommand()}.`);
        return true;
      }
      return false;
    },
  });
  return editor;
}
