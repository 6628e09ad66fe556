// History records shaped like real ones, for the history benches: an invocation with its
// payload, response and a 4 KB-ish log tail, then its complete-logs record.

import { createHash } from "node:crypto";

/** The id of the i-th invocation historyLines writes: random-looking, as randomUUID makes them. */
export function historyId(i) {
  const h = createHash("sha1").update(String(i)).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A record shaped like a real one: payload, response, 4 KB-ish tail; then a logs record. */
export function historyLines(
  i,
  fn = "orders-api",
  qualifier = "live",
  payload = `{"orderId":${i},"items":[1,2,3]}`,
) {
  const id = historyId(i);
  const rid = `11111111-0000-4000-8000-${String(i).padStart(12, "0")}`;
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  const tail = `START RequestId: ${rid} Version: 7\n${`${at}\t${rid}\tINFO\tprocessing order ${i}\n`.repeat(2)}END RequestId: ${rid}\nREPORT RequestId: ${rid}\tDuration: 12.5 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\t\n`;
  const record = {
    id,
    at,
    endpoint: { profile: "dev", region: "eu-west-1", account: "123456789012", url: null },
    function: { name: fn, arn: `arn:aws:lambda:eu-west-1:123456789012:function:${fn}` },
    qualifier,
    invocationType: "RequestResponse",
    payload,
    response: {
      statusCode: 200,
      executedVersion: "7",
      functionError: null,
      requestId: rid,
      payload: JSON.stringify({ ok: true, orderId: i, total: 42.5, lines: ["a", "b", "c"] }),
      logTail: tail,
    },
    report: { durationMs: 12.5, billedMs: 13, memoryMb: 128, maxMemoryMb: 70, initMs: null },
    logs: null,
    clientMs: 41.2,
  };
  const logs = Array.from({ length: 8 }, (_, k) => ({
    timestamp: Date.parse(at) + k,
    message: `${at}\t${rid}\tINFO\tstep ${k} of order ${i}: ${"detail ".repeat(3)}`,
  }));
  return (
    JSON.stringify(record) + "\n" + JSON.stringify({ logsFor: id, logsState: "complete", at, logs }) + "\n"
  );
}
