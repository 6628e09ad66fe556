// Runs every bench/*.bench.mjs in turn (after `npm run build`), each printing its figures, and
// writes bench/RESULTS.md from the figures they record (the protocol is at the top of lib.mjs).
// `node bench/run.mjs NAME` runs only the benches whose file name contains NAME and leaves
// RESULTS.md alone, so a partial run never replaces the full report.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only)))
  .sort();
const tmp = mkdtempSync(path.join(os.tmpdir(), "lx-bench-results-"));
// Other work on the machine moves every figure: the report says how busy it was.
const loadAtStart = os.loadavg()[0];

const benches = [];
for (const f of files) {
  console.log(`\n## ${f}`);
  const resultsFile = path.join(tmp, `${f}.jsonl`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(dir, f)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_RESULTS_FILE: resultsFile },
  });
  let figures = [];
  try {
    figures = readFileSync(resultsFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  } catch {
    // the bench recorded nothing
  }
  benches.push({ file: f, status: r.status, seconds: (Date.now() - started) / 1000, figures });
}
rmSync(tmp, { recursive: true, force: true });

const cell = (s) => String(s ?? "").replace(/\|/g, "\\|");
function report() {
  const out = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}: Node ${process.version},`,
    `${os.cpus().length} cores (${cell(os.cpus()[0]?.model.trim() ?? "unknown CPU")}), ${os.platform()} ${os.release()};`,
    `load average ${loadAtStart.toFixed(1)} at the start and ${os.loadavg()[0].toFixed(1)} at the end (figures from a busy machine run slower).`,
    "Each bench's file says what it measures and how. A figure without a target is for reference.",
    "",
  ];
  for (const b of benches) {
    out.push(`## ${b.file.replace(/\.bench\.mjs$/, "")}`, "");
    if (b.figures.length === 0) {
      out.push(`Failed: exited ${b.status} without reporting a figure (run \`node bench/${b.file}\`).`, "");
      continue;
    }
    const withCli = b.figures.some((f) => f.awsCli !== undefined);
    out.push(
      `| figure | target | measured |${withCli ? " AWS CLI |" : ""}`,
      `| --- | --- | --- |${withCli ? " --- |" : ""}`,
    );
    for (const f of b.figures) {
      const target = f.target === undefined ? "" : `${f.target} ${f.met ? "(met)" : "(**missed**)"}`;
      out.push(
        `| ${cell(f.figure)} | ${cell(target)} | ${cell(f.measured)} |${withCli ? ` ${cell(f.awsCli)} |` : ""}`,
      );
    }
    out.push("", `${b.seconds.toFixed(0)} s${b.status === 0 ? "" : `, exited ${b.status}`}.`, "");
  }
  return out.join("\n");
}

if (only) console.log(`\n(only ${files.length} of the benches ran: bench/RESULTS.md is left as it was)`);
else {
  writeFileSync(path.join(dir, "RESULTS.md"), report());
  console.log(`\nwrote bench/RESULTS.md`);
}
process.exit(benches.some((b) => b.status !== 0) ? 1 : 0);
