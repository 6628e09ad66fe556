// A function that can run only once at a time (reserved concurrency 1) and holds its slot
// 100 ms, and a history of its invocations, for replay's throttling and progress tests: a
// replay of N entries takes at least N × 100 ms however fast the machine, and invocations
// sent together are throttled.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { historyRecord } from "./history-records.js";

/** Writes the function under `root`/functions and an N-entry history; returns their paths. */
export async function oneAtATime(
  root: string,
  entries: number,
): Promise<{ functions: string; history: string }> {
  const functions = path.join(root, "functions");
  const fn = path.join(functions, "one-at-a-time");
  await mkdir(fn, { recursive: true });
  await writeFile(path.join(fn, "function.json"), JSON.stringify({ reservedConcurrency: 1 }));
  await writeFile(
    path.join(fn, "index.mjs"),
    "export const handler = async (e) => { await new Promise((r) => setTimeout(r, 100)); return { n: e.n }; };\n",
  );
  const history = path.join(root, "h.jsonl");
  const records = Array.from({ length: entries }, (_, n) =>
    historyRecord({
      function: { name: "one-at-a-time", arn: null },
      qualifier: null,
      payload: JSON.stringify({ n }),
      response: {
        statusCode: 200,
        executedVersion: "$LATEST",
        functionError: null,
        requestId: `req-${n}`,
        payload: JSON.stringify({ n }),
        logTail: null,
      },
    }),
  );
  await writeFile(history, records.map((r) => JSON.stringify(r) + "\n").join(""), { mode: 0o600 });
  return { functions, history };
}
