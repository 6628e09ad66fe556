// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: Ink (6.8) limits its
// renders to `maxFps` with es-toolkit's `throttle`, which is lodash's debounce with a maxWait:
// a render asked for within the interval after a frame is put off to the interval after that
// *request*, not after the frame. The picker over a long list writes the typed query's frame,
// then asks for the frame with its matches a few ms later, when its search ends: that frame
// waited a whole interval (17 ms at 60 fps) from then, 20-30 ms after the search instead of at
// most 17 ms after the last frame (issue 12, key to frame with its matches at 100,000
// functions; LAMBDA_EXPLORER_TRACE `matches` to `frame`). Here a render asked for is done at
// once when the last one was an interval ago or more, else once, an interval after the last:
// still at most `maxFps` frames a second. The build fails when Ink's source no longer has what
// this replaces; test/unit/build/ink-frame-throttle.test.ts checks both throttles' timing.

const THROTTLED = /throttle\(this\.onRender, renderThrottleMs, \{\s*leading: true,\s*trailing: true,\s*\}\)/;

/**
 * `run` at most once every `wait` ms: a call runs it at once when its last run was `wait` ms
 * ago or more, else once, `wait` ms after that run. `flush` runs a pending call now, `cancel`
 * drops it (what Ink's unmount uses of a throttle). Injected into Ink as its source text.
 */
export function frameThrottle(run, wait) {
  let last = -Infinity;
  let timer = null;
  const fire = () => {
    timer = null;
    last = performance.now();
    run();
  };
  const throttled = () => {
    if (timer !== null) return;
    const due = last + wait - performance.now();
    if (due <= 0) fire();
    else timer = setTimeout(fire, due);
  };
  throttled.flush = () => {
    if (timer === null) return;
    clearTimeout(timer);
    fire();
  };
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return throttled;
}

/** ink/build/ink.js with its renders throttled from the last frame (see above). */
export function transformInk(source) {
  const found = (source.match(new RegExp(THROTTLED.source, "g")) ?? []).length;
  if (found !== 1)
    throw new Error(
      `ink-frame-throttle: Ink's render throttle found ${found} times, not 1; update the plugin`,
    );
  return (
    source.replace(THROTTLED, "frameThrottle(this.onRender, renderThrottleMs)") +
    `\n// lambda-explorer's build (scripts/patches/ink-6.8.0-frame-throttle.mjs)\n${frameThrottle.toString()}\n`
  );
}

export const patch = {
  name: "ink-6.8.0-frame-throttle",
  files: [{ package: "ink", version: "6.8.0", file: "build/ink.js", transform: transformInk }],
};
