// The help overlay as a 24-row, 80-column terminal shows it, driven by keys through the key layer.
import { useState } from "react";
import { Text, useStdin } from "ink";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { layout } from "../../../src/ui/app/layout.js";
import { useKeyLayer } from "../../../src/ui/input/useKeyInput.js";
import { COMMANDS } from "../../../src/ui/keys/keymap.js";
import { HelpOverlay } from "../../../src/ui/panes/help/HelpOverlay.js";
import { useHelp } from "../../../src/ui/panes/help/useHelp.js";
import { renderTui } from "../../helpers/render-tui.js";

const WIDTH = 80;
const HEIGHT = layout({ columns: 80, rows: 24, focus: "functions" }).bodyHeight;

function Harness() {
  const { stdin } = useStdin();
  const [open, setOpen] = useState(true);
  const help = useHelp(WIDTH, HEIGHT, () => setOpen(false));
  const { pulse } = useKeyLayer(stdin, (key) => {
    if (open) help.onKey(key.input, key);
    return true;
  });
  return (
    <>
      {pulse}
      {open ? <HelpOverlay view={help.view} width={WIDTH} height={HEIGHT} /> : <Text>closed</Text>}
    </>
  );
}

const position = (frame: string) => /(\d+)–(\d+) of (\d+)/.exec(frame)?.slice(1).map(Number);

describe("HelpOverlay at 80x24", () => {
  it("pages through every command of the table to the last, cutting no line", async () => {
    const t = renderTui(<Harness />);
    try {
      let frame = await t.waitFor(/Keyboard help/);
      expect(frame.split("\n")).toHaveLength(HEIGHT);
      const seen = [frame];
      for (let i = 0; i < 40 && position(frame)![1] !== position(frame)![2]; i++) {
        const from = position(frame)![0]!;
        await t.press(" ");
        // Each page is waited for drawn: its first line is another.
        frame = await t.waitFor(new RegExp(`(?<!\\d)(?!${from}–)\\d+–\\d+ of \\d+`));
        seen.push(frame);
      }
      const [first, last, total] = position(frame)!;
      expect(last).toBe(total);
      expect(first).toBeGreaterThan(1);
      const all = seen.join("\n");
      for (const cmd of COMMANDS) expect(all, cmd.id).toContain(cmd.description);
      for (const line of all.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(WIDTH);
      // The table's last command is on the last page, and g goes back to the first.
      expect(frame).toContain(COMMANDS.find((c) => c.id === "help.close")!.description);
      await t.press("g");
      await t.waitFor(/ 1–\d+ of \d+/);
      expect(t.frame()).toContain("Everywhere");
    } finally {
      t.unmount();
    }
  });

  it("narrows the list as a search is typed; Esc leaves the search, the next Esc the help", async () => {
    const t = renderTui(<Harness />);
    try {
      const full = position(await t.waitFor(/Keyboard help/))![2];
      await t.press("/");
      await t.press("replay");
      const narrowed = await t.waitFor(/\/replay/);
      expect(narrowed).toContain("Replay it, diff answers");
      expect(narrowed).not.toContain("Quit at once");
      expect(position(narrowed)![2]).toBeLessThan(full!);
      // q is a letter on the search line.
      await t.press("q");
      expect(t.frame()).toContain("no keys match");
      await t.press({ key: "backspace" });
      await t.press({ key: "enter" });
      expect(t.frame()).toContain("Replay it, diff answers");
      await t.press("/");
      await t.press({ key: "escape" });
      expect(position(t.frame())![2]).toBe(full);
      expect(t.frame()).toContain("Quit at once");
      await t.press({ key: "escape" });
      await t.waitFor(/closed/);
    } finally {
      t.unmount();
    }
  });
});
