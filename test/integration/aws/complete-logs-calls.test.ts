// How many CloudWatch calls complete logs take, counted where the test decides when the logs
// exist: a function held until the test releases it (so polls before its REPORT are sure to
// find nothing), and logs read only once delivered. FilterLogEvents is polled until START and
// REPORT are both found; then one GetLogEvents reads START..REPORT and stops at REPORT.
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients, type Clients } from "../../../src/aws/clients.js";
import { fetchCompleteLogs } from "../../../src/aws/complete-logs.js";
import { invoke } from "../../../src/aws/invoke.js";
import { eventually, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const DELAY = 300;
let sb: TestSandbox;
let clients: Clients;
let dir: string;
/** FilterLogEvents requests `clients` sent, answered or refused (no such log group yet). */
let filterCalls = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-logs-calls-"));
  await mkdir(path.join(dir, "held"));
  await writeFile(path.join(dir, "held/function.json"), JSON.stringify({ timeout: 60 }));
  await writeFile(
    path.join(dir, "held/index.mjs"),
    `import { existsSync } from "node:fs";
export const handler = async (event) => {
  console.log("held until", event.release);
  while (!existsSync(event.release)) await new Promise((r) => setTimeout(r, 20));
  console.log("released");
  return { ok: true };
};\n`,
  );
  sb = await startTestSandbox({ functionsDir: dir, logDelayMs: DELAY });
  clients = await createClients({ endpointUrl: sb.url, region: "us-east-1" });
  // Counts the requests (they still go over HTTP to the sandbox, unchanged).
  clients.logs.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === FilterLogEventsCommand.name) filterCalls++;
      return next(args);
    },
    { step: "initialize", name: "countFilterCalls" },
  );
});
afterAll(async () => {
  clients?.destroy();
  await sb?.close();
});

describe("complete logs' CloudWatch calls", () => {
  it("polls while REPORT is missing, then reads the stream once", async () => {
    filterCalls = 0;
    const release = path.join(dir, `release-${Date.now()}`);
    const result = await invoke(clients, "held", JSON.stringify({ release }), { invocationType: "Event" });
    const pending = fetchCompleteLogs(clients, {
      logGroup: "/aws/lambda/held",
      requestId: result.requestId!,
      startTime: result.startedAt,
      deadlineMs: 60_000,
      firstDelayMs: 50,
      maxDelayMs: 200,
    });
    // Two polls sent while the function is held: neither can find its REPORT.
    await eventually(async () => (filterCalls >= 2 ? true : undefined), 30_000, 20);
    expect(existsSync(release)).toBe(false);
    await writeFile(release, "");
    const logs = await pending;
    expect(logs.state).toBe("complete");
    expect(logs.events.at(-1)!.message).toMatch(new RegExp(`^REPORT RequestId: ${result.requestId}\\t`));
    expect(logs.events.map((e) => e.message)).toContainEqual(expect.stringContaining("released"));
    expect(filterCalls).toBeGreaterThanOrEqual(2);
    // Every poll is a FilterLogEvents call, plus exactly one GetLogEvents.
    expect(logs.calls).toBe(filterCalls + 1);
  });

  it("takes exactly 2 calls once the logs are delivered", async () => {
    const result = await invoke(clients, "held", JSON.stringify({ release: dir }));
    // Delivered: FilterLogEvents by the request id finds START and REPORT.
    await eventually(async () => {
      const page = await clients.logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/aws/lambda/held",
          filterPattern: `"${result.requestId}"`,
        }),
      );
      return page.events?.some((e) => e.message?.startsWith(`REPORT RequestId: ${result.requestId}`))
        ? true
        : undefined;
    });
    const logs = await fetchCompleteLogs(clients, {
      logGroup: "/aws/lambda/held",
      requestId: result.requestId!,
      startTime: result.startedAt,
    });
    expect(logs.state).toBe("complete");
    expect(logs.calls).toBe(2);
  });
});
