// Shared pieces of the benchmarks: a sandbox process from the build, statistics, and the
// protocol that turns each bench's figures into bench/RESULTS.md.
//
// The protocol (for every bench/*.bench.mjs, new ones too):
// - Report each figure with `figure({ figure, measured, target?, met?, awsCli? })`:
//     figure    what was measured, e.g. "warm invoke latency p50"
//     measured  the value with its unit, e.g. "3.21 ms" (a string, shown as is)
//     target    the target, e.g. "< 5 ms" (omit for figures kept for reference)
//     met       true / false against the target (omit without a target)
//     awsCli    the AWS CLI's value for the same job, where it does one, e.g. "580 ms"
// - It prints the human-readable line (as `line()` always did) and, when bench/run.mjs runs the
//   bench, also appends the figure as one JSON line to the file named by BENCH_RESULTS_FILE.
//   A bench run on its own (`node bench/x.bench.mjs`) just prints.
// - Exit non-zero when a target is missed; run.mjs still collects the figures, and marks a bench
//   that exited without reporting any as failed in RESULTS.md.
// `npm run bench` (bench/run.mjs) runs every bench in turn and writes bench/RESULTS.md: a table
// per bench with the date, the Node version and the machine's cores at the top.
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const CLI = path.join(ROOT, "dist/cli.js");
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** Starts `lambda-explorer sandbox --json` with extra args; resolves { endpoint, stop }. */
export function startSandbox(args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "sandbox", "--json", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      if (out.includes("\n")) {
        const { endpoint } = JSON.parse(out.split("\n")[0]);
        resolve({
          endpoint,
          stop: () => new Promise((r) => (child.once("close", r), child.kill("SIGTERM"))),
        });
      }
    });
    child.on("close", (code) => reject(new Error(`sandbox exited ${code}`)));
  });
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const clientConfig = (endpoint) => ({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
});

/** Prints one figure, aligned. Kept for lines that are not figures (use `figure()` for those). */
export function line(label, value, note = "") {
  console.log(`${label.padEnd(46)} ${String(value).padStart(12)}   ${note}`.trimEnd());
}

/** Reports one figure: printed for people, and recorded for RESULTS.md under bench/run.mjs. */
export function figure({ figure: name, measured, target, met, awsCli }) {
  const verdict = target === undefined ? "" : `target ${target} ${met ? "(met)" : "(MISSED)"}`;
  line(
    name,
    measured,
    [verdict, awsCli === undefined ? "" : `AWS CLI ${awsCli}`].filter(Boolean).join(" · "),
  );
  const file = process.env.BENCH_RESULTS_FILE;
  if (file) {
    const record = { figure: name, measured: String(measured) };
    if (target !== undefined) Object.assign(record, { target, met: Boolean(met) });
    if (awsCli !== undefined) record.awsCli = String(awsCli);
    appendFileSync(file, JSON.stringify(record) + "\n");
  }
}

/**
 * Project TypeScript (`export * from "./src/…";` lines, resolved from the project root) bundled
 * into a temporary module and imported, so a bench runs the code as the app ships it.
 */
export async function importSource(contents) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lx-bench-src-"));
  const outfile = path.join(dir, "source.mjs");
  try {
    await build({
      stdin: { contents, resolveDir: ROOT, loader: "ts" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      logLevel: "error",
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** LAMBDA_EXPLORER_TRACE's key and frame events, in time order (ms from the app's start). */
export function traceEvents(file) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // nothing traced yet
  }
  return text
    .split("\n")
    .map((l) => /^([\d.]+) (key|frame) ?(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => ({ t: Number(m[1]), kind: m[2], info: m[3] }))
    .sort((a, b) => a.t - b.t);
}

/**
 * For the `count` keys traced after the first `before`: each key's time to the first frame
 * written after it and before the next key (null when none was). A frame is a write of more
 * than a few bytes, not the synchronized-output markers around it.
 */
export function keyFrameTimes(events, before, count) {
  const keys = events.filter((e) => e.kind === "key").slice(before, before + count);
  if (keys.length !== count) throw new Error(`traced ${keys.length} of ${count} keys`);
  return keys.map((k, i) => {
    const next = keys[i + 1]?.t ?? Infinity;
    const f = events.find((e) => e.kind === "frame" && e.t > k.t && e.t < next && Number(e.info) > 64);
    return f ? f.t - k.t : null;
  });
}

/** About 1 MB of a realistic event: pretty-printed records, some with non-ASCII text (the editor's slower path). */
export function megabyteEvent() {
  const records = [];
  const text = () => JSON.stringify({ Records: records }, null, 2);
  for (let i = 0; i % 500 !== 0 || text().length < 1_000_000; i++) {
    records.push({
      id: `evt-${String(i).padStart(6, "0")}`,
      name: i % 10 === 0 ? `café 東京 ${i} 😀` : `customer-${i}`,
      amount: Math.round(i * 137.31) / 100,
      active: i % 3 !== 0,
      tags: ["orders", "prod"],
    });
  }
  return text();
}
