import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { createKeyParser, UNMARKED_PASTE_CHARS } from "../../../src/ui/input/parseKeys.js";
import { KeyInput } from "../../../src/ui/input/keyInput.js";
import type { Key } from "../../../src/ui/input/keys.js";

const names = (...reads: string[]) => {
  const p = createKeyParser();
  return reads.flatMap((r) => p.feed(r)).map((k) => k.name);
};

describe("the key parser", () => {
  it("reads characters, control keys and Ctrl+letters, one key each, in order", () => {
    expect(names("ord\r")).toEqual(["o", "r", "d", "enter"]);
    expect(names("\r{")).toEqual(["enter", "{"]);
    expect(names("G ?\t\u007f\b")).toEqual(["G", "space", "?", "tab", "backspace", "backspace"]);
    expect(names("\u0013\u0003\u001a")).toEqual(["ctrl+s", "ctrl+c", "ctrl+z"]);
    expect(names("é😀")).toEqual(["é", "😀"]);
  });

  it("takes Esc with a character after it as the two keys, never as Alt", () => {
    expect(names("\u001bq")).toEqual(["esc", "q"]);
    expect(names("\u001b?")).toEqual(["esc", "?"]);
    expect(names("\u001b4")).toEqual(["esc", "4"]);
    expect(names("\u001b\u001bq")).toEqual(["esc", "esc", "q"]);
    expect(names("\u001b")).toEqual(["esc"]);
    expect(names("\u001b", "\u001b", "q")).toEqual(["esc", "esc", "q"]);
  });

  it("reads CSI and SS3 keys, with xterm's modifiers and Alt as a leading Esc", () => {
    expect(names("\u001b[A\u001b[B\u001b[C\u001b[D")).toEqual(["up", "down", "right", "left"]);
    expect(names("\u001bOA\u001bOH\u001bOF")).toEqual(["up", "home", "end"]);
    expect(names("\u001b[5~\u001b[6~\u001b[3~\u001b[1~\u001b[4~")).toEqual([
      "pgup",
      "pgdn",
      "delete",
      "home",
      "end",
    ]);
    expect(names("\u001b[Z")).toEqual(["shift+tab"]);
    expect(names("\u001b[1;5D\u001b[1;2A\u001b[1;3C")).toEqual(["ctrl+left", "shift+up", "alt+right"]);
    expect(names("\u001b\u001b[D")).toEqual(["alt+left"]);
    const [left] = createKeyParser().feed("\u001b[1;5D");
    expect(left).toMatchObject({ leftArrow: true, ctrl: true, input: "" });
  });

  it("keeps a sequence cut between two reads until the rest arrives", () => {
    expect(names("\u001b[", "A")).toEqual(["up"]);
    expect(names("x\u001b[1;", "5Dy")).toEqual(["x", "ctrl+left", "y"]);
    expect(names("\u001bO", "B")).toEqual(["down"]);
  });

  it("drops a CSI sequence it does not know, and reads on after it", () => {
    expect(names("\u001b[99zq")).toEqual(["q"]);
  });

  it("takes a bracketed paste as one key, across reads, with its newlines and Escs", () => {
    const p = createKeyParser();
    const keys = [
      ...p.feed('a\u001b[200~{\r  "x": 1,'),
      ...p.feed('\r  "q": "\u001b"\r}\u001b[20'),
      ...p.feed("1~b"),
    ];
    expect(keys.map((k) => k.name)).toEqual(["a", "paste", "b"]);
    expect(keys[1]).toMatchObject({ paste: true, input: '{\r  "x": 1,\r  "q": "\u001b"\r}' });
  });

  it("takes a long run of text in one read as a paste (a terminal that does not mark pastes)", () => {
    const text = `{"lines":150,\r"marker":"${"x".repeat(UNMARKED_PASTE_CHARS)}"}`;
    const keys = createKeyParser().feed(`\u001b${text}\u0013`);
    expect(keys.map((k) => k.name)).toEqual(["esc", "paste", "ctrl+s"]);
    expect(keys[1]!.input).toBe(text);
    // Shorter runs are typed keys: "big-logger" and Enter, read at once, are eleven keys.
    expect(names("big-logger\r")).toHaveLength(11);
    // So is a key held down and read late, however many times it repeats.
    expect(names("j".repeat(400))).toEqual(Array(400).fill("j"));
  });

  it("reads SGR mouse reports: presses, releases, the wheel, at 0-based cells", () => {
    const keys = createKeyParser().feed("\u001b[<0;10;5M\u001b[<0;10;5m\u001b[<64;3;4M\u001b[<65;300;100M");
    expect(keys.map((k) => k.mouse)).toEqual([
      { action: "down", button: 0, x: 9, y: 4 },
      { action: "up", button: 0, x: 9, y: 4 },
      { action: "wheelUp", button: -1, x: 2, y: 3 },
      { action: "wheelDown", button: -1, x: 299, y: 99 },
    ]);
    expect(keys.every((k) => k.name === "mouse")).toBe(true);
  });
});

class FakeStdin extends EventEmitter {
  isTTY = true;
  raw: boolean[] = [];
  private data: string | null = null;
  setRawMode(mode: boolean) {
    this.raw.push(mode);
  }
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  write(d: string) {
    this.data = d;
    this.emit("readable");
  }
}

describe("KeyInput", () => {
  it("hands each key to the newest subscriber first, and on down while unused", async () => {
    const stdin = new FakeStdin();
    const input = new KeyInput(stdin);
    const seen: string[] = [];
    const take = (who: string, wants: (k: Key) => boolean) => (k: Key) => {
      seen.push(`${who}:${k.name}`);
      return wants(k);
    };
    input.subscribe(take("app", () => true));
    const off = input.subscribe(take("overlay", (k) => k.name === "q"));
    input.start();
    stdin.write("qj");
    // The first key of a read at once; the next after React has had its turn.
    expect(seen).toEqual(["overlay:q"]);
    await vi.waitFor(() => expect(seen).toHaveLength(3), { timeout: 10_000, interval: 5 });
    expect(seen).toEqual(["overlay:q", "overlay:j", "app:j"]);
    off();
    stdin.write("q");
    // A read waits for the pace of the keys before it, which a loaded machine may not have run.
    await vi.waitFor(() => expect(seen.at(-1)).toBe("app:q"), { timeout: 10_000, interval: 5 });
    input.stop();
    expect(stdin.raw).toEqual([true, false]);
    stdin.write("x");
    expect(seen.at(-1)).toBe("app:q");
  });
});
