// The explorer on deeply nested JSON: a payload of `[`×5000 loaded and formatted with Ctrl+F
// crashed the app (exit 70, "Maximum call stack size exceeded"); a response nested as deep
// must show as its text. The App runs against a real sandbox; the result pane as App drives it.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { result } from "../helpers/invoke-result.js";
import { renderTui } from "../helpers/render-tui.js";
import { done, showResult } from "../ui/result/resultHarness.js";

const sandbox = appSandbox("deep-json");
const arrays = (d: number) => "[".repeat(d) + "]".repeat(d);
const objects = (d: number) => '{"a":'.repeat(d) + "1" + "}".repeat(d);

describe.each([5000, 100_000])("JSON nested %i levels deep in the explorer", (depth) => {
  it("a loaded payload: Ctrl+F and Ctrl+N say why they do not format, Ctrl+S sends nothing, no crash", async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "lx-deep-ui-")), "deep.json");
    await writeFile(file, arrays(depth));
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api\r");
      await t.waitFor(/orders-api:\$LATEST · RequestResponse/);
      await t.press("\u000f"); // Ctrl+O
      await t.waitFor(/Load payload from:/);
      await t.press(file);
      await t.waitFor(/Load payload from: .*deep\.json/);
      await t.press({ key: "enter" });
      // The editor's status names the place it goes too deep.
      await t.waitFor(/✗ line 1, column 1001: Nested more than 1,000 levels deep/);
      // The path prompt closes once its load has finished (keys typed meanwhile wait for it).
      await t.waitFor(/^(?![\s\S]*Load payload from:)[\s\S]*Loaded .*deep\.json/);
      await t.press("\u0006"); // Ctrl+F
      await t.waitFor(/Not formatted: Nested more than 1,000 levels deep\./);
      await t.press("\u000e"); // Ctrl+N
      await t.waitFor(/Not formatted: Nested more than 1,000 levels deep\./);
      await t.press("\u0013"); // Ctrl+S
      // Refused like any invalid payload: no invocation starts, and the app still answers keys.
      await t.press({ key: "escape" });
      await t.press("?");
      await t.waitFor(/Keyboard help/);
      expect(t.frame()).not.toMatch(/Invoking orders-api/);
    } finally {
      t.unmount();
    }
  });

  it("a response this deep is shown as the text it is", async () => {
    const body = objects(depth);
    const t = showResult(
      done(result({ payloadText: body, payloadJson: undefined, payloadBytes: body.length })),
    );
    try {
      await t.waitFor(/\{"a":\{"a":\{"a":/);
    } finally {
      t.unmount();
    }
  });
});
