// The key tables of the docs, generated from the key table: docs/keys.md holds all of them,
// README.md the everyday ones. `npm run keys:readme` rewrites the block between the markers;
// test/ui/keyTables.test.ts fails when a file's block is not what this renders.
import stringWidth from "string-width";
import { commandSections, type CommandSection } from "./sections.js";

export const START = "<!-- keys:start -->";
export const END = "<!-- keys:end -->";
const NOTE = "<!-- Generated from src/ui/keys/keymap.ts by `npm run keys:readme`: edit the table there. -->";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** A key in code style; a key that is a backtick needs a longer fence. */
function code(key: string): string {
  return key.includes("`") ? `\`\` ${key} \`\`` : `\`${key}\``;
}

/** A markdown table with its columns padded as Prettier pads them, so formatting leaves it be. */
function table(header: [string, string], rows: Array<[string, string]>): string {
  const all = [header, ...rows];
  const widths = [0, 1].map((i) => Math.max(3, ...all.map((r) => stringWidth(r[i]!))));
  const line = (r: [string, string]) =>
    `| ${r.map((c, i) => c + " ".repeat(widths[i]! - stringWidth(c))).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function sectionTable(section: CommandSection): string {
  return table(
    ["Key", "What it does"],
    section.entries.map((e) => [cell(e.keys.map(code).join(" / ")), cell(e.description)]),
  );
}

/** Every section's table under its title (docs/keys.md). */
export function allKeyTables(): string {
  return commandSections()
    .map((s) => `### ${s.title}\n\n${sectionTable(s)}`)
    .join("\n\n");
}

/** The keys that work everywhere, and where the rest are (README.md). */
export function keySummary(): string {
  const everywhere = commandSections().find((s) => s.scope === "global")!;
  return (
    `${sectionTable(everywhere)}\n\n` +
    "In the payload editor and a filter, characters are text (`q` and `?` are letters there:\n" +
    "`Esc` first). Each pane's own keys show in the footer while it has the keys, all of them\n" +
    "under `?` in the explorer (scroll it, or `/` to search) and in [docs/keys.md](docs/keys.md)."
  );
}

/** The files holding generated key tables, and what their block holds. */
export const KEY_TABLE_FILES: ReadonlyArray<{ file: string; render: () => string }> = [
  { file: "README.md", render: keySummary },
  { file: "docs/keys.md", render: allKeyTables },
];

/** The whole block, markers included, as it is written into a file. */
export function keyBlock(content: string): string {
  return `${START}\n${NOTE}\n\n${content}\n\n${END}`;
}

/** The block in `text`, markers included; null when its markers are missing. */
export function findKeyBlock(text: string): string | null {
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  return start < 0 || end < 0 ? null : text.slice(start, end + END.length);
}

/** `text` with its block replaced by `block`; null when its markers are missing. */
export function replaceKeyBlock(text: string, block: string): string | null {
  const old = findKeyBlock(text);
  return old === null ? null : text.replace(old, () => block);
}
