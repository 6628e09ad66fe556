// The payload editor with the commands that reach outside it: load a file through the path
// prompt, hand the payload to $VISUAL / $EDITOR (the key layer stops reading meanwhile), and
// the function's named events: saved ones from the state directory, shared ones from the
// schema registry (fetched in the background each time the chooser opens).
import { useRef, useState } from "react";
import type { Clients } from "../../aws/clients.js";
import { useStdout } from "ink";
import { formatBytes, PAYLOAD_LIMITS } from "../../core/payload.js";
import type { UsageScope } from "../../state/usage.js";
import { readPayloadFile } from "../panes/payload/payloadFile.js";
import { bufferText } from "../panes/payload/textBuffer.js";
import { editExternally, editorCommand } from "../panes/payload/externalEditor.js";
import type { PathPromptControl } from "../panes/payload/usePathPrompt.js";
import {
  usePayloadEditor,
  type ChooserEvents,
  type PayloadEditorState,
} from "../panes/payload/usePayloadEditor.js";
import type { KeyInput } from "../input/keyInput.js";
import { deferred } from "./deferred.js";

export interface EditorOptions {
  scope: UsageScope | null;
  /** For the shared events; null while not connected. */
  clients?: Clients | null;
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
  const [events, setEvents] = useState<ChooserEvents>({ saved: [], shared: { phase: "loading" } });
  const loading = useRef<AbortController | null>(null);
  // The schema version the chooser's shared events were read at: a share or delete made from
  // them must fail, not overwrite, if someone saved the function's shared events since.
  const sharedVersion = useRef<string | null>(null);
  const loadEvents = () => {
    const fn = o.chosen;
    loading.current?.abort();
    if (!fn) return;
    const ctl = new AbortController();
    loading.current = ctl;
    const scope = o.scope;
    setEvents((e) => ({ saved: e.saved, shared: o.clients ? { phase: "loading" } : e.shared }));
    if (scope)
      void deferred("savedEvents")
        .then((m) => m.listPrivateEvents(scope, fn))
        .then(
          (saved) => !ctl.signal.aborted && setEvents((e) => ({ ...e, saved })),
          (err: Error) => !ctl.signal.aborted && editor.setNotice(`Saved events unreadable: ${err.message}`),
        );
    const clients = o.clients;
    if (!clients) {
      setEvents((e) => ({ ...e, shared: { phase: "failed", message: "not connected" } }));
      return;
    }
    void deferred("sharedEvents")
      .then((m) => m.loadShared(clients, fn, ctl.signal))
      .then(
        ({ events: shared, version }) => {
          if (ctl.signal.aborted) return;
          sharedVersion.current = version;
          setEvents((e) => ({
            ...e,
            shared: { phase: "ready", events: shared.map(({ name, payload }) => ({ name, payload })) },
          }));
        },
        (err: Error & { hint?: string | null }) =>
          !ctl.signal.aborted &&
          setEvents((e) => ({ ...e, shared: { phase: "failed", message: err.message } })),
      );
  };
  const editor = usePayloadEditor(
    o.scope,
    o.chosen,
    {
      openChooser: loadEvents,
      eventAction: (action, choice) => {
        const fn = o.chosen;
        const scope = o.scope;
        const clients = o.clients;
        if (!fn) return;
        const say = (message: string) => editor.setNotice(message);
        const failed = (err: Error & { hint?: string | null }) =>
          say(`${err.message}${err.hint ? ` ${err.hint}` : ""}`);
        if (choice.kind === "saved" && action === "rename") {
          if (!scope) return;
          o.prompt.start({
            label: `Rename "${choice.title}" to: `,
            initial: choice.title,
            submit: async (typed) => {
              const { eventNameProblem } = await deferred("eventNames");
              const to = typed.trim();
              const problem = eventNameProblem(to);
              if (problem) return problem;
              const { renamePrivateEvent } = await deferred("savedEvents");
              try {
                await renamePrivateEvent(scope, fn, choice.title, to);
                say(`Renamed the saved event "${choice.title}" to "${to}".`);
                return null;
              } catch (err) {
                return (err as Error).message;
              }
            },
          });
          return;
        }
        if (choice.kind === "saved" && action === "delete") {
          if (!scope) return;
          void deferred("savedEvents")
            .then((m) => m.deletePrivateEvent(scope, fn, choice.title))
            .then(() => say(`Deleted the saved event "${choice.title}".`), failed);
          return;
        }
        if (!clients) return say("Not connected: shared events are out of reach.");
        const expectVersion = sharedVersion.current ?? "none";
        void deferred("sharedEvents").then(async (m) => {
          try {
            if (action === "share") {
              const value = JSON.parse(choice.text) as unknown;
              const w = await m.putShared(clients, fn, choice.title, value, {
                expectVersion: sharedVersion.current === null ? undefined : expectVersion,
              });
              sharedVersion.current = w.version;
              say(
                `Shared "${choice.title}" (schema version ${w.version})${w.createdRegistry ? `; created the registry lambda-testevent-schemas in ${clients.region}` : ""}.`,
              );
            } else {
              const w = await m.deleteShared(clients, fn, choice.title, { expectVersion });
              sharedVersion.current = w.version;
              say(`Deleted the shared event "${choice.title}".`);
            }
          } catch (err) {
            if (err instanceof SyntaxError) say(`"${choice.title}" is not JSON, so it cannot be shared.`);
            else failed(err as Error);
          }
        });
      },
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
        if (command === "editor.saveEvent") {
          const fn = o.chosen;
          const scope = o.scope;
          if (!fn || !scope) return false;
          const text = bufferText(editor.buffer);
          o.prompt.start({
            label: `Save ${fn}'s payload as event: `,
            submit: async (name) => {
              const { eventNameProblem } = await deferred("eventNames");
              const problem = eventNameProblem(name.trim());
              if (problem) return problem;
              const { putPrivateEvent } = await deferred("savedEvents");
              try {
                const { replaced } = await putPrivateEvent(scope, fn, name.trim(), text);
                editor.markEvent(name.trim(), "saved", text);
                editor.setNotice(
                  `${replaced ? "Replaced" : "Saved"} the event "${name.trim()}" (Ctrl+P lists it; events put --shared shares it).`,
                );
                return null;
              } catch (err) {
                return (err as Error).message;
              }
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
    },
    events,
  );
  return editor;
}
