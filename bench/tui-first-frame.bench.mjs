// From process start to the first frame that shows the function list, in a real terminal
// (tmux), against a sandbox with 100 and with 10,000 functions; with no cache (first start)
// and with the cache of the previous run (later starts). Target: first frame under 500 ms.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, figure, startSandbox } from "./lib.mjs";

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let calls = 0;

/** Whether the app has written its function-list cache into `cacheDir`. */
function cacheWritten(cacheDir) {
  try {
    return readdirSync(path.join(cacheDir, "functions")).some((f) => f.endsWith(".json"));
  } catch {
    return false;
  }
}

/**
 * Milliseconds until the screen shows a function, seen from outside; and the app's own trace.
 * With `keepForCache`, the app runs on after that until it has saved the whole list (the first
 * frame comes before the list has finished loading), so the next start has a cache to read.
 */
function firstFrame(endpoint, cacheDir, keepForCache = false) {
  const socket = `lx-bench-${process.pid}-${calls++}`;
  const traceFile = path.join(cacheDir, `trace-${calls}.txt`);
  const tmux = (...a) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
  const env = `LAMBDA_EXPLORER_CACHE_DIR='${cacheDir}' LAMBDA_EXPLORER_TRACE='${traceFile}' AWS_ACCESS_KEY_ID=b AWS_SECRET_ACCESS_KEY=b AWS_REGION=us-east-1`;
  const t0 = process.hrtime.bigint();
  execFileSync(
    "tmux",
    [
      "-L",
      socket,
      "-f",
      "/dev/null",
      "new-session",
      "-d",
      "-x",
      "140",
      "-y",
      "40",
      `env ${env} '${process.execPath}' '${CLI}' --endpoint-url ${endpoint}; sleep 30`,
    ],
    {
      env: { ...process.env, TERM: "xterm-256color" },
    },
  );
  let ms = null;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 1000; i++) {
    // Poll every 10 ms: a tight loop of tmux calls would take a core from the app being timed.
    Atomics.wait(pause, 0, 0, 10);
    const screen = tmux("capture-pane", "-p");
    if (/synthetic-0*1\s/.test(screen)) {
      ms = Number(process.hrtime.bigint() - t0) / 1e6;
      break;
    }
  }
  for (let i = 0; keepForCache && i < 600 && !cacheWritten(cacheDir); i++) Atomics.wait(pause, 0, 0, 100);
  tmux("kill-server");
  let traced = null;
  try {
    const line = readFileSync(traceFile, "utf8")
      .split("\n")
      .find((l) => l.includes("list shown"));
    traced = line ? Number(line.split(" ")[0]) : null;
  } catch {
    traced = null;
  }
  return { ms, traced };
}

for (const n of [100, 10_000]) {
  const sb = await startSandbox(["--synthetic", String(n), "--quiet"]);
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lx-ff-"));
    cold.push(firstFrame(sb.endpoint, dir, true));
    warm.push(firstFrame(sb.endpoint, dir));
  }
  const c = median(cold.map((r) => r.ms));
  const label = n.toLocaleString("en-US");
  figure({
    figure: `first frame with the list, ${label} functions, no cache`,
    measured: `${c.toFixed(0)} ms`,
    target: "< 500 ms",
    met: c < 500,
  });
  if (!(c < 500)) process.exitCode = 1;
  figure({
    figure: `  the same, from the app's own trace`,
    measured: `${median(cold.map((r) => r.traced ?? NaN)).toFixed(0)} ms`,
  });
  const w = median(warm.map((r) => r.ms));
  figure({
    figure: `first frame with the list, ${label} functions, cached`,
    measured: `${w.toFixed(0)} ms`,
    target: "< 500 ms",
    met: w < 500,
  });
  if (!(w < 500)) process.exitCode = 1;
  await sb.stop();
}
