// The history pane's reducer (isolated): opening 100,000 entries (the "loaded" action, as the
// pane gets them from the index) and typing a filter over them. The test of the same reducer
// (test/ui/history/historyReducer.test.ts) checks the work done (rows read); the time is here.
import { figure, importSource, percentile } from "./lib.mjs";

const N = 100_000;
const { historyReducer, initialHistoryState, summarize } = await importSource(`
  export { historyReducer, initialHistoryState } from "./src/ui/panes/history/historyReducer.ts";
  export { summarize } from "./src/core/history-record.ts";
`);

const rows = Array.from({ length: N }, (_, i) =>
  summarize({
    id: `id-${i}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    endpoint: { profile: null, region: "us-east-1", account: null, url: null },
    function: { name: i % 1000 === 0 ? "rare-fn" : `orders-api-${i % 50}`, arn: null },
    qualifier: null,
    invocationType: "RequestResponse",
    payload: `{"n":${i}}`,
    response: {
      statusCode: 200,
      executedVersion: "$LATEST",
      functionError: null,
      requestId: `r-${i}`,
      payload: "{}",
      logTail: null,
    },
    report: { durationMs: 12.5, billedMs: 13, memoryMb: 128, maxMemoryMb: 60, initMs: null },
    logs: null,
    clientMs: 40,
  }),
);

const open = [];
const filter = [];
for (let round = 0; round < 25; round++) {
  const sized = historyReducer(initialHistoryState(), { type: "resize", height: 20 });
  let t = performance.now();
  const s = historyReducer(sized, { type: "loaded", rows, damaged: null });
  open.push(performance.now() - t);
  t = performance.now();
  historyReducer(s, { type: "type", text: "rare" });
  filter.push(performance.now() - t);
}
const stats = (xs) => {
  const sorted = xs.slice(5).sort((a, b) => a - b); // the first rounds warm the JIT
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const o = stats(open);
const f = stats(filter);
figure({
  figure: `open ${N.toLocaleString("en")} entries, median`,
  measured: `${o.median.toFixed(2)} ms`,
  target: "< 50 ms",
  met: o.median < 50,
});
figure({ figure: "  p95", measured: `${o.p95.toFixed(2)} ms` });
figure({ figure: `filter them ("rare"), median`, measured: `${f.median.toFixed(1)} ms` });
if (!(o.median < 50)) process.exitCode = 1;
