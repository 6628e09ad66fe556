// Where each scope's keys apply, said for people: the section titles of the `?` help and of
// the generated key tables, in the order they are shown (the everyday ones first), and the
// table's commands under them.
import { COMMANDS, keyLabel, type CommandSpec, type Scope } from "./keymap.js";

// A Record, so a scope added to the table without a title fails to compile.
const TITLES = {
  global: "Everywhere",
  busy: "While an invocation or its logs are awaited",
  picker: "Functions list",
  filter: "Filter (typing in the functions or history list)",
  function: "Version or alias (Ctrl+Q in the editor)",
  editor: "Payload editor",
  templates: "Event templates (Ctrl+P in the editor)",
  prompt: "Path prompt (load or save a file)",
  result: "Result",
  search: "Search line (result and help)",
  history: "History",
  historyDiff: "Replay diff",
  live: "Live view (Ctrl+L): a function's invocations as they happen",
  recorded: "A recorded payload (Enter in History, then 2)",
  confirm: "Quit while an invocation runs",
  error: "Connection problem",
  help: "This help",
} as const satisfies Record<Scope, string>;

export interface Section {
  scope: Scope;
  title: string;
}

export const SECTIONS: readonly Section[] = (Object.keys(TITLES) as Scope[]).map((scope) => ({
  scope,
  title: TITLES[scope],
}));

export interface SectionEntry {
  /** The key labels, as keyLabel writes them: ["↑", "k"]. */
  keys: string[];
  description: string;
}

export interface CommandSection {
  scope: Scope;
  title: string;
  entries: SectionEntry[];
}

/** Every command of the table under its section; sections without commands left out. */
export function commandSections(): CommandSection[] {
  const commands: readonly CommandSpec[] = COMMANDS;
  return SECTIONS.map(({ scope, title }) => ({
    scope,
    title,
    entries: commands
      .filter((c) => c.scope === scope)
      .map((c) => ({ keys: c.keys.map(keyLabel), description: c.description })),
  })).filter((s) => s.entries.length > 0);
}
