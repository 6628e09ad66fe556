// `lambda-explorer replay` throughput against the sandbox, beside the AWS SDK alone making the
// same calls at the same concurrency: invocations per second from process start to exit, what a
// CI job waits for. Both sides are whole processes started the same way (node, one script), so
// start-up counts on both; runs alternate so the machine's load falls on both alike, and the
// median of 3 is kept. The target (issue 18): replay at ≥ 0.9× the SDK alone.
//
// REPLAY_BENCH_ENTRIES (default 2000) entries of versioned-greeter:live, each with a recorded
// response equal to what the function answers, so every replay is compared in full.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CLI, ROOT, figure, startSandbox } from "./lib.mjs";

const N = Number(process.env.REPLAY_BENCH_ENTRIES ?? 2000);
const C = 16;
const RUNS = 3;
const dir = await mkdtemp(path.join(os.tmpdir(), "lx-replay-bench-"));
const history = path.join(dir, "replay.jsonl");

const lines = [];
for (let i = 0; i < N; i++) {
  const rid = `11111111-0000-4000-8000-${String(i).padStart(12, "0")}`;
  lines.push(
    JSON.stringify({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      endpoint: { profile: null, region: "us-east-1", account: null, url: null },
      function: { name: "versioned-greeter", arn: null },
      qualifier: "live",
      invocationType: "RequestResponse",
      payload: `{"name":"n${i}"}`,
      response: {
        statusCode: 200,
        executedVersion: "1",
        functionError: null,
        requestId: rid,
        payload: JSON.stringify({ message: `hello, n${i}!`, version: "1" }),
        logTail: `START RequestId: ${rid} Version: 1\nEND RequestId: ${rid}\n`,
      },
      report: { durationMs: 1.2, billedMs: 2, memoryMb: 128, maxMemoryMb: 60, initMs: null },
      logs: null,
      clientMs: 3,
    }) + "\n",
  );
}
await writeFile(history, lines.join(""), { mode: 0o600 });

// The SDK alone: the same Invoke calls (payload, qualifier, LogType Tail), C at a time.
const sdkScript = path.join(dir, "sdk-alone.mjs");
await writeFile(
  sdkScript,
  `import { InvokeCommand, LambdaClient } from ${JSON.stringify(path.join(ROOT, "node_modules/@aws-sdk/client-lambda/dist-cjs/index.js"))};
const [endpoint, n, c] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const client = new LambdaClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
let next = 0;
await Promise.all(Array.from({ length: c }, async () => {
  while (next < n) {
    const i = next++;
    const out = await client.send(new InvokeCommand({ FunctionName: "versioned-greeter", Qualifier: "live", LogType: "Tail", Payload: Buffer.from(\`{"name":"n\${i}"}\`) }));
    if (out.StatusCode !== 200) throw new Error("status " + out.StatusCode);
  }
}));
client.destroy();
`,
);

const sb = await startSandbox(["--quiet"]);
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  LAMBDA_EXPLORER_STATE_DIR: dir,
};
function timed(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", env });
  const wall = performance.now() - t;
  if (r.status !== 0)
    throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stdout.slice(-300)} ${r.stderr}`);
  return wall;
}
const replay = (extra) =>
  timed([CLI, "replay", history, "--endpoint-url", sb.endpoint, "--concurrency", String(C), ...extra]);
const sdk = () => timed([sdkScript, sb.endpoint, String(N), String(C)]);

// Warm the sandbox's execution environments (C of them) before anything is timed.
sdk();
const runs = { sdk: [], noHistory: [], recording: [] };
for (let i = 0; i < RUNS; i++) {
  runs.sdk.push(sdk());
  runs.noHistory.push(replay(["--no-history"]));
  runs.recording.push(replay(["--history", path.join(dir, `replays-${i}.jsonl`)]));
}
await sb.stop();
await rm(dir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (ms) => N / (ms / 1000);
const sdkRate = rate(median(runs.sdk));
const ratio = (ms) => rate(ms) / sdkRate;
figure({
  figure: `SDK alone: ${N} invokes, ${C} at a time, whole process`,
  measured: `${sdkRate.toFixed(0)}/s (${median(runs.sdk).toFixed(0)} ms)`,
});
const noHistory = median(runs.noHistory);
const recording = median(runs.recording);
figure({
  figure: `replay --no-history, ${N} entries, --concurrency ${C}`,
  measured: `${rate(noHistory).toFixed(0)}/s (${noHistory.toFixed(0)} ms), ${ratio(noHistory).toFixed(2)}× the SDK`,
  target: "≥ 0.9× the SDK alone",
  met: ratio(noHistory) >= 0.9,
});
figure({
  figure: `replay recording each replay (the default)`,
  measured: `${rate(recording).toFixed(0)}/s (${recording.toFixed(0)} ms), ${ratio(recording).toFixed(2)}× the SDK`,
  target: "≥ 0.9× the SDK alone",
  met: ratio(recording) >= 0.9,
});
if (ratio(noHistory) < 0.9 || ratio(recording) < 0.9) process.exitCode = 1;
