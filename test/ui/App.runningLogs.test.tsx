// The explorer against a real sandbox: a synchronous invocation's log lines show while it runs
// (issue 13, item 3), then the complete log when it returns.
import { describe, expect, it } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";

const sandbox = appSandbox("running-logs");

describe("App: logs while the function runs", () => {
  it("shows slow-logger's lines one by one before it returns, then its complete log", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/slow-logger/);
      await t.press("/slow-logger");
      await t.press({ key: "enter" });
      await t.waitFor(/slow-logger:\$LATEST · RequestResponse/);
      // Four lines a second apart: about 3 s of running.
      await t.press('{"lines": 4, "intervalMs": 1000}');
      await t.waitFor(/✓ valid JSON/);
      await t.press("\u0013"); // Ctrl+S
      // Its first line is on screen while Invoke has not answered: the view is live, the
      // spinner still turns, and the later lines (and the response) are not there yet.
      const first = await t.waitFor(/tick 1\/4/, 15_000);
      expect(first).toMatch(/live · \d+ lines so far, while it runs/);
      expect(first).toMatch(/Invoking slow-logger/);
      expect(first).not.toMatch(/tick 4\/4/);
      expect(first).not.toMatch(/"elapsedMs"/);
      const second = await t.waitFor(/tick 2\/4/, 15_000);
      expect(second).toMatch(/live · \d+ lines so far, while it runs/);
      expect(second).not.toMatch(/tick 4\/4/);
      // Then it settles on the complete log, found by request id once Invoke answered.
      const done = await t.waitFor(/CloudWatch \(complete\)|complete \(REPORT seen\)/, 30_000);
      expect(done).not.toMatch(/live ·/);
    } finally {
      t.unmount();
    }
  }, 60_000);
});
