// Deeply nested JSON through the commands, as a user meets it: a payload file of `[`×5000
// (before: a raw "RangeError: Maximum call stack size exceeded" and exit 1, which means the
// function failed), and a function that answers JSON nested 5,000 or 100,000 levels deep,
// recorded, replayed (the diff) and exported with --redact.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { startLocalServer, type LocalServer } from "./local-server.js";

const arrays = (d: number) => "[".repeat(d) + "]".repeat(d);
const objects = (d: number, leaf = '{"password":"hunter2"}') => '{"a":'.repeat(d) + leaf + "}".repeat(d);

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function dir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "lx-deep-"));
}

const lx = (args: string[], home: string) =>
  runCli(
    args,
    {
      PATH: process.env.PATH,
      HOME: home,
      LAMBDA_EXPLORER_STATE_DIR: path.join(home, "state"),
      LAMBDA_EXPLORER_CACHE_DIR: path.join(home, "cache"),
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "secret",
    },
    undefined,
    false,
  );

/** A Lambda that answers every Invoke with `body`, and its configuration. */
async function answering(body: string): Promise<LocalServer> {
  return startLocalServer((req, res) => {
    if (req.url?.includes("/configuration")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ FunctionName: "deep", Timeout: 3, LoggingConfig: { LogFormat: "Text" } }));
    } else {
      res.writeHead(200, { "content-type": "application/json", "x-amz-executed-version": "$LATEST" });
      res.end(body);
    }
  });
}

describe.each([5000, 100_000])("JSON nested %i levels deep", (depth) => {
  it("invoke --payload-file: refused with where it goes too deep, exit 2, nothing sent", async () => {
    const home = await dir();
    server = await answering("{}");
    for (const [text, column] of [
      [arrays(depth), 1001],
      [objects(depth), 5001],
    ] as const) {
      const file = path.join(home, "event.json");
      await writeFile(file, text);
      const r = await lx(["invoke", "deep", "--payload-file", file, "--endpoint-url", server.url], home);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(
        `lambda-explorer: Payload refused: line 1, column ${column}: Nested more than 1,000 levels deep: flatten the payload.\n`,
      );
    }
    expect(server.requests.filter((q) => q.includes("/invocations"))).toEqual([]);
  });

  it("a deep response: printed as sent, in --json as text, recorded, replayed as the same, redacted on export", async () => {
    const home = await dir();
    const body = objects(depth);
    server = await answering(body);
    const history = path.join(home, "history.jsonl");
    const plain = await lx(
      ["invoke", "deep", "--logs", "none", "--history", history, "--endpoint-url", server.url],
      home,
    );
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toBe(body + "\n");

    const json = await lx(["invoke", "deep", "--logs", "none", "--json", "--endpoint-url", server.url], home);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { payload: unknown; payloadText: string };
    expect(out.payload).toBe(body);
    expect(out.payloadText).toBe(body);

    // The diff of the deep original and its replay: compared as text, the same.
    const replay = await lx(
      ["replay", history, "--no-history", "--json", "--endpoint-url", server.url],
      home,
    );
    expect(replay.code, replay.stderr).toBe(0);
    expect((JSON.parse(replay.stdout) as { summary: { same: number } }).summary.same).toBe(1);

    const exported = path.join(home, "shared.jsonl");
    const ex = await lx(["history", "export", exported, "--redact", "--history", history], home);
    expect(ex.code, ex.stderr).toBe(0);
    const shared = await readFile(exported, "utf8");
    // The redaction walks the structure with a stack of its own: the secret goes, in place.
    expect(shared).not.toContain("hunter2");
    expect(shared).toContain('\\"password\\":\\"[redacted]\\"');
  });
});
