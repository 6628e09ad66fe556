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
