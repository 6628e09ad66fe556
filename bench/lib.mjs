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
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
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
 * into a temporary module and imported, so a bench runs the code as the app ships it; `plugins`
 * (e.g. the build's patches of a dependency, scripts/patch-packages.mjs) as the build has them.
 */
export async function importSource(contents, plugins = []) {
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
      plugins,
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * LAMBDA_EXPLORER_TRACE's key, frame, matches (the picker's deferred search done) and gc events
 * (`gc KIND MS`, a garbage collection), in time order (ms from the app's start).
 */
export function traceEvents(file) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // nothing traced yet
  }
  return text
    .split("\n")
    .map((l) => /^([\d.]+) (key|frame|matches|clock|cpu|gc) ?(.*)$/.exec(l))
    .filter(Boolean)
    .map((m) => ({ t: Number(m[1]), kind: m[2], info: m[3] }))
    .sort((a, b) => a.t - b.t);
}

/** The first frame (a write of more than a few bytes, not the synchronized-output markers) after `t`. */
const frameAfter = (events, t) => events.find((e) => e.kind === "frame" && e.t > t && Number(e.info) > 64);

/**
 * Each key of `sent` ({ key, before, after }: epoch ms around tmux's send-keys, which returns
 * once the key is in the terminal) paired with the app's trace: its time (`ms`) from being sent
 * (when send-keys returned, or the app's read if that came first: tmux's own start-up is not the
 * app's) to the first frame written
 * after the read that took it in, and (`matchesMs`) to the frame after the picker's last search
 * for that read (the frame with the query's matches; the same frame when there was no search).
 * Every key counts: one read late enough that the next key was sent first is timed in full, and
 * keys read together (queued while the app was busy) each count their own wait. `read` is what
 * the app read for it; `shared` that the read took in an earlier key too.
 */
export function sentKeyTimes(events, sent) {
  const origin = Number(events.find((e) => e.kind === "clock")?.info);
  if (!Number.isFinite(origin)) throw new Error("the trace has no clock line: rebuild (npm run build)");
  const reads = events.filter((e) => e.kind === "key");
  let r = 0;
  return sent.map(({ key, before, after }, i) => {
    // The read that took this key in: the first read after send-keys started (a hair of slack
    // for the two processes' clocks), never before the one that took the key before it.
    while (r < reads.length - 1 && reads[r].t < before - origin - 0.5) r++;
    const read = reads[r];
    const t = read ? Math.min(Math.max(read.t, before - origin), after - origin) : after - origin;
    const shared = i > 0 && sent[i - 1].readIndex === r;
    sent[i].readIndex = r;
    if (!read) return { text: key, read: null, shared, ms: null, matchesMs: null, searchedMs: null };
    const next = reads[r + 1]?.t ?? Infinity;
    const f = frameAfter(events, read.t);
    const searched = events.filter((e) => e.kind === "matches" && e.t > read.t && e.t < next).at(-1);
    const m = searched ? frameAfter(events, searched.t) : f;
    let text = read.info;
    try {
      text = JSON.parse(read.info);
    } catch {
      // kept as traced
    }
    // Collections that began between the read and the frame: what the key waited for them.
    const gcs = f ? events.filter((e) => e.kind === "gc" && e.t >= read.t && e.t < f.t) : [];
    return {
      text: key,
      read: text,
      shared,
      ms: f ? f.t - t : null,
      matchesMs: m ? m.t - t : null,
      // When the picker's search after the query's frame was done: what the matches waited for
      // the search, the rest (matchesMs - searchedMs) for React, Ink and Ink's frame interval.
      searchedMs: searched ? searched.t - t : null,
      gc: gcs.map((e) => e.info.split(" ")[0]),
      gcMs: gcs.reduce((n, e) => n + Number(e.info.split(" ")[1]), 0),
    };
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

// A deterministic generator of realistic function names, so the picker benches filter what a
// team's account holds (and runs compare), not the sandbox's uniform `synthetic-000042`.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const TEAMS =
  "payments orders billing identity search catalog shipping growth data platform media notify ledger risk support";
const SERVICES =
  "api worker ingest export sync scheduler webhook stream auth report cache indexer resizer mailer gateway";
const ACTIONS =
  "create update delete list get process handle refresh cleanup notify validate transform archive replay";
const ENVS = "dev staging prod qa sandbox";
const RUNTIMES = "nodejs20.x nodejs22.x python3.12 python3.13 java21 provided.al2023 ruby3.3 dotnet8";
const WORDS =
  "Handles incoming events from the queue and writes results to DynamoDB S3 nightly batch job for customer records triggered by EventBridge";

/** `n` functions ({ name, description, runtime }); the same `n` gives the same list. */
export function realisticFunctions(n) {
  seed = 42;
  const words = (s) => s.split(" ");
  const [teams, services, actions, envs, runtimes, text] = [
    TEAMS,
    SERVICES,
    ACTIONS,
    ENVS,
    RUNTIMES,
    WORDS,
  ].map(words);
  const out = [];
  const seen = new Set();
  for (let i = 0; out.length < n; i++) {
    let name = `${pick(teams)}-${pick(services)}-${pick(actions)}-${pick(envs)}`;
    if (seen.has(name)) name += `-${i}`;
    seen.add(name);
    const description = Array.from({ length: 4 + Math.floor(rand() * 8) }, () => pick(text));
    out.push({ name, description: rand() < 0.2 ? "" : description.join(" "), runtime: pick(runtimes) });
  }
  return out;
}

/** What a person types into the picker: fuzzy abbreviations, a prefix, a word from the middle. */
export const FILTER_QUERIES = ["pmtprd", "orders", "resize", "ntfstg", "ledgrx", "bilupd"];

/**
 * A Lambda endpoint that answers ListFunctions (pages of 50, as AWS) with `functions` and
 * ResourceNotFound to anything else: enough for the picker, whose list is all it asks for.
 * The pages are built up front so serving them costs the app's core as little as possible.
 * Resolves { endpoint, stop }.
 */
export function listEndpoint(functions) {
  const PAGE = 50;
  const pages = [];
  for (let start = 0; start < functions.length || start === 0; start += PAGE) {
    const page = {
      Functions: functions.slice(start, start + PAGE).map((f, i) => ({
        FunctionName: f.name,
        FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${f.name}`,
        Runtime: f.runtime,
        Description: f.description,
        MemorySize: [128, 256, 512, 1024][(start + i) % 4],
        Timeout: 30,
        LastModified: "2026-01-01T00:00:00.000+0000",
        Version: "$LATEST",
        PackageType: "Zip",
      })),
    };
    if (start + PAGE < functions.length) page.NextMarker = String(start + PAGE);
    pages.push(JSON.stringify(page));
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const headers = { "content-type": "application/json", "x-amzn-requestid": "bench" };
    if (req.method === "GET" && /^\/2015-03-31\/functions\/?$/.test(url.pathname)) {
      res.writeHead(200, headers).end(pages[Number(url.searchParams.get("Marker") ?? 0) / PAGE] ?? pages[0]);
      return;
    }
    const error = { __type: "ResourceNotFoundException", Message: "not in this benchmark's endpoint" };
    res.writeHead(404, { ...headers, "x-amzn-errortype": error.__type }).end(JSON.stringify(error));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        endpoint: `http://127.0.0.1:${server.address().port}`,
        stop: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
let sessions = 0;

/** CPU time (user and system) process `pid` has used, in ms; 0 once it has gone. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The resident memory of process `pid` now and at its peak (VmRSS, VmHWM), in MB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const mb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: mb("VmRSS"), hwmMb: mb("VmHWM") };
}

/**
 * A command (by default the app: `node dist/cli.js ...args`) in a terminal of its own: a tmux
 * server on a socket named `prefix`-pid-n, so a bench never touches another's sessions or the
 * user's. The app runs with LAMBDA_EXPLORER_TRACE, and with HOME, state and cache in `home` (a
 * new temporary folder unless given, removed by close()). The command is exec'd, so the
 * pane's process is the app itself: its pid is the one whose memory is read.
 */
export function appInTmux({
  prefix,
  args = [],
  nodeArgs = [],
  argv,
  env = {},
  columns = 140,
  rows = 40,
  home,
}) {
  const ownHome = !home;
  home ??= mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const traceFile = path.join(home, `trace-${sessions}.txt`);
  const startFile = path.join(home, `start-${sessions}.txt`);
  const socket = `${prefix}-${process.pid}-${sessions++}`;
  const tmux = (...a) =>
    execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const vars = {
    HOME: home,
    LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
    LAMBDA_EXPLORER_CACHE_DIR: path.join(home, "cache"),
    LAMBDA_EXPLORER_TRACE: traceFile,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "bench",
    AWS_SECRET_ACCESS_KEY: "bench",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...env,
  };
  const command = (argv ?? [process.execPath, ...nodeArgs, CLI, ...args]).map(quote).join(" ");
  const assignments = Object.entries(vars)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(" ");
  // The wall-clock start is written just before exec, for timing a first frame from outside.
  execFileSync(
    "tmux",
    [
      ...["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "bench"],
      ...["-x", String(columns), "-y", String(rows)],
      `cd ${quote(ROOT)} && date +%s%N > ${quote(startFile)} && exec env -u AWS_PROFILE ${assignments} ${command}`,
    ],
    { env: { ...process.env, TERM: "xterm-256color" } },
  );
  const [panePid, socketPath] = tmux("display", "-p", "-t", "bench", "#{pane_pid}\n#{socket_path}").split(
    "\n",
  );
  const pid = Number(panePid);
  const screen = () => tmux("capture-pane", "-p", "-t", "bench");
  const alive = () => existsSync(`/proc/${pid}`);
  const trace = () => traceEvents(traceFile);
  const size = () => (existsSync(traceFile) ? statSync(traceFile).size : 0);

  async function until(test, what, ms, everyMs = 50) {
    const end = Date.now() + ms;
    for (;;) {
      const found = test();
      if (found) return found;
      const said = () => (typeof what === "function" ? what() : what);
      if (!alive()) throw new Error(`the app exited while waiting for ${said()}`);
      if (Date.now() > end) throw new Error(`gave up after ${ms} ms waiting for ${said()}`);
      await sleep(everyMs);
    }
  }

  const session = {
    home,
    pid,
    traceFile,
    tmux,
    screen,
    trace,
    alive,
    /** Resolves with the screen once it matches `re`. */
    waitFor: (re, ms = 30_000) =>
      until(
        () => {
          const s = screen();
          return re.test(s) ? s : null;
        },
        () => `the screen to match ${re} (it shows:\n${alive() ? screen() : "nothing"})`,
        ms,
      ),
    /** Resolves when the trace has an event `test` accepts. */
    waitForTrace: (test, what, ms = 30_000) => until(() => trace().find(test), what, ms),
    /**
     * Resolves once the app is idle: it has used (almost) no CPU and traced nothing for longer
     * than the trace's 250 ms write delay, so every key and frame so far is in the file. The CPU
     * matters: while a slow frame is computed nothing is traced, and keys wait unread.
     */
    async settle(ms = 60_000) {
      let last = "";
      let since = Date.now();
      await until(
        () => {
          const now = `${size()} ${Math.floor(cpuMs(pid) / 30)}`;
          if (now !== last) [last, since] = [now, Date.now()];
          return Date.now() - since >= 600;
        },
        "the app to be idle",
        ms,
      );
    },
    /** One key: a single character is typed as is, anything longer is a tmux key name. */
    press: (key) =>
      key.length === 1 ? tmux("send-keys", "-t", "bench", "-l", key) : tmux("send-keys", "-t", "bench", key),
    /** Text typed in one go (tmux sends it literally, so the app may read it at once). */
    type: (text) => tmux("send-keys", "-t", "bench", "-l", text),
    /**
     * Presses `keys` `pauseMs` apart (as a person types: far enough apart that each key's
     * frame is its own), waits until the app has dealt with them all, and times each key from
     * when it was sent to its frame: { reads: sentKeyTimes's, one a key, merged: keys read
     * together with an earlier one }.
     */
    async timeKeys(keys, pauseMs) {
      await session.settle();
      const sent = [];
      const now = () => performance.timeOrigin + performance.now();
      for (const key of keys) {
        const before = now();
        session.press(key);
        sent.push({ key, before, after: now() });
        await sleep(pauseMs);
      }
      await session.settle();
      const reads = sentKeyTimes(trace(), sent);
      return { reads, merged: reads.filter((r) => r.shared).length };
    },
    memory: () => memoryOf(pid),
    /** The app's CPU time so far (user + system, all its threads: the GC's too), ms. */
    cpu: () => cpuMs(pid),
    /** When the command was exec'd (ms, wall clock). */
    startedAt: () => Number(readFileSync(startFile, "utf8").trim()) / 1e6,
    /** Milliseconds from the exec to the first screen `re` matches, polled every 10 ms. */
    async screenTime(re, ms = 30_000) {
      await until(() => re.test(screen()), `the screen to match ${re}`, ms, 10);
      return Date.now() - session.startedAt();
    },
    /** Presses `keys` (e.g. q to quit) and waits for the app to exit, so its trace is complete. */
    async quit(keys, ms = 10_000) {
      for (const k of keys) {
        if (!alive()) break;
        session.press(k);
        await sleep(200);
      }
      const end = Date.now() + ms;
      while (alive() && Date.now() < end) await sleep(50);
    },
    close() {
      try {
        tmux("kill-server");
      } catch {
        // already gone with its last pane
      }
      // tmux leaves its socket behind; one per session would pile up in /tmp.
      rmSync(socketPath, { force: true });
      if (process.env.KEEP_TRACE) console.log(`trace kept in ${traceFile}`);
      else if (ownHome) rmSync(home, { recursive: true, force: true });
    },
  };
  return session;
}

/** Reads from timeKeys as { median, p95, n, unanswered } (ms). */
export function keyFrameStats(reads) {
  const answered = reads
    .map((r) => r.ms)
    .filter((t) => t !== null)
    .sort((a, b) => a - b);
  return {
    median: percentile(answered, 50),
    p95: percentile(answered, 95),
    n: answered.length,
    unanswered: reads.length - answered.length,
  };
}
/** `keys` `times` times over. */
export const repeat = (keys, times) => Array.from({ length: times }, () => keys).flat();

/**
 * Reading a big result (result-scroll and key-frame): what to invoke on the sandbox's bundled
 * functions, the screen that says it has all arrived, and how many `l` presses lead from the
 * body to the view to scroll.
 */
export const RESULT_CASES = {
  log50k: {
    name: "50,000-line log",
    fn: "big-logger",
    payload: '{"lines":50000}',
    ready: /complete \(REPORT seen\) · 5\d,\d{3}/,
    view: /▶ CloudWatch \(complete\)/,
  },
  response6mb: {
    name: "6 MB response",
    fn: "big-response",
    payload: '{"kb":6000}',
    ready: /JSON · 5\.\d MB · [\d,]+ lines/,
    view: /▶ Response/,
  },
};
/**
 * After scrolling keys were timed: they went to the view (still the focused one) and none was
 * typed into the payload, or the figures would be of something else.
 */
export function checkKeysScrolled(session, c) {
  const s = session.screen();
  const typed = new RegExp(`${c.payload.replace(/[{}]/g, "\\$&")}[jkgGl3]`);
  if (!c.view.test(s) || typed.test(s)) throw new Error(`the keys did not scroll ${c.name}:\n${s}`);
}

/** Down, up, by pages, to the bottom and back: what reading a long log is. */
export const SCROLL_KEYS = [
  "j",
  "j",
  "j",
  "k",
  "PageDown",
  "PageDown",
  "PageUp",
  "G",
  "k",
  "g",
  "PageDown",
  "j",
];

/** In `session` (the app on a sandbox): choose `c.fn`, invoke it with `c.payload`, focus the view. */
export async function openResult(session, c) {
  await session.waitFor(new RegExp(c.fn));
  session.type(c.fn);
  await session.waitFor(new RegExp(`/${c.fn}`));
  session.press("Enter");
  await session.waitFor(new RegExp(`${c.fn}:\\$LATEST`));
  session.type(c.payload);
  await session.waitFor(new RegExp(c.payload.replace(/[{}]/g, "\\$&")));
  session.press("C-s");
  await session.waitFor(c.ready, 120_000);
  // Focus follows the invocation to the result pane (its footer offers "→/l view"); `l` moves
  // to the view to scroll, named with ▶ when it has the keys. (Esc there goes back to the
  // editor: pressing Esc then 3, as this once did, typed the scroll keys into the payload.)
  await session.waitFor(/→\/l view/);
  for (let i = 0; i < 4 && !c.view.test(session.screen()); i++) {
    session.press("l");
    await sleep(300);
  }
  if (!c.view.test(session.screen())) throw new Error(`the result pane never showed ${c.view} focused`);
}
