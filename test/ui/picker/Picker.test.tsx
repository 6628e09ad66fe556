import { vi, describe, expect, it } from "vitest";

// Colour on, so highlights and the inverse selection show in frames (read when chalk loads).
vi.hoisted(() => {
  process.env.FORCE_COLOR = "1";
});

import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { Picker } from "../../../src/ui/picker/Picker.js";
import {
  initialPickerState,
  pickerReducer,
  settled,
  type PickerAction,
  type PickerState,
} from "../../../src/ui/picker/pickerReducer.js";
import { fn, fns, many } from "./functions.js";

const ESC = "\u001b";
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");
/** The state after `actions`, with the search they made due done (as usePickerSearch does). */
const run = (s: PickerState, ...actions: PickerAction[]) => settled(actions.reduce(pickerReducer, s));
const withItems = (items = fns("alpha", "bravo"), rows = 10, loading = false) =>
  run(initialPickerState(), { type: "resize", rows }, { type: "items", items, loading });

function frame(state: PickerState, width = 80, height = 12, focused = true): string {
  const { lastFrame, unmount } = render(
    <Picker state={state} width={width} height={height} focused={focused} />,
  );
  const out = lastFrame() ?? "";
  unmount();
  return out;
}
const lines = (out: string) =>
  plain(out)
    .split("\n")
    .map((l) => l.trimEnd());

describe("Picker", () => {
  it("shows a title with the count and a filter hint, then the rows", () => {
    const out = lines(frame(withItems([fn("alpha", { memoryMb: 256, timeoutS: 30 }), fn("bravo")])));
    expect(out[0]).toMatch(/^Functions 2 \/ filter/);
    expect(out[1]).toMatch(/^› alpha\s+nodejs20\.x\s+256 MB\s+30 s\s+2024-05-01$/);
    expect(out[2]).toMatch(/^ {2}bravo\s+nodejs20\.x\s+128 MB\s+3 s\s+2024-05-01$/);
    expect(out).toHaveLength(3);
  });

  it("shows missing values as dashes", () => {
    const item = fn("bare", { runtime: null, memoryMb: null, timeoutS: null, lastModified: null });
    expect(lines(frame(withItems([item])))[1]).toMatch(/^› bare\s+-\s+-\s+-\s+-$/);
  });

  it("says when it is loading", () => {
    expect(lines(frame(initialPickerState()))).toEqual([
      expect.stringMatching(/loading…/),
      "loading functions…",
    ]);
    expect(lines(frame(withItems(fns("a"), 5, true)))[0]).toMatch(/^Functions 1 loading…/);
  });

  it("says when there are no functions", () => {
    expect(lines(frame(withItems([])))[1]).toBe("no functions");
  });

  it("says when nothing matches the query", () => {
    const s = run(withItems(), { type: "startFilter", text: "zz" });
    expect(lines(frame(s))[1]).toBe("no match for “zz”");
  });

  it("shows the query and a cursor while filtering, the query after accepting", () => {
    const s = run(withItems(), { type: "startFilter", text: "al" });
    const out = frame(s);
    expect(lines(out)[0]).toBe("Functions 1/2 /al");
    expect(out.split("\n")[0]).toContain(`${ESC}[7m ${ESC}[27m`); // the cursor
    expect(lines(frame(run(s, { type: "acceptFilter" })))[0]).toMatch(/^Functions 1\/2 \/al$/);
  });

  it("highlights the matched characters of a name", () => {
    const s = run(withItems(fns("orders-api", "payments")), { type: "startFilter", text: "oapi" });
    const row = frame(s).split("\n")[1]!;
    expect(plain(row)).toMatch(/orders-api/);
    // o, then a-p-i, each in bold yellow.
    expect(row).toMatch(new RegExp(`${ESC}\\[1m${ESC}\\[33mo${ESC}`));
    expect(row).toMatch(new RegExp(`${ESC}\\[1m${ESC}\\[33mapi${ESC}`));
  });

  it("shows the selected row inverse only when focused", () => {
    const s = withItems();
    expect(frame(s, 80, 12, true).split("\n")[1]).toContain(`${ESC}[7m`);
    expect(frame(s, 80, 12, false).split("\n")[1]).not.toContain(`${ESC}[7m`);
    expect(frame(s, 80, 12, true).split("\n")[2]).not.toContain(`${ESC}[7m`);
  });

  it("renders only the visible window of a long list", () => {
    const s = run(withItems(many(1000), 10), { type: "move", delta: 500 });
    const out = lines(frame(s, 80, 11));
    expect(out).toHaveLength(11);
    expect(out[0]).toMatch(/^Functions 1000/);
    expect(out.slice(1).map((l) => l.slice(2, 9))).toEqual(
      Array.from({ length: 10 }, (_, i) => `fn-${String(491 + i).padStart(4, "0")}`),
    );
    expect(out[10]).toMatch(/^› fn-0500/);
  });

  it("never draws more rows than its height", () => {
    const out = lines(frame(withItems(many(50), 30), 80, 6));
    expect(out).toHaveLength(6);
  });

  it("drops columns as it narrows: last modified, then timeout, then memory", () => {
    const s = withItems([fn("a-function-name", { memoryMb: 512, timeoutS: 60 })]);
    const row = (width: number) => lines(frame(s, width))[1]!;
    expect(row(80)).toMatch(/nodejs20\.x\s+512 MB\s+60 s\s+2024-05-01$/);
    expect(row(55)).toMatch(/nodejs20\.x\s+512 MB\s+60 s$/);
    expect(row(44)).toMatch(/nodejs20\.x\s+512 MB$/);
    expect(row(36)).toMatch(/a-function-name\s+nodejs20\.x$/);
    expect(row(25)).toBe("› a-function-name");
  });

  it("pads rows to the full width so the selection is one bar", () => {
    const out = plain(frame(withItems(), 60)).split("\n");
    expect(stringWidth(out[1]!)).toBe(60);
  });

  it("cuts a long name with an ellipsis to fit the width", () => {
    const s = withItems([fn("a-really-long-function-name-that-goes-on-and-on-forever")]);
    for (const width of [20, 30, 45]) {
      const out = lines(frame(s, width));
      expect(out[1]).toContain("…");
      for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(width);
    }
  });

  it("fits wide characters by columns", () => {
    const s = withItems([fn("関数-関数-関数-関数-関数-関数-関数-関数-関数")]);
    for (const l of lines(frame(s, 24))) expect(stringWidth(l)).toBeLessThanOrEqual(24);
  });

  it("shows escape sequences in names and queries escaped", () => {
    const s = run(withItems([fn(`evil${ESC}[2J\u0007name`)]), { type: "startFilter", text: `ev${ESC}[31m` });
    const out = frame(s);
    expect(out).not.toContain(`${ESC}[2J`);
    expect(out).not.toContain(`${ESC}[31m`);
    expect(out).not.toContain("\u0007");
    expect(lines(out)[0]).toContain("/ev\\e[31m");
    const filtered = frame(run(s, { type: "stopFilter" }));
    expect(plain(filtered)).toContain("evil\\e[2J\\x07name");
  });

  it.each([
    [0, 0],
    [0, 5],
    [5, 0],
    [1, 1],
    [1, 5],
    [5, 1],
    [5, 5],
    [3, 2],
    [12, 3],
  ])("does not throw at %i×%i", (width, height) => {
    for (const state of [
      initialPickerState(),
      withItems(many(20), 5),
      run(withItems(many(20), 5), { type: "startFilter", text: "fn-001" }),
      run(withItems(many(20), 5), { type: "startFilter", text: "nothing" }),
    ]) {
      const out = lines(frame(state, width, height));
      if (height === 0 || width === 0) expect(out.join("")).toBe("");
      else {
        expect(out.length).toBeLessThanOrEqual(height);
        for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(width);
      }
    }
  });
});
