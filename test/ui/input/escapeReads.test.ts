import { describe, expect, it } from "vitest";
import { markEscapeReads, markEscapes } from "../../../src/ui/input/escapeReads.js";

const ESC = "\u001b";

describe("markEscapes", () => {
  it("doubles each Esc that starts no escape sequence: the form Ink takes for Esc at once", () => {
    expect(markEscapes(`${ESC}q`)).toBe(`${ESC}${ESC}q`);
    expect(markEscapes(`${ESC}?`)).toBe(`${ESC}${ESC}?`);
    expect(markEscapes(`ab${ESC}4`)).toBe(`ab${ESC}${ESC}4`);
    expect(markEscapes(ESC)).toBe(`${ESC}${ESC}`);
    // Esc, Esc, q: two Escs (Ink would take the pair for one).
    expect(markEscapes(`${ESC}${ESC}q`)).toBe(`${ESC}${ESC}${ESC}${ESC}q`);
  });

  it("leaves escape sequences and plain text as they are", () => {
    expect(markEscapes(`${ESC}[A`)).toBe(`${ESC}[A`);
    expect(markEscapes(`${ESC}OA`)).toBe(`${ESC}OA`);
    expect(markEscapes(`${ESC}${ESC}[D`)).toBe(`${ESC}${ESC}[D`);
    expect(markEscapes(`${ESC}[A${ESC}4`)).toBe(`${ESC}[A${ESC}${ESC}4`);
    expect(markEscapes("orders-api")).toBe("orders-api");
  });
});

describe("markEscapeReads", () => {
  it("marks every string read, once however often it is installed", () => {
    const chunks: unknown[] = [`${ESC}q`, "y", null];
    const stdin = { read: () => chunks.shift() ?? null };
    markEscapeReads(stdin);
    markEscapeReads(stdin);
    expect(stdin.read()).toBe(`${ESC}${ESC}q`);
    expect(stdin.read()).toBe("y");
    expect(stdin.read()).toBeNull();
  });
});
