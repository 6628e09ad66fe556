import { describe, expect, it } from "vitest";
import {
  completionRequest,
  initialPathPrompt,
  MAX_CANDIDATES,
  pathPromptReducer,
  type DirEntry,
  type PathPromptAction,
  type PathPromptState,
} from "../../../src/ui/panes/payload/pathPromptReducer.js";

const run = (s: PathPromptState, ...actions: PathPromptAction[]) => actions.reduce(pathPromptReducer, s);
/** The text with the cursor marked by "|". */
const show = (s: PathPromptState) => s.text.slice(0, s.cursor) + "|" + s.text.slice(s.cursor);
const at = (text: string, cursor = text.length): PathPromptState => ({ ...initialPathPrompt(text), cursor });

const file = (name: string): DirEntry => ({ name, directory: false });
const dir = (name: string): DirEntry => ({ name, directory: true });
/** Tab, answered at once with `entries` as the listing of the directory asked for. */
function tab(s: PathPromptState, entries: DirEntry[], seen?: (dir: string) => void): PathPromptState {
  const request = completionRequest(s);
  seen?.(request.dir);
  return pathPromptReducer(s, { type: "completions", request, entries });
}

describe("pathPromptReducer: editing", () => {
  it("starts with the cursor at the end of the text given", () => {
    expect(show(initialPathPrompt())).toBe("|");
    expect(show(initialPathPrompt("./a.json"))).toBe("./a.json|");
  });

  it("starts again from a suggestion, dropping the text, candidates and message before", () => {
    const used = run(at("old/path", 3), { type: "message", message: "No file at old/path" });
    const again = run(used, { type: "reset", text: "out.log" });
    expect(show(again)).toBe("out.log|");
    expect(again).toMatchObject({ candidates: [], message: null });
    expect(show(run(used, { type: "reset", text: "" }))).toBe("|");
  });

  it("types at the cursor and drops line breaks and control characters from a paste", () => {
    expect(show(run(at("./.json", 2), { type: "type", text: "a" }))).toBe("./a|.json");
    expect(show(run(at(""), { type: "type", text: "/tmp/e\u001b[31mv.json\r\n" }))).toBe("/tmp/e[31mv.json|");
    const same = at("x");
    expect(run(same, { type: "type", text: "\n" })).toBe(same);
  });

  it("deletes and moves by whole characters", () => {
    const s = at("a/é/😀.json", 4); // after "é" written as e + combining accent
    const accented = "a/e\u0301/x";
    expect(show(run(at(accented, 4), { type: "backspace" }))).toBe("a/|/x");
    expect(show(run(at(accented, 2), { type: "delete" }))).toBe("a/|/x");
    expect(show(run(at(accented, 2), { type: "right" }))).toBe("a/e\u0301|/x");
    expect(show(run(at("ab😀", 4), { type: "left" }))).toBe("ab|😀");
    expect(show(run(s, { type: "home" }))).toBe("|a/é/😀.json");
    expect(show(run(s, { type: "home" }, { type: "end" }))).toBe("a/é/😀.json|");
  });

  it("returns the same state when nothing changes", () => {
    const s = at("abc", 0);
    expect(run(s, { type: "backspace" }, { type: "left" }, { type: "home" })).toBe(s);
    const e = at("abc");
    expect(run(e, { type: "delete" }, { type: "right" }, { type: "end" })).toBe(e);
  });

  it("shows a message until the text changes", () => {
    const s = run(at("a.json"), { type: "message", message: "No file at /x/a.json" });
    expect(s.message).toBe("No file at /x/a.json");
    expect(run(s, { type: "left" }).message).toBe("No file at /x/a.json");
    expect(run(s, { type: "type", text: "x" }).message).toBeNull();
    expect(run(s, { type: "message", message: null }).message).toBeNull();
  });
});

describe("pathPromptReducer: Tab completion", () => {
  it("asks for the directory typed before the cursor and the name begun", () => {
    expect(completionRequest(at("./events/or"))).toMatchObject({ dir: "./events/", prefix: "or" });
    expect(completionRequest(at("ev"))).toMatchObject({ dir: "", prefix: "ev" });
    expect(completionRequest(at("~/"))).toMatchObject({ dir: "~/", prefix: "" });
    expect(completionRequest(at("/a/bc/de", 5))).toMatchObject({ dir: "/a/", prefix: "bc", cursor: 5 });
  });

  it("completes a single match whole, with a slash after a directory", () => {
    const asked: string[] = [];
    let s = tab(at("./ev"), [dir("events"), file("package.json")], (d) => asked.push(d));
    expect(show(s)).toBe("./events/|");
    s = tab(s, [file("order.json"), dir("old")], (d) => asked.push(d));
    expect(show(s)).toBe("./events/o|");
    s = run(s, { type: "type", text: "r" });
    s = tab(s, [file("order.json"), dir("old")], (d) => asked.push(d));
    expect(show(s)).toBe("./events/order.json|");
    expect(asked).toEqual(["./", "./events/", "./events/"]);
    expect(s.candidates).toEqual([]);
  });

  it("extends several matches to what they share and lists them, sorted", () => {
    const s = tab(at("ord"), [file("orders-v2.json"), file("orders-v1.json"), dir("orders"), file("x")]);
    expect(show(s)).toBe("orders|");
    expect(s.candidates).toEqual(["orders-v1.json", "orders-v2.json", "orders/"]);
    expect(s.moreCandidates).toBe(0);
    expect(run(s, { type: "type", text: "-" }).candidates).toEqual([]);
  });

  it("lists at most MAX_CANDIDATES and counts the rest", () => {
    const many = Array.from({ length: MAX_CANDIDATES + 3 }, (_, i) =>
      file(`e${String(i).padStart(2, "0")}.json`),
    );
    const s = tab(at(""), many);
    expect(show(s)).toBe("e|");
    expect(s.candidates).toHaveLength(MAX_CANDIDATES);
    expect(s.moreCandidates).toBe(3);
  });

  it("leaves hidden entries out unless the name begun starts with a dot", () => {
    const entries = [file(".env.json"), file("event.json")];
    expect(show(tab(at(""), entries))).toBe("event.json|");
    expect(show(tab(at("."), entries))).toBe(".env.json|");
  });

  it("completes in the middle, keeping the text after the cursor", () => {
    expect(show(tab(at("./ev/order.json", 4), [dir("events")]))).toBe("./events/|/order.json");
  });

  it("says when nothing matches", () => {
    expect(tab(at("./zz"), [file("a.json")]).message).toBe('Nothing in ./ starts with "zz"');
    expect(tab(at(""), []).message).toBe("Nothing here");
  });

  it("never stops inside a character the matches share only part of", () => {
    const s = tab(at(""), [file("e\u0301t\u00e9.json"), file("e\u0300te.json")]);
    expect(s.text).toBe("");
  });

  it("drops a listing that comes after the text changed", () => {
    const s = at("./ev");
    const request = completionRequest(s);
    const typed = run(s, { type: "type", text: "x" });
    expect(run(typed, { type: "completions", request, entries: [dir("events")] })).toBe(typed);
  });
});
