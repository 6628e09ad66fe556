// The payload pane's state and keys: each function's draft (kept on disk by useDrafts), the
// invocation type, scrolling, the template list, and the editor commands from the key table.
// Validation of large payloads waits for a pause in typing, so a keystroke never waits for a
// full parse of a megabyte of JSON.
import { useEffect, useMemo, useState } from "react";
import type { Key } from "../../input/keys.js";
import { checkPayload, type InvocationType, type PayloadCheck } from "../../../core/payload.js";
import type { UsageScope } from "../../../state/usage.js";
import { bufferText, createBuffer, editReducer, type TextBuffer } from "./textBuffer.js";
import { commandFor, type CommandId } from "../../keys/keymap.js";
import { editorKey } from "./editorKeys.js";
import { editorLayout } from "./PayloadEditor.js";
import { chooserSections, flatChoices, type Choice, type Section, type SharedState } from "./eventChoices.js";
import { readDraft } from "../../../state/drafts.js";
import { useDrafts } from "./useDrafts.js";

const EMPTY_BUFFER = createBuffer("");
/** Above this size the payload is checked after typing pauses rather than on every key. */
export const DEFER_CHECK_BYTES = 128 * 1024;
const CHECK_PAUSE_MS = 150;
const TYPES: InvocationType[] = ["RequestResponse", "Event", "DryRun"];

export interface EditorCommands {
  /** Ctrl+S with a valid payload. */
  invoke: (text: string) => void;
  chooseQualifier: () => void;
  leave: () => void;
  /** Commands the App carries out itself (load a file, edit in $EDITOR). */
  other?: (command: CommandId) => boolean;
  /** The chooser opened: time to (re)load the function's saved and shared events. */
  openChooser?: () => void;
  /** Share or delete the chooser's highlighted event (the App reaches the disk and AWS). */
  eventAction?: (action: "share" | "delete" | "rename", choice: Choice) => void;
}

/** The function's saved and shared events, as the chooser offers them. */
export interface ChooserEvents {
  saved: Array<{ name: string; payload: string }>;
  shared: SharedState;
}

export interface EditingEvent {
  kind: "saved" | "shared";
  name: string;
  modified: boolean;
}

/** The editor title's words for the event it holds: `saved event "a"`, `… · changed`. */
export function eventLabel(e: EditingEvent): string {
  return `${e.kind} event "${e.name}"${e.modified ? " · changed" : ""}`;
}

const NO_EVENTS: ChooserEvents = { saved: [], shared: { phase: "ready", events: [] } };
const choiceKey = (c: Choice) => `${c.kind}\u0000${c.title}`;

export interface PayloadEditorState {
  buffer: TextBuffer;
  /** null while a large payload waits to be checked. */
  check: PayloadCheck | null;
  invocationType: InvocationType;
  notice: string | null;
  scrollTop: number;
  /** The named event the editor holds (loaded or saved), and whether the text differs from it. */
  event: EditingEvent | null;
  /** Remembers that the editor's text is now saved as `name` (Ctrl+B). */
  markEvent: (name: string, kind: "saved" | "shared", text: string) => void;
  /** The chooser's cursor (an index into its choices), null while it is closed. */
  templateCursor: number | null;
  chooser: Section[];
  setNotice: (notice: string | null) => void;
  /** Replaces the text as one undoable step (a template, a file, the external editor). */
  replaceText: (text: string, notice?: string) => void;
  /**
   * Replaces the text of `fn`'s draft, chosen or about to be (a payload from history), as one
   * undoable step over the draft it had, loaded first when it is still on disk.
   */
  replaceDraft: (fn: string, text: string, notice?: string) => void;
  /** Keys while the editor has focus; true when used. */
  onKey: (input: string, key: Key, size: { width: number; height: number }) => boolean;
  /** Ctrl+S: invokes with this payload; false (and a notice) when it is not valid. */
  invoke: () => boolean;
  onTemplateKey: (input: string, key: Key) => void;
  resetView: () => void;
}

function useDeferredCheck(buffer: TextBuffer, type: InvocationType): PayloadCheck | null {
  const large = useMemo(
    () => buffer.lines.reduce((n, l) => n + l.length + 1, 0) > DEFER_CHECK_BYTES,
    [buffer],
  );
  const immediate = useMemo(
    () => (large ? null : checkPayload(bufferText(buffer), type)),
    [large, buffer, type],
  );
  const [deferred, setDeferred] = useState<{
    buffer: TextBuffer;
    type: InvocationType;
    check: PayloadCheck;
  } | null>(null);
  useEffect(() => {
    if (!large) return;
    const timer = setTimeout(
      () => setDeferred({ buffer, type, check: checkPayload(bufferText(buffer), type) }),
      CHECK_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [large, buffer, type]);
  if (!large) return immediate;
  return deferred && deferred.buffer === buffer && deferred.type === type ? deferred.check : null;
}

export function usePayloadEditor(
  scope: UsageScope | null,
  chosen: string | null,
  commands: EditorCommands,
  events: ChooserEvents = NO_EVENTS,
): PayloadEditorState {
  const [drafts, setDrafts] = useState<Record<string, TextBuffer>>({});
  const [invocationType, setInvocationType] = useState<InvocationType>("RequestResponse");
  const [scrollTop, setScrollTop] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // The chosen entry by kind and name, not by place: shared events arrive while the chooser is
  // open and push the templates down, and the highlight must stay on what the user picked.
  const [chooserAt, setChooserAt] = useState<string | null>(null);
  const chooser = useMemo(() => chooserSections(events.saved, events.shared), [events.saved, events.shared]);
  const choices = flatChoices(chooser);
  const found = chooserAt === null ? -1 : choices.findIndex((c) => choiceKey(c) === chooserAt);
  const templateCursor = chooserAt === null ? null : Math.max(0, found);
  const buffer = (chosen && drafts[chosen]) || EMPTY_BUFFER;
  // Per function: the event its draft came from, with that event's text to compare against.
  const [editing, setEditing] = useState<
    Record<string, { kind: "saved" | "shared"; name: string; text: string }>
  >({});
  const held = chosen ? editing[chosen] : undefined;
  const event = useMemo(
    () => (held ? { kind: held.kind, name: held.name, modified: bufferText(buffer) !== held.text } : null),
    [held, buffer],
  );
  const markEvent = (name: string, kind: "saved" | "shared", text: string) => {
    if (chosen) setEditing((e) => ({ ...e, [chosen]: { kind, name, text } }));
  };
  useDrafts(scope, chosen, buffer, drafts, setDrafts);
  const check = useDeferredCheck(buffer, invocationType);

  const save = (next: TextBuffer) => {
    if (chosen) setDrafts((d) => ({ ...d, [chosen]: next }));
  };
  const replaceText = (text: string, message?: string) => {
    save(editReducer(buffer, { type: "setText", text }));
    setScrollTop(0);
    setNotice(message ?? null);
  };

  const replaceDraft = (fn: string, text: string, message?: string) => {
    const apply = (base: TextBuffer | undefined, saved: string | null) =>
      editReducer(base ?? createBuffer(saved ?? ""), { type: "setText", text });
    if (drafts[fn] || !scope) setDrafts((d) => ({ ...d, [fn]: apply(d[fn], null) }));
    else
      void readDraft(scope, fn)
        .catch(() => null)
        .then((saved) => setDrafts((d) => ({ ...d, [fn]: apply(d[fn], saved) })));
    setScrollTop(0);
    setNotice(message ?? null);
  };

  /** Invokes with the payload as it is now, or says why not (its check may still be pending). */
  const invoke = (): boolean => {
    const c = check ?? checkPayload(bufferText(buffer), invocationType);
    if (c.ok) commands.invoke(bufferText(buffer));
    else
      setNotice(
        `Not invoked: the payload is not valid JSON (line ${c.line}, column ${c.column}: ${c.message}).`,
      );
    return c.ok;
  };

  const onKey = (input: string, key: Key, size: { width: number; height: number }): boolean => {
    const action = editorKey(input, key, Math.max(1, size.height - 3));
    if (!action || !chosen) return false;
    if ("edit" in action) {
      const next = editReducer(buffer, action.edit);
      save(next);
      setScrollTop(editorLayout(next, size.width, size.height, scrollTop).scrollTop);
      setNotice(null);
      return true;
    }
    // Commands act on the text as it is now, even when its check is still pending.
    const fresh = () => check ?? checkPayload(bufferText(buffer), invocationType);
    switch (action.command) {
      case "editor.invoke":
        invoke();
        return true;
      case "editor.format":
      case "editor.minify": {
        const c = fresh();
        if (!c.ok || c.empty) {
          setNotice(
            c.ok
              ? "Nothing to format."
              : c.kind === "depth"
                ? `Not formatted: ${c.message.replace(/: flatten the payload$/, "")}.`
                : "Fix the JSON first: it cannot be formatted while invalid.",
          );
          return true;
        }
        const value: unknown = JSON.parse(bufferText(buffer));
        replaceText(
          action.command === "editor.format" ? JSON.stringify(value, null, 2) : JSON.stringify(value),
        );
        return true;
      }
      case "editor.undo":
      case "editor.redo":
        save(editReducer(buffer, { type: action.command === "editor.undo" ? "undo" : "redo" }));
        return true;
      case "editor.type":
        setInvocationType(TYPES[(TYPES.indexOf(invocationType) + 1) % TYPES.length]!);
        return true;
      case "editor.qualifier":
        commands.chooseQualifier();
        return true;
      case "editor.template":
        // "" is no entry in particular: the first one, whatever arrives, until the user moves.
        setChooserAt("");
        commands.openChooser?.();
        return true;
      case "editor.leave":
        commands.leave();
        return true;
      default:
        return commands.other?.(action.command) ?? false;
    }
  };

  const onTemplateKey = (input: string, key: Key): void => {
    const cmd = commandFor("templates", input, key);
    if ((cmd === "template.up" || cmd === "template.down") && templateCursor !== null) {
      const next = templateCursor + (cmd === "template.up" ? -1 : 1);
      const c = choices[Math.min(choices.length - 1, Math.max(0, next))];
      if (c) setChooserAt(choiceKey(c));
    } else if (cmd === "template.choose" && templateCursor !== null) {
      const c = choices[templateCursor];
      if (c && chosen)
        setEditing((e) => {
          const { [chosen]: _old, ...rest } = e;
          return c.kind === "template"
            ? rest
            : { ...rest, [chosen]: { kind: c.kind, name: c.title, text: c.text } };
        });
      if (c)
        replaceText(
          c.text,
          c.kind === "template"
            ? `Inserted the ${c.title} template (Ctrl+Z undoes).`
            : `Loaded the ${c.kind} event "${c.title}" (Ctrl+Z undoes).`,
        );
      setChooserAt(null);
    } else if (
      (cmd === "template.share" || cmd === "template.delete" || cmd === "template.rename") &&
      templateCursor !== null
    ) {
      const c = choices[templateCursor];
      // Sharing and renaming are for saved events; the registry's own are renamed in the console.
      if (!c || c.kind === "template" || (cmd !== "template.delete" && c.kind !== "saved")) return;
      commands.eventAction?.(
        cmd === "template.share" ? "share" : cmd === "template.delete" ? "delete" : "rename",
        c,
      );
      setChooserAt(null);
    } else if (cmd === "template.close") {
      setChooserAt(null);
    }
  };

  return {
    buffer,
    check,
    invocationType,
    notice,
    scrollTop,
    event,
    markEvent,
    templateCursor,
    chooser,
    setNotice,
    replaceText,
    replaceDraft,
    onKey,
    invoke,
    onTemplateKey,
    resetView: () => {
      setNotice(null);
      setScrollTop(0);
    },
  };
}
