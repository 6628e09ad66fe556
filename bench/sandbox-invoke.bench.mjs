// Sandbox speed through the real AWS SDK: warm invoke latency of a trivial handler (p50, p99)
// and invocations per second at concurrency 1 and 16. Target: p50 under 5 ms warm.
import { performance } from "node:perf_hooks";
import { LambdaClient, InvokeCommand } from "@aws-sdk/client-lambda";
import { clientConfig, figure, percentile, startSandbox } from "./lib.mjs";

const sb = await startSandbox(["--synthetic", "1"]);
const client = new LambdaClient(clientConfig(sb.endpoint));
const call = () =>
  client.send(new InvokeCommand({ FunctionName: "synthetic-1", Payload: Buffer.from('{"x":1}') }));

for (let i = 0; i < 200; i++) await call(); // warm the environment, the JIT and the connection

const samples = [];
for (let i = 0; i < 2000; i++) {
  const t = performance.now();
  await call();
  samples.push(performance.now() - t);
}
samples.sort((a, b) => a - b);
const p50 = percentile(samples, 50);
figure({
  figure: "warm invoke latency through the SDK, p50",
  measured: `${p50.toFixed(2)} ms`,
  target: "< 5 ms",
  met: p50 < 5,
});
figure({
  figure: "warm invoke latency through the SDK, p99",
  measured: `${percentile(samples, 99).toFixed(2)} ms`,
});
if (p50 >= 5) process.exitCode = 1;

async function throughput(concurrency, seconds) {
  // Warm one environment per worker first, so the figure is about warm invocations.
  await Promise.all(Array.from({ length: concurrency }, call));
  let count = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await call();
        count++;
      }
    }),
  );
  return count / seconds;
}
figure({ figure: "invocations per second, concurrency 1", measured: (await throughput(1, 3)).toFixed(0) });
figure({ figure: "invocations per second, concurrency 16", measured: (await throughput(16, 3)).toFixed(0) });

client.destroy();
await sb.stop();
