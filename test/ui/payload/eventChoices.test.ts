import { describe, expect, it } from "vitest";
import { chooserRows, chooserSections, flatChoices } from "../../../src/ui/panes/payload/eventChoices.js";
import { TEMPLATES } from "../../../src/ui/panes/payload/templates.js";

describe("the payload chooser's sections", () => {
  it("offers saved events, then shared ones, then the templates", () => {
    const sections = chooserSections([{ name: "ada", payload: '{"name":"Ada"}' }], {
      phase: "ready",
      events: [{ name: "from-console", payload: "{}" }],
    });
    const choices = flatChoices(sections);
    expect(choices.slice(0, 2).map((c) => [c.kind, c.title, c.text])).toEqual([
      ["saved", "ada", '{"name":"Ada"}'],
      ["shared", "from-console", "{}"],
    ]);
    expect(choices.length).toBe(2 + TEMPLATES.length);
    const rows = chooserRows(sections);
    expect(rows.slice(0, 4)).toEqual([
      { type: "heading", text: "Saved events" },
      { type: "choice", choice: choices[0], index: 0 },
      { type: "heading", text: "Shared events" },
      { type: "choice", choice: choices[1], index: 1 },
    ]);
  });

  it("says while shared events load, why they failed, and when there are none", () => {
    const note = (shared: Parameters<typeof chooserSections>[1]) =>
      chooserSections([], shared).find((s) => s.title === "Shared events")!.note;
    expect(note({ phase: "loading" })).toMatch(/loading/);
    expect(note({ phase: "failed", message: "you may not use the schema registry" })).toMatch(/may not use/);
    expect(note({ phase: "ready", events: [] })).toMatch(/none/);
    expect(chooserSections([], { phase: "loading" })[0]!.note).toMatch(/Ctrl\+B saves/);
    // With nothing saved or shared, the first choice is the first template, as before.
    expect(flatChoices(chooserSections([], { phase: "loading" }))[0]!.title).toBe(TEMPLATES[0]!.title);
  });
});
