// The explorer's Live view against a real sandbox: the chosen function's invocations as rows as
// they happen, whoever invokes it (here the SDK, as another client), an invocation's complete log
// opened in the result pane, and r invoking it again with the current draft.
import http from "node:http";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";
import { decodeTail, requestIdOf } from "../helpers/sandbox.js";
import { startLocalServer } from "../hardening/local-server.js";

const sandbox = appSandbox("live");
const CTRL_L = "\u000c";

describe("App: the Live view", () => {
  it("shows another client's invocation as a row, opens its complete log, and invokes again", async () => {
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox />);
    try {
      await t.waitFor(/slow-logger/);
      await t.press("/slow-logger");
      await t.press({ key: "enter" });
      await t.waitFor(/slow-logger:\$LATEST · RequestResponse/);
      await t.press(CTRL_L);
      await t.waitFor(/Live slow-logger · /);
      const out = await sandbox().lambda.send(
        new InvokeCommand({
          FunctionName: "slow-logger",
          LogType: "Tail",
          Payload: new TextEncoder().encode('{"lines": 2, "intervalMs": 0}'),
        }),
      );
      const requestId = requestIdOf(decodeTail(out.LogResult));
      // At 100 columns the request id is cut to its first 8 characters; the result pane has it whole.
      const short = requestId.slice(0, 8);
      const row = await t.waitFor(new RegExp(`success .*${short}`), 15_000);
      expect(row).toMatch(
        new RegExp(`› \\d\\d:\\d\\d:\\d\\d {2}success +[\\d.]+ ms {2}cold +\\d+/128 MB {2}${short}`),
      );
      await t.press({ key: "enter" });
      const shown = await t.waitFor(/Seen in the logs · success/);
      expect(shown).toMatch(/Its payload and answer are not in the logs/);
      expect(shown).toContain(`RequestId ${requestId}`);
      // The complete log: from the cold start's INIT_START to REPORT, the handler's lines between.
      const log = await t.waitFor(/complete \(REPORT seen\) · \d+ lines/);
      expect(log).toMatch(/INIT_START/);
      expect(log).toMatch(/tick 2\/2/);

      await t.press("4");
      await t.press("r");
      // The invocation brings the result to the front; the Live view says what was sent.
      await t.waitFor(/Invoking slow-logger/);
      await t.press("4");
      await t.waitFor(/Invoked with the current draft: the logs do not hold the payload/);
      // The invocation from here is a second row, newer, and warm.
      const two = await t.waitFor(
        /Live slow-logger · [a-z ]+ · 2 invocations[\s\S]*success[\s\S]*success/,
        30_000,
      );
      expect(two.indexOf(short)).toBeGreaterThan(two.lastIndexOf("› "));
      // Ctrl+L again on the function it follows goes back to its rows as they were (the cursor
      // on the older one), never starting afresh (which would put it back on the newest).
      await t.press("j");
      await t.waitFor(new RegExp(`› \\d\\d:\\d\\d:\\d\\d {2}success .*${short}`));
      await t.press("1");
      await t.press(CTRL_L);
      const again = await t.waitFor(/Live slow-logger · [a-z ]+ · 2 invocations/);
      expect(again).toMatch(new RegExp(`› \\d\\d:\\d\\d:\\d\\d {2}success .*${short}`));

      // Esc stops following (once nothing is awaited: Esc stops that first): the history is back.
      await t.waitFor(/^↑\/k move {2}Enter open/m, 30_000);
      await t.press({ key: "escape" });
      await t.waitFor(/\[4\] History/);
      expect(t.frame()).not.toMatch(/Live slow-logger/);
    } finally {
      t.unmount();
    }
  }, 60_000);

  it("polls FilterLogEvents where the endpoint has no StartLiveTail, and says so", async () => {
    // In front of the sandbox: everything passes but StartLiveTail, as on LocalStack or moto.
    const target = new URL(sandbox().url);
    const proxy = await startLocalServer((req, res, body) => {
      if (req.headers["x-amz-target"] === "Logs_20140328.StartLiveTail") {
        res.writeHead(400, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-errortype": "UnknownOperationException",
        });
        return res.end(JSON.stringify({ __type: "UnknownOperationException", message: "not here" }));
      }
      const out = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.end(body);
    });
    const t = renderTui(<App connection={{ endpointUrl: proxy.url }} sandbox />);
    try {
      await t.waitFor(/thrower/);
      await t.press("/thrower");
      await t.press({ key: "enter" });
      await t.waitFor(/thrower:\$LATEST · RequestResponse/);
      // Its log group must exist for the path to be chosen: one invocation first.
      await sandbox().lambda.send(new InvokeCommand({ FunctionName: "thrower" }));
      await t.press(CTRL_L);
      await t.waitFor(/Live thrower · polling/);
      const out = await sandbox().lambda.send(
        new InvokeCommand({ FunctionName: "thrower", LogType: "Tail" }),
      );
      const short = requestIdOf(decodeTail(out.LogResult)).slice(0, 8);
      const row = await t.waitFor(new RegExp(`error .*${short} +Error`), 15_000);
      expect(row).toMatch(/Live thrower · polling · 2 invocations/);
    } finally {
      t.unmount();
      await proxy.close();
    }
  }, 60_000);
});
