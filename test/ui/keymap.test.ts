import { describe, expect, it } from "vitest";
import { COMMANDS, commandFor, hintsFor, keyLabel, printable } from "../../src/ui/keys/keymap.js";
import { press, RAW } from "../helpers/keys.js";

describe("the key table", () => {
  it("finds the command of a scope for a key", () => {
    expect(commandFor("global", ...press("q"))).toBe("app.quit");
    expect(commandFor("global", ...press(RAW.ctrl("c")))).toBe("app.forceQuit");
    expect(commandFor("global", ...press(RAW.tab))).toBe("focus.next");
    expect(commandFor("global", ...press(RAW.shiftTab))).toBe("focus.prev");
    expect(commandFor("picker", ...press("j"))).toBe("list.down");
    expect(commandFor("picker", ...press(RAW.down))).toBe("list.down");
    expect(commandFor("picker", ...press("x"))).toBeNull();
    expect(commandFor("global", ...press(RAW.ctrl("q")))).toBeNull();
    expect(commandFor("result", ...press(" "))).toBe("view.pageDown");
    expect(commandFor("editor", ...press(RAW.ctrl("s")))).toBe("editor.invoke");
  });

  it("has no key bound twice within one scope", () => {
    const seen = new Set<string>();
    for (const cmd of COMMANDS) {
      for (const b of cmd.keys) {
        const id = `${cmd.scope}:${keyLabel(b)}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });

  it("draws footer hints from the table, most specific scope first", () => {
    const hints = hintsFor(["picker", "global"]);
    expect(hints[0]).toEqual({ keys: "↑/k", hint: "move" });
    expect(keyLabel("ctrl+s")).toBe("Ctrl+S");
    expect(keyLabel("shift+tab")).toBe("Shift+Tab");
    expect(keyLabel("pgdn")).toBe("PgDn");
    expect(keyLabel("G")).toBe("G");
    expect(hints.some((h) => h.hint === "quit" && h.keys === "q")).toBe(true);
    expect(hints.some((h) => h.hint === "done")).toBe(false);
  });

  it("offers no character command where characters are typed as text (q would type a q there)", () => {
    for (const scope of ["filter", "editor", "search", "prompt"] as const) {
      const keys = hintsFor([scope, "global"]).map((h) => h.keys);
      expect(keys, scope).not.toContain("q");
      expect(keys, scope).not.toContain("?");
    }
    expect(hintsFor(["filter", "global"])[0]).toEqual({ keys: "Enter", hint: "choose" });
    expect(hintsFor(["result", "global"]).map((h) => h.keys)).toContain("q");
  });

  it("leads with Esc stop while an invocation or its logs are awaited", () => {
    const hints = hintsFor(["busy", "editor", "global"]);
    expect(hints[0]).toEqual({ keys: "Esc", hint: "stop" });
    expect(hints.filter((h) => h.keys === "Esc")).toHaveLength(1);
    expect(hintsFor(["editor", "global"])).toContainEqual({ keys: "Esc", hint: "leave" });
  });

  it("tells typed text from control keys", () => {
    expect(printable(...press("a"))).toBe("a");
    expect(printable(...press("é"))).toBe("é");
    expect(printable(...press(RAW.enter))).toBeNull();
    expect(printable(...press(RAW.ctrl("c")))).toBeNull();
    expect(printable(...press(RAW.up))).toBeNull();
    // A paste into a one-line field: its lines joined by spaces, control characters dropped.
    expect(printable(...press("\u001b[200~a\r\nb\u0007\u001b[201~"))).toBe("a b");
  });
});
