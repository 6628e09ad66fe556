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
const turns = async () => {
  for (let i = 0; i < 5; i++) await turn();
};

/** A started KeyInput that records each key's name and holds the keys after Enter on `work`. */
function holdingOnEnter(work: () => Promise<unknown>) {
  const stdin = fakeStdin();
  const input = new KeyInput(stdin);
  const seen: string[] = [];
  input.subscribe((key) => {
    seen.push(key.name);
    if (key.name === "enter") input.holdUntil(work());
    return true;
  });
  input.start();
  return { stdin, input, seen };
}

describe("KeyInput.holdUntil", () => {
  it("keeps the keys after Enter until the work and its screen are done, in order", async () => {
    const work = deferred();
    const screen = deferred();
    const { stdin, input, seen } = holdingOnEnter(() => work.promise);
    let settled = false;
    input.setSettle(() => ((settled = true), screen.promise));
    stdin.type("a\rbc");
    await turns();
    expect(seen).toEqual(["a", "enter"]);
    work.resolve();
    await turns();
    // The work is done, but what it changed is not on screen yet.
    expect(settled).toBe(true);
    expect(seen).toEqual(["a", "enter"]);
    screen.resolve();
    await turns();
    expect(seen).toEqual(["a", "enter", "b", "c"]);
    input.stop();
  });

  it("lets the keys go on when the work fails", async () => {
    const { stdin, input, seen } = holdingOnEnter(() => Promise.reject(new Error("unreadable")));
    stdin.type("\rx");
    await turns();
    expect(seen).toEqual(["enter", "x"]);
    input.stop();
  });

  it("does not hold Ctrl+C", async () => {
    const work = deferred();
    const { stdin, input, seen } = holdingOnEnter(() => work.promise);
    stdin.type("\rq");
    await turns();
    stdin.type("\u0003");
    await turns();
    expect(seen).toEqual(["enter", "ctrl+c"]);
    work.resolve();
    await turns();
    expect(seen).toEqual(["enter", "ctrl+c", "q"]);
    input.stop();
  });
});
