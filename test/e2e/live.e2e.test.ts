// The Live view in a real terminal (tmux): the explorer follows a function's log group while
// another client (the SDK) invokes it, a row per invocation appears, and Enter shows that
// invocation's complete log. A held function (it waits for a file the test writes) is in
// flight for exactly as long as the test needs: its row says running, then success.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decodeTail, FIXTURES, requestIdOf, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { glimpse, openTerminal, type Terminal } from "../helpers/tmux.js";

const HELD = `import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
export const handler = async (event) => {
  console.log("holding until " + event.release + " exists");
  while (!existsSync(event.release)) await sleep(50);
  console.log("released");
  return { released: true };
};
`;

let sb: TestSandbox | undefined;
let dir = "";
let term: Terminal | null = null;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-live-"));
  const functions = path.join(dir, "functions");
  cpSync(path.join(FIXTURES, "slow-logger"), path.join(functions, "slow-logger"), { recursive: true });
  mkdirSync(path.join(functions, "held-logger"));
  writeFileSync(path.join(functions, "held-logger", "index.mjs"), HELD);
  writeFileSync(
    path.join(functions, "held-logger", "function.json"),
    JSON.stringify({ description: "Waits for a file", handler: "index.handler", timeout: 120 }),
  );
  sb = await startTestSandbox({ functionsDir: functions });
});
afterAll(async () => {
  await sb?.close();
});
afterEach(() => {
  term?.stop();
  term = null;
});

function sandbox(): TestSandbox {
  if (!sb) throw new Error("the sandbox is started in beforeAll");
  return sb;
}

/** Opens the explorer, chooses `fn` and opens the Live view on it. */
async function openLive(fn: string, columns: number, rows: number): Promise<Terminal> {
  const t = openTerminal(["--endpoint-url", sandbox().url], columns, rows);
  term = t;
  await t.waitFor(new RegExp(`Functions[\\s\\S]*${fn}`));
  t.type(fn);
  await t.waitFor(new RegExp(`Functions \\d+/\\d+ /${fn}`));
  t.keys("Enter");
  await t.waitFor(new RegExp(`${fn}:\\$LATEST`));
  t.keys("C-l");
  await t.waitFor(new RegExp(`Live ${fn} · `));
  return t;
}

describe("the Live view", () => {
  it("shows slow-logger's invocation by another client as a row, and Enter its complete log", async () => {
    const t = await openLive("slow-logger", 200, 60);
    const out = await sandbox().lambda.send(
      new InvokeCommand({
        FunctionName: "slow-logger",
        LogType: "Tail",
        Payload: new TextEncoder().encode('{"lines": 3, "intervalMs": 100}'),
      }),
    );
    const requestId = requestIdOf(decodeTail(out.LogResult));
    const row = await t.waitFor(new RegExp(`› \\d\\d:\\d\\d:\\d\\d {2}success .*${requestId}`), 20_000);
    expect(row).toMatch(new RegExp(`success +\\d+ ms {2}cold +\\d+/128 MB {2}${requestId}`));
    expect(row).toMatch(/Live slow-logger · live tail · 1 invocation/);
    t.keys("Enter");
    const shown = await t.waitFor(
      /Seen in the logs · success[\s\S]*complete \(REPORT seen\)[\s\S]*tick 3\/3/,
    );
    expect(shown).toContain(`RequestId ${requestId}`);
    expect(shown).toMatch(/Its payload and answer are not in the logs/);
    expect(shown).toMatch(/INIT_START/);
  }, 90_000);

  it("says running while a held invocation is in flight, then its end (80x24)", async () => {
    const t = await openLive("held-logger", 80, 24);
    const release = path.join(dir, `release-${Date.now()}`);
    const invoking = sandbox().lambda.send(
      new InvokeCommand({
        FunctionName: "held-logger",
        Payload: new TextEncoder().encode(JSON.stringify({ release })),
      }),
    );
    // Awaited below; a failure before then must not leave its rejection unhandled.
    invoking.catch(() => undefined);
    try {
      // In flight: it cannot end before the file exists.
      await glimpse(t, /› \d\d:\d\d:\d\d {2}running/);
      t.keys("Enter");
      // 80x24 stacks the panes: the result comes to the front, its lines live.
      const live = await glimpse(t, /Seen in the logs · running[\s\S]*live · \d+ lines so far/);
      expect(live).not.toMatch(/released/);
      await glimpse(t, /holding until/);
    } finally {
      writeFileSync(release, "");
    }
    const out = await invoking;
    expect(out.FunctionError).toBeUndefined();
    // The open invocation follows its lines to REPORT.
    const done = await t.waitFor(/Seen in the logs · success[\s\S]*released/, 20_000);
    expect(done).toMatch(/complete \(REPORT seen\)/);
    t.keys("Escape");
    await t.waitFor(/› \d\d:\d\d:\d\d {2}success/);
  }, 90_000);
});
