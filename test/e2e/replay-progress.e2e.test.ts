// replay's progress line in a real terminal: a run that lasts over a second (16 entries of a
// function that runs one at a time, 100 ms each) shows done/total, how many differ, how often
// it was throttled, the rate and the time left on stderr, and clears it before the report.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { oneAtATime } from "../helpers/replay-one-at-a-time.js";
import { openTerminal, type Terminal } from "../helpers/tmux.js";

let sb: SandboxProcess;
let history: string;
let term: Terminal | null = null;

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "lx-replay-progress-"));
  const made = await oneAtATime(root, 16);
  history = made.history;
  sb = await startSandboxProcess([made.functions, "--quiet"]);
});
afterAll(async () => {
  term?.stop();
  await sb?.stop();
});

it("shows the progress line while a long replay runs, then only the report", async () => {
  term = openTerminal(
    ["replay", history, "--endpoint-url", sb.endpoint, "--no-history", "--concurrency", "4"],
    120,
    40,
    { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_EC2_METADATA_DISABLED: "true" },
    { traced: false },
  );
  const during = await term.waitFor(/replaying [█░]+ \d+\/16 · 0 not same/, 30_000);
  expect(during).toMatch(
    /replaying [█░]+ \d+\/16 · 0 not same( · \d+ throttled)? · \d+(\.\d)?\/s( · ETA \d+s)?$/m,
  );
  const after = await term.waitFor(/__EXITED__ rc=0/, 60_000);
  expect(after).toMatch(/^16 replayed: 16 same, 0 differ/m);
  expect(after).not.toContain("replaying");
});
