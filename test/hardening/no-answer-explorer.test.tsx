// The explorer against an endpoint that accepts the connection and never answers: before, its
// list said "loading…" for as long as one waited. Now the read timeout ends the wait, and the
// error screen names the endpoint and what happened, with the way out to the sandbox.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App } from "../../src/ui/app/App.js";
import { renderTui } from "../helpers/render-tui.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

let server: LocalServer | null = null;
const saved = process.env.LAMBDA_EXPLORER_READ_TIMEOUT_MS;
beforeEach(() => {
  // The clients read it when the App makes them.
  process.env.LAMBDA_EXPLORER_READ_TIMEOUT_MS = "300";
});
afterEach(async () => {
  if (saved === undefined) delete process.env.LAMBDA_EXPLORER_READ_TIMEOUT_MS;
  else process.env.LAMBDA_EXPLORER_READ_TIMEOUT_MS = saved;
  await server?.close();
  server = null;
});

describe("the explorer on an endpoint that never answers", () => {
  it("shows 'No answer from the endpoint' with the endpoint, instead of loading forever", async () => {
    server = await startLocalServer(() => undefined);
    const t = renderTui(<App connection={{ endpointUrl: server.url }} sandbox={false} />);
    try {
      // Three attempts of 0.3 s and their back-off: waited for as a screen, however long it takes.
      const screen = await t.waitFor(/No answer from the endpoint/, 25_000);
      expect(screen).toContain(`${server.url} accepted the request but did not answer`);
      expect(server.requests.length).toBeGreaterThanOrEqual(1);
    } finally {
      t.unmount();
    }
  });
});

describe("the explorer invoking a function on an endpoint that never answers Invoke", () => {
  it("gives up after the function's timeout (from the list) plus the margin, and says so", async () => {
    const config = {
      FunctionName: "slow",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:slow",
      Runtime: "nodejs20.x",
      Timeout: 1,
      MemorySize: 128,
    };
    server = await startLocalServer((req, res) => {
      const url = req.url ?? "";
      if (url.includes("/invocations")) return; // never answered
      const body = /\/functions\/?(\?|$)/.test(url)
        ? { Functions: [config] }
        : url.includes("/versions")
          ? { Versions: [config] }
          : url.includes("/aliases")
            ? { Aliases: [] }
            : config;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
    const margin = process.env.LAMBDA_EXPLORER_INVOKE_MARGIN_MS;
    process.env.LAMBDA_EXPLORER_INVOKE_MARGIN_MS = "500";
    // Answers that do come are never cut by the read timeout, however loaded the machine.
    process.env.LAMBDA_EXPLORER_READ_TIMEOUT_MS = "10000";
    const t = renderTui(<App connection={{ endpointUrl: server.url }} sandbox={false} />);
    try {
      await t.waitFor(/slow/);
      await t.press("slow\r");
      await t.waitFor(/slow:\$LATEST · RequestResponse/);
      await t.press("\u0013"); // Ctrl+S
      const screen = await t.waitFor(/slow was not invoked/, 25_000);
      // The message wraps in the pane: read it without the borders and line breaks.
      const text = screen.replace(/[│\s]+/g, " ");
      expect(text).toContain(
        `${server.url} accepted Invoke of slow but did not answer within 1.5 s (its timeout, 1 s, plus 0.5 s).`,
      );
      expect(server.requests.filter((q) => q.includes("/invocations"))).toHaveLength(1);
    } finally {
      t.unmount();
      if (margin === undefined) delete process.env.LAMBDA_EXPLORER_INVOKE_MARGIN_MS;
      else process.env.LAMBDA_EXPLORER_INVOKE_MARGIN_MS = margin;
    }
  });
});
