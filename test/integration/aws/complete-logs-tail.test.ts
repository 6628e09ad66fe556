// "Complete" means every line of Invoke's tail is in the complete log, for every example
// function, on a cold start (where the init phase is logged before START) and a warm one.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients, type Clients } from "../../../src/aws/clients.js";
import { fetchCompleteLogs } from "../../../src/aws/complete-logs.js";
import { invoke } from "../../../src/aws/invoke.js";
import { tailShowsColdStart } from "../../../src/core/log-records.js";
import { FIXTURES, startTestSandbox, useSandboxClients, type TestSandbox } from "../../helpers/sandbox.js";
import { readdirSync } from "node:fs";

const FUNCTIONS = readdirSync(FIXTURES).sort();
/** Smaller than the defaults where those are big, so the test stays cheap. */
const PAYLOADS: Record<string, string> = {
  "huge-log-line": '{"mb": 1}',
  "big-response": '{"kb": 4}',
};
const GROUPS: Record<string, string> = { "payments-audit": "/sandbox/payments-audit" };

/** Tail lines that must be in the complete log: all but a first line the 4 KB cut went through. */
function wholeTailLines(tail: string): string[] {
  const lines = tail.split("\n");
  if (lines.at(-1) === "") lines.pop();
  if (Buffer.byteLength(tail) >= 4096 - 3) lines.shift();
  return lines;
}

async function tailAndComplete(clients: Clients, fn: string, group = `/aws/lambda/${fn}`) {
  const result = await invoke(clients, fn, PAYLOADS[fn] ?? "{}");
  const logs = await fetchCompleteLogs(clients, {
    logGroup: GROUPS[fn] ?? group,
    requestId: result.requestId!,
    startTime: result.startedAt,
    deadlineMs: 30_000,
    coldStart: tailShowsColdStart(result.tail),
  });
  return { tail: result.tail!, logs, cold: tailShowsColdStart(result.tail) };
}

function expectTailInComplete(tail: string, messages: string[]): void {
  const complete = new Set(messages);
  const missing = wholeTailLines(tail).filter((l) => !complete.has(l));
  expect(missing).toEqual([]);
}

const live = useSandboxClients();

describe("every tail line is in the complete log", () => {
  it.each(FUNCTIONS)("%s, cold then warm", async (fn) => {
    const cold = await tailAndComplete(live.clients, fn);
    expect(cold.cold).toBe(true);
    expect(cold.logs.state).toBe("complete");
    expectTailInComplete(
      cold.tail,
      cold.logs.events.map((e) => e.message),
    );
    // The first line of a cold start's complete log opens the init phase.
    expect(cold.logs.events[0]!.message).toMatch(/^INIT_START |"type":"platform\.initStart"/);

    const warm = await tailAndComplete(live.clients, fn);
    expect(warm.logs.state).toBe("complete");
    expectTailInComplete(
      warm.tail,
      warm.logs.events.map((e) => e.message),
    );
    // A warm start (crasher's environment died, so its second call is cold again) has no init.
    if (!warm.cold) expect(warm.logs.events[0]!.message).not.toMatch(/INIT_START|initStart/);
  });
});

describe("the init phase of a cold start", () => {
  let dir: string;
  let own: TestSandbox;
  let ownClients: Clients;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "init-logs-"));
    const write = async (name: string, code: string) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "function.json"), "{}");
      await writeFile(path.join(dir, name, "index.mjs"), code);
    };
    await write(
      "init-logger",
      'console.log("module loading: connecting to the database");\n' +
        'process.stdout.write("raw init line\\n");\n' +
        "export const handler = async () => { console.log('handling'); return 1; };\n",
    );
    await write(
      "init-breaker",
      'throw new Error("cannot load config");\nexport const handler = async () => 1;\n',
    );
    own = await startTestSandbox({ functionsDir: dir });
    ownClients = await createClients({ endpointUrl: own.url, region: "us-east-1" });
  });
  afterAll(async () => {
    ownClients?.destroy();
    await own?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps what the module logs while loading, before START", async () => {
    const { tail, logs } = await tailAndComplete(ownClients, "init-logger");
    const messages = logs.events.map((e) => e.message);
    const start = messages.findIndex((m) => m.startsWith("START "));
    const before = messages.slice(0, start).join("\n");
    expect(before).toContain("module loading: connecting to the database");
    expect(before).toContain("raw init line");
    expectTailInComplete(tail, messages);
  });

  it("keeps an init error, which leaves no Init Duration in REPORT", async () => {
    const { tail, logs, cold } = await tailAndComplete(ownClients, "init-breaker");
    expect(cold).toBe(true);
    expect(logs.events.some((e) => e.message.includes("cannot load config"))).toBe(true);
    expectTailInComplete(
      tail,
      logs.events.map((e) => e.message),
    );
  });
});
