// Processes a handler starts end with its execution environment, as on Lambda: whether the
// environment is stopped for a timeout, exits on its own, is stopped with the sandbox, or the
// sandbox itself is killed.
import { readFileSync } from "node:fs";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxProcess } from "../../helpers/cli.js";
import {
  credentials,
  decodeTail,
  eventually,
  payloadText,
  startTestSandbox,
  type TestSandbox,
} from "../../helpers/sandbox.js";

const SPAWNER = `import { spawn } from "node:child_process";
// Starts two long sleeps that outlive the invocation: one in the environment's process group,
// one in a session of its own (Node's detached: true); then returns, hangs or exits.
export const handler = async (event) => {
  const opts = { stdio: "ignore" };
  const inGroup = spawn("sleep", ["120"], opts);
  const ownSession = spawn("sleep", ["120"], { ...opts, detached: true });
  inGroup.unref();
  ownSession.unref();
  const pids = { inGroup: inGroup.pid, ownSession: ownSession.pid };
  console.log("pids", JSON.stringify(pids));
  if (event.then === "hang") await new Promise(() => {});
  if (event.then === "exit") process.exit(3);
  return pids;
};
`;

/** Alive and not a zombie (a zombie's parent may never reap it in a container). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(")") + 2));
  } catch {
    return false;
  }
}

function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

const gone = (pids: number[]) => eventually(async () => (pids.some(alive) ? undefined : true), 20_000);

interface Pids {
  inGroup: number;
  ownSession: number;
}
const pidsFromTail = (tail: string) => JSON.parse(/pids (\{.*\})/.exec(tail)![1]!) as Pids;

let dir: string;
let sb: TestSandbox;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-pgroup-"));
  await mkdir(path.join(dir, "spawner"));
  await writeFile(path.join(dir, "spawner/function.json"), JSON.stringify({ timeout: 3 }));
  await writeFile(path.join(dir, "spawner/index.mjs"), SPAWNER);
  sb = await startTestSandbox({ functionsDir: dir });
});
afterAll(async () => {
  await sb?.close();
});

const invoke = (client: LambdaClient, then?: string) =>
  client.send(
    new InvokeCommand({
      FunctionName: "spawner",
      LogType: "Tail",
      Payload: Buffer.from(JSON.stringify({ then })),
    }),
  );

describe("a handler's child processes end with its environment", () => {
  it("stopped for a timeout: both children are gone", async () => {
    const out = await invoke(sb.lambda, "hang");
    const tail = decodeTail(out.LogResult);
    expect(tail).toContain("Task timed out after 3.00 seconds");
    const pids = pidsFromTail(tail);
    await gone([pids.inGroup, pids.ownSession]);
  });

  it("exiting on its own: the child in its process group is gone", async () => {
    const out = await invoke(sb.lambda, "exit");
    expect(JSON.parse(payloadText(out.Payload))).toMatchObject({ errorType: "Runtime.ExitError" });
    const pids = pidsFromTail(decodeTail(out.LogResult));
    // The one in a session of its own has no parent left to be found by (see docs/sandbox.md).
    kill(pids.ownSession);
    await gone([pids.inGroup]);
  });

  it("kept warm they live on, and go when the sandbox stops", async () => {
    const local = await startTestSandbox({ functionsDir: dir });
    let closed = false;
    try {
      const out = await invoke(local.lambda);
      const pids = JSON.parse(payloadText(out.Payload)) as Pids;
      expect(alive(pids.inGroup) && alive(pids.ownSession)).toBe(true);
      await local.close();
      closed = true;
      await gone([pids.inGroup, pids.ownSession]);
    } finally {
      if (!closed) await local.close();
    }
  });

  it("the sandbox killed outright: its environments and their children go too", async () => {
    const proc = await startSandboxProcess([dir]);
    const client = new LambdaClient({ endpoint: proc.endpoint, region: "us-east-1", credentials });
    let pids: Pids | undefined;
    try {
      pids = JSON.parse(payloadText((await invoke(client)).Payload)) as Pids;
      const closed = new Promise((r) => proc.child.once("close", r));
      proc.child.kill("SIGKILL");
      await closed;
      // The environment sees the sandbox go and ends both: its group, and what it finds below
      // itself in a session of its own.
      await gone([pids.inGroup, pids.ownSession]);
    } finally {
      client.destroy();
      if (pids) kill(pids.ownSession);
      if (proc.child.exitCode === null && proc.child.signalCode === null) await proc.stop();
    }
  });
});
