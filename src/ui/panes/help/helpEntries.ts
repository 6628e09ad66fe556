// The `?` help's content: every command of the key table under its section, and the search
// that narrows it.
import { COMMANDS, keyLabel, type CommandSpec } from "../../keys/keymap.js";
import { SECTIONS } from "../../keys/sections.js";

export interface HelpEntry {
  keys: string;
  description: string;
}

export interface HelpSection {
  title: string;
  entries: HelpEntry[];
}

/** How a command's keys are written in the help and the key tables: "↑ / k". */
export function keysText(cmd: CommandSpec): string {
  return cmd.keys.map(keyLabel).join(" / ");
}

export function allSections(): HelpSection[] {
  const commands: readonly CommandSpec[] = COMMANDS;
  return SECTIONS.map(({ scope, title }) => ({
    title,
    entries: commands
      .filter((c) => c.scope === scope)
      .map((c) => ({ keys: keysText(c), description: c.description })),
  })).filter((s) => s.entries.length > 0);
}

/**
 * The sections with the commands whose keys, description or section hold every word of
 * `query`, ignoring case; a section with none left is dropped.
 */
export function searchSections(sections: HelpSection[], query: string): HelpSection[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sections;
  return sections
    .map((s) => ({
      title: s.title,
      entries: s.entries.filter((e) => {
        const text = `${e.keys}\n${e.description}\n${s.title}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((s) => s.entries.length > 0);
}
