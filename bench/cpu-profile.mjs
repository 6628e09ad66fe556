// Where the app's CPU time went in a window of a `node --cpu-prof` profile, by phase of a frame
// (search, React, Ink's output, Yoga, the write, GC): what key-frame.bench.mjs prints with
// PROFILE=1, to choose what to make faster. Positions in dist/ are mapped back to src/ and
// node_modules/ through the build's source maps (`LX_BUILD_SOURCEMAP=1 npm run build`; the shipped
// build has none).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";

/** Each sample counts for its innermost frame that one of these recognises, leaf first. */
const PHASES = [
  ["fuzzy search (ranking.ts, fuzzysort)", /fuzzysort|src\/core\/ranking/],
  ["Yoga layout", /yoga|^wasm:/],
  [
    "Ink output: frame to text (output, slice-ansi, ansi-tokenize, widths)",
    /ink\/build\/(output|render-node-to-output|render-border|render-background|squash-text-nodes|wrap-text|measure-text|get-max-width|colorize|renderer)|slice-ansi|ansi-tokenize|string-width|wrap-ansi|strip-ansi|cli-truncate|widest-line|ansi-styles|chalk|emoji-regex|east-asian/,
  ],
  ["Ink log-update and the write", /ink\/build\/(log-update|ink)\.|node:internal\/(stream|net)|node:tty/],
  ["our components, hooks and reducers (src/ui)", /src\/ui\//],
  ["React reconciler", /react-reconciler|\/react\/|scheduler/],
];

/** Where `url`:`line`:`column` of a profile comes from: a source file, else the URL. */
function sourceMapper() {
  const maps = new Map();
  return (url, line, column) => {
    if (!url.startsWith("file://")) return url || "(native)";
    const file = new URL(url).pathname;
    if (!maps.has(file)) {
      try {
        maps.set(file, new TraceMap(readFileSync(`${file}.map`, "utf8"), file));
      } catch {
        maps.set(file, null);
      }
    }
    const map = maps.get(file);
    return (map && originalPositionFor(map, { line: line + 1, column }).source) || file;
  };
}

/** The package (node_modules) or our file a source is in. */
function owner(source, name) {
  if (name === "(garbage collector)") return "GC";
  if (name === "(program)") return "(program: V8 and native code outside JS)";
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? /src\/.*/.exec(source)?.[0] ?? source;
}

/**
 * The CPU time of the profile in `dir` between `fromMs` and `toMs` after the process started
 * (the profiler starts with it), by phase and by package, per key for `keys` keys; as lines.
 */
export function cpuBreakdown(dir, fromMs, toMs, keys) {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return [`no .cpuprofile in ${dir}`];
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const map = sourceMapper();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  const source = new Map();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) parent.set(c, n.id);
    const f = n.callFrame;
    source.set(n.id, map(f.url, f.lineNumber, f.columnNumber));
  }
  const byPhase = new Map();
  const byOwner = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    const t = (at - profile.startTime) / 1000;
    const name = nodes.get(id).callFrame.functionName;
    if (t < fromMs || t > toMs || name === "(idle)") return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    busy += ms;
    add(byOwner, owner(source.get(id), name), ms);
    let phase = name.startsWith("(") ? name : null;
    for (let n = id; n !== undefined && !phase; n = parent.get(n))
      phase = PHASES.find(([, re]) => re.test(source.get(n)))?.[0] ?? null;
    add(byPhase, phase ?? `other: ${owner(source.get(id), name)}`, ms);
  });
  const row = ([label, ms]) =>
    `  ${(ms / keys).toFixed(1).padStart(6)} ms/key ${((100 * ms) / busy).toFixed(0).padStart(3)}%  ${label}`;
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [
    `CPU while typing: ${(busy / keys).toFixed(1)} ms per key (${keys} keys), by phase of the frame:`,
    ...top(byPhase, 10).map(row),
    `by package (self time):`,
    ...top(byOwner, 12).map(row),
  ];
}
