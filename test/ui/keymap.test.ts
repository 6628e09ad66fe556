import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { COMMANDS, commandFor, hintsFor, keyLabel, printable } from "../../src/ui/keys/keymap.js";
import { key } from "./picker/functions.js";

const none: Key = key();

describe("the key table", () => {
  it("finds the command of a scope for a key", () => {
    expect(commandFor("global", "q", none)).toBe("app.quit");
    expect(commandFor("global", "c", key({ ctrl: true }))).toBe("app.forceQuit");
    expect(commandFor("global", "", key({ tab: true }))).toBe("focus.next");
    expect(commandFor("global", "", key({ tab: true, shift: true }))).toBe("focus.prev");
    expect(commandFor("picker", "j", none)).toBe("list.down");
    expect(commandFor("picker", "", key({ downArrow: true }))).toBe("list.down");
    expect(commandFor("picker", "x", none)).toBeNull();
    expect(commandFor("global", "q", key({ ctrl: true }))).toBeNull();
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
    expect(printable("a", none)).toBe("a");
    expect(printable("é", none)).toBe("é");
    expect(printable("", key({ return: true }))).toBeNull();
    expect(printable("c", key({ ctrl: true }))).toBeNull();
    expect(printable("\u001b[A", none)).toBeNull();
  });
});
