// The history at scale, as the user waits for it: whole processes of `lambda-explorer history`
// (process start to exit, output written) on a history of 100,000 invocations (~250 MB) and on
// one of about 1 GB, both generated here as realistic records (each invocation followed by its
// complete-logs record, as invoke writes them). Cost should follow what is asked (the newest 20,
// one entry, one function's entries), not the size of the file.
//   - `history list --limit 20`: wall time and peak resident memory (GNU time's %M);
//   - `history show ID` of an old entry: the first call (which builds the id index in the cache
//     folder) and the calls after it (which use it), the index built from an empty cache;
//   - `history list --function F` over 100,000 entries (a quarter of them F's), and --since
//     (the newest 3,600), whole process and the read alone (isolated);
//   - list --limit 20 on 100 records against 100,000: the ratio the acceptance check holds to.
// Node's own start-up (bare `node -e 0`, the floor) and with our CLI (`--version`) are reported
// beside them: they are in every figure and no history code can remove them. The machine is shared: the load average is printed at the start.
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CLI, figure, importSource } from "./lib.mjs";
import { historyLines, historyId } from "./history-lines.mjs";

const dir = await mkdtemp(path.join(os.tmpdir(), "lx-history-scale-"));
const env = {
  ...process.env,
  LAMBDA_EXPLORER_CACHE_DIR: path.join(dir, "cache"),
  LAMBDA_EXPLORER_STATE_DIR: dir,
};
const FNS = ["orders-api", "payments", "users", "search"];
const GB_BYTES = Number(process.env.HISTORY_SCALE_BYTES ?? 1e9);
let missed = false;

async function writeHistory(file, count, maxBytes = Infinity) {
  const out = createWriteStream(file, { mode: 0o600 });
  let bytes = 0;
  let i = 0;
  for (; i < count && bytes < maxBytes; i++) {
    const text = historyLines(i, FNS[i % FNS.length]);
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
  return i;
}

/** One whole process: wall ms from spawn to exit, CPU ms (user + system), peak RSS in MB. */
function run(args, script = [CLI]) {
  const t = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", process.execPath, ...script, ...args], {
    encoding: "utf8",
    env,
    maxBuffer: 1 << 30,
  });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const [kb, user, sys] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, cpu: (user + sys) * 1000, mb: kb / 1e3, out: r.stdout };
}

// The history code alone, in this process, bundled as shipped: what is left of each figure
// once Node's start-up is taken out (isolated figures).
const { newestEntries, historyIdIndex, findId, readEntry, mayHoldString, mayBeSince } = await importSource(`
  export { newestEntries } from "./src/state/history-scan.ts";
  export { mayBeSince, mayHoldString } from "./src/state/history-line-tests.ts";
  export { historyIdIndex, findId } from "./src/state/history-id-index.ts";
  export { readEntry } from "./src/state/history-store.ts";
`);
async function isolated(fn) {
  const xs = [];
  for (let k = 0; k < 7; k++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[3];
}
function median(args, n, script) {
  const runs = Array.from({ length: n }, () => run(args, script)).sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(n / 2)];
}
function check(name, measured, target, met) {
  if (!met) missed = true;
  figure({ figure: name, measured, target, met });
}

console.log(`load average ${os.loadavg()[0].toFixed(1)} at the start`);
// The floor under every figure: Node starting and running nothing. `--version` adds our CLI's
// own start (the bundle's modules and the command table) on top of it.
const bare = median([], 7, ["-e", "0"]);
figure({
  figure: "bare node -e 0 (the floor), median of 7",
  measured: `${bare.wall.toFixed(0)} ms wall, ${bare.cpu.toFixed(0)} ms CPU`,
});
const startUp = median(["--version"], 7);
figure({
  figure: "node start-up with our CLI (--version), median of 7",
  measured: `${startUp.wall.toFixed(0)} ms wall, ${startUp.cpu.toFixed(0)} ms CPU`,
});

const small = path.join(dir, "h100.jsonl");
await writeHistory(small, 100);

for (const [label, file, count, maxBytes] of [
  ["100,000", path.join(dir, "h100k.jsonl"), 100_000, Infinity],
  ["1 GB", path.join(dir, "h1g.jsonl"), Infinity, GB_BYTES],
]) {
  const n = await writeHistory(file, count, maxBytes);
  const mb = (await stat(file)).size / 1e6;
  figure({
    figure: `history of ${label}: invocations, size`,
    measured: `${n.toLocaleString("en")}, ${mb.toFixed(0)} MB`,
  });
  const list = median(["history", "list", "--limit", "20", "--history", file], 7);
  if (list.out.trim().split("\n").length !== 21) throw new Error("list --limit 20 did not print 20 rows");
  check(
    `${label}: history list --limit 20, wall, median of 7`,
    `${list.wall.toFixed(0)} ms`,
    "< 100 ms",
    list.wall < 100,
  );
  check(`${label}:   peak resident memory`, `${list.mb.toFixed(0)} MB`, "< 80 MB", list.mb < 80);
  figure({ figure: `${label}:   CPU time (user + system)`, measured: `${list.cpu.toFixed(0)} ms` });
  const newest = await isolated(() => newestEntries(file, { limit: 20 }));
  figure({
    figure: `${label}:   the newest 20 read (isolated, in-process), median of 7`,
    measured: `${newest.toFixed(1)} ms`,
  });
  const old = historyId(5);
  const first = run(["history", "show", old, "--history", file]);
  if (!first.out.includes(old)) throw new Error("history show printed another entry");
  figure({
    figure: `${label}: history show (old entry), first call: builds the index`,
    measured: `${first.wall.toFixed(0)} ms`,
  });
  const warm = median(["history", "show", old, "--history", file], 7);
  check(
    `${label}: history show (old entry), index built, median of 7`,
    `${warm.wall.toFixed(0)} ms`,
    "< 100 ms",
    warm.wall < 100,
  );
  figure({ figure: `${label}:   peak resident memory`, measured: `${warm.mb.toFixed(0)} MB` });
  figure({ figure: `${label}:   CPU time (user + system)`, measured: `${warm.cpu.toFixed(0)} ms` });
  const lookup = await isolated(async () => {
    const found = await findId(await historyIdIndex(file, { env }), old);
    await readEntry(file, found.entry);
  });
  figure({
    figure: `${label}:   index checked, entry found and read (isolated), median of 7`,
    measured: `${lookup.toFixed(1)} ms`,
  });
  if (count === 100_000) {
    const filtered = median(["history", "list", "--function", "payments", "--history", file], 3);
    check(
      `100,000: history list --function (25,000 match), median of 3`,
      `${filtered.wall.toFixed(0)} ms`,
      "< 1 s",
      filtered.wall < 1000,
    );
    figure({ figure: "100,000:   peak resident memory", measured: `${filtered.mb.toFixed(0)} MB` });
    figure({ figure: "100,000:   CPU time (user + system)", measured: `${filtered.cpu.toFixed(0)} ms` });
    // The read alone, as runList asks for it: lines that cannot hold the name passed over unparsed.
    const byName = await isolated(() =>
      newestEntries(file, {
        mayMatch: mayHoldString("payments"),
        match: (e) => e.functionName === "payments",
      }),
    );
    figure({
      figure: "100,000:   the filtered read (isolated, in-process), median of 7",
      measured: `${byName.toFixed(0)} ms`,
    });
    // --since an hour before the newest record: the newest 3,600 of 100,000 are read in full.
    const since = Date.UTC(2026, 0, 1) + (100_000 - 3_600) * 1000;
    const recent = median(
      ["history", "list", "--since", new Date(since).toISOString(), "--history", file],
      3,
    );
    if (recent.out.trim().split("\n").length !== 3_601) throw new Error("list --since listed another count");
    figure({
      figure: "100,000: history list --since (3,600 match), wall, median of 3",
      measured: `${recent.wall.toFixed(0)} ms`,
    });
    figure({ figure: "100,000:   CPU time (user + system)", measured: `${recent.cpu.toFixed(0)} ms` });
    const bySince = await isolated(() =>
      newestEntries(file, { mayMatch: mayBeSince(since), match: (e) => Date.parse(e.at) >= since }),
    );
    figure({
      figure: "100,000:   the --since read (isolated, in-process), median of 7",
      measured: `${bySince.toFixed(0)} ms`,
    });
    // Taken in turns, so the two files see the same load on a shared machine.
    const [onSmall, onBig] = [[], []];
    for (let k = 0; k < 7; k++) {
      onSmall.push(run(["history", "list", "--limit", "20", "--history", small]).wall);
      onBig.push(run(["history", "list", "--limit", "20", "--history", file]).wall);
    }
    const mid = (xs) => xs.sort((a, b) => a - b)[3];
    const ratio = mid(onBig) / mid(onSmall);
    figure({
      figure: "list --limit 20 in turns, 100 / 100,000 records, medians of 7",
      measured: `${mid(onSmall).toFixed(0)} / ${mid(onBig).toFixed(0)} ms`,
    });
    check("list --limit 20: wall on 100,000 records / on 100", ratio.toFixed(2), "<= 2", ratio <= 2);
  }
  await rm(file);
}
console.log(`load average ${os.loadavg()[0].toFixed(1)} at the end`);
await rm(dir, { recursive: true, force: true });
process.exit(missed ? 1 : 0);
