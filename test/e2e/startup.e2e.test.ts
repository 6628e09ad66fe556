// Start-up in a real terminal (tmux), on the built CLI: a long cached list is in the explorer's
// first frame. The cache is read while the UI loads; a long one can come after the UI, and the
// explorer once drew an empty list first, then the whole frame again with the list.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { listCacheKey, writeFunctionCache } from "../../src/state/function-list-cache.js";
import type { FunctionSummary } from "../../src/core/model.js";
import { openTerminal, type Terminal } from "../helpers/tmux.js";

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
  const events = readFileSync(traceFile, "utf8")
    .split("\n")
    .map((l) => l.split(" "))
    .map(([t, ...label]) => ({ t: Number(t), label: label.join(" ") }));
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
