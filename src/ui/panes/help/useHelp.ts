// The `?` help's keys: scrolling, the search line, closing. The caller routes keys here while
// the help is open, and draws <HelpOverlay view={help.view} …/>.
import { useMemo, useReducer } from "react";
import stringWidth from "string-width";
import type { Key } from "../../input/keys.js";
import { commandFor, printable, type CommandId, type Scope } from "../../keys/keymap.js";
import { allSections, searchSections } from "./helpEntries.js";
import { helpLayout, type HelpLayout } from "./helpLayout.js";
import { helpReducer, initialHelp, type HelpAction, type HelpFrame, type HelpState } from "./helpReducer.js";

const SECTIONS = allSections();
const KEY_COLUMN = Math.max(...SECTIONS.flatMap((s) => s.entries.map((e) => stringWidth(e.keys))));

export interface HelpView {
  state: HelpState;
  layout: HelpLayout;
}

export interface Help {
  view: HelpView;
  /** The scopes whose keys apply: the search line's while it is edited. */
  scopes: Scope[];
  /** Handles a key while the help is open; false when the key means nothing here. */
  onKey: (input: string, key: Key) => boolean;
}

/** The help's rows for its search; the search line shows while edited or while it filters. */
export function layoutFor(query: string, editing: boolean, width: number, height: number): HelpLayout {
  return helpLayout(searchSections(SECTIONS, query), KEY_COLUMN, width, height, editing || query !== "");
}

/** What a key does to the help in `state`: an action, "close", or null when nothing. */
export function helpKey(
  state: HelpState,
  frame: HelpFrame,
  input: string,
  key: Key,
): HelpAction | "close" | null {
  if (state.editing) {
    const cmd = commandFor("search", input, key);
    if (cmd === "search.accept") return { type: "acceptSearch" };
    if (cmd === "search.cancel") return { type: "clearSearch" };
    if (cmd === "search.deleteBack") return { type: "deleteBack" };
    const text = printable(input, key);
    return text === null ? null : { type: "type", text };
  }
  const page = Math.max(1, frame.rows - 1);
  const actions: Partial<Record<CommandId, HelpAction | "close">> = {
    "help.up": { type: "scroll", delta: -1, frame },
    "help.down": { type: "scroll", delta: 1, frame },
    "help.pageUp": { type: "scroll", delta: -page, frame },
    "help.pageDown": { type: "scroll", delta: page, frame },
    "help.top": { type: "top" },
    "help.bottom": { type: "bottom", frame },
    "help.search": { type: "startSearch" },
    "help.close": "close",
  };
  const cmd = commandFor("help", input, key);
  return (cmd && actions[cmd]) ?? null;
}

export function useHelp(width: number, height: number, onClose: () => void): Help {
  const [state, dispatch] = useReducer(helpReducer, initialHelp);
  const { query, editing } = state;
  // Scrolling leaves the rows as they are: only a search or a resize lays them out again. Laid
  // out when first read, not on every render: the help is closed at start and most of the time,
  // and wrapping every key's description was a tenth of the explorer's first frame.
  const layout = useMemo(
    () => once(() => layoutFor(query, editing, width, height)),
    [query, editing, width, height],
  );
  const onKey = (input: string, key: Key): boolean => {
    const rows = layout();
    const action = helpKey(state, { total: rows.rows.length, rows: rows.bodyRows }, input, key);
    if (action === "close") {
      dispatch({ type: "reset" });
      onClose();
    } else if (action) dispatch(action);
    return action !== null;
  };
  const view: HelpView = {
    state,
    get layout() {
      return layout();
    },
  };
  return { view, scopes: state.editing ? ["search"] : ["help"], onKey };
}

/** `make`'s value, made on the first call and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
