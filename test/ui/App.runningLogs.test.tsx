// The explorer against a real sandbox: a synchronous invocation's log lines show while it runs
// (issue 13, item 3), then the complete log when it returns.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";

// A function that logs a line, then waits for the test to create a gate file before the next
// one: what is on screen between two lines is decided by the test, not by how fast a busy
// machine polls (a timed logger let a slow poll see every line at once).
const GATED = `import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
export const handler = async (event) => {
  for (let i = 1; i <= 3; i++) {
    console.log("tick " + i + "/3");
    if (i < 3) while (!existsSync(event.gates + "/go-" + i)) await sleep(20);
  }
  return { done: 3 };
};
`;
const dir = mkdtempSync(path.join(os.tmpdir(), "lx-running-logs-"));
const gates = path.join(dir, "gates");
mkdirSync(path.join(dir, "functions/gated-logger"), { recursive: true });
mkdirSync(gates);
writeFileSync(path.join(dir, "functions/gated-logger/index.mjs"), GATED);
writeFileSync(path.join(dir, "functions/gated-logger/function.json"), JSON.stringify({ timeout: 120 }));
const open = (n: number) => writeFileSync(path.join(gates, `go-${n}`), "");

const sandbox = appSandbox("running-logs", { functionsDir: path.join(dir, "functions") });

describe("App: logs while the function runs", () => {
  it("shows a function's lines one by one before it returns, then its complete log", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/gated-logger/, 30_000);
      await t.press({ key: "enter" });
      await t.waitFor(/gated-logger:\$LATEST · RequestResponse/, 30_000);
      await t.press(JSON.stringify({ gates }));
      await t.waitFor(/✓ valid JSON/, 30_000);
      await t.press("\u0013"); // Ctrl+S
      // Its first line is on screen while Invoke has not answered: the view is live, the
      // spinner still turns, and the later lines (and the response) are not there yet.
      const first = await t.waitFor(/tick 1\/3/, 30_000);
      expect(first).toMatch(/live · \d+ lines? so far, while it runs/);
      expect(first).toMatch(/Invoking gated-logger/);
      expect(first).not.toMatch(/tick 2\/3/);
      expect(first).not.toMatch(/"done"/);
      open(1);
      const second = await t.waitFor(/tick 2\/3/, 30_000);
      expect(second).toMatch(/live · \d+ lines so far, while it runs/);
      expect(second).toMatch(/tick 1\/3/);
      expect(second).not.toMatch(/tick 3\/3/);
      expect(second).not.toMatch(/"done"/);
      open(2);
      // Then it settles on the complete log, found by request id once Invoke answered.
      const done = await t.waitFor(/CloudWatch \(complete\)|complete \(REPORT seen\)/, 60_000);
      expect(done).not.toMatch(/live ·/);
    } finally {
      open(1);
      open(2); // never leave the function waiting, whatever failed
      t.unmount();
    }
  }, 180_000);
});
