// The key layer's hold: keys read after one that started bounded work (a file the path prompt
// loads) wait for it and for the screen it leads to; Ctrl+C does not wait.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { KeyInput, type InputStream } from "../../../src/ui/input/keyInput.js";

/** A stdin that hands out what `type` was given, one read per call. */
function fakeStdin(): InputStream & { type: (text: string) => void } {
  const events = new EventEmitter();
  const chunks: string[] = [];
  return {
    read: () => chunks.shift() ?? null,
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    type(text: string) {
      chunks.push(text);
      events.emit("readable");
    },
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const turn = () => new Promise<void>((r) => setImmediate(r));

describe("KeyInput.holdUntil", () => {
  it("keeps the keys after Enter until the work and its screen are done, in order", async () => {
    const stdin = fakeStdin();
    const input = new KeyInput(stdin);
    const work = deferred();
    const screen = deferred();
    let settled = false;
    input.setSettle(() => ((settled = true), screen.promise));
    const seen: string[] = [];
    input.subscribe((key) => {
      seen.push(key.name);
      if (key.name === "enter") input.holdUntil(work.promise);
      return true;
    });
    input.start();
    stdin.type("a\rbc");
    for (let i = 0; i < 5; i++) await turn();
    expect(seen).toEqual(["a", "enter"]);
    work.resolve();
    for (let i = 0; i < 5; i++) await turn();
    // The work is done, but what it changed is not on screen yet.
    expect(settled).toBe(true);
    expect(seen).toEqual(["a", "enter"]);
    screen.resolve();
    for (let i = 0; i < 5; i++) await turn();
    expect(seen).toEqual(["a", "enter", "b", "c"]);
    input.stop();
  });

  it("lets the keys go on when the work fails", async () => {
    const stdin = fakeStdin();
    const input = new KeyInput(stdin);
    const seen: string[] = [];
    input.subscribe((key) => {
      seen.push(key.name);
      if (key.name === "enter") input.holdUntil(Promise.reject(new Error("unreadable")));
      return true;
    });
    input.start();
    stdin.type("\rx");
    for (let i = 0; i < 5; i++) await turn();
    expect(seen).toEqual(["enter", "x"]);
    input.stop();
  });

  it("does not hold Ctrl+C", async () => {
    const stdin = fakeStdin();
    const input = new KeyInput(stdin);
    const work = deferred();
    const seen: string[] = [];
    input.subscribe((key) => {
      seen.push(key.name);
      if (key.name === "enter") input.holdUntil(work.promise);
      return true;
    });
    input.start();
    stdin.type("\rq");
    for (let i = 0; i < 5; i++) await turn();
    stdin.type("\u0003");
    for (let i = 0; i < 5; i++) await turn();
    expect(seen).toEqual(["enter", "ctrl+c"]);
    work.resolve();
    for (let i = 0; i < 5; i++) await turn();
    expect(seen).toEqual(["enter", "ctrl+c", "q"]);
    input.stop();
  });
});
