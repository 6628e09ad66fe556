// A response that is not UTF-8, in the explorer: a custom runtime may answer any bytes. A real
// HTTP proxy in front of the sandbox passes every call through and, for orders-api's Invoke,
// answers the sandbox's own headers (request id, log tail) with bytes no UTF-8 allows. The
// explorer must say so, record the bytes in the history, and save them exactly as they came.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHistoryLine, type HistoryRecord } from "../../src/core/history-record.js";
import { App } from "../../src/ui/app/App.js";
import { renderTui } from "../helpers/render-tui.js";
import { eventually, startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

const BODY = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
// Later answers differ in one byte, and decode to the same text: 0xfe and 0xfd are both U+FFFD.
const LATER = Buffer.from(BODY.map((b, i) => (i === 7 ? 0xfd : b)));
const INVOKE = /^\/2015-03-31\/functions\/orders-api\/invocations/;

let sb: TestSandbox;
let proxy: LocalServer;
let dir: string;
let invokes = 0;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "lx-non-utf8-"));
  process.env.LAMBDA_EXPLORER_CACHE_DIR = path.join(dir, "cache");
  process.env.LAMBDA_EXPLORER_STATE_DIR = path.join(dir, "state");
  sb = await startTestSandbox();
  const target = new URL(sb.url);
  proxy = await startLocalServer((req, res, body) => {
    const forward = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        // Addressed to the sandbox, as a reverse proxy does: the sandbox answers only its own Host.
        headers: { ...req.headers, host: target.host },
      },
      (up) => {
        const chunks: Buffer[] = [];
        up.on("data", (c: Buffer) => chunks.push(c));
        up.on("end", () => {
          const headers = { ...up.headers };
          delete headers["content-length"];
          const binary = INVOKE.test(req.url ?? "") && up.statusCode === 200;
          res.writeHead(
            up.statusCode ?? 502,
            binary ? { ...headers, "content-type": "application/octet-stream" } : headers,
          );
          res.end(binary ? (invokes++ === 0 ? BODY : LATER) : Buffer.concat(chunks));
        });
      },
    );
    // A client that goes away mid-call (the app unmounting) is no failure of the test.
    forward.on("error", () => res.destroy());
    req.on("error", () => forward.destroy());
    forward.end(body);
  });
});
afterAll(async () => {
  await proxy?.close();
  await sb?.close();
});

const lines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map(parseHistoryLine);
const records = (file: string): HistoryRecord[] =>
  lines(file).flatMap((l) => (l.kind === "record" ? [l.record] : []));

describe("a response that is not UTF-8, in the explorer", () => {
  it("is labelled so, recorded byte for byte, saved exactly, and replayed comparing bytes", async () => {
    const file = path.join(dir, "history.jsonl");
    const t = renderTui(<App connection={{ endpointUrl: proxy.url }} sandbox historyFile={file} cwd={dir} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/orders-api:\$LATEST · RequestResponse/);
      await t.press("\u0013"); // Ctrl+S
      // The real log tail came through with the request id: the complete logs are found, and
      // recorded after the invocation.
      const kinds = await eventually(async () => {
        const k = lines(file).map((l) => l.kind);
        return k.includes("logs") ? k : undefined;
      });
      expect(kinds).toEqual(["record", "logs"]);
      const [rec] = records(file);
      expect(Buffer.from(rec!.response.payloadBase64!, "base64").equals(BODY)).toBe(true);

      // The terminal is 100 columns: panes are stacked, and the invoke brought the result up.
      const shown = await t.waitFor(/not UTF-8 · 12 B/);
      expect(shown).toMatch(/200 · ExecutedVersion \$LATEST/);
      expect(shown).toContain("\uFFFD");

      // Saving the response writes the bytes, not the text shown with U+FFFD. The complete log,
      // longer than its view, took the keys when it came: h goes back to the response.
      for (let i = 0; i < 3 && !t.frame().includes("▶ Response"); i++) {
        const before = /▶ (\w+)/.exec(t.frame())?.[1] ?? "";
        await t.press("h");
        await t.waitFor(new RegExp(`▶ (?!${before})`));
      }
      await t.waitFor(/▶ Response/);
      await t.press("s");
      await t.waitFor(/Save the response to: .*response\.bin/);
      await t.press({ key: "enter" });
      const saved = await t.waitFor(/Saved 12 B to /);
      const name = readdirSync(dir).find((f) => f.endsWith("-response.bin"));
      expect(name, saved).toBeDefined();
      expect(readFileSync(path.join(dir, name!)).equals(BODY)).toBe(true);
    } finally {
      t.unmount();
    }

    // A fresh start reads it back from the history: the same bytes, not the decoded text.
    const again = renderTui(
      <App connection={{ endpointUrl: proxy.url }} sandbox historyFile={file} cwd={dir} />,
    );
    try {
      await again.waitFor(/orders-api/);
      await again.press("4");
      await again.waitFor(/History 1/);
      await again.press({ key: "enter" });
      await again.waitFor(/not UTF-8 · 12 B/);
      // Replayed, the function now answers other bytes that decode to the very same text.
      await again.press("4");
      await again.press("r");
      const diff = await again.waitFor(/The answers differ:[\s\S]*duration:/);
      expect(diff).toContain("payload (bytes, not UTF-8): they differ from byte 7 (12 B → 12 B)");
      const replay = await eventually(async () => records(file)[1]);
      expect(replay.replayOf).toBe(records(file)[0]!.id);
      expect(Buffer.from(replay.response.payloadBase64!, "base64").equals(LATER)).toBe(true);
    } finally {
      again.unmount();
    }
  });
});
