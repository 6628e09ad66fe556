// The one table of commands: ids, default keys, descriptions and where they apply. Key
// routing, the footer hints and the `?` overlay are all drawn from it, so no component
// checks literal keys.
import type { Key } from "ink";

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
  | "search"
  | "prompt"
  | "help"
  | "confirm"
  | "error";

export type CommandId =
  | "app.quit"
  | "app.forceQuit"
  | "app.help"
  | "app.back"
  | "invocation.stop"
  | "focus.next"
  | "focus.prev"
  | "focus.functions"
  | "focus.payload"
  | "focus.result"
  | "focus.history"
  | "list.up"
  | "list.down"
  | "list.pageUp"
  | "list.pageDown"
  | "list.top"
  | "list.bottom"
  | "list.choose"
  | "picker.filter"
  | "picker.reload"
  | "filter.accept"
  | "filter.cancel"
  | "filter.deleteBack"
  | "filter.up"
  | "filter.down"
  | "confirm.yes"
  | "confirm.no"
  | "qualifier.up"
  | "qualifier.down"
  | "qualifier.choose"
  | "help.close"
  | "editor.invoke"
  | "editor.format"
  | "editor.minify"
  | "editor.undo"
  | "editor.redo"
  | "editor.type"
  | "editor.leave"
  | "editor.qualifier"
  | "editor.template"
  | "template.up"
  | "template.down"
  | "template.choose"
  | "template.close"
  | "error.sandbox"
  | "error.retry"
  | "result.nextView"
  | "result.prevView"
  | "result.retryLogs"
  | "result.save"
  | "result.copy"
  | "view.up"
  | "view.down"
  | "view.pageUp"
  | "view.pageDown"
  | "view.top"
  | "view.bottom"
  | "view.wrap"
  | "view.timestamps"
  | "view.follow"
  | "view.search"
  | "view.nextMatch"
  | "view.prevMatch"
  | "search.accept"
  | "search.cancel"
  | "editor.load"
  | "editor.external"
  | "prompt.accept"
  | "prompt.cancel"
  | "prompt.complete"
  | "history.up"
  | "history.down"
  | "history.pageUp"
  | "history.pageDown"
  | "history.top"
  | "history.bottom"
  | "history.open"
  | "history.replay"
  | "history.replayOther"
  | "history.edit"
  | "history.filter"
  | "diff.up"
  | "diff.down"
  | "diff.replay"
  | "diff.close";

/** A binding: a printable character, or a named key with modifiers. */
export type Binding = { char: string } | { key: NamedKey; ctrl?: boolean; shift?: boolean };

export type NamedKey =
  | "up"
  | "down"
  | "left"
  | "right"
  | "pageUp"
  | "pageDown"
  | "home"
  | "end"
  | "return"
  | "escape"
  | "tab"
  | "backspace"
  | "c"
  | "s"
  | "f"
  | "n"
  | "z"
  | "y"
  | "t"
  | "q"
  | "p"
  | "o"
  | "e";

export interface CommandSpec {
  id: CommandId;
  scope: Scope;
  keys: Binding[];
  description: string;
  /** Shown in the footer while its scope is active. */
  hint?: string;
}

const c = (char: string): Binding => ({ char });
const k = (key: NamedKey, mods: { ctrl?: boolean; shift?: boolean } = {}): Binding => ({ key, ...mods });

export const COMMANDS: readonly CommandSpec[] = [
  { id: "app.quit", scope: "global", keys: [c("q")], description: "Quit", hint: "quit" },
  { id: "app.forceQuit", scope: "global", keys: [k("c", { ctrl: true })], description: "Quit at once" },
  { id: "app.help", scope: "global", keys: [c("?")], description: "Show all keys", hint: "help" },
  { id: "app.back", scope: "global", keys: [k("escape")], description: "Back, close, or cancel" },
  {
    id: "invocation.stop",
    scope: "busy",
    keys: [k("escape")],
    description: "Stop waiting for the invocation or its logs",
    hint: "stop",
  },
  { id: "focus.next", scope: "global", keys: [k("tab")], description: "Next pane" },
  { id: "focus.prev", scope: "global", keys: [k("tab", { shift: true })], description: "Previous pane" },
  { id: "focus.functions", scope: "global", keys: [c("1")], description: "Functions pane" },
  { id: "focus.payload", scope: "global", keys: [c("2")], description: "Payload pane" },
  { id: "focus.result", scope: "global", keys: [c("3")], description: "Result pane" },
  { id: "focus.history", scope: "global", keys: [c("4")], description: "History pane" },
  { id: "list.up", scope: "picker", keys: [k("up"), c("k")], description: "Move up", hint: "move" },
  { id: "list.down", scope: "picker", keys: [k("down"), c("j")], description: "Move down" },
  { id: "list.pageUp", scope: "picker", keys: [k("pageUp")], description: "Page up" },
  { id: "list.pageDown", scope: "picker", keys: [k("pageDown")], description: "Page down" },
  { id: "list.top", scope: "picker", keys: [k("home"), c("g")], description: "First" },
  { id: "list.bottom", scope: "picker", keys: [k("end"), c("G")], description: "Last" },
  { id: "list.choose", scope: "picker", keys: [k("return")], description: "Choose", hint: "choose" },
  {
    id: "picker.filter",
    scope: "picker",
    keys: [c("/")],
    description: "Filter (or just start typing)",
    hint: "filter",
  },
  {
    id: "picker.reload",
    scope: "picker",
    keys: [c("r")],
    description: "Reload the function list",
    hint: "reload",
  },
  {
    id: "filter.accept",
    scope: "filter",
    keys: [k("return")],
    description: "Choose the selected match",
    hint: "choose",
  },
  { id: "filter.cancel", scope: "filter", keys: [k("escape")], description: "Stop filtering", hint: "done" },
  { id: "filter.deleteBack", scope: "filter", keys: [k("backspace")], description: "Delete a character" },
  // Shown in the footer and help; the picker moves with the list commands' named keys while filtering.
  { id: "filter.up", scope: "filter", keys: [k("up")], description: "Previous match", hint: "move" },
  { id: "filter.down", scope: "filter", keys: [k("down")], description: "Next match" },
  {
    id: "qualifier.up",
    scope: "function",
    keys: [k("up"), c("k")],
    description: "Previous qualifier",
    hint: "move",
  },
  { id: "qualifier.down", scope: "function", keys: [k("down"), c("j")], description: "Next qualifier" },
  {
    id: "qualifier.choose",
    scope: "function",
    keys: [k("return")],
    description: "Use this version or alias",
    hint: "use",
  },
  {
    id: "editor.invoke",
    scope: "editor",
    keys: [k("s", { ctrl: true })],
    description: "Invoke with this payload",
    hint: "invoke",
  },
  {
    id: "editor.format",
    scope: "editor",
    keys: [k("f", { ctrl: true })],
    description: "Format the JSON",
    hint: "format",
  },
  { id: "editor.minify", scope: "editor", keys: [k("n", { ctrl: true })], description: "Minify the JSON" },
  { id: "editor.undo", scope: "editor", keys: [k("z", { ctrl: true })], description: "Undo", hint: "undo" },
  { id: "editor.redo", scope: "editor", keys: [k("y", { ctrl: true })], description: "Redo" },
  {
    id: "editor.type",
    scope: "editor",
    keys: [k("t", { ctrl: true })],
    description: "Invocation type: RequestResponse, Event, DryRun",
    hint: "type",
  },
  {
    id: "editor.leave",
    scope: "editor",
    keys: [k("escape")],
    description: "Leave the editor",
    hint: "leave",
  },
  {
    id: "editor.qualifier",
    scope: "editor",
    keys: [k("q", { ctrl: true })],
    description: "Choose the version or alias",
    hint: "version",
  },
  {
    id: "editor.template",
    scope: "editor",
    keys: [k("p", { ctrl: true })],
    description: "Insert an event template (API Gateway, SQS, S3, …)",
    hint: "template",
  },
  {
    id: "editor.load",
    scope: "editor",
    keys: [k("o", { ctrl: true })],
    description: "Load the payload from a file",
    hint: "open",
  },
  {
    id: "editor.external",
    scope: "editor",
    keys: [k("e", { ctrl: true })],
    description: "Edit in $VISUAL / $EDITOR",
    hint: "$EDITOR",
  },
  {
    id: "template.up",
    scope: "templates",
    keys: [k("up"), c("k")],
    description: "Previous template",
    hint: "move",
  },
  { id: "template.down", scope: "templates", keys: [k("down"), c("j")], description: "Next template" },
  {
    id: "template.choose",
    scope: "templates",
    keys: [k("return")],
    description: "Insert it (Ctrl+Z undoes)",
    hint: "insert",
  },
  {
    id: "template.close",
    scope: "templates",
    keys: [k("escape")],
    description: "Close the templates",
    hint: "close",
  },
  {
    id: "help.close",
    scope: "help",
    keys: [k("escape"), c("?"), c("q")],
    description: "Close help",
    hint: "close",
  },
  {
    id: "error.sandbox",
    scope: "error",
    keys: [c("s")],
    description: "Open the local sandbox instead",
    hint: "sandbox",
  },
  { id: "error.retry", scope: "error", keys: [c("r")], description: "Try again", hint: "retry" },
  {
    id: "result.nextView",
    scope: "result",
    keys: [k("right"), c("l")],
    description: "Next view: response, tail, CloudWatch",
    hint: "view",
  },
  { id: "result.prevView", scope: "result", keys: [k("left"), c("h")], description: "Previous view" },
  { id: "view.up", scope: "result", keys: [k("up"), c("k")], description: "Scroll up", hint: "scroll" },
  { id: "view.down", scope: "result", keys: [k("down"), c("j")], description: "Scroll down" },
  { id: "view.pageUp", scope: "result", keys: [k("pageUp")], description: "Page up" },
  { id: "view.pageDown", scope: "result", keys: [k("pageDown"), c(" ")], description: "Page down" },
  { id: "view.top", scope: "result", keys: [k("home"), c("g")], description: "Top" },
  { id: "view.bottom", scope: "result", keys: [k("end"), c("G")], description: "Bottom" },
  { id: "view.search", scope: "result", keys: [c("/")], description: "Search in this view", hint: "search" },
  { id: "view.nextMatch", scope: "result", keys: [c("n")], description: "Next match" },
  { id: "view.prevMatch", scope: "result", keys: [c("N")], description: "Previous match" },
  {
    id: "view.wrap",
    scope: "result",
    keys: [c("w")],
    description: "Wrap long lines on or off",
    hint: "wrap",
  },
  {
    id: "view.timestamps",
    scope: "result",
    keys: [c("t")],
    description: "Timestamps on or off",
    hint: "time",
  },
  { id: "view.follow", scope: "result", keys: [c("f")], description: "Follow new log lines" },
  {
    id: "result.retryLogs",
    scope: "result",
    keys: [c("R")],
    description: "Look for the complete logs again",
  },
  {
    id: "result.save",
    scope: "result",
    keys: [c("s")],
    description: "Save this view to a file",
    hint: "save",
  },
  {
    id: "result.copy",
    scope: "result",
    keys: [c("y")],
    description: "Copy this view to the clipboard (OSC 52)",
    hint: "copy",
  },
  { id: "search.accept", scope: "search", keys: [k("return")], description: "Search", hint: "search" },
  {
    id: "search.cancel",
    scope: "search",
    keys: [k("escape")],
    description: "Cancel the search",
    hint: "cancel",
  },
  { id: "prompt.accept", scope: "prompt", keys: [k("return")], description: "Use this path", hint: "ok" },
  {
    id: "prompt.complete",
    scope: "prompt",
    keys: [k("tab")],
    description: "Complete the path",
    hint: "complete",
  },
  { id: "prompt.cancel", scope: "prompt", keys: [k("escape")], description: "Cancel", hint: "cancel" },
  { id: "history.up", scope: "history", keys: [k("up"), c("k")], description: "Newer entry", hint: "move" },
  { id: "history.down", scope: "history", keys: [k("down"), c("j")], description: "Older entry" },
  { id: "history.pageUp", scope: "history", keys: [k("pageUp")], description: "Page up" },
  { id: "history.pageDown", scope: "history", keys: [k("pageDown")], description: "Page down" },
  { id: "history.top", scope: "history", keys: [k("home"), c("g")], description: "Newest" },
  { id: "history.bottom", scope: "history", keys: [k("end"), c("G")], description: "Oldest" },
  {
    id: "history.open",
    scope: "history",
    keys: [k("return")],
    description: "Show it (never re-sent)",
    hint: "open",
  },
  {
    id: "history.replay",
    scope: "history",
    keys: [c("r")],
    description: "Replay it, diff answers",
    hint: "replay",
  },
  {
    id: "history.replayOther",
    scope: "history",
    keys: [c("R")],
    description: "Replay on another alias",
    hint: "replay on…",
  },
  {
    id: "history.edit",
    scope: "history",
    keys: [c("e")],
    description: "Payload into the editor",
    hint: "edit",
  },
  { id: "history.filter", scope: "history", keys: [c("/")], description: "Filter", hint: "filter" },
  { id: "diff.up", scope: "historyDiff", keys: [k("up"), c("k")], description: "Scroll up", hint: "scroll" },
  { id: "diff.down", scope: "historyDiff", keys: [k("down"), c("j")], description: "Scroll down" },
  {
    id: "diff.replay",
    scope: "historyDiff",
    keys: [c("r")],
    description: "Replay once more",
    hint: "again",
  },
  {
    id: "diff.close",
    scope: "historyDiff",
    keys: [k("escape")],
    description: "Back to the history",
    hint: "back",
  },
  { id: "confirm.yes", scope: "confirm", keys: [c("y")], description: "Yes", hint: "yes" },
  { id: "confirm.no", scope: "confirm", keys: [c("n"), k("escape")], description: "No", hint: "no" },
];

function named(key: Key): NamedKey | null {
  if (key.upArrow) return "up";
  if (key.downArrow) return "down";
  if (key.leftArrow) return "left";
  if (key.rightArrow) return "right";
  if (key.pageUp) return "pageUp";
  if (key.pageDown) return "pageDown";
  if (key.home) return "home";
  if (key.end) return "end";
  if (key.return) return "return";
  if (key.escape) return "escape";
  if (key.tab) return "tab";
  if (key.backspace || key.delete) return "backspace";
  return null;
}

export function matches(b: Binding, input: string, key: Key): boolean {
  if ("char" in b) return !key.ctrl && !key.meta && input === b.char;
  if (b.key.length === 1) return key.ctrl && input === b.key;
  return named(key) === b.key && !!b.ctrl === key.ctrl && !!b.shift === key.shift;
}

/** The command of `scope` bound to this key press, if any. */
export function commandFor(scope: Scope, input: string, key: Key): CommandId | null {
  for (const cmd of COMMANDS) {
    if (cmd.scope === scope && cmd.keys.some((b) => matches(b, input, key))) return cmd.id;
  }
  return null;
}

export function keyLabel(b: Binding): string {
  if ("char" in b) return b.char;
  const names: Record<NamedKey, string> = {
    up: "↑",
    down: "↓",
    left: "←",
    right: "→",
    pageUp: "PgUp",
    pageDown: "PgDn",
    home: "Home",
    end: "End",
    return: "Enter",
    escape: "Esc",
    tab: "Tab",
    backspace: "Backspace",
    c: "c",
    s: "s",
    f: "f",
    n: "n",
    z: "z",
    y: "y",
    t: "t",
    q: "q",
    p: "p",
    o: "o",
    e: "e",
  };
  const name = names[b.key];
  return `${b.ctrl ? "Ctrl+" : ""}${b.shift ? "Shift+" : ""}${name.length === 1 ? name.toUpperCase() : name}`;
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
    for (const cmd of COMMANDS) {
      if (cmd.scope !== scope || !cmd.hint) continue;
      if (typing && scope === "global" && cmd.keys.every((b) => "char" in b)) continue;
      const keys = cmd.keys.map(keyLabel).join("/");
      // A key does one thing at a time: the most specific scope's meaning is the one shown.
      if (out.some((h) => h.keys === keys)) continue;
      out.push({ keys, hint: cmd.hint });
    }
  }
  return out;
}

/** A printable character typed as text (for filters and editors), not a control key. */
export function printable(input: string, key: Key): string | null {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return null;
  if (named(key)) return null;
  // eslint-disable-next-line no-control-regex
  return input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input) ? input : null;
}
