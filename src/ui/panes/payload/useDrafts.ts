// Payload drafts on disk: a function's saved draft is loaded when it is opened (unless it is
// already being edited), and the draft being edited is saved 300 ms after typing stops and
// whenever the function changes or the app closes, so nothing typed is lost.
import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import type { UsageScope } from "../../../state/usage.js";
import { readDraft, saveDraft } from "../../../state/drafts.js";
import { bufferText, createBuffer, type TextBuffer } from "./textBuffer.js";

type Drafts = Record<string, TextBuffer>;

export function useDrafts(
  scope: UsageScope | null,
  chosen: string | null,
  buffer: TextBuffer,
  drafts: Drafts,
  setDrafts: Dispatch<SetStateAction<Drafts>>,
): void {
  const scopeKey = JSON.stringify(scope);
  const loaded = useRef(new Set<string>());

  // Load once per function, never over text already typed this session.
  useEffect(() => {
    if (!chosen || !scope || loaded.current.has(chosen) || drafts[chosen]) return;
    loaded.current.add(chosen);
    let live = true;
    void readDraft(scope, chosen).then((text) => {
      if (live && text !== null) setDrafts((d) => (d[chosen] ? d : { ...d, [chosen]: createBuffer(text) }));
    });
    return () => {
      live = false;
    };
    // scope is identified by scopeKey; drafts is read only to skip functions already edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, scopeKey]);

  // Save after a pause in typing, and at once when the function changes or the app closes.
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!chosen || !scope || buffer.version === 0) return;
    const save = () => {
      pending.current = null;
      try {
        saveDraft(scope, chosen, bufferText(buffer));
      } catch {
        // A state directory that cannot be written must not stop editing.
      }
    };
    pending.current = save;
    const timer = setTimeout(save, 300);
    return () => {
      clearTimeout(timer);
      pending.current?.();
    };
    // scope is identified by scopeKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, scopeKey, buffer]);
}
