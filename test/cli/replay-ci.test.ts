// replay as a CI gate, as a pipeline runs it against the sandbox: JUnit XML and TAP reports,
// and ignore rules for fields that change on every call (payments-audit answers with its
// request id, so each replay of it differs from the recording).
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

let sb: SandboxProcess;
let root: string;
beforeAll(async () => {
  sb = await startSandboxProcess(["--quiet"]);
  root = await mkdtemp(path.join(os.tmpdir(), "lx-replay-ci-"));
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

let seq = 0;
const file = (name: string) => path.join(root, `${++seq}-${name}`);

/** A history of two versioned-greeter:live calls and one payments-audit call; their ids. */
async function recordHistory(): Promise<{ h: string; ids: string[] }> {
  const h = file("h.jsonl");
  const ids: string[] = [];
  for (const [fn, payload] of [
    ["versioned-greeter:live", '{"name":"Ada"}'],
    ["versioned-greeter:live", '{"name":"Bob"}'],
    ["payments-audit", '{"actor":"alice"}'],
  ] as const) {
    const r = await lx(["invoke", fn, "--payload", payload, "--history", h, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    ids.push((JSON.parse(r.stdout) as { historyId: string }).historyId);
  }
  return { h, ids };
}

interface Case {
  name: string;
  classname: string;
  failure?: { message: string; "#text": string };
  error?: unknown;
}
interface Suite {
  tests: number;
  failures: number;
  errors: number;
  testcase: Case[];
}

async function readJunit(xmlFile: string): Promise<Suite> {
  const xml = await readFile(xmlFile, "utf8");
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: true,
    isArray: (name) => name === "testcase",
  }).parse(xml) as { testsuites: { testsuite: Suite } };
  return doc.testsuites.testsuite;
}

let history: { h: string; ids: string[] };
beforeAll(async () => {
  history = await recordHistory();
});

describe("replay --junit and --tap", () => {
  it("writes a JUnit case per entry, the differing one failed with its diff, and exits 1", async () => {
    const { h, ids } = history;
    const xml = file("replay.xml");
    const r = await lx(["replay", h, "--no-history", "--junit", xml]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^3 replayed: 2 same, 1 differs$/m); // the table is still printed
    const suite = await readJunit(xml);
    expect([suite.tests, suite.failures, suite.errors]).toEqual([3, 1, 0]);
    expect(suite.testcase.map((c) => c.name)).toEqual([
      `#1 versioned-greeter:live ${ids[0]}`,
      `#2 versioned-greeter:live ${ids[1]}`,
      `#3 payments-audit ${ids[2]}`,
    ]);
    expect(suite.testcase.map((c) => c.classname)).toEqual([
      "replay.versioned-greeter",
      "replay.versioned-greeter",
      "replay.payments-audit",
    ]);
    expect(suite.testcase.slice(0, 2).every((c) => c.failure === undefined)).toBe(true);
    expect(suite.testcase[2]!.failure!.message).toBe("response differs");
    expect(suite.testcase[2]!.failure!["#text"]).toMatch(/^\$\.requestId: "[\w-]+" → "[\w-]+"$/);
  });

  it("counts every difference on another alias as a failure", async () => {
    const { h } = history;
    const xml = file("canary.xml");
    const r = await lx([
      "replay",
      h,
      "--no-history",
      "-q",
      "canary",
      "--function",
      "versioned-greeter",
      "--junit",
      xml,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const suite = await readJunit(xml);
    expect([suite.tests, suite.failures, suite.errors]).toEqual([2, 2, 0]);
    expect(suite.testcase[0]!.failure!["#text"]).toContain('$.message: "hello, Ada!" → (none)');
  });

  it("prints TAP 13 on stdout instead of the table", async () => {
    const { h, ids } = history;
    const r = await lx(["replay", h, "--no-history", "--tap"]);
    expect(r.code, r.stderr).toBe(1);
    const out = r.stdout.split("\n");
    expect(out.slice(0, 5)).toEqual([
      "TAP version 13",
      "1..3",
      `ok 1 - versioned-greeter:live ${ids[0]}`,
      `ok 2 - versioned-greeter:live ${ids[1]}`,
      `not ok 3 - payments-audit ${ids[2]}`,
    ]);
    expect(out.slice(5, 8)).toEqual(["  ---", "  message: response differs", "  diff: |-"]);
    expect(out[8]).toMatch(/^ {4}\$\.requestId: "[\w-]+" → "[\w-]+"$/);
    expect(out.slice(9)).toEqual(["  ...", "# 3 replayed: 2 same, 1 differs", ""]);
    expect(r.stdout).not.toContain("RECORDED"); // no table
  });

  it("refuses --tap with --json", async () => {
    const r = await lx(["replay", history.h, "--tap", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'--json' cannot be used with option '--tap'/);
  });
});

describe("replay --ignore and --ignore-file", () => {
  it("turns a difference at an ignored path into a pass", async () => {
    const { h } = history;
    const xml = file("ignored.xml");
    const r = await lx(["replay", h, "--no-history", "--ignore", "$.requestId", "--junit", xml]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^3 replayed: 3 same, 0 differ$/m);
    expect(await readJunit(xml)).toMatchObject({ tests: 3, failures: 0, errors: 0 });

    // The same rule from a file, with a comment and blank lines; repeated --ignore adds up.
    const rules = file("ignore.txt");
    await writeFile(rules, "# changes on every call\n\n$.requestId\n");
    const fromFile = await lx(["replay", h, "--no-history", "--ignore-file", rules, "--tap"]);
    expect(fromFile.code, fromFile.stdout + fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain(`ok 3 - payments-audit ${history.ids[2]}`);
    const two = await lx(["replay", h, "--no-history", "--ignore", "$.recorded", "--ignore", "$.requestId"]);
    expect(two.code, two.stdout).toBe(0);
  });

  it("refuses a path that does not parse, with an example, before invoking anything", async () => {
    const { h } = history;
    const recordedIn = file("untouched.jsonl");
    const r = await lx(["replay", h, "--history", recordedIn, "--ignore", "$.items[?(@.a)]"]);
    expect([r.code, r.stdout]).toEqual([2, ""]);
    expect(r.stderr).toMatch(
      /--ignore: "\$\.items\[\?\(@\.a\)\]" is not a JSON path: .*e\.g\. --ignore '\$\.body\.timestamp'/,
    );
    await expect(stat(recordedIn)).rejects.toThrow(/ENOENT/);

    const rules = file("bad-ignore.txt");
    await writeFile(rules, "$.ok\nrequestId\n");
    const fromFile = await lx(["replay", h, "--no-history", "--ignore-file", rules]);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(`${rules}:2: "requestId" is not a JSON path: it must start with $`);
  });
});

describe("replay --against", () => {
  it("runs each entry on live and canary and compares the two answers, recording both", async () => {
    const { h, ids } = history;
    const xml = file("against.xml");
    const recordedIn = file("against-history.jsonl");
    const args = ["replay", h, "--function", "versioned-greeter", "--history", recordedIn];
    const r = await lx([...args, "-q", "live", "--against", "canary", "--junit", xml]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/versioned-greeter:live vs canary\s+200\s+1 → 2 .* DIFFERS/);
    expect(r.stdout).toMatch(/^2 replayed on live vs canary: 0 same, 2 differ$/m);
    const suite = await readJunit(xml);
    expect([suite.tests, suite.failures, suite.errors]).toEqual([2, 2, 0]);
    expect(suite.testcase.map((c) => c.name)).toEqual([
      `#1 versioned-greeter:live vs canary ${ids[0]}`,
      `#2 versioned-greeter:live vs canary ${ids[1]}`,
    ]);
    expect(suite.testcase[1]!.failure!["#text"]).toContain('$.message: "hello, Bob!" → (none)');

    const replays = (await readFile(recordedIn, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id?: string; replayOf?: string; qualifier?: string })
      .filter((l) => l.id);
    expect(replays.map((l) => `${l.replayOf} ${l.qualifier}`).sort()).toEqual(
      [`${ids[0]} live`, `${ids[0]} canary`, `${ids[1]} live`, `${ids[1]} canary`].sort(),
    );
  });

  it("passes when both answer alike, whatever the recording says", async () => {
    // canary points to version 2, whose answers differ from the recorded (live, version 1) ones;
    // compared with each other they only differ in the ARN they were invoked as.
    const { h } = history;
    const args = ["replay", h, "--no-history", "--function", "versioned-greeter", "-q", "canary"];
    const r = await lx([...args, "--against", "2", "--ignore", "$.invokedAs"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2 replayed on canary vs 2: 2 same, 0 differ$/m);
    const unignored = await lx([...args, "--against", "2", "--json"]);
    expect(unignored.code).toBe(1);
    const out = JSON.parse(unignored.stdout) as {
      results: Array<{ differences: { payload: { changes: unknown[] } } }>;
    };
    expect(out.results[0]!.differences.payload.changes).toEqual([
      {
        path: "$.invokedAs",
        type: "changed",
        before: expect.stringMatching(/:versioned-greeter:canary$/) as unknown,
        after: expect.stringMatching(/:versioned-greeter:2$/) as unknown,
      },
    ]);
  });

  it("reports a target that does not exist as an error on that side, exit 3", async () => {
    const xml = file("nope.xml");
    const r = await lx([
      "replay",
      history.h,
      "--no-history",
      "--function",
      "versioned-greeter",
      "--against",
      "nope",
      "--junit",
      xml,
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(/on nope: .*not found/i);
    expect(await readJunit(xml)).toMatchObject({ tests: 2, failures: 0, errors: 2 });
  });

  it("refuses --against the same qualifier, or an empty one", async () => {
    const same = await lx(["replay", history.h, "-q", "canary", "--against", "canary"]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--against canary is the --qualifier too");
    const empty = await lx(["replay", history.h, "--against", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("--against needs a version or alias name, e.g. --against canary");
  });
});

describe("replay --max-slowdown", () => {
  /**
   * slow-logger sleeps intervalMs between its two lines, so each replay takes about 100 ms or more
   * however fast the machine: a recording whose duration is set to 1 ms is always beaten, one
   * set to 1,000 s never is.
   */
  async function slowHistory(recordedMs: number): Promise<string> {
    const h = file("slow.jsonl");
    const r = await lx([
      "invoke",
      "slow-logger",
      "--payload",
      '{"lines":2,"intervalMs":100}',
      "--history",
      h,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const records = (await readFile(h, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id?: string; report?: { durationMs: number } | null });
    // About 100 ms: timers may fire a hair early, never much.
    expect(records[0]!.report?.durationMs).toBeGreaterThan(50);
    records[0]!.report!.durationMs = recordedMs;
    const edited = file("slow-edited.jsonl");
    await writeFile(edited, records.map((x) => JSON.stringify(x)).join("\n") + "\n", { mode: 0o600 });
    return edited;
  }
  const replay = (h: string, ...more: string[]) =>
    lx(["replay", h, "--no-history", "--ignore", "$.elapsedMs", ...more]);

  it("fails when a function got slower than allowed, and says so in the table and JUnit", async () => {
    const h = await slowHistory(1);
    const shown = await replay(h);
    expect(shown.code, shown.stdout + shown.stderr).toBe(0); // shown, not a gate
    expect(shown.stdout).toMatch(/^LATENCY\s+N\s+P50\s+P95$/m);
    expect(shown.stdout).toMatch(/^slow-logger\s+1\s+1\.00 ms → [\d.]+ ms \+\d+%/m);

    const xml = file("slow.xml");
    const gate = await replay(h, "--max-slowdown", "50%", "--junit", xml);
    expect(gate.code, gate.stdout + gate.stderr).toBe(1);
    expect(gate.stdout).toMatch(/^slow-logger\s+1\s+.*SLOWER \(over 50%\)$/m);
    expect(gate.stdout).toMatch(/^1 replayed: 1 same, 0 differ\n1 function is slower by more than 50%$/m);
    const suite = await readJunit(xml);
    expect([suite.tests, suite.failures, suite.errors]).toEqual([2, 1, 0]);
    expect(suite.testcase[1]).toMatchObject({
      name: "latency slow-logger",
      failure: { message: "slower than --max-slowdown" },
    });
  });

  it("passes when it is not slower, and refuses a value that is not a percentage", async () => {
    const h = await slowHistory(1_000_000);
    const tap = await replay(h, "--max-slowdown", "10", "--tap");
    expect(tap.code, tap.stdout + tap.stderr).toBe(0);
    expect(tap.stdout).toContain("1..2\n");
    expect(tap.stdout).toContain("ok 2 - latency slow-logger\n");
    const bad = await replay(h, "--max-slowdown", "fast");
    expect([bad.code, bad.stdout]).toEqual([2, ""]);
    expect(bad.stderr).toContain(
      '--max-slowdown takes a percentage, e.g. --max-slowdown 20% (slower by a fifth fails) (got "fast")',
    );
  });
});

describe("replay --against-endpoint-url", () => {
  let other: SandboxProcess;
  beforeAll(async () => {
    other = await startSandboxProcess(["--quiet"]);
  });
  afterAll(async () => {
    await other?.stop();
  });

  it("runs the other side on another endpoint, recording where each replay ran", async () => {
    const { h, ids } = history;
    const recordedIn = file("elsewhere.jsonl");
    const r = await lx(["replay", h, "--history", recordedIn, "--against-endpoint-url", other.endpoint]);
    // Two sandboxes with the same functions answer alike, but for payments-audit's request id.
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain(`versioned-greeter:live vs @ ${other.endpoint}`);
    expect(r.stdout).toMatch(/^3 replayed on the recorded qualifiers vs @ \S+: 2 same, 1 differs$/m);
    const replays = (await readFile(recordedIn, "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id?: string; replayOf?: string; endpoint?: { url: string | null } })
      .filter((l) => l.id);
    expect(
      replays
        .filter((l) => l.replayOf === ids[2])
        .map((l) => l.endpoint?.url)
        .sort(),
    ).toEqual([sb.endpoint, other.endpoint].sort());

    const ignored = await lx([
      "replay",
      h,
      "--no-history",
      "--against-endpoint-url",
      other.endpoint,
      "--ignore",
      "$.requestId",
    ]);
    expect(ignored.code, ignored.stdout + ignored.stderr).toBe(0);
    // A qualifier and an endpoint together: live here against canary there.
    const canary = await lx([
      "replay",
      h,
      "--no-history",
      "--function",
      "versioned-greeter",
      "--against",
      "canary",
      "--against-endpoint-url",
      other.endpoint,
    ]);
    expect(canary.code).toBe(1);
    expect(canary.stdout).toMatch(
      /^2 replayed on the recorded qualifiers vs canary @ \S+: 0 same, 2 differ$/m,
    );
  });
});
