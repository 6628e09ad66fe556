// The explorer writes an invocation's record before its logs record, however the two writes
// are timed. They used to be two concurrent appends, and on a fresh history the logs record
// landed first; the explorer's backward read then never found those logs. Here the record's
// write is held until the app has its complete logs: the logs record must wait for it.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseHistoryLine } from "../../../src/core/history-record.js";
import { App } from "../../../src/ui/app/App.js";
import { renderTui } from "../../helpers/render-tui.js";
import { appSandbox } from "../../helpers/app-sandbox.js";
import { eventually } from "../../helpers/sandbox.js";

const writes = vi.hoisted(() => {
  let release!: () => void;
  return {
    held: new Promise<void>((resolve) => (release = resolve)),
    release: () => release(),
    recordPending: false,
    recordWritten: false,
    logsBeforeRecord: 0,
  };
});

vi.mock("../../../src/state/history-store.js", async (load) => {
  const m = await load<typeof import("../../../src/state/history-store.js")>();
  return {
    ...m,
    appendRecord: async (...args: Parameters<typeof m.appendRecord>) => {
      writes.recordPending = true;
      await writes.held;
      await m.appendRecord(...args);
      writes.recordWritten = true;
    },
    appendLogsRecord: (...args: Parameters<typeof m.appendLogsRecord>) => {
      if (!writes.recordWritten) writes.logsBeforeRecord++;
      return m.appendLogsRecord(...args);
    },
  };
});

const sandbox = appSandbox("history-order");
const dir = mkdtempSync(path.join(os.tmpdir(), "lx-history-order-"));
afterAll(() => writes.release());

const kinds = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => parseHistoryLine(l).kind);

describe("the explorer's history writes", () => {
  it("append an invocation's logs record only after its record", async () => {
    const file = path.join(dir, "fresh", "history.jsonl");
    const t = renderTui(<App connection={{ endpointUrl: sandbox().url }} sandbox historyFile={file} />);
    try {
      await t.waitFor(/orders-api/);
      await t.press("orders-api");
      await t.press({ key: "enter" });
      await t.waitFor(/orders-api:\$LATEST/);
      await t.press("\u0013"); // Ctrl+S
      // The app has the complete logs (it tells the history before drawing them), and the
      // record's write has reached the store, where it is held.
      await t.waitFor(/complete \(REPORT seen\)/);
      await eventually(async () => (writes.recordPending ? true : undefined));
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      expect(writes.logsBeforeRecord).toBe(0);
      writes.release();
      await eventually(async () => {
        try {
          return kinds(file).length === 2 ? true : undefined;
        } catch {
          return undefined;
        }
      });
      expect(kinds(file)).toEqual(["record", "logs"]);
    } finally {
      t.unmount();
    }
  });
});
