// replay against a function that can run only once at a time (reserved concurrency 1) with
// eight invocations at a time: the sandbox refuses the extra ones with 429
// TooManyRequestsException, as Lambda does, and replay must back off and retry until every
// entry has run, count the throttling in its report, and still pass when the answers match.
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { oneAtATime } from "../helpers/replay-one-at-a-time.js";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

const ENTRIES = 16;
let sb: SandboxProcess;
let root: string;
let history: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "lx-replay-throttle-"));
  const made = await oneAtATime(root, ENTRIES);
  history = made.history;
  sb = await startSandboxProcess([made.functions, "--quiet"]);
});
afterAll(async () => {
  await sb?.stop();
});

const lx = (args: string[]) =>
  runCli(
    args,
    {
      PATH: process.env.PATH,
      HOME: root,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_ENDPOINT_URL: sb.endpoint,
      LAMBDA_EXPLORER_STATE_DIR: path.join(root, "state"),
    },
    undefined,
    false,
  );

interface Out {
  results: Array<{ same: boolean; error: string | null; throttled: number }>;
  summary: { replayed: number; same: number; different: number; errors: number; throttled: number };
}

it("runs every entry despite reserved concurrency 1, counting the throttled retries; exit 0", async () => {
  const junit = path.join(root, "replay.xml");
  const r = await lx(["replay", history, "--concurrency", "8", "--no-history", "--json", "--junit", junit]);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as Out;
  expect(out.summary).toMatchObject({ replayed: ENTRIES, same: ENTRIES, different: 0, errors: 0 });
  expect(out.results.every((e) => e.same && e.error === null)).toBe(true);
  expect(out.summary.throttled).toBeGreaterThan(0);
  // Counted for the entries that were throttled, adding up to the run's total: eight at a time
  // on a function that runs one, so several entries were, not all of it counted for one.
  expect(out.results.reduce((n, e) => n + e.throttled, 0)).toBe(out.summary.throttled);
  expect(out.results.filter((e) => e.throttled > 0).length).toBeGreaterThan(1);
  // Counted, not printed line by line: a large replay would bury its report in them.
  expect(r.stderr).not.toMatch(/retrying/);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
    await readFile(junit, "utf8"),
  ) as { testsuites: { testsuite: { properties: { property: { name: string; value: string } } } } };
  expect(doc.testsuites.testsuite.properties.property).toEqual({
    name: "throttledRetries",
    value: String(out.summary.throttled),
  });
});

it("says in the summary line how often it was throttled", async () => {
  const r = await lx(["replay", history, "--concurrency", "8", "--no-history"]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(
    new RegExp(
      `^${ENTRIES} replayed: ${ENTRIES} same, 0 differ \\(throttled \\d+ times?, backed off and retried\\)$`,
      "m",
    ),
  );
});
