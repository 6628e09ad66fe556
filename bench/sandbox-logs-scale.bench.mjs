// The sandbox's FilterLogEvents after a long session: one function's group with 30,000
// invocations' events (loaded straight into the store), searched by request id through the
// SDK, as every complete-logs search does. Before the store was indexed each call took 38 ms
// here instead of 2 ms; the figure should not grow with the number of invocations.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { build } from "esbuild";
import { ROOT, clientConfig, figure, percentile } from "./lib.mjs";

const outDir = path.join(ROOT, "node_modules/.cache/lx-bench");
mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, `sandbox-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `export { startSandbox } from "./src/sandbox/server.ts";`,
    resolveDir: ROOT,
    loader: "ts",
  },
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  logLevel: "error",
});
const { startSandbox } = await import(pathToFileURL(outfile).href);
rmSync(outfile);

const GROUP = "/aws/lambda/busy";
const idOf = (i) => `${i.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`;

async function timeSearches(invocations) {
  const sb = await startSandbox({ functionsDir: null, runtimePath: path.join(ROOT, "dist/runtime.js") });
  const t0 = Date.now() - invocations * 10;
  for (let i = 0; i < invocations; i++) {
    const stream = `2026/01/01/[$LATEST]${(i % 20).toString(16).padStart(32, "0")}`;
    const id = idOf(i);
    const t = t0 + i * 10;
    sb.store.append(GROUP, stream, `START RequestId: ${id} Version: $LATEST\n`, t);
    sb.store.append(GROUP, stream, `${new Date(t).toISOString()}\t${id}\tINFO\twork ${i}\n`, t + 1);
    sb.store.append(GROUP, stream, `END RequestId: ${id}\n`, t + 2);
    sb.store.append(GROUP, stream, `REPORT RequestId: ${id}\tDuration: 1.00 ms\t\n`, t + 3);
  }
  const logs = new CloudWatchLogsClient(clientConfig(sb.url));
  const samples = [];
  for (let k = 0; k < 300; k++) {
    const id = idOf(Math.floor((k * 7919) % invocations));
    const t = performance.now();
    const out = await logs.send(
      new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: `"${id}"`, startTime: t0 - 300_000 }),
    );
    samples.push(performance.now() - t);
    if (out.events.length !== 4) throw new Error(`expected 4 events, got ${out.events.length}`);
  }
  logs.destroy();
  await sb.close();
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

const one = await timeSearches(1);
const many = await timeSearches(30_000);
figure({
  figure: "FilterLogEvents by request id, 1 invocation in the group, median",
  measured: `${one.toFixed(2)} ms`,
});
figure({
  figure: "FilterLogEvents by request id, 30,000 invocations in the group, median",
  measured: `${many.toFixed(2)} ms`,
  target: "< 5 ms",
  met: many < 5,
});
if (many >= 5) process.exitCode = 1;
