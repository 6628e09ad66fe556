// The build's patch of Ink's render throttle (scripts/patches/ink-6.8.0-frame-throttle.mjs) on
// the installed Ink: a render asked for within the frame interval comes an interval after the
// last frame, not an interval after the request (as Ink's own throttle has it). Timed on a fake
// clock, so the test never depends on the machine's speed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bundleDir, ROOT } from "../../helpers/patched-bundle.js";
// @ts-expect-error: a plain .mjs build script, without types
import { frameThrottle, patch, transformInk } from "../../../scripts/patches/ink-6.8.0-frame-throttle.mjs";
// @ts-expect-error: a plain .mjs build script, without types
import { inkWithoutDevtools } from "../../../scripts/ink-without-devtools.mjs";
// @ts-expect-error: a plain .mjs build script, without types
import { patchPackages } from "../../../scripts/patch-packages.mjs";

interface Throttled {
  (): void;
  flush(): void;
  cancel(): void;
}
const throttle = frameThrottle as (run: () => void, wait: number) => Throttled;

interface Bundle {
  render(
    node: unknown,
    options: Record<string, unknown>,
  ): { rerender(node: unknown): void; unmount(): void; cleanup(): void };
  createElement(type: unknown, props: unknown, ...children: unknown[]): unknown;
  Text: unknown;
}

const dir = bundleDir("ink-throttle");
/** Ink and React bundled as the build bundles them (Ink's DevTools bridge left out), patched or not. */
async function bundle(name: string, patched: boolean): Promise<Bundle> {
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    stdin: {
      contents: `export { render, Text } from "ink"; export { createElement } from "react";`,
      resolveDir: ROOT,
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [inkWithoutDevtools, ...(patched ? [patchPackages([patch])] : [])],
  });
  return (await import(pathToFileURL(outfile).href)) as Bundle;
}
const [original, patched] = await Promise.all([bundle("original", false), bundle("patched", true)]);

afterEach(() => {
  vi.useRealTimers();
});

const FAKE = { now: 0, toFake: ["setTimeout", "clearTimeout", "Date", "performance"] as const };

/** When (fake ms) each of Ink's renders ran: the first, then a second asked for 7 ms later. */
function renderTimes(ink: Bundle): number[] {
  vi.useFakeTimers({ ...FAKE, toFake: [...FAKE.toFake] });
  const times: number[] = [];
  const stdout = Object.assign(new PassThrough(), { columns: 80, rows: 24 });
  const app = ink.render(ink.createElement(ink.Text, null, "query"), {
    stdout,
    stdin: new PassThrough(),
    maxFps: 60,
    patchConsole: false,
    exitOnCtrlC: false,
    onRender: () => times.push(performance.now()),
  });
  vi.advanceTimersByTime(7);
  app.rerender(ink.createElement(ink.Text, null, "matches"));
  vi.advanceTimersByTime(100);
  app.unmount();
  app.cleanup();
  return times;
}

describe("ink-frame-throttle", () => {
  it("applies to the installed Ink", () => {
    const source = readFileSync(path.join(ROOT, "node_modules/ink/build/ink.js"), "utf8");
    const out = (transformInk as (s: string) => string)(source);
    expect(out).toContain("frameThrottle(this.onRender, renderThrottleMs)");
    expect(out).toContain("function frameThrottle(run, wait)");
  });

  it("fails loudly when Ink's render throttle is no longer there", () => {
    expect(() => (transformInk as (s: string) => string)("const x = throttle(this.onRender, 10)")).toThrow(
      /ink-frame-throttle: .* found 0 times/,
    );
  });

  it("puts a frame asked for within the interval one interval after the last frame", () => {
    // 60 fps: Ink's interval is ceil(1000 / 60) = 17 ms. The original waits 17 ms from the
    // request at 7 ms; the patched build from the frame at 0.
    expect(renderTimes(original).slice(0, 2)).toEqual([0, 24]);
    expect(renderTimes(patched).slice(0, 2)).toEqual([0, 17]);
  });

  /** The patch's throttle at Ink's 60 fps interval on a fake clock, and the times it ran. */
  function throttledOnFakeClock() {
    vi.useFakeTimers({ ...FAKE, toFake: [...FAKE.toFake] });
    const runs: number[] = [];
    return { runs, t: throttle(() => runs.push(performance.now()), 17) };
  }

  it("runs at once after an interval without frames, once per interval in a burst", () => {
    const { runs, t } = throttledOnFakeClock();
    t();
    vi.advanceTimersByTime(3);
    t();
    vi.advanceTimersByTime(3);
    t();
    expect(runs).toEqual([0]);
    vi.advanceTimersByTime(11);
    expect(runs).toEqual([0, 17]);
    vi.advanceTimersByTime(40);
    t();
    expect(runs).toEqual([0, 17, 57]);
  });

  it("flushes a pending frame now and cancels one", () => {
    const { runs, t } = throttledOnFakeClock();
    t();
    vi.advanceTimersByTime(2);
    t();
    t.flush();
    expect(runs).toEqual([0, 2]);
    vi.advanceTimersByTime(5);
    t();
    t.cancel();
    vi.advanceTimersByTime(100);
    expect(runs).toEqual([0, 2]);
  });
});
