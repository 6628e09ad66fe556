// What the build's start-up patches (scripts/patches/) are worth, isolated: each patched
// package loaded and first used in a fresh process, bundled as the shipped build bundles it
// (minified, NODE_ENV=production), with the patch and without it, runs interleaved so the
// machine's load falls on both alike. Reported: the median time from process start to the
// work done (wall, what start-up waits for) and the process's CPU time (user + system, which
// other work on the machine moves less). The same cost is part of the explorer's first frame
// (tui-first-frame), where it is smaller than that figure's run-to-run spread on a busy machine.
// Ink's output-cache patch saves per frame: its Output, bundled with and without the patch,
// turns frames of a 200×60 log scrolled a line a frame into text (isolated: Ink's output step
// alone; result-scroll times the same scrolling key to frame in the app).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { ROOT, figure } from "./lib.mjs";
import { patchPackages } from "../scripts/patch-packages.mjs";
import { patch as yogaWithoutFetch } from "../scripts/patches/yoga-layout-3.2.1-without-fetch.mjs";
import { patch as stringWidthFast } from "../scripts/patches/string-width-8.3.0-fast.mjs";
import { patch as sliceAnsiNarrowTokens } from "../scripts/patches/slice-ansi-8.0.0-narrow-tokens.mjs";

const RUNS = Number(process.env.RUNS ?? 15);
const dir = mkdtempSync(path.join(os.tmpdir(), "lx-patches-bench-"));
const DONE = "console.log(JSON.stringify({ ms: performance.now(), cpu: process.cpuUsage() }));";

const CASES = [
  {
    patch: yogaWithoutFetch,
    what: "Yoga loaded and one layout",
    program: `import Yoga from "yoga-layout";
const root = Yoga.Node.create();
root.setWidth(200); root.setHeight(60);
for (let i = 0; i < 3; i++) root.insertChild(Yoga.Node.create(), i);
root.calculateLayout(200, 60, Yoga.DIRECTION_LTR);
${DONE}`,
  },
  {
    patch: stringWidthFast,
    what: "string-width loaded, a 200×60 frame of borders measured",
    program: `import stringWidth from "string-width";
const lines = ["┌" + "─".repeat(198) + "┐", ...Array.from({ length: 58 }, (_, i) => "│ orders-api  node20  " + "·".repeat(i) + " ▸ → ✓ │"), "└" + "─".repeat(198) + "┘"];
let w = 0;
for (const l of lines) w += stringWidth(l);
if (w === 0) throw new Error("no width");
${DONE}`,
  },
  {
    patch: sliceAnsiNarrowTokens,
    what: "slice-ansi loaded, the lines of a 200×60 frame cut to a pane (as Ink clips a box)",
    program: `import sliceAnsi from "slice-ansi";
const lines = ["╭" + "─".repeat(198) + "╮", ...Array.from({ length: 58 }, (_, i) => "│\u001b[7m› orders-api-" + i + "\u001b[27m  nodejs20.x  256 MB  " + "·".repeat(i) + " ▸ → ✓ │"), "╰" + "─".repeat(198) + "╯"];
let n = 0;
for (const l of lines) n += sliceAnsi(l, 1, 120).length;
if (n === 0) throw new Error("nothing cut");
${DONE}`,
  },
];

async function bundle(name, program, patches) {
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: program, resolveDir: ROOT, loader: "js" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Minified as scripts/build.mjs minifies: whitespace and syntax, names kept.
    minifyWhitespace: true,
    minifySyntax: true,
    define: { "process.env.NODE_ENV": '"production"' },
    outfile,
    logLevel: "error",
    plugins: [patchPackages(patches)],
  });
  return outfile;
}

function runOnce(file) {
  const r = spawnSync(process.execPath, [file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr}`);
  const { ms, cpu } = JSON.parse(r.stdout.trim().split("\n").at(-1));
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const c of CASES) {
  const withIt = await bundle(`${c.patch.name}-with`, c.program, [c.patch]);
  const without = await bundle(`${c.patch.name}-without`, c.program, []);
  runOnce(withIt);
  runOnce(without);
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(runOnce(withIt));
    b.push(runOnce(without));
  }
  const f = (xs, k) => median(xs.map((x) => x[k]));
  figure({
    figure: `${c.patch.name}: ${c.what}, with / without (isolated)`,
    measured: `${f(a, "ms").toFixed(1)} / ${f(b, "ms").toFixed(1)} ms wall, ${f(a, "cpuMs").toFixed(1)} / ${f(b, "cpuMs").toFixed(1)} ms CPU`,
  });
}
// Ink's output step: a 200×60 frame of styled log lines, scrolled one line a frame.
const { patch: inkOutputCache } = await import("../scripts/patches/ink-6.8.0-output-cache.mjs");
async function inkOutput(name, patches) {
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    stdin: {
      contents: `export { default as Output } from ${JSON.stringify(path.join(ROOT, "node_modules/ink/build/output.js"))};`,
      resolveDir: ROOT,
    },
    bundle: true,
    platform: "node",
    format: "esm",
    // Minified as scripts/build.mjs minifies: whitespace and syntax, names kept.
    minifyWhitespace: true,
    minifySyntax: true,
    define: { "process.env.NODE_ENV": '"production"' },
    outfile,
    logLevel: "error",
    plugins: [patchPackages(patches)],
  });
  return (await import(pathToFileURL(outfile).href)).Output;
}
const log = Array.from(
  { length: 2000 },
  (_, i) =>
    `\u001b[2m2026-12-03T03:00:${String(i % 60).padStart(2, "0")}.000Z\u001b[22m  \u001b[36mINFO\u001b[39m  processing order ${i} of the batch, items [1,2,3] → ok`,
);
function frames(Output, n) {
  const times = [];
  for (let f = 0; f < n; f++) {
    const t = performance.now();
    const out = new Output({ width: 200, height: 60 });
    for (let y = 0; y < 60; y++) out.write(0, y, log[(f + y) % log.length], { transformers: [] });
    out.get();
    times.push(performance.now() - t);
  }
  return times;
}
const OutputWith = await inkOutput("ink-with", [inkOutputCache]);
const OutputWithout = await inkOutput("ink-without", []);
frames(OutputWith, 100);
frames(OutputWithout, 100);
const withTimes = [];
const withoutTimes = [];
for (let i = 0; i < 5; i++) {
  withTimes.push(...frames(OutputWith, 200));
  withoutTimes.push(...frames(OutputWithout, 200));
}
figure({
  figure: `${inkOutputCache.name}: Ink's output step, 200×60 log scrolled a line a frame, with / without (isolated)`,
  measured: `${median(withTimes).toFixed(2)} / ${median(withoutTimes).toFixed(2)} ms a frame (median of ${withTimes.length})`,
});
rmSync(dir, { recursive: true, force: true });
