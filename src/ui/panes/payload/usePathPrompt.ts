// The one-line path prompt under the panes, for loading a payload from a file and saving a
// view to one: keys edit the path, Tab completes it from the directory, Enter hands it to the
// purpose's submit function, which answers an error message (the prompt stays) or null.
import { useReducer, useState } from "react";
import type { Key } from "../../input/keys.js";
import { listDirectory } from "./payloadFile.js";
import { commandFor, printable } from "../../keys/keymap.js";
import {
  completionRequest,
  initialPathPrompt,
  pathPromptReducer,
  type PathPromptState,
} from "./pathPromptReducer.js";

export interface PromptPurpose {
  label: string;
  initial?: string;
  submit: (pathText: string) => Promise<string | null>;
}

export interface PathPromptControl {
  open: PromptPurpose | null;
  state: PathPromptState;
  /** Lines the prompt takes: the path, then candidates and a message when there are any. */
  rows: number;
  start: (purpose: PromptPurpose) => void;
  onKey: (input: string, key: Key) => void;
}

/**
 * `holdKeys` makes the keys typed after Enter wait for the submit's work (see
 * KeyInput.holdUntil), so they reach what it opens rather than this prompt still open.
 */
export function usePathPrompt(
  cwd: string,
  holdKeys: (work: Promise<unknown>) => void = () => {},
): PathPromptControl {
  const [open, setOpen] = useState<PromptPurpose | null>(null);
  const [state, dispatch] = useReducer(pathPromptReducer, undefined, () => initialPathPrompt());
  // Keys come one at a time, each on the frame the one before led to (the key layer waits for
  // it), so `state` here is the prompt as the user sees it.
  const start = (purpose: PromptPurpose) => {
    dispatch({ type: "reset", text: purpose.initial ?? "" });
    setOpen(purpose);
  };

  const onKey = (input: string, key: Key): void => {
    if (!open) return;
    const cmd = commandFor("prompt", input, key);
    if (cmd === "prompt.cancel") {
      setOpen(null);
      return;
    }
    if (cmd === "prompt.accept") {
      const purpose = open;
      holdKeys(
        purpose.submit(state.text).then((problem) => {
          if (problem === null) setOpen((o) => (o === purpose ? null : o));
          else dispatch({ type: "message", message: problem });
        }),
      );
      return;
    }
    if (cmd === "prompt.complete") {
      const request = completionRequest(state);
      void listDirectory(request.dir, cwd).then((entries) =>
        dispatch({ type: "completions", request, entries }),
      );
      return;
    }
    if (key.backspace || key.delete) dispatch({ type: "backspace" });
    else if (key.leftArrow) dispatch({ type: "left" });
    else if (key.rightArrow) dispatch({ type: "right" });
    else if (key.home || (key.ctrl && input === "a")) dispatch({ type: "home" });
    else if (key.end || (key.ctrl && input === "e")) dispatch({ type: "end" });
    else {
      const text = printable(input, key) ?? (input.length > 1 && !key.ctrl && !key.meta ? input : null);
      if (text) dispatch({ type: "type", text });
    }
  };

  const rows = open ? 1 + (state.candidates.length > 0 ? 1 : 0) + (state.message !== null ? 1 : 0) : 0;
  return { open, state, rows, start, onKey };
}
