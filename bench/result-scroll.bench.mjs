// Keystroke to frame while scrolling the result pane, through the real app in tmux: a
// 50,000-line complete log (big-logger {"lines": 50000}) and a 6 MB JSON response (big-response
// {"kb": 6000}, about 400,000 lines pretty-printed). The app runs with LAMBDA_EXPLORER_TRACE,
// which records when each key is read and each frame written; every key is timed from when it
// was sent (outside the app) to the first frame after the read that took it in, every key
// counted (lib.mjs sentKeyTimes). Also the app's resident memory (VmRSS) once the log
// or body is shown and scrolled. Targets (issue 6): under 16 ms median, under 300 MB. The
// sandbox runs in its own process so its log store does not count. key-frame.bench.mjs times
// the 200x60 log again at a typist's pace, among issue 12's other keys.
import {
  RESULT_CASES,
  SCROLL_KEYS,
  appInTmux,
  checkKeysScrolled,
  figure,
  keyFrameStats,
  line,
  openResult,
  repeat,
  startSandbox,
} from "./lib.mjs";

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

async function session(endpoint, c, columns, rows) {
  const app = appInTmux({ prefix: "lx-scroll-bench", args: ["--endpoint-url", endpoint], columns, rows });
  try {
    await openResult(app, c);
    const { reads, merged } = await app.timeKeys(repeat(SCROLL_KEYS, ROUNDS), PAUSE_MS);
    const rss = app.memory().rssMb;
    checkKeysScrolled(app, c);
    await app.quit(["q"]);
    return { ...keyFrameStats(reads), merged, rss };
  } finally {
    app.close();
  }
}

const sb = await startSandbox(["--quiet"]);
let failed = false;
try {
  for (const [columns, rows] of SIZES)
    for (const c of [RESULT_CASES.log50k, RESULT_CASES.response6mb]) {
      const r = await session(sb.endpoint, c, columns, rows);
      const size = `${columns}×${rows}`;
      figure({
        figure: `key to frame, ${c.name}, ${size}, median (${r.n} keys)`,
        measured: `${r.median.toFixed(1)} ms`,
        target: "< 16 ms",
        met: r.median < 16,
      });
      figure({ figure: `key to frame, ${c.name}, ${size}, p95`, measured: `${r.p95.toFixed(1)} ms` });
      figure({
        figure: `resident memory, ${c.name}, ${size}`,
        measured: `${r.rss.toFixed(0)} MB`,
        target: "< 300 MB",
        met: r.rss < 300,
      });
      if (r.unanswered) line(`  keys no frame ever answered`, r.unanswered);
      if (r.merged) line(`  keys queued while the app was busy (read with another)`, r.merged);
      if (!(r.median < 16 && r.rss < 300)) failed = true;
    }
} finally {
  await sb.stop();
}
process.exitCode = failed ? 1 : 0;
