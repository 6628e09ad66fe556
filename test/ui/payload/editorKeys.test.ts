import { describe, expect, it } from "vitest";
import { editorKey, pastedText } from "../../../src/ui/panes/payload/editorKeys.js";
import { statusText } from "../../../src/ui/panes/payload/PayloadEditor.js";
import { checkPayload } from "../../../src/core/payload.js";
import { COMMANDS } from "../../../src/ui/keys/keymap.js";
import { press, RAW } from "../../helpers/keys.js";

describe("editorKey", () => {
  it("maps editor commands from the key table before text", () => {
    expect(editorKey(...press(RAW.ctrl("s")), 10)).toEqual({ command: "editor.invoke" });
    expect(editorKey(...press(RAW.ctrl("f")), 10)).toEqual({ command: "editor.format" });
    expect(editorKey(...press(RAW.esc), 10)).toEqual({ command: "editor.leave" });
  });

  it("turns keys into edits: Enter is a newline, Backspace and Delete delete, arrows move", () => {
    expect(editorKey(...press(RAW.enter), 10)).toEqual({ edit: { type: "newline" } });
    expect(editorKey(...press(RAW.backspace), 10)).toEqual({ edit: { type: "backspace" } });
    expect(editorKey(...press(RAW.delete), 10)).toEqual({ edit: { type: "delete" } });
    expect(editorKey(...press(RAW.ctrl("d")), 10)).toEqual({ edit: { type: "delete" } });
    expect(editorKey(...press(RAW.ctrlLeft), 10)).toEqual({
      edit: { type: "move", to: "wordLeft", page: 10 },
    });
    expect(editorKey(...press(RAW.pgdn), 7)).toEqual({
      edit: { type: "move", to: "pageDown", page: 7 },
    });
    expect(editorKey(...press("q"), 10)).toEqual({ edit: { type: "insert", text: "q" } });
    expect(editorKey(...press(RAW.ctrl("x")), 10)).toBeNull();
  });

  it("reads moves and deletions from the key table, with no footer hint", () => {
    const moves: Array<[string, string]> = [
      [RAW.left, "left"],
      [RAW.right, "right"],
      [RAW.up, "up"],
      [RAW.down, "down"],
      ["\u001b[1;5C", "wordRight"],
      ["\u001b[1;3D", "wordLeft"],
      [RAW.home, "home"],
      [RAW.end, "end"],
      ["\u001b[1;5H", "top"],
      ["\u001b[1;5F", "bottom"],
      [RAW.pgup, "pageUp"],
    ];
    for (const [raw, to] of moves)
      expect(editorKey(...press(raw), 5), to).toEqual({ edit: { type: "move", to, page: 5 } });
    expect(editorKey(...press(RAW.tab), 10)).toEqual({ edit: { type: "insert", text: "  " } });
    const editing = COMMANDS.filter(
      (c) => c.scope === "editor" && /^editor\.(left|wordLeft|newline|deleteBack)$/.test(c.id),
    );
    expect(editing.map((c) => c.id).sort()).toEqual([
      "editor.deleteBack",
      "editor.left",
      "editor.newline",
      "editor.wordLeft",
    ]);
    expect(editing.some((c) => "hint" in c)).toBe(false);
  });

  it("moves as the plain key does under a modifier the table does not bind (there is no selection)", () => {
    const move = (to: string) => ({ edit: { type: "move", to, page: 10 } });
    expect(editorKey(...press("\u001b[1;2C"), 10)).toEqual(move("right")); // Shift+→
    expect(editorKey(...press("\u001b[1;6D"), 10)).toEqual(move("wordLeft")); // Ctrl+Shift+←
    expect(editorKey(...press("\u001b[1;7D"), 10)).toEqual(move("wordLeft")); // Ctrl+Alt+←
    expect(editorKey(...press("\u001b[1;5A"), 10)).toEqual(move("up")); // Ctrl+↑
    expect(editorKey(...press("\u001b[1;3H"), 10)).toEqual(move("home")); // Alt+Home
    expect(editorKey(...press("\u001b[1;7F"), 10)).toEqual(move("bottom")); // Ctrl+Alt+End
    expect(editorKey(...press("\u001b[3;5~"), 10)).toEqual({ edit: { type: "delete" } }); // Ctrl+Delete
    expect(editorKey(...press(RAW.shiftTab), 10)).toEqual({ edit: { type: "insert", text: "  " } });
    // Letters keep their modifiers: Ctrl+X is no x.
    expect(editorKey(...press(RAW.ctrl("x")), 10)).toBeNull();
  });

  it("takes a paste as one insert: newlines as LF, tabs as two spaces, control characters dropped", () => {
    expect(editorKey(...press('\u001b[200~{\r\n  "a": 1\r}\u0007\u001b[201~'), 10)).toEqual({
      edit: { type: "insert", text: '{\n  "a": 1\n}' },
    });
    expect(pastedText("a\tb\u007fc")).toBe("a  bc");
  });
});

describe("the status line", () => {
  it("says valid, empty or where it breaks, with the size against the type's limit", () => {
    expect(statusText(checkPayload('{"a":1}'), "RequestResponse")).toEqual({
      text: "✓ valid JSON · 7 B of 6.0 MB",
      ok: true,
    });
    expect(statusText(checkPayload(""), "Event").text).toBe("✓ empty payload (sent as {}) · 0 B of 1.0 MB");
    const broken = statusText(checkPayload('{"a": }'), "RequestResponse");
    expect(broken.ok).toBe(false);
    expect(broken.text).toMatch(/^✗ line 1, column 7: Expected a value · 7 B of 6\.0 MB$/);
  });

  it("says how far over the limit a payload is, with no line and column (once 'line 1, column 1')", () => {
    const big = statusText(checkPayload(`"${"x".repeat(1024 * 1024 - 1)}"`, "Event"), "Event");
    expect(big.ok).toBe(false);
    expect(big.text).toBe(
      "✗ Payload is 1.0 MB (1,048,577 bytes), 1 byte over the 1 MB limit for Event invocations · 1.0 MB of 1.0 MB",
    );
  });
});
