// Start-up's early work reaching the first frame, against a real sandbox: the cached list and
// the first ListFunctions page, read and sent before the UI loaded, are in the very first frame
// when they have arrived; a failure of that early request ends on the same error screen as a
// request made by the UI. The history's newest entries read while the UI loaded are handed to
// the pane (test/e2e/startup.e2e.test.ts sees them in the first frame), and older ones are read
// from the same reader as the list is scrolled.
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { appendRecords } from "../../src/state/history-store.js";
import { FIRST_PAGE, openHistory } from "../../src/state/history-pages.js";
import { historyRecord } from "../helpers/history-records.js";
import { createClients, type Clients } from "../../src/aws/clients.js";
import { startListing } from "../../src/aws/listing-start.js";
import { listCacheKey, readFunctionCache, writeFunctionCache } from "../../src/state/function-list-cache.js";
import { early } from "../../src/core/early.js";
import { App } from "../../src/ui/app/App.js";
import type { EarlyList } from "../../src/ui/hooks/useFunctionList.js";
import { reportRetry } from "../../src/aws/retry-notices.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";
import { startTestSandbox } from "../helpers/sandbox.js";

const sandbox = appSandbox("start");

/** What tui-command starts before the UI loads, for `endpointUrl`. */
function startEarly(endpointUrl: string) {
  const connection = { endpointUrl };
  const key = listCacheKey(connection, process.env, false);
  const earlyClients = createClients({ ...connection, onRetry: reportRetry });
  earlyClients.catch(() => undefined);
  const earlyList: EarlyList = {
    key,
    cached: early(readFunctionCache(key)),
    listing: startListing(earlyClients),
  };
  return { connection, earlyClients, earlyList };
}

const summary = (name: string) => ({
  name,
  arn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
  runtime: "nodejs20.x",
  description: "",
  memoryMb: 128,
  timeoutS: 3,
  lastModified: null,
  version: "$LATEST",
  logGroup: `/aws/lambda/${name}`,
  logFormat: "Text" as const,
});

describe("App at start-up", () => {
  it("draws the first page that arrived while the UI loaded in its first frame", async () => {
    const { connection, earlyClients, earlyList } = startEarly(sandbox().url);
    await earlyList.listing!.first.promise;
    const t = renderTui(
      <App connection={connection} sandbox={false} earlyClients={earlyClients} earlyList={earlyList} />,
    );
    try {
      expect(t.frame()).toContain("orders-api");
      // Then the rest is listed as usual (the early page is not asked for again).
      await t.waitFor(/versioned-greeter/);
    } finally {
      t.unmount();
    }
  });

  it("draws the first page as soon as it arrives after the first frame, not when the UI's clients are ready", async () => {
    const connection = { endpointUrl: sandbox().url };
    const key = listCacheKey(connection, process.env, false);
    let release!: (c: Clients) => void;
    const startUpClients = new Promise<Clients>((r) => (release = r));
    const earlyList: EarlyList = {
      key,
      cached: early(Promise.resolve(null)),
      listing: startListing(startUpClients),
    };
    // The UI's own clients never come: only the early page can put the list on screen.
    const never = new Promise<Clients>(() => undefined);
    const t = renderTui(
      <App connection={connection} sandbox={false} earlyClients={never} earlyList={earlyList} />,
    );
    try {
      expect(t.frame()).not.toContain("orders-api");
      release(await createClients(connection));
      await t.waitFor(/orders-api/);
    } finally {
      t.unmount();
    }
  });

  it("draws the cached list in its first frame, then replaces it with the fresh one", async () => {
    const key = listCacheKey({ endpointUrl: sandbox().url }, process.env, false);
    await writeFunctionCache(key, [summary("cached-only-fn")]);
    const { connection, earlyClients, earlyList } = startEarly(sandbox().url);
    await earlyList.cached.promise;
    const t = renderTui(
      <App connection={connection} sandbox={false} earlyClients={earlyClients} earlyList={earlyList} />,
    );
    try {
      expect(t.frame()).toContain("cached-only-fn");
      const fresh = await t.waitFor(/orders-api/);
      expect(fresh).not.toContain("cached-only-fn");
    } finally {
      t.unmount();
    }
  });

  it("shows the early request's failure as the error screen, with the sandbox offer", async () => {
    const { connection, earlyClients, earlyList } = startEarly("http://127.0.0.1:9");
    // Failed before the UI is there, as it does when the endpoint is down.
    await earlyList.listing!.first.promise.catch(() => undefined);
    const startSandbox = vi.fn(async () => ({ url: sandbox().url, scope: "test sandbox" }));
    const t = renderTui(
      <App
        connection={connection}
        sandbox={false}
        startSandbox={startSandbox}
        earlyClients={earlyClients}
        earlyList={earlyList}
      />,
    );
    try {
      const err = await t.waitFor(/Endpoint unreachable/);
      expect(err).toContain("Cannot reach http://127.0.0.1:9");
      await t.press("s");
      await t.waitFor(/orders-api/);
      expect(startSandbox).toHaveBeenCalledOnce();
    } finally {
      t.unmount();
    }
  });

  it("shows an early request throttled past its retries as the throttling error", async () => {
    const throttled = await startTestSandbox({ functionsDir: null, synthetic: 3, throttleEvery: 1 });
    try {
      const { connection, earlyClients, earlyList } = startEarly(throttled.url);
      const t = renderTui(
        <App connection={connection} sandbox={false} earlyClients={earlyClients} earlyList={earlyList} />,
      );
      try {
        const err = await t.waitFor(/still throttled after 3 attempts/, 15_000);
        expect(err).toContain(`Throttled by ${throttled.url}`);
      } finally {
        t.unmount();
      }
    } finally {
      await throttled.close();
    }
  });
});

describe("App at start-up, with a history", () => {
  /** A history of `n` invocations of `fn-0` … `fn-<n-1>`, the newest last, as in the file. */
  async function historyOf(n: number) {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lx-early-history-")), "history.jsonl");
    await appendRecords(
      file,
      Array.from({ length: n }, (_, i) =>
        historyRecord({
          function: { name: `fn-${i}`, arn: null },
          at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        }),
      ),
    );
    return file;
  }

  /** The explorer on the sandbox with `file` as its history, its newest page read early. */
  const withEarlyHistory = (file: string, earlyHistory: Parameters<typeof App>[0]["earlyHistory"]) =>
    renderTui(
      <App
        connection={{ endpointUrl: sandbox().url }}
        sandbox={false}
        historyFile={file}
        earlyHistory={earlyHistory}
      />,
    );

  it("reads older entries from the early reader as the list is scrolled", async () => {
    const file = await historyOf(FIRST_PAGE + 5);
    const earlyHistory = early(openHistory(file, FIRST_PAGE));
    await earlyHistory.promise;
    const t = withEarlyHistory(file, earlyHistory);
    try {
      await t.waitFor(/orders-api/);
      // Shift+Tab from the function list: the history (a digit would be typed in its filter).
      await t.press({ key: "shiftTab" });
      expect(t.frame()).toContain(`History ${FIRST_PAGE}+`);
      await t.press("G");
      // Near the end of the first page: the older entries are read, then the end is the oldest.
      await t.waitFor(new RegExp(`History ${FIRST_PAGE + 5}\\b`));
      await t.press("G");
      await t.waitFor(/› .*fn-0:/);
    } finally {
      t.unmount();
    }
  });

  it("says why the history could not be read when the early read failed", async () => {
    // A folder where the file should be: the read fails as it does on a bad --history.
    const file = mkdtempSync(path.join(os.tmpdir(), "lx-early-history-dir-"));
    mkdirSync(path.join(file, "x"));
    const earlyHistory = early(openHistory(file, FIRST_PAGE));
    expect((await earlyHistory.promise).error).not.toBeNull();
    const t = withEarlyHistory(file, earlyHistory);
    try {
      await t.waitFor(/orders-api/);
      await t.press({ key: "shiftTab" });
      expect(t.frame()).not.toContain("loading history");
      expect(t.frame()).toMatch(/EISDIR|directory/i);
    } finally {
      t.unmount();
    }
  });
});
