// Where a key goes, from the focus stack down: Ctrl+C; the path prompt; the error screen; an
// overlay (help, the quit question); the result's search line; Esc stopping what is awaited;
// the focused pane; then the global commands. The same layers give the footer its scopes, so
// the keys it offers are the keys that work.
import { makeKey, type Key, type MouseInput } from "../input/keys.js";
import { commandFor, type CommandId, type Scope } from "../keys/keymap.js";
import type { Invocation } from "./useInvocation.js";
import type { PathPromptControl } from "../panes/payload/usePathPrompt.js";
import type { PayloadEditorState } from "../panes/payload/usePayloadEditor.js";
import type { Help } from "../panes/help/useHelp.js";
import type { HistoryKeys } from "../panes/history/useHistory.js";
import type { Live } from "../panes/live/useLive.js";
import type { ResultView } from "../panes/result/useResultView.js";
import { handlePickerKey, pickerScopes } from "../picker/pickerKeys.js";
import { focusedPane, type FocusAction, type FocusState } from "./focus.js";
import type { FunctionChoice } from "./useFunctionChoice.js";
import { paneAt, type Layout, type PaneId } from "./layout.js";

export interface KeyContext {
  focus: FocusState;
  dispatchFocus: (a: FocusAction) => void;
  failed: boolean;
  busy: boolean;
  exit: () => void;
  /** Ctrl+C: quit at once, as an interrupted program (the shell's convention: exit 130). */
  interrupt: () => void;
  retry: () => void;
  openSandbox: () => void;
  reload: () => void;
  prompt: PathPromptControl;
  help: Help;
  invocation: Invocation;
  choice: FunctionChoice;
  /** Chooses a function in the picker and opens its payload. */
  chooseFunction: (name: string) => void;
  editor: PayloadEditorState;
  history: HistoryKeys;
  /** The Live view, in the history pane's place while it is open. */
  live: Live;
  /** Opens the Live view on the chosen function (or the one under the picker's cursor). */
  startLive: () => void;
  result: ResultView;
  layout: Layout;
  paneSize: (id: PaneId) => { width: number; height: number };
  /** Keys the app makes itself, taken after those already read. */
  inject: (keys: Key[]) => void;
}

const FOCUS_BY: Partial<Record<CommandId, PaneId>> = {
  "focus.functions": "functions",
  "focus.payload": "payload",
  "focus.result": "result",
  "focus.history": "history",
};

/** The scopes whose keys apply now, most specific first: the footer's hints and the keys. */
export function activeScopes(c: KeyContext): Scope[] {
  const pane = paneScopes(c);
  if (c.failed || c.prompt.open || c.focus.overlay) return pane;
  return [...(c.busy ? (["busy"] as Scope[]) : []), ...pane, "global"];
}

function paneScopes(c: KeyContext): Scope[] {
  if (c.failed) return ["error"];
  if (c.prompt.open) return ["prompt"];
  if (c.focus.overlay === "help") return c.help.scopes;
  if (c.focus.overlay === "confirmQuit") return ["confirm"];
  const { choice } = c;
  switch (focusedPane(c.focus)) {
    case "functions":
      return pickerScopes(choice.picker.get());
    case "payload":
      // An opened history entry covers the payload pane, editor or not.
      if (c.history.recorded.view) return c.history.recorded.scopes;
      if (!choice.chosen) return [];
      if (c.editor.templateCursor !== null) return ["templates"];
      return choice.qualifierOpen ? ["function"] : ["editor"];
    case "history":
      return c.live.open ? c.live.scopes : c.history.scopes;
    case "result":
      return c.invocation.state.phase !== "idle" ? c.result.scopes : [];
  }
}

/** Handles one key; keys reach this one at a time, each on the screen the one before led to. */
export function routeKey(c: KeyContext, input: string, key: Key): void {
  if (key.mouse) return routeMouse(c, key.mouse);
  const global = commandFor("global", input, key);
  if (global === "app.forceQuit") return c.interrupt();
  if (c.prompt.open && !c.failed) return c.prompt.onKey(input, key);
  if (c.failed) {
    const cmd = commandFor("error", input, key);
    if (cmd === "error.sandbox") c.openSandbox();
    else if (cmd === "error.retry") c.retry();
    else if (global === "app.quit") c.exit();
    return;
  }
  if (c.focus.overlay === "help") {
    c.help.onKey(input, key);
    return;
  }
  if (c.focus.overlay === "confirmQuit") {
    const cmd = commandFor("confirm", input, key);
    if (cmd === "confirm.yes") c.exit();
    else if (cmd === "confirm.no") c.dispatchFocus({ type: "overlay", overlay: null });
    return;
  }
  const focus = focusedPane(c.focus);
  // The result pane's search line takes every key while it is open (Esc closes it).
  if (focus === "result" && c.result.view.search.editing) {
    c.result.onKey(input, key, c.paneSize("result"));
    return;
  }
  // Esc stops waiting for an invocation or its logs before it means anything else.
  if (c.busy && commandFor("busy", input, key) === "invocation.stop") return c.invocation.stop();
  // Ctrl+L is no text anywhere, so it opens the Live view from any pane, the editor included.
  if (global === "live.start") return c.startLive();
  if (paneKey(c, focus, input, key)) return;
  globalKey(c, focus, input, key);
}

function paneKey(c: KeyContext, focus: PaneId, input: string, key: Key): boolean {
  const { choice, editor } = c;
  switch (focus) {
    case "functions":
      return handlePickerKey(choice.picker.get(), choice.picker.dispatch, input, key, (f) =>
        c.chooseFunction(f.name),
      );
    case "history":
      return c.live.open ? c.live.onKey(input, key) : c.history.onKey(input, key);
    case "result":
      if (choice.chosen && commandFor("result", input, key) === "result.invokeAgain") {
        // Not valid any more (edited since): the editor says why, so it comes to the front.
        if (!editor.invoke()) c.dispatchFocus({ type: "focus", pane: "payload" });
        return true;
      }
      return c.result.onKey(input, key, c.paneSize("result"));
    case "payload":
      // An opened entry covers the editor: no key may reach the draft beneath it.
      if (c.history.recorded.showing()) return c.history.recorded.onKey(input, key, c.paneSize("payload"));
      if (!choice.chosen) return false;
      if (editor.templateCursor !== null) {
        editor.onTemplateKey(input, key);
        return true;
      }
      if (!choice.qualifierOpen) return editor.onKey(input, key, c.paneSize("payload"));
      return qualifierKey(choice, input, key);
  }
}

function qualifierKey(choice: FunctionChoice, input: string, key: Key): boolean {
  const cmd = commandFor("function", input, key);
  if (cmd === "qualifier.up" || cmd === "qualifier.down") {
    choice.dispatchQualifier({ type: "move", delta: cmd === "qualifier.up" ? -1 : 1 });
    return true;
  }
  if (cmd === "qualifier.choose") {
    choice.dispatchQualifier({ type: "choose" });
    choice.setQualifierOpen(false);
    return true;
  }
  if (commandFor("global", input, key) === "app.back") {
    choice.setQualifierOpen(false);
    return true;
  }
  return false;
}

function globalKey(c: KeyContext, focus: PaneId, input: string, key: Key): void {
  const cmd = commandFor("global", input, key);
  const to = cmd && FOCUS_BY[cmd];
  if (to) return c.dispatchFocus({ type: "focus", pane: to });
  switch (cmd) {
    case "app.quit":
      return c.busy ? c.dispatchFocus({ type: "overlay", overlay: "confirmQuit" }) : c.exit();
    case "app.help":
      return c.dispatchFocus({ type: "overlay", overlay: "help" });
    case "app.back":
      return c.dispatchFocus({ type: "back" });
    case "app.zoom":
      return c.dispatchFocus({ type: "zoom" });
    case "focus.next":
    case "focus.prev":
      return c.dispatchFocus({ type: "cycle", delta: cmd === "focus.next" ? 1 : -1 });
    case null:
      // The picker leaves reload to the app, which owns the list.
      if (focus === "functions" && commandFor("picker", input, key) === "picker.reload") c.reload();
      return;
    default:
      return;
  }
}

/**
 * A click focuses the pane under the pointer; the wheel focuses it and scrolls it as the arrow
 * keys would, three lines a notch. Not while the error screen, an overlay or a prompt is up.
 */
function routeMouse(c: KeyContext, m: MouseInput): void {
  const id = c.failed || c.focus.overlay || c.prompt.open ? null : paneAt(c.layout, m.x, m.y);
  if (!id || m.action === "up" || m.action === "move") return;
  c.dispatchFocus({ type: "focus", pane: id });
  if (m.action === "down") return;
  c.inject(Array.from({ length: 3 }, () => makeKey(m.action === "wheelUp" ? "up" : "down")));
}
