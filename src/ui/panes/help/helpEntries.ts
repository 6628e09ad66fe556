// The `?` help's content: every command of the key table under its section, and the search
// that narrows it.
import { commandSections } from "../../keys/sections.js";

export interface HelpEntry {
  /** "↑ / k" */
  keys: string;
  description: string;
}

export interface HelpSection {
  title: string;
  entries: HelpEntry[];
}

export function allSections(): HelpSection[] {
  return commandSections().map((s) => ({
    title: s.title,
    entries: s.entries.map((e) => ({ keys: e.keys.join(" / "), description: e.description })),
  }));
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
