// The one table of commands: ids, default keys, descriptions and where they apply. Key
// routing, the footer hints, the `?` help and README's key tables are all drawn from it, so
// no component checks literal keys. Bindings are written as the key layer names keys
// ("q", "G", "space", "enter", "ctrl+s", "shift+tab"); see src/ui/input/keys.ts.
import type { Key } from "../input/keys.js";

/** Where a command applies: everywhere, or while a pane or overlay has the keys. */
export type Scope =
  | "global"
  | "busy"
  | "picker"
  | "filter"
  | "function"
  | "editor"
  | "templates"
  | "result"
  | "history"
  | "historyDiff"
  | "live"
  | "recorded"
  | "search"
  | "prompt"
  | "help"
  | "confirm"
  | "error";

export interface CommandSpec {
  id: string;
  scope: Scope;
  keys: readonly string[];
  description: string;
  /** Shown in the footer while its scope is active. */
  hint?: string;
}

export const COMMANDS = [
  { id: "app.quit", scope: "global", keys: ["q"], description: "Quit", hint: "quit" },
  { id: "app.forceQuit", scope: "global", keys: ["ctrl+c"], description: "Quit at once" },
  { id: "app.help", scope: "global", keys: ["?"], description: "Show all keys", hint: "help" },
  { id: "app.back", scope: "global", keys: ["esc"], description: "Back, close, or cancel" },
  {
    id: "app.zoom",
    scope: "global",
    keys: ["z"],
    description: "Zoom the focused pane to the whole screen, or back",
    hint: "zoom",
  },
  {
    id: "invocation.stop",
    scope: "busy",
    keys: ["esc"],
    description: "Stop waiting for the invocation or its logs",
    hint: "stop",
  },
  { id: "focus.next", scope: "global", keys: ["tab"], description: "Next pane" },
  { id: "focus.prev", scope: "global", keys: ["shift+tab"], description: "Previous pane" },
  { id: "focus.functions", scope: "global", keys: ["1"], description: "Functions pane" },
  { id: "focus.payload", scope: "global", keys: ["2"], description: "Payload pane" },
  { id: "focus.result", scope: "global", keys: ["3"], description: "Result pane" },
  { id: "focus.history", scope: "global", keys: ["4"], description: "History pane" },
  {
    id: "live.start",
    scope: "global",
    keys: ["ctrl+l"],
    description: "Live view of the chosen function's invocations",
    hint: "live",
  },
  { id: "list.up", scope: "picker", keys: ["up", "k"], description: "Move up", hint: "move" },
  { id: "list.down", scope: "picker", keys: ["down", "j"], description: "Move down" },
  { id: "list.pageUp", scope: "picker", keys: ["pgup"], description: "Page up" },
  { id: "list.pageDown", scope: "picker", keys: ["pgdn"], description: "Page down" },
  { id: "list.top", scope: "picker", keys: ["home", "g"], description: "First" },
  { id: "list.bottom", scope: "picker", keys: ["end", "G"], description: "Last" },
  { id: "list.choose", scope: "picker", keys: ["enter"], description: "Choose", hint: "choose" },
  {
    id: "picker.filter",
    scope: "picker",
    keys: ["/"],
    description: "Filter (or just start typing)",
    hint: "filter",
  },
  {
    id: "picker.reload",
    scope: "picker",
    keys: ["r"],
    description: "Reload the function list",
    hint: "reload",
  },
  {
    id: "filter.accept",
    scope: "filter",
    keys: ["enter"],
    description: "Choose the selected match",
    hint: "choose",
  },
  { id: "filter.cancel", scope: "filter", keys: ["esc"], description: "Stop filtering", hint: "done" },
  { id: "filter.deleteBack", scope: "filter", keys: ["backspace"], description: "Delete a character" },
  // Shown in the footer and help; the picker moves with the list commands' named keys while filtering.
  { id: "filter.up", scope: "filter", keys: ["up"], description: "Previous match", hint: "move" },
  { id: "filter.down", scope: "filter", keys: ["down"], description: "Next match" },
  {
    id: "qualifier.up",
    scope: "function",
    keys: ["up", "k"],
    description: "Previous qualifier",
    hint: "move",
  },
  { id: "qualifier.down", scope: "function", keys: ["down", "j"], description: "Next qualifier" },
  {
    id: "qualifier.choose",
    scope: "function",
    keys: ["enter"],
    description: "Use this version or alias",
    hint: "use",
  },
  {
    id: "editor.invoke",
    scope: "editor",
    keys: ["ctrl+s"],
    description: "Invoke with this payload",
    hint: "invoke",
  },
  {
    id: "editor.format",
    scope: "editor",
    keys: ["ctrl+f"],
    description: "Format the JSON",
    hint: "format",
  },
  { id: "editor.minify", scope: "editor", keys: ["ctrl+n"], description: "Minify the JSON" },
  { id: "editor.undo", scope: "editor", keys: ["ctrl+z"], description: "Undo", hint: "undo" },
  { id: "editor.redo", scope: "editor", keys: ["ctrl+y"], description: "Redo" },
  {
    id: "editor.type",
    scope: "editor",
    keys: ["ctrl+t"],
    description: "Invocation type: RequestResponse, Event, DryRun",
    hint: "type",
  },
  {
    id: "editor.leave",
    scope: "editor",
    keys: ["esc"],
    description: "Leave the editor",
    hint: "leave",
  },
  {
    id: "editor.qualifier",
    scope: "editor",
    keys: ["ctrl+q"],
    description: "Choose the version or alias",
    hint: "version",
  },
  {
    id: "editor.template",
    scope: "editor",
    keys: ["ctrl+p"],
    description: "Load a saved or shared event, or a template",
    hint: "events",
  },
  {
    id: "editor.saveEvent",
    scope: "editor",
    keys: ["ctrl+b"],
    description: "Save the payload as a named event",
    hint: "save event",
  },
  {
    id: "editor.load",
    scope: "editor",
    keys: ["ctrl+o"],
    description: "Load the payload from a file",
    hint: "open",
  },
  {
    id: "editor.external",
    scope: "editor",
    keys: ["ctrl+e"],
    description: "Edit in $VISUAL / $EDITOR",
    hint: "$EDITOR",
  },
  // Moving and deleting in the payload: listed in `?` and the docs, too common for the footer.
  { id: "editor.newline", scope: "editor", keys: ["enter"], description: "New line" },
  { id: "editor.indent", scope: "editor", keys: ["tab"], description: "Insert two spaces" },
  { id: "editor.left", scope: "editor", keys: ["left"], description: "Cursor left" },
  { id: "editor.right", scope: "editor", keys: ["right"], description: "Cursor right" },
  { id: "editor.up", scope: "editor", keys: ["up"], description: "Line up" },
  { id: "editor.down", scope: "editor", keys: ["down"], description: "Line down" },
  { id: "editor.wordLeft", scope: "editor", keys: ["ctrl+left", "alt+left"], description: "Word left" },
  { id: "editor.wordRight", scope: "editor", keys: ["ctrl+right", "alt+right"], description: "Word right" },
  { id: "editor.home", scope: "editor", keys: ["home"], description: "Start of the line" },
  { id: "editor.end", scope: "editor", keys: ["end"], description: "End of the line" },
  { id: "editor.top", scope: "editor", keys: ["ctrl+home"], description: "Start of the payload" },
  { id: "editor.bottom", scope: "editor", keys: ["ctrl+end"], description: "End of the payload" },
  { id: "editor.pageUp", scope: "editor", keys: ["pgup"], description: "Page up" },
  { id: "editor.pageDown", scope: "editor", keys: ["pgdn"], description: "Page down" },
  {
    id: "editor.deleteBack",
    scope: "editor",
    keys: ["backspace"],
    description: "Delete the character before the cursor",
  },
  {
    id: "editor.deleteForward",
    scope: "editor",
    keys: ["delete", "ctrl+d"],
    description: "Delete the character at the cursor",
  },
  {
    id: "template.up",
    scope: "templates",
    keys: ["up", "k"],
    description: "Previous event or template",
    hint: "move",
  },
  {
    id: "template.down",
    scope: "templates",
    keys: ["down", "j"],
    description: "Next event or template",
  },
  {
    id: "template.choose",
    scope: "templates",
    keys: ["enter"],
    description: "Load it into the editor (Ctrl+Z undoes)",
    hint: "load",
  },
  {
    id: "template.share",
    scope: "templates",
    keys: ["s"],
    description: "Share the saved event (console, SAM CLI)",
    hint: "share",
  },
  {
    id: "template.rename",
    scope: "templates",
    keys: ["r"],
    description: "Rename the saved event",
    hint: "rename",
  },
  {
    id: "template.delete",
    scope: "templates",
    keys: ["d"],
    description: "Delete the saved or shared event",
    hint: "delete",
  },
  {
    id: "template.close",
    scope: "templates",
    keys: ["esc"],
    description: "Close the chooser",
    hint: "close",
  },
  { id: "help.up", scope: "help", keys: ["up", "k"], description: "Scroll up", hint: "scroll" },
  { id: "help.down", scope: "help", keys: ["down", "j"], description: "Scroll down" },
  { id: "help.pageUp", scope: "help", keys: ["pgup"], description: "Page up" },
  { id: "help.pageDown", scope: "help", keys: ["pgdn", "space"], description: "Page down", hint: "page" },
  { id: "help.top", scope: "help", keys: ["home", "g"], description: "Top" },
  { id: "help.bottom", scope: "help", keys: ["end", "G"], description: "Bottom" },
  {
    id: "help.search",
    scope: "help",
    keys: ["/"],
    description: "Search the keys, their descriptions and sections",
    hint: "search",
  },
  {
    id: "help.close",
    scope: "help",
    keys: ["esc", "?", "q"],
    description: "Close help",
    hint: "close",
  },
  {
    id: "error.sandbox",
    scope: "error",
    keys: ["s"],
    description: "Open the local sandbox instead",
    hint: "sandbox",
  },
  { id: "error.retry", scope: "error", keys: ["r"], description: "Try again", hint: "retry" },
  {
    id: "result.nextView",
    scope: "result",
    keys: ["right", "l"],
    description: "Next view: response, tail, CloudWatch",
    hint: "view",
  },
  { id: "result.prevView", scope: "result", keys: ["left", "h"], description: "Previous view" },
  { id: "view.up", scope: "result", keys: ["up", "k"], description: "Scroll up", hint: "scroll" },
  { id: "view.down", scope: "result", keys: ["down", "j"], description: "Scroll down" },
  { id: "view.pageUp", scope: "result", keys: ["pgup"], description: "Page up" },
  { id: "view.pageDown", scope: "result", keys: ["pgdn", "space"], description: "Page down" },
  { id: "view.top", scope: "result", keys: ["home", "g"], description: "Top" },
  { id: "view.bottom", scope: "result", keys: ["end", "G"], description: "Bottom" },
  { id: "view.search", scope: "result", keys: ["/"], description: "Search in this view", hint: "search" },
  { id: "view.nextMatch", scope: "result", keys: ["n"], description: "Next match" },
  { id: "view.prevMatch", scope: "result", keys: ["N"], description: "Previous match" },
  {
    id: "view.wrap",
    scope: "result",
    keys: ["w"],
    description: "Wrap long lines on or off",
    hint: "wrap",
  },
  {
    id: "view.timestamps",
    scope: "result",
    keys: ["t"],
    description: "Timestamps on or off",
    hint: "time",
  },
  { id: "view.follow", scope: "result", keys: ["f"], description: "Follow new log lines" },
  {
    id: "result.invokeAgain",
    scope: "result",
    keys: ["ctrl+s"],
    description: "Invoke again with the payload in the editor",
    hint: "again",
  },
  {
    id: "result.retryLogs",
    scope: "result",
    keys: ["R"],
    description: "Look for the complete logs again",
  },
  {
    id: "result.save",
    scope: "result",
    keys: ["s"],
    description: "Save this view to a file",
    hint: "save",
  },
  {
    id: "result.copy",
    scope: "result",
    keys: ["y"],
    description: "Copy this view to the clipboard (OSC 52)",
    hint: "copy",
  },
  { id: "search.accept", scope: "search", keys: ["enter"], description: "Search", hint: "search" },
  {
    id: "search.cancel",
    scope: "search",
    keys: ["esc"],
    description: "Cancel the search",
    hint: "cancel",
  },
  { id: "search.deleteBack", scope: "search", keys: ["backspace"], description: "Delete a character" },
  { id: "prompt.accept", scope: "prompt", keys: ["enter"], description: "Use this path", hint: "ok" },
  {
    id: "prompt.complete",
    scope: "prompt",
    keys: ["tab"],
    description: "Complete the path",
    hint: "complete",
  },
  { id: "prompt.cancel", scope: "prompt", keys: ["esc"], description: "Cancel", hint: "cancel" },
  { id: "history.up", scope: "history", keys: ["up", "k"], description: "Newer entry", hint: "move" },
  { id: "history.down", scope: "history", keys: ["down", "j"], description: "Older entry" },
  { id: "history.pageUp", scope: "history", keys: ["pgup"], description: "Page up" },
  { id: "history.pageDown", scope: "history", keys: ["pgdn"], description: "Page down" },
  { id: "history.top", scope: "history", keys: ["home", "g"], description: "Newest" },
  { id: "history.bottom", scope: "history", keys: ["end", "G"], description: "Oldest" },
  {
    id: "history.open",
    scope: "history",
    keys: ["enter"],
    description: "Show it (never re-sent)",
    hint: "open",
  },
  {
    id: "history.replay",
    scope: "history",
    keys: ["r"],
    description: "Replay it, diff answers",
    hint: "replay",
  },
  {
    id: "history.replayOther",
    scope: "history",
    keys: ["R"],
    description: "Replay on another alias",
    hint: "replay on…",
  },
  {
    id: "history.edit",
    scope: "history",
    keys: ["e"],
    description: "Payload into the editor",
    hint: "edit",
  },
  {
    id: "history.saveEvent",
    scope: "history",
    keys: ["b"],
    description: "Save its payload as a named event",
    hint: "save event",
  },
  { id: "history.filter", scope: "history", keys: ["/"], description: "Filter", hint: "filter" },
  { id: "diff.up", scope: "historyDiff", keys: ["up", "k"], description: "Scroll up", hint: "scroll" },
  { id: "diff.down", scope: "historyDiff", keys: ["down", "j"], description: "Scroll down" },
  {
    id: "diff.replay",
    scope: "historyDiff",
    keys: ["r"],
    description: "Replay once more",
    hint: "again",
  },
  {
    id: "diff.close",
    scope: "historyDiff",
    keys: ["esc"],
    description: "Back to the history",
    hint: "back",
  },
  { id: "recorded.up", scope: "recorded", keys: ["up", "k"], description: "Scroll up", hint: "scroll" },
  { id: "recorded.down", scope: "recorded", keys: ["down", "j"], description: "Scroll down" },
  { id: "recorded.pageUp", scope: "recorded", keys: ["pgup"], description: "Page up" },
  { id: "recorded.pageDown", scope: "recorded", keys: ["pgdn", "space"], description: "Page down" },
  { id: "recorded.top", scope: "recorded", keys: ["home", "g"], description: "Top" },
  { id: "recorded.bottom", scope: "recorded", keys: ["end", "G"], description: "Bottom" },
  {
    id: "recorded.edit",
    scope: "recorded",
    keys: ["e"],
    description: "Edit a copy in the editor (Ctrl+Z undoes)",
    hint: "edit a copy",
  },
  {
    id: "recorded.close",
    scope: "recorded",
    keys: ["esc"],
    description: "Close it: the editor's draft shows again",
    hint: "close",
  },
  { id: "live.up", scope: "live", keys: ["up", "k"], description: "Newer invocation", hint: "move" },
  { id: "live.down", scope: "live", keys: ["down", "j"], description: "Older invocation" },
  { id: "live.pageUp", scope: "live", keys: ["pgup"], description: "Page up" },
  { id: "live.pageDown", scope: "live", keys: ["pgdn"], description: "Page down" },
  { id: "live.top", scope: "live", keys: ["home", "g"], description: "Newest (and stay on it)" },
  { id: "live.bottom", scope: "live", keys: ["end", "G"], description: "Oldest" },
  {
    id: "live.open",
    scope: "live",
    keys: ["enter"],
    description: "Show its complete log in the result pane",
    hint: "open",
  },
  {
    id: "live.replay",
    scope: "live",
    keys: ["r"],
    description: "Invoke it with the current draft (no payload in logs)",
    hint: "invoke again",
  },
  { id: "live.stop", scope: "live", keys: ["esc"], description: "Stop following and close", hint: "stop" },
  { id: "confirm.yes", scope: "confirm", keys: ["y"], description: "Yes", hint: "yes" },
  { id: "confirm.no", scope: "confirm", keys: ["n", "esc"], description: "No", hint: "no" },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]["id"];

/** The command of `scope` bound to this key press, if any. */
export function commandFor(scope: Scope, _input: string, key: Key): CommandId | null {
  for (const cmd of COMMANDS) {
    if (cmd.scope === scope && (cmd.keys as readonly string[]).includes(key.name)) return cmd.id;
  }
  return null;
}

const LABELS: Record<string, string> = {
  up: "↑",
  down: "↓",
  left: "←",
  right: "→",
  pgup: "PgUp",
  pgdn: "PgDn",
  home: "Home",
  end: "End",
  enter: "Enter",
  esc: "Esc",
  tab: "Tab",
  backspace: "Backspace",
  delete: "Delete",
  space: "Space",
  ctrl: "Ctrl",
  alt: "Alt",
  shift: "Shift",
};

/** How a binding is written for people: "ctrl+s" is Ctrl+S, "pgdn" PgDn. */
export function keyLabel(binding: string): string {
  if (binding.length === 1) return binding;
  return binding
    .split("+")
    .map((part) => LABELS[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join("+");
}

/** Scopes where a printable character is typed as text rather than read as a command. */
const TEXT_SCOPES: ReadonlySet<Scope> = new Set(["filter", "editor", "search", "prompt"]);

/**
 * Footer hints for the active scopes, most specific first. Where characters are text (the
 * editor, a filter), a global command bound to a character (q quit, ? help) is not offered:
 * that key types its letter there. While something is awaited, Esc stops it, and the pane's
 * own Esc is not offered until then.
 */
export function hintsFor(scopes: Scope[]): Array<{ keys: string; hint: string }> {
  const typing = scopes.some((s) => TEXT_SCOPES.has(s));
  const out: Array<{ keys: string; hint: string }> = [];
  for (const scope of scopes) {
    for (const cmd of COMMANDS as readonly CommandSpec[]) {
      if (cmd.scope !== scope || !cmd.hint) continue;
      if (typing && scope === "global" && cmd.keys.every((b) => b.length === 1)) continue;
      const keys = cmd.keys.map(keyLabel).join("/");
      // A key does one thing at a time: the most specific scope's meaning is the one shown.
      if (out.some((h) => h.keys === keys)) continue;
      out.push({ keys, hint: cmd.hint });
    }
  }
  return out;
}

/** The text a key types into a filter or an editor (a character, a paste), or null. */
export function printable(input: string, key: Key): string | null {
  if (key.ctrl || key.meta || key.mouse) return null;
  // eslint-disable-next-line no-control-regex
  if (key.paste) return input.replace(/\r\n?|\n/g, " ").replace(/[\u0000-\u001f\u007f]/g, "") || null;
  // eslint-disable-next-line no-control-regex
  return input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input) ? input : null;
}
