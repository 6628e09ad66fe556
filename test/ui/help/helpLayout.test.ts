import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { COMMANDS, type Scope } from "../../../src/ui/keys/keymap.js";
import { SECTIONS } from "../../../src/ui/keys/sections.js";
import { allSections, searchSections, type HelpSection } from "../../../src/ui/panes/help/helpEntries.js";
import { FRAME_COLUMNS, helpLayout, type HelpRow } from "../../../src/ui/panes/help/helpLayout.js";
import { layoutFor } from "../../../src/ui/panes/help/useHelp.js";

const text = (r: HelpRow) => (r.kind === "title" ? r.text : r.keys + r.text);

describe("the help's content", () => {
  it("lists every command of the table, under a section title for people", () => {
    const sections = allSections();
    expect(sections.reduce((n, s) => n + s.entries.length, 0)).toBe(COMMANDS.length);
    expect(sections[0]!.title).toBe("Everywhere");
    expect(sections.map((s) => s.title)).toEqual(
      expect.arrayContaining(["Payload editor", "History", "Result"]),
    );
    const titled = new Set<Scope>(SECTIONS.map((s) => s.scope));
    for (const cmd of COMMANDS) expect(titled.has(cmd.scope), cmd.id).toBe(true);
  });

  it("searches keys, descriptions and section titles, every word, ignoring case", () => {
    const all = allSections();
    const descriptions = (s: HelpSection[]) => s.flatMap((x) => x.entries.map((e) => e.description));
    const replay = searchSections(all, "REPLAY");
    expect(replay.map((x) => x.title)).toEqual(["History", "Replay diff"]);
    expect(descriptions(replay)).toEqual([
      "Replay it, diff answers",
      "Replay on another alias",
      // The section's title matches all of it.
      "Scroll up",
      "Scroll down",
      "Replay once more",
      "Back to the history",
    ]);
    // Ctrl+S invokes from the editor, and again from the result.
    const ctrlS = searchSections(all, "ctrl+s");
    expect(ctrlS.map((s) => s.title)).toEqual(["Payload editor", "Result"]);
    expect(ctrlS.flatMap((s) => s.entries.map((e) => e.keys))).toEqual(["Ctrl+S", "Ctrl+S"]);
    const history = searchSections(all, "history older");
    expect(history.map((s) => s.title)).toEqual(["History"]);
    expect(descriptions(history)).toEqual(["Older entry"]);
    expect(searchSections(all, "no such key")).toEqual([]);
    expect(searchSections(all, "  ")).toBe(all);
  });
});

describe("helpLayout", () => {
  const section: HelpSection = {
    title: "Section",
    entries: [
      { keys: "Ctrl+S", description: "short" },
      { keys: "x", description: "a description much too long for the room beside the keys column here" },
    ],
  };

  it("wraps a long description under itself, indented to the description column", () => {
    const { rows } = helpLayout([section], 8, 40, 20, false);
    expect(rows.map(text)).toEqual([
      "Section",
      "  Ctrl+S    short",
      "  x         a description much too",
      "            long for the room beside",
      "            the keys column here",
    ]);
  });

  it("puts descriptions under the keys when there is no room beside them", () => {
    const { rows } = helpLayout([section], 8, 24, 20, false);
    expect(rows.map(text).slice(1, 3)).toEqual(["  Ctrl+S", "    short"]);
    for (const r of rows) expect(stringWidth(text(r))).toBeLessThanOrEqual(24 - FRAME_COLUMNS);
  });

  it("cuts nothing at 80 columns, and leaves the body the rows the frame does not take", () => {
    const { rows, bodyRows } = layoutFor("", false, 80, 21);
    expect(bodyRows).toBe(18);
    expect(layoutFor("x", false, 80, 21).bodyRows).toBe(17);
    for (const r of rows) expect(stringWidth(text(r)), text(r)).toBeLessThanOrEqual(80 - FRAME_COLUMNS);
    const shown = rows.map(text).join("\n");
    for (const cmd of COMMANDS) expect(shown, cmd.id).toContain(cmd.description);
  });
});
