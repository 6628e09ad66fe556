// Environment conventions in a real terminal (tmux), on the built CLI: NO_COLOR and
// FORCE_COLOR=0 take the colour away and keep the emphasis (bold, inverse), and DEV=true (which
// makes Ink load its React DevTools bridge) does not stop the explorer from starting.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CLI, ROOT } from "../helpers/sandbox.js";
import { startTmux, type TmuxSession } from "../helpers/tmux.js";

// Start-up on a loaded two-core machine can take a while: the waits are for screens, not times.
vi.setConfig({ testTimeout: 90_000 });

let term: TmuxSession | null = null;
afterEach(() => {
  term?.stop();
  term = null;
});

/** The explorer on its sandbox with `env`, in a tmux of its own. */
function explorer(env: Record<string, string>): TmuxSession {
  const home = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-conventions-"));
  const vars = {
    HOME: home,
    LAMBDA_EXPLORER_CACHE_DIR: path.join(home, "cache"),
    LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
    ...env,
  };
  const exports = Object.entries(vars)
    .map(([k, v]) => `${k}='${v}'`)
    .join(" ");
  // `env -u` first: the outer environment's own colour settings must not decide the test.
  const cmd = `cd '${ROOT}' && env -u NO_COLOR -u FORCE_COLOR ${exports} '${process.execPath}' '${CLI}' --sandbox; echo __EXITED__ rc=$?; sleep 60`;
  return startTmux("lx-e2e-conv", 140, 40, cmd);
}

/** The screen with its escape sequences: every SGR parameter list on it. */
function sgrCodes(t: TmuxSession): string[] {
  const raw = t.tmux("capture-pane", "-p", "-e", "-t", "t");
  // eslint-disable-next-line no-control-regex -- the escape character is what is looked for
  return [...raw.matchAll(/\x1b\[([0-9;]*)m/g)].map((m) => m[1]!);
}

/** Whether an SGR parameter list sets a foreground or background colour. */
function setsColour(params: string): boolean {
  const p = params.split(";").map(Number);
  for (let i = 0; i < p.length; i++) {
    const n = p[i]!;
    if (n === 38 || n === 48) return true;
    if ((n >= 30 && n <= 37) || (n >= 40 && n <= 47) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107))
      return true;
  }
  return false;
}

const emphasis = (codes: string[]) => codes.some((c) => c.split(";").some((n) => n === "1" || n === "7"));

describe("colour settings", () => {
  it("draws in colour by default (so the checks below can fail)", async () => {
    term = explorer({});
    await term.waitFor(/\d+ functions[\s\S]*orders-api/, 40_000);
    expect(sgrCodes(term).some(setsColour)).toBe(true);
  });

  it.each([
    ["NO_COLOR", { NO_COLOR: "1" }],
    ["FORCE_COLOR=0", { FORCE_COLOR: "0" }],
  ])("%s: no colour codes on the screen, and bold and inverse stay", async (_, env) => {
    term = explorer(env);
    await term.waitFor(/\d+ functions[\s\S]*orders-api/, 40_000);
    const codes = sgrCodes(term);
    expect(codes.filter(setsColour)).toEqual([]);
    expect(emphasis(codes)).toBe(true);
  });
});

describe("DEV=true", () => {
  it("starts the explorer (Ink's DevTools bridge is left out of the bundle)", async () => {
    term = explorer({ DEV: "true" });
    const screen = await term.waitFor(/\d+ functions[\s\S]*orders-api|__EXITED__/, 40_000);
    expect(screen).not.toContain("__EXITED__");
    expect(screen).toContain("orders-api");
  });
});
