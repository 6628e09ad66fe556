// Keystroke to frame while scrolling the result pane, through the real app in tmux (as
// editor-frame.bench.mjs does): a 50,000-line complete log (big-logger {"lines": 50000}) and a
// 6 MB JSON response (big-response {"kb": 6000}, about 400,000 lines pretty-printed). The app
// runs with LAMBDA_EXPLORER_TRACE, which records when each key is read and each frame written;
// every key is paired with the first frame after it. Also the app's resident memory (VmRSS)
// once the log or body is shown and scrolled. Targets (issue 6): under 16 ms median, under
// 300 MB. The sandbox runs in its own process so its log store does not count.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CLI, ROOT, figure, keyFrameTimes, line, percentile, startSandbox, traceEvents } from "./lib.mjs";

const PAUSE_MS = Number(process.env.PAUSE_MS ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
// The editor benchmark's terminal size, then 200x60, where both logs sit side by side (as in
// acceptance 06); BENCH_COLUMNS and BENCH_ROWS measure one size of your choice.
const SIZES = process.env.BENCH_COLUMNS
  ? [[Number(process.env.BENCH_COLUMNS), Number(process.env.BENCH_ROWS ?? 40)]]
  : [
      [140, 40],
      [200, 60],
    ];
let COLUMNS = SIZES[0][0];
let ROWS = SIZES[0][1];
// Down, up, by pages, to the bottom and back: what reading a long log is.
const ROUND = ["j", "j", "j", "k", "PageDown", "PageDown", "PageUp", "G", "k", "g", "PageDown", "j"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Each key's time to its frame. */
function pair(evs, before, sent) {
  const times = keyFrameTimes(evs, before, sent);
  return { times: times.filter((t) => t !== null), unanswered: times.filter((t) => t === null).length };
}

/** The resident memory (MB) of the app: the node process running dist/cli.js under the pane. */
function rssOf(tmux) {
  const panePid = tmux("display", "-p", "-t", "bench", "#{pane_pid}").trim();
  const children = (pid) =>
    execFileSync("ps", ["-o", "pid=", "--ppid", pid], { encoding: "utf8" })
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
  const queue = [panePid];
  while (queue.length) {
    const pid = queue.shift();
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    // The node process itself, not the shell or `env` whose command lines name it too.
    if (path.basename(argv[0] ?? "").startsWith("node") && argv.some((a) => a.endsWith("cli.js"))) {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      return kb / 1024;
    }
    try {
      queue.push(...children(pid));
    } catch {
      // gone
    }
  }
  return Number.NaN;
}

async function session(endpoint, { fn, payload, ready, views }) {
  const home = mkdtempSync(path.join(os.tmpdir(), "lx-scroll-bench-"));
  const traceFile = path.join(home, "trace.txt");
  const socket = `lx-scroll-bench-${process.pid}-${fn}`;
  const tmux = (...a) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
  const screen = () => tmux("capture-pane", "-p", "-t", "bench");
  const waitFor = async (re, ms = 60_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const s = screen();
      if (re.test(s)) return s;
      if (Date.now() > end) throw new Error(`screen never matched ${re}; it shows:\n${s}`);
      await sleep(100);
    }
  };
  const env = {
    HOME: home,
    LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
    LAMBDA_EXPLORER_CACHE_DIR: path.join(home, "cache"),
    LAMBDA_EXPLORER_TRACE: traceFile,
  };
  const exports = Object.entries(env)
    .map(([k, v]) => `${k}='${v}'`)
    .join(" ");
  try {
    execFileSync(
      "tmux",
      [
        ...[
          "-L",
          socket,
          "-f",
          "/dev/null",
          "new-session",
          "-d",
          "-s",
          "bench",
          "-x",
          String(COLUMNS),
          "-y",
          String(ROWS),
        ],
        `cd '${ROOT}' && env ${exports} '${process.execPath}' '${CLI}' --endpoint-url ${endpoint}; sleep 60`,
      ],
      { env: { ...process.env, TERM: "xterm-256color" } },
    );
    await waitFor(new RegExp(fn));
    tmux("send-keys", "-t", "bench", "-l", fn);
    await sleep(300);
    tmux("send-keys", "-t", "bench", "Enter");
    await waitFor(new RegExp(`${fn}:\\$LATEST`));
    tmux("send-keys", "-t", "bench", "-l", payload);
    await sleep(300);
    tmux("send-keys", "-t", "bench", "C-s");
    await waitFor(ready, 120_000);
    // The result pane takes the keys; `views` times l moves to the view to scroll.
    tmux("send-keys", "-t", "bench", "Escape");
    await sleep(300);
    tmux("send-keys", "-t", "bench", "-l", "3");
    await sleep(300);
    for (let i = 0; i < views; i++) {
      tmux("send-keys", "-t", "bench", "-l", "l");
      await sleep(300);
    }
    await sleep(500);
    const before = traceEvents(traceFile).filter((e) => e.kind === "key").length;
    let sent = 0;
    for (let r = 0; r < ROUNDS; r++)
      for (const k of ROUND) {
        if (k.length === 1) tmux("send-keys", "-t", "bench", "-l", k);
        else tmux("send-keys", "-t", "bench", k);
        sent++;
        await sleep(PAUSE_MS);
      }
    await sleep(300);
    const rss = rssOf(tmux);
    tmux("send-keys", "-t", "bench", "-l", "q");
    await sleep(800);
    return { ...pair(traceEvents(traceFile), before, sent), rss };
  } finally {
    try {
      tmux("kill-server");
    } catch {
      // already gone
    }
    if (process.env.KEEP_TRACE) console.log(`trace kept in ${traceFile}`);
    else rmSync(home, { recursive: true, force: true });
  }
}

const sb = await startSandbox(["--quiet"]);
let failed = false;
try {
  const cases = [
    {
      name: "50,000-line log",
      fn: "big-logger",
      payload: '{"lines":50000}',
      ready: /complete \(REPORT seen\) · 5\d,\d{3}/,
      views: 2,
      // One view at a time below 96 columns: the tab row keeps the logs' state in sight.
    },
    {
      name: "6 MB response",
      fn: "big-response",
      payload: '{"kb":6000}',
      ready: /JSON · 5\.\d MB · [\d,]+ lines/,
      views: 0,
    },
  ];
  for (const [columns, rows] of SIZES)
    for (const c of cases) {
      COLUMNS = columns;
      ROWS = rows;
      const r = await session(sb.endpoint, c);
      const sorted = [...r.times].sort((a, b) => a - b);
      const median = percentile(sorted, 50);
      const size = `${COLUMNS}×${ROWS}`;
      figure({
        figure: `key to frame, ${c.name}, ${size}, median (${sorted.length} keys)`,
        measured: `${median.toFixed(1)} ms`,
        target: "< 16 ms",
        met: median < 16,
      });
      figure({
        figure: `key to frame, ${c.name}, ${size}, p95`,
        measured: `${percentile(sorted, 95).toFixed(1)} ms`,
      });
      figure({
        figure: `resident memory, ${c.name}, ${size}`,
        measured: `${r.rss.toFixed(0)} MB`,
        target: "< 300 MB",
        met: r.rss < 300,
      });
      if (r.unanswered) line(`  keys with no frame before the next key`, r.unanswered);
      if (!(median < 16 && r.rss < 300)) failed = true;
    }
} finally {
  await sb.stop();
}
process.exitCode = failed ? 1 : 0;
