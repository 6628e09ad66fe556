import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/ui/keys/keymap.js";
import {
  allKeyTables,
  findKeyBlock,
  KEY_TABLE_FILES,
  keyBlock,
  replaceKeyBlock,
  sectionTable,
} from "../../src/ui/keys/keyTables.js";

describe("the generated key tables", () => {
  for (const { file, render } of KEY_TABLE_FILES) {
    it(`are up to date in ${file}`, () => {
      const block = findKeyBlock(readFileSync(file, "utf8"));
      expect(block, `${file} has no <!-- keys:start --> … <!-- keys:end --> block`).not.toBeNull();
      expect(block, `${file}'s key tables differ from the key table: run npm run keys:readme`).toBe(
        keyBlock(render()),
      );
    });
  }

  it("list every command of the table, each key in code, pipes escaped", () => {
    const all = allKeyTables();
    for (const cmd of COMMANDS) expect(all, cmd.id).toContain(`| ${cmd.description}`);
    expect(all).toContain("### Payload editor");
    expect(all).toMatch(/\| `Ctrl\+←` \/ `Alt\+←` +\| Word left +\|/);
    // Padded as Prettier pads tables (checked with prettier --check), so formatting leaves it be.
    expect(
      sectionTable({ scope: "global", title: "t", entries: [{ keys: ["|", "`"], description: "a | b" }] }),
    ).toBe(
      [
        "| Key            | What it does |",
        "| -------------- | ------------ |",
        "| `\\|` / `` ` `` | a \\| b       |",
      ].join("\n"),
    );
  });

  it("replace only what is between the markers, and say when the markers are missing", () => {
    const text = "intro\n<!-- keys:start -->\nold\n<!-- keys:end -->\noutro\n";
    expect(replaceKeyBlock(text, keyBlock("new"))).toBe(`intro\n${keyBlock("new")}\noutro\n`);
    expect(replaceKeyBlock("no markers", keyBlock("new"))).toBeNull();
  });
});
