// Start-up in a real terminal (tmux), on the built CLI: a long cached list is in the explorer's
// first frame. The cache is read while the UI loads; a long one can come after the UI, and the
// explorer once drew an empty list first, then the whole frame again with the list. The same
// for the history's newest entries, read while the UI loads.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { listCacheKey, writeFunctionCache } from "../../src/state/function-list-cache.js";
import type { FunctionSummary } from "../../src/core/model.js";
import { appendRecords } from "../../src/state/history-store.js";
import { historyRecord } from "../helpers/history-records.js";
import { glimpse, openTerminal, type Terminal } from "../helpers/tmux.js";

// Start-up on a loaded two-core machine can take a while: the waits are for screens, not times.
vi.setConfig({ testTimeout: 120_000 });

let term: Terminal | null = null;
afterEach(() => {
  term?.stop();
  term = null;
});

/** `n` functions as the list cache holds them, named so the first in name order is known. */
function functions(n: number): FunctionSummary[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `cached-fn-${String(i).padStart(6, "0")}`;
    return {
      name,
      arn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
      runtime: "nodejs20.x",
      description: `a function the cache remembers, number ${i}, with a description of some length`,
      memoryMb: 128,
      timeoutS: 30,
      lastModified: "2026-01-01T00:00:00.000+0000",
      version: "$LATEST",
      logGroup: `/aws/lambda/${name}`,
      logFormat: "Text",
    } as FunctionSummary;
  });
}

it("draws a long cached list in its first frame", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-startup-"));
  const cacheDir = path.join(dir, "cache");
  // An endpoint nobody answers: what the explorer shows comes from the cache alone.
  const endpoint = "http://127.0.0.1:9";
  const env = { AWS_REGION: "us-east-1", AWS_PROFILE: "" };
  const n = 50_000;
  await writeFunctionCache(
    listCacheKey({ endpointUrl: endpoint }, { AWS_REGION: "us-east-1" }, false),
    functions(n),
    cacheDir,
  );
  const traceFile = path.join(dir, "trace.txt");
  term = openTerminal(["--endpoint-url", endpoint], 140, 40, {
    ...env,
    LAMBDA_EXPLORER_CACHE_DIR: cacheDir,
    LAMBDA_EXPLORER_TRACE: traceFile,
  });
  await term.waitFor(/cached-fn-000000/);
  const read = () =>
    readFileSync(traceFile, "utf8")
      .split("\n")
      .map((l) => l.split(" "))
      .map(([t, ...label]) => ({ t: Number(t), label: label.join(" ") }));
  // Frames are traced a moment after they are written (kept off the hot path); the CPU used by
  // the first frame is traced with it, so once it is in, the frames up to it are too.
  await vi.waitFor(() => expect(read().some((e) => /^cpu [\d.]+$/.test(e.label))).toBe(true), {
    timeout: 20_000,
    interval: 50,
  });
  const events = read();
  const cpu = events.find((e) => e.label.startsWith("cpu "))!;
  const firstFrame = events.find((e) => /^frame \d+$/.test(e.label) && Number(e.label.slice(6)) > 64)!;
  expect(cpu.t).toBeGreaterThanOrEqual(firstFrame.t);
  expect(Number(cpu.label.slice(4))).toBeGreaterThan(0);
  const at = (label: string) => events.find((e) => e.label === label)?.t ?? NaN;
  const firstRender = at("first render");
  const listShown = at(`list shown (${n})`);
  expect(listShown).toBeGreaterThanOrEqual(firstRender);
  // The list came with the first render when no frame was drawn between the two: an empty list
  // first would be followed by the frame with the list, then its "list shown".
  const between = events.filter(
    (e) =>
      /^frame \d+$/.test(e.label) && Number(e.label.slice(6)) > 64 && e.t > firstRender && e.t < listShown,
  );
  expect(between).toEqual([]);
});

it("lists the history's newest entries in its first frame, not a loading frame first", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-startup-history-"));
  const file = path.join(dir, "history.jsonl");
  await appendRecords(
    file,
    Array.from({ length: 300 }, (_, i) =>
      historyRecord({
        function: { name: `hist-fn-${i}`, arn: null },
        at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      }),
    ),
  );
  const traceFile = path.join(dir, "trace.txt");
  term = openTerminal(["--sandbox", "--history", file], 140, 40, { LAMBDA_EXPLORER_TRACE: traceFile });
  // The newest 200 are read at start-up; the rest as the list is scrolled.
  const screen = await term.waitFor(/History 200\+/);
  expect(screen).toMatch(/hist-fn-299[\s\S]*hist-fn-298/);
  // Traced by an effect after the frame that shows the entries: wait for the line itself.
  await glimpse({ screen: () => readFileSync(traceFile, "utf8") }, /history loaded/);
  // A "loading history" first frame would be traced as "history loaded" alone, later.
  expect(readFileSync(traceFile, "utf8")).toMatch(/ history loaded in the first frame\n/);
});
