import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { escapeCut, splitEscapeReads } from "../../../src/ui/input/escapeReads.js";

describe("escapeCut", () => {
  it("cuts after an Esc that starts no escape sequence", () => {
    expect(escapeCut("\u001bq")).toBe(1);
    expect(escapeCut("\u001b?")).toBe(1);
    expect(escapeCut("ab\u001bq")).toBe(3);
    expect(escapeCut("\u001b[A\u001b4")).toBe(4);
    // Esc, Esc, q: each Esc alone (Ink would take the two for one).
    expect(escapeCut("\u001b\u001bq")).toBe(1);
    expect(escapeCut("\u001bq")).toBe(1);
    expect(escapeCut("\u001b\u001b")).toBe(1);
  });

  it("leaves escape sequences, a lone Esc and plain text whole", () => {
    expect(escapeCut("\u001b[A")).toBe(-1);
    expect(escapeCut("\u001bOA")).toBe(-1);
    expect(escapeCut("\u001b\u001b[D")).toBe(-1);
    expect(escapeCut("\u001b")).toBe(-1);
    expect(escapeCut("q")).toBe(-1);
  });
});

/** A stream that hands out the chunks it is given, as stdin.read() does. */
function fakeStdin(chunks: string[]) {
  const e = new EventEmitter() as EventEmitter & { read(): unknown };
  e.read = () => chunks.shift() ?? null;
  return e;
}

const turn = () => new Promise((r) => setImmediate(r));

describe("splitEscapeReads", () => {
  it("hands over Esc and the key after it as two reads, the key a turn of the loop later", async () => {
    const stdin = fakeStdin(["x\u001b?", "y"]);
    splitEscapeReads(stdin);
    splitEscapeReads(stdin); // twice is once
    let readable = 0;
    stdin.on("readable", () => readable++);
    expect(stdin.read()).toBe("x\u001b");
    // Nothing more until Ink has had its turn to take the lone Esc; "y" waits its turn too.
    expect(stdin.read()).toBeNull();
    await turn();
    expect(readable).toBe(0);
    await turn();
    expect(readable).toBe(1);
    expect(stdin.read()).toBe("?");
    expect(stdin.read()).toBe("y");
    expect(stdin.read()).toBeNull();
  });

  it("passes arrows and other reads through unchanged", () => {
    const stdin = fakeStdin(["\u001b[B", "abc", "\u001b"]);
    splitEscapeReads(stdin);
    expect(stdin.read()).toBe("\u001b[B");
    expect(stdin.read()).toBe("abc");
    expect(stdin.read()).toBe("\u001b");
  });
});
