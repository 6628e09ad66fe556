// Invoke latency by runtime, as the user waits for it: request to answer through the AWS SDK,
// against `lambda-explorer sandbox` from the build. For each runtime in RUNTIMES: cold starts
// (the first invoke of each of COLD fresh copies of the function, so each starts its runtime
// process and runs its init) and warm invokes (one environment, after a warm-up).
// Targets: warm p50 < 5 ms, cold start p50 < 150 ms.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { ROOT, clientConfig, figure, percentile, startSandbox } from "./lib.mjs";

const COLD = 15;
const WARM = 500;

/**
 * The runtimes measured: a name, the function.json runtime, and how to lay out its code.
 * A runtime is one entry here (Python: runtime "python3.12" and an app.py handler).
 */
const RUNTIMES = [
  {
    name: "Node (nodejs20.x)",
    config: { runtime: "nodejs20.x", handler: "index.handler" },
    write: (dir) =>
      writeFileSync(
        path.join(dir, "index.mjs"),
        "export const handler = async (event) => ({ echo: event });\n",
      ),
  },
  {
    name: "Python (python3.12, the SAM app's py-hello)",
    config: { runtime: "python3.12", handler: "app.handler" },
    write: (dir) =>
      copyFileSync(path.join(ROOT, "fixtures/sam-app/src/py-hello/app.py"), path.join(dir, "app.py")),
  },
  {
    name: "custom (provided.al2023, python3 bootstrap)",
    config: { runtime: "provided.al2023", handler: "function.handler" },
    write: (dir) => {
      const to = path.join(dir, "bootstrap");
      copyFileSync(path.join(ROOT, "fixtures/sam-app/src/custom-echo/bootstrap"), to);
      chmodSync(to, 0o755);
    },
  },
];

const root = mkdtempSync(path.join(os.tmpdir(), "lx-bench-runtimes-"));
const fn = (i, copy) => `rt${i}-${copy}`;
RUNTIMES.forEach((rt, i) => {
  for (let copy = 0; copy <= COLD; copy++) {
    const dir = path.join(root, fn(i, copy));
    mkdirSync(dir);
    writeFileSync(path.join(dir, "function.json"), JSON.stringify(rt.config));
    rt.write(dir);
  }
});

const sb = await startSandbox([root]);
const client = new LambdaClient(clientConfig(sb.endpoint));
const call = async (name) => {
  const t = performance.now();
  const out = await client.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"x":1}') }));
  const ms = performance.now() - t;
  if (out.FunctionError) throw new Error(`${name}: ${Buffer.from(out.Payload ?? []).toString()}`);
  return ms;
};

// The SDK's first request pays for its own set-up and the connection: not a runtime's cost.
await client.send(new InvokeCommand({ FunctionName: fn(0, 0), Payload: Buffer.from("{}") }));

let missed = false;
for (const [i, rt] of RUNTIMES.entries()) {
  const cold = [];
  for (let copy = 1; copy <= COLD; copy++) cold.push(await call(fn(i, copy)));
  cold.sort((a, b) => a - b);
  const coldP50 = percentile(cold, 50);
  figure({
    figure: `${rt.name}: cold start invoke, p50 of ${COLD}`,
    measured: `${coldP50.toFixed(1)} ms`,
    target: "< 150 ms",
    met: coldP50 < 150,
  });
  figure({ figure: `${rt.name}: cold start invoke, max`, measured: `${cold.at(-1).toFixed(1)} ms` });

  for (let n = 0; n < 100; n++) await call(fn(i, 0)); // warm the environment and the JIT
  const warm = [];
  for (let n = 0; n < WARM; n++) warm.push(await call(fn(i, 0)));
  warm.sort((a, b) => a - b);
  const warmP50 = percentile(warm, 50);
  figure({
    figure: `${rt.name}: warm invoke, p50`,
    measured: `${warmP50.toFixed(2)} ms`,
    target: "< 5 ms",
    met: warmP50 < 5,
  });
  figure({ figure: `${rt.name}: warm invoke, p99`, measured: `${percentile(warm, 99).toFixed(2)} ms` });
  missed ||= coldP50 >= 150 || warmP50 >= 5;
}

client.destroy();
await sb.stop();
rmSync(root, { recursive: true, force: true });
if (missed) process.exitCode = 1;
