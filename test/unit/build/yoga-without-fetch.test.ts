// The build's patch of Yoga's wasm loader (scripts/patches/yoga-layout-3.2.1-without-fetch.mjs) on the installed
// yoga-layout: bundled with the plugin, Yoga loads without calling fetch() and lays out a tree
// exactly as the original does (which does call fetch, for its data: URL).
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { bundleDir, bundleEntry } from "../../helpers/patched-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { patch } from "../../../scripts/patches/yoga-layout-3.2.1-without-fetch.mjs";

const dir = bundleDir("yoga");

// Counts fetch() calls while Yoga loads, then lays out a row of three boxes in a 100x20 root.
const PROGRAM = `
let fetches = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = (...args) => (fetches++, realFetch(...args));
const { default: Yoga } = await import("yoga-layout");
const root = Yoga.Node.create();
root.setWidth(100);
root.setHeight(20);
root.setFlexDirection(Yoga.FLEX_DIRECTION_ROW);
const children = [1, 2, 3].map((grow, i) => {
  const n = Yoga.Node.create();
  n.setFlexGrow(grow);
  n.setMargin(Yoga.EDGE_ALL, i);
  root.insertChild(n, i);
  return n;
});
root.calculateLayout(100, 20, Yoga.DIRECTION_LTR);
console.log(JSON.stringify({ fetches, layout: children.map((n) => n.getComputedLayout()) }));
`;

async function run(name: string, patched: boolean): Promise<{ fetches: number; layout: unknown }> {
  const outfile = await bundleEntry(dir, name, PROGRAM, patched && patch, "js");
  return JSON.parse(execFileSync(process.execPath, [outfile], { encoding: "utf8" })) as {
    fetches: number;
    layout: unknown;
  };
}

describe("the build's patch of Yoga's wasm loader", () => {
  it("loads Yoga without fetch() and lays out as the original does", async () => {
    const [original, patched] = await Promise.all([run("original", false), run("patched", true)]);
    expect(original.fetches).toBeGreaterThan(0);
    expect(patched.fetches).toBe(0);
    expect(patched.layout).toEqual(original.layout);
  });
});
