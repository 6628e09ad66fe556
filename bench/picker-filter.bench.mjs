// Filtering the function picker, the search alone: time per keystroke while a query is typed
// one character at a time (each prefix is one search, as in the UI), over 10,000 and 100,000
// realistic names, and the time to build the index. src/core/ranking.ts is bundled with esbuild
// so this runs without a full build, with fuzzysort patched as the build patches it. This is the
// search in isolation, not what a user waits for: key-frame.bench.mjs times the same names and
// queries from key sent to frame written.
import { PATCHES, patchPackages } from "../scripts/patch-packages.mjs";
import { FILTER_QUERIES as QUERIES, figure, importSource, percentile, realisticFunctions } from "./lib.mjs";

const { FunctionIndex } = await importSource('export * from "./src/core/ranking.ts";', [
  // Every fuzzysort patch the build applies (LX_BUILD_WITHOUT=name leaves one out, to compare).
  patchPackages(
    PATCHES.filter(
      (p) =>
        p.name.startsWith("fuzzysort-") && !(process.env.LX_BUILD_WITHOUT ?? "").split(",").includes(p.name),
    ),
  ),
]);

function measure(n, targetMs) {
  const items = realisticFunctions(n);
  const t0 = performance.now();
  const index = new FunctionIndex(items);
  index.prepare(); // otherwise done in idle time and by the first search
  const buildMs = performance.now() - t0;

  // Warm up the JIT the way a session would: a couple of other queries typed first.
  for (const q of ["stream", "gtwy", "a b"]) {
    for (let i = 1; i <= q.length; i++) index.search(q.slice(0, i));
    index.search("");
  }
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      for (let i = 1; i <= query.length; i++) {
        const s = performance.now();
        index.search(query.slice(0, i));
        times.push(performance.now() - s);
      }
      index.search(""); // clearing the filter between queries, as Esc does
    }
  }
  const words = [];
  for (let round = 0; round < 3; round++) {
    const query = "orders nodejs";
    for (let i = query.indexOf(" ") + 2; i <= query.length; i++) {
      const s = performance.now();
      index.search(query.slice(0, i));
      words.push(performance.now() - s);
    }
    index.search("");
  }
  const usage = new Map(
    items.slice(0, 50).map((f, i) => [f.name, { count: i + 1, lastAt: 1_700_000_000_000 + i }]),
  );
  const empty = [];
  for (let round = 0; round < 9; round++) {
    // A copy of the usage each time: the index keeps results for the same usage map, and this
    // times the search, not the kept answer.
    const fresh = new Map(usage);
    const s = performance.now();
    index.search("", fresh);
    empty.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  words.sort((a, b) => a - b);
  empty.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p95 = percentile(times, 95);
  const fmt = (ms) => `${ms.toFixed(2)} ms`;
  const label = n.toLocaleString("en-US");
  figure({ figure: `index build, ${label} functions`, measured: fmt(buildMs) });
  figure({
    figure: `search only (isolated) per keystroke, median, ${label}`,
    measured: fmt(median),
    target: `< ${targetMs} ms`,
    met: median < targetMs,
  });
  figure({ figure: `search only (isolated) per keystroke, p95, ${label}`, measured: fmt(p95) });
  figure({
    figure: `search only (isolated), two-word query, median, ${label}`,
    measured: fmt(percentile(words, 50)),
  });
  figure({
    figure: `search only (isolated), empty query (whole list by use), median, ${label}`,
    measured: fmt(percentile(empty, 50)),
  });
  return median < targetMs;
}

const ok = [measure(10_000, 16), measure(100_000, 50)].every(Boolean);
process.exitCode = ok ? 0 : 1;
