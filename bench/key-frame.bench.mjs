// Issue 12, "every key in one frame": keystroke to frame through the real app in a real
// terminal. `node dist/cli.js` runs in tmux with LAMBDA_EXPLORER_TRACE, which records when the
// app reads input and when each write to stdout has returned, on a clock the bench can read.
// Each key is timed from when the bench sent it (tmux's send-keys returned, outside the app) to
// the first frame written after the read that took it in (lib.mjs sentKeyTimes), so time a key
// waited for a busy event loop counts, and every key counts: one whose frame came after the next
// key was sent is timed in full, and keys read together (queued while the app was busy) each
// count their own wait. Left out: tmux drawing the frame, which no change to the app can shorten.
//
// Keys go PAUSE_MS apart (175 ms: a person typing), so each key's frame is its own, and work the
// app does after a pause (the editor's validation) runs between keys as it does for a user.
// - filter typing in the function picker over 10,000 and 100,000 realistic names (the names and
//   queries of picker-filter.bench.mjs, which times the search alone), and the app's resident
//   memory with 100,000: the list comes from a stand-in ListFunctions endpoint (lib.mjs).
// - typing and moving in a 1 MB payload (a draft on disk, as if typed before).
// - scrolling a 50,000-line complete log at 200x60, where both logs sit side by side.
// - start-up: process start to the first frame showing a cached list of 10,000, against a bare
//   `node -e` print timed the same way (seen on the tmux screen, and by the processes' own clocks).
// KEEP_TRACE=1 keeps the traces; PAUSE_MS, RUNS change the pace and the start-up runs;
// PARTS=picker10k,firstframe,picker100k,editor,log runs only those (a lever's effect in a minute);
// PROFILE=1 runs the app under `node --cpu-prof` and prints where its CPU time went while keys
// were typed (bench/cpu-profile.mjs): the profiler slows the app, so take no figures from it.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  FILTER_QUERIES,
  RESULT_CASES,
  SCROLL_KEYS,
  appInTmux,
  checkKeysScrolled,
  figure,
  importSource,
  keyFrameStats,
  listEndpoint,
  megabyteEvent,
  openResult,
  percentile,
  realisticFunctions,
  repeat,
  sleep,
  startSandbox,
} from "./lib.mjs";

const PREFIX = "lx-keyframe";
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 175);
const RUNS = Number(process.env.RUNS ?? 5);
const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : "none");
let failed = false;

/**
 * Median and p95 of one set of reads, with their targets, and the keys that fared worse than a
 * time says: left with no frame before the next read, or read late, together with another.
 */
function report(label, { reads, merged }, { median: medianTarget, p95: p95Target } = {}) {
  const s = keyFrameStats(reads);
  const medianMet = medianTarget === undefined || s.median < medianTarget;
  const p95Met = p95Target === undefined || s.p95 < p95Target;
  figure({
    figure: `${label}, median (${s.n} keys)`,
    measured: fmt(s.median),
    ...(medianTarget === undefined ? {} : { target: `< ${medianTarget} ms`, met: medianMet }),
  });
  figure({
    figure: `${label}, p95`,
    measured: fmt(s.p95),
    ...(p95Target === undefined ? {} : { target: `< ${p95Target} ms`, met: p95Met }),
  });
  if (s.unanswered) figure({ figure: `  keys no frame ever answered`, measured: String(s.unanswered) });
  // Which keys a garbage collection held up (the app traces each one): the slow keys' reason.
  const hit = reads.filter((r) => r.gc?.length);
  if (hit.length) {
    const kinds = [...new Set(hit.flatMap((r) => r.gc))].join(", ");
    const gcMs = hit.reduce((n, r) => n + r.gcMs, 0);
    figure({
      figure: `  keys that waited for a garbage collection (${kinds})`,
      measured: `${hit.length}, ${fmt(gcMs / hit.length)} each`,
    });
  }
  if (merged)
    figure({ figure: `  keys queued while the app was busy (read with another)`, measured: String(merged) });
  if (!medianMet || !p95Met || s.n === 0) failed = true;
}

const NOT_PROFILED = { nodeArgs: [], done: async () => {} };

/**
 * With PROFILE=1, the node arguments that profile the app, and `done(session, from, to, keys)`
 * to print the profile's window from `from` to `to` (wall clock ms) once the app has exited.
 */
function profiler() {
  if (!process.env.PROFILE) return NOT_PROFILED;
  const dir = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}-profile-`));
  return {
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    async done(session, from, to, keys) {
      const { cpuBreakdown } = await import("./cpu-profile.mjs");
      const start = session.startedAt();
      for (const l of cpuBreakdown(dir, from - start, to - start, keys)) console.log(l);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the app has saved the whole list it loaded (the list is complete then). */
const LIST_SAVED = (home) => () => {
  try {
    return readdirSync(path.join(home, "cache", "functions")).some((f) => f.endsWith(".json"));
  } catch {
    return false;
  }
};

/**
 * Filter typing over `n` functions: each query typed a key at a time, then erased with
 * Backspace (also filtering: every press searches again). A query typed and erased first is
 * not timed, so the JIT has seen the search, as in picker-filter.bench.mjs.
 */
async function picker(n, endpoint, home, targets) {
  const label = n.toLocaleString("en-US");
  const profile = targets ? profiler() : NOT_PROFILED;
  const session = appInTmux({
    prefix: PREFIX,
    args: ["--endpoint-url", endpoint],
    nodeArgs: profile.nodeArgs,
    home,
  });
  try {
    await session.waitFor(/\w+-\w+-\w+-\w+/, 60_000);
    const firstShown = Date.now();
    const saved = LIST_SAVED(home);
    const end = Date.now() + 180_000;
    while (!saved()) {
      if (Date.now() > end || !session.alive())
        throw new Error(`the list of ${label} never finished loading`);
      await sleep(200);
    }
    if (targets)
      figure({
        figure: `loading ${label} functions: first page on screen to the whole list saved`,
        measured: `${((Date.now() - firstShown) / 1000).toFixed(1)} s`,
      });
    if (!targets) return null;
    const typing = { reads: [], merged: 0, cpuMs: 0 };
    const erasing = { reads: [], merged: 0, cpuMs: 0 };
    await session.timeKeys([..."gtwy", ...repeat(["BSpace"], 4)], PAUSE_MS);
    const from = Date.now();
    for (const q of FILTER_QUERIES) {
      // Typed and erased apart (with the pause before erasing a person makes), so a read
      // queued behind a slow frame is known to be one or the other.
      for (const [keys, into] of [
        [[...q], typing],
        [repeat(["BSpace"], q.length), erasing],
      ]) {
        const cpu = session.cpu();
        const r = await session.timeKeys(keys, PAUSE_MS);
        into.cpuMs += session.cpu() - cpu;
        into.reads.push(...r.reads);
        into.merged += r.merged;
      }
    }
    const to = Date.now();
    const memory = session.memory();
    await session.quit(["Escape", "q"]);
    await profile.done(session, from, to, 2 * FILTER_QUERIES.join("").length);
    // The picker draws the typed query at once and searches after that frame: both frames are
    // reported, and both held to the targets.
    const withMatches = ({ reads, merged }) => ({
      // The same keys: their collections are reported once, with the query frames.
      reads: reads.map((r) => ({ ...r, ms: r.matchesMs, gc: [] })),
      merged,
    });
    report(`filter typing, ${label} functions: key sent to frame showing the typed query`, typing, targets);
    report(
      `filter typing, ${label} functions: key sent to frame with its matches`,
      withMatches(typing),
      targets,
    );
    // Where the matches' time went, for the keys whose search ran after the query's frame: the
    // search (key to the search done), and its frame (the render and Ink's frame interval).
    const deferred = typing.reads.filter(
      (r) => typeof r.searchedMs === "number" && typeof r.matchesMs === "number",
    );
    if (deferred.length) {
      const median = (xs) =>
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        );
      figure({
        figure: `  ${deferred.length} keys searched after the query's frame: key to search done, median`,
        measured: fmt(median(deferred.map((r) => r.searchedMs))),
      });
      figure({
        figure: `  search done to the frame with the matches, median`,
        measured: fmt(median(deferred.map((r) => r.matchesMs - r.searchedMs))),
      });
    }
    // CPU time is what the load changes least: the figure to compare a change by.
    for (const [what, { reads, cpuMs }] of [
      ["a key typed", typing],
      ["a Backspace", erasing],
    ])
      figure({
        figure: `  the app's CPU time for ${what}, ${label} (all threads, the GC's too)`,
        measured: fmt(cpuMs / reads.length),
      });
    report(`  Backspace in the filter, ${label}: to frame showing the query`, erasing);
    report(`  Backspace in the filter, ${label}: to frame with its matches`, withMatches(erasing));
    return memory;
  } finally {
    session.close();
  }
}

/** Typing, deleting and moving in a 1 MB payload (the rounds editor-frame.bench.mjs used). */
async function editor() {
  const FUNCTION = "orders-api";
  // What the app stores drafts under on the built-in sandbox (App.tsx storeScope): no profile,
  // the region resolved for a local endpoint, and the sandbox's stable name for its endpoint.
  const SCOPE = { region: "us-east-1", endpoint: "lambda-explorer sandbox" };
  // Inside the first record's "id" string, so the payload stays valid JSON (an error near the
  // top would make validation stop early) and ends each round as it began.
  const ROUND = [
    ..."abc",
    ...repeat(["BSpace"], 3),
    ...["Left", "Right", "Up", "Down", "x", "Left", "Right", "BSpace"],
    ...["Left", "Left", "Right", "Right", "7", "BSpace"],
  ];
  const text = megabyteEvent();
  const home = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}-`));
  const { saveDraft } = await importSource('export * from "./src/state/drafts.ts";');
  saveDraft(SCOPE, FUNCTION, text, path.join(home, "state"));
  const profile = profiler();
  const session = appInTmux({ prefix: PREFIX, args: ["--sandbox"], nodeArgs: profile.nodeArgs, home });
  try {
    await session.waitFor(new RegExp(FUNCTION));
    session.type(FUNCTION);
    await session.waitFor(new RegExp(`/${FUNCTION}`));
    session.press("Enter");
    await session.waitFor(/"id": "evt-000000"/);
    // Keys sent while the 1 MB draft is still being checked could land on the wrong line.
    await session.waitFor(/✓ valid JSON/);
    // Row 3 is `      "id": "evt-000000",`: the cursor goes before its closing quote.
    for (const k of ["Down", "Down", "Down", "End", "Left", "Left"]) {
      session.press(k);
      await sleep(PAUSE_MS);
    }
    // The keys must land inside the string, or the rounds measure nothing.
    await session.timeKeys([..."abc"], PAUSE_MS);
    await session.waitFor(/"id": "evt-000000abc",/, 5000);
    await session.timeKeys(repeat(["BSpace"], 3), PAUSE_MS);
    const keys = repeat(ROUND, Number(process.env.ROUNDS ?? 5));
    const from = Date.now();
    const timed = await session.timeKeys(keys, PAUSE_MS);
    const to = Date.now();
    await session.waitFor(/"id": "evt-000000",/, 5000);
    await session.quit(["Escape", "q"]);
    await profile.done(session, from, to, keys.length);
    const mb = `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`;
    report(`editor, ${mb} payload: key sent to frame written`, timed, { median: 16 });
    // A read with an escape sequence in it is an arrow (or has one among its keys).
    const moves = (r) => /^(Left|Right|Up|Down)$/.test(r.text);
    report(`  edits (type, Backspace)`, { reads: timed.reads.filter((r) => !moves(r)), merged: 0 });
    report(`  cursor moves (arrows)`, { reads: timed.reads.filter(moves), merged: 0 });
  } finally {
    session.close();
    if (!process.env.KEEP_TRACE) rmSync(home, { recursive: true, force: true });
  }
}

/** Scrolling the complete log of a 50,000-line invocation at 200x60. */
async function logScroll() {
  const sb = await startSandbox(["--quiet"]);
  const profile = profiler();
  const session = appInTmux({
    prefix: PREFIX,
    args: ["--endpoint-url", sb.endpoint],
    nodeArgs: profile.nodeArgs,
    columns: 200,
    rows: 60,
  });
  try {
    await openResult(session, RESULT_CASES.log50k);
    const keys = repeat(SCROLL_KEYS, 4);
    const from = Date.now();
    const timed = await session.timeKeys(keys, PAUSE_MS);
    const to = Date.now();
    checkKeysScrolled(session, RESULT_CASES.log50k);
    await session.quit(["q"]);
    await profile.done(session, from, to, keys.length);
    report(`scrolling a 50,000-line log, 200×60: key sent to frame written`, timed, { median: 16 });
  } finally {
    session.close();
    await sb.stop();
  }
}

/**
 * Process start to first frame, RUNS times each for the app (its cached list of 10,000 in
 * `home`) and for a bare `node -e` print, alternately so both see the same machine load. Two
 * clocks: the wall time from the shell's exec until the tmux screen shows it (polled every
 * 10 ms), and the process's own time (performance.now(), from its start) after the write.
 */
async function firstFrame(endpoint, home) {
  const bare = [
    process.execPath,
    "-e",
    "process.stdout.write('x');" +
      "const c = process.cpuUsage(), t = performance.now().toFixed(3);" +
      "require('fs').appendFileSync(process.env.LAMBDA_EXPLORER_TRACE," +
      " t + ' frame 1\\n' + t + ' cpu ' + ((c.user + c.system) / 1000).toFixed(1) + '\\n');" +
      "setTimeout(() => {}, 30000);",
  ];
  const kinds = [
    { name: "app", argv: undefined, screen: /\w+-\w+-\w+-\w+/, minBytes: 64 },
    { name: "bare", argv: bare, screen: /^x\s*$/m, minBytes: 0 },
  ];
  const seen = { app: { screen: [], own: [], cpu: [] }, bare: { screen: [], own: [], cpu: [] } };
  for (let i = 0; i < RUNS; i++)
    for (const k of kinds) {
      const session = appInTmux({ prefix: PREFIX, args: ["--endpoint-url", endpoint], argv: k.argv, home });
      try {
        seen[k.name].screen.push(await session.screenTime(k.screen));
        const f = await session.waitForTrace(
          (e) => e.kind === "frame" && Number(e.info) > k.minBytes,
          "the first frame in the trace",
          5000,
        );
        seen[k.name].own.push(f.t);
        const cpu = await session.waitForTrace(
          (e) => e.kind === "cpu",
          "the CPU used by the first frame",
          5000,
        );
        seen[k.name].cpu.push(Number(cpu.info));
      } finally {
        session.close();
      }
    }
  const median = (xs) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    );
  const app = median(seen.app.screen);
  const base = median(seen.bare.screen);
  figure({
    figure: `first frame, cached list of 10,000, on the tmux screen (median of ${RUNS})`,
    measured: fmt(app),
  });
  figure({ figure: `  bare \`node -e\` print, on the tmux screen`, measured: fmt(base) });
  figure({
    figure: `  ratio, app / bare node`,
    measured: `${(app / base).toFixed(2)}×`,
    target: "<= 1.5×",
    met: app / base <= 1.5,
  });
  if (!(app / base <= 1.5)) failed = true;
  const appOwn = median(seen.app.own);
  const baseOwn = median(seen.bare.own);
  figure({ figure: `  the same by the processes' own clocks: app`, measured: fmt(appOwn) });
  figure({ figure: `  bare node`, measured: fmt(baseOwn) });
  figure({ figure: `  ratio`, measured: `${(appOwn / baseOwn).toFixed(2)}×` });
  // CPU time is what a busy machine does not inflate (all the process's threads, GC included).
  const appCpu = median(seen.app.cpu);
  const baseCpu = median(seen.bare.cpu);
  figure({ figure: `  CPU used by the first frame (all threads): app`, measured: fmt(appCpu) });
  figure({ figure: `  bare node`, measured: fmt(baseCpu) });
  figure({ figure: `  ratio`, measured: `${(appCpu / baseCpu).toFixed(2)}×` });
}

const parts = new Set((process.env.PARTS ?? "picker10k,firstframe,picker100k,editor,log").split(","));
const home10k = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}-`));
try {
  if (parts.has("picker10k") || parts.has("firstframe")) {
    const list10k = await listEndpoint(realisticFunctions(10_000));
    try {
      // The first-frame runs start with the list this run saves as their cache.
      await picker(
        10_000,
        list10k.endpoint,
        home10k,
        parts.has("picker10k") ? { median: 16, p95: 33 } : null,
      );
      if (parts.has("firstframe")) await firstFrame(list10k.endpoint, home10k);
    } finally {
      await list10k.stop();
    }
  }
  if (parts.has("picker100k")) await picker100k();
  if (parts.has("editor")) await editor();
  if (parts.has("log")) await logScroll();
} finally {
  if (!process.env.KEEP_TRACE) rmSync(home10k, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

async function picker100k() {
  const home100k = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}-`));
  const list100k = await listEndpoint(realisticFunctions(100_000));
  try {
    const memory = await picker(100_000, list100k.endpoint, home100k, { median: 33, p95: 66 });
    figure({
      figure: `  resident memory, 100,000 functions, peak (VmHWM)`,
      measured: `${memory.hwmMb.toFixed(0)} MB`,
      target: "< 300 MB",
      met: memory.hwmMb < 300,
    });
    figure({
      figure: `  resident memory after filtering (VmRSS)`,
      measured: `${memory.rssMb.toFixed(0)} MB`,
    });
    if (!(memory.hwmMb < 300)) failed = true;
  } finally {
    await list100k.stop();
    if (!process.env.KEEP_TRACE) rmSync(home100k, { recursive: true, force: true });
  }
}
