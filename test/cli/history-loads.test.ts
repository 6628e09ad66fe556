// What the history commands load: a `history list` or `history show` starts a process, and
// what it costs is mostly what it loads before it reads a byte of the history. The AWS SDK and
// the explorer (Ink, React) are most of the bundle and none of this work: they must not load.
// Which files a process loads is recorded by a module hook (node:module register), as Node
// loads them.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeRecord } from "../../src/core/history-record.js";
import { run } from "../helpers/cli.js";
import { historyRecord } from "../helpers/history-records.js";
import { CLI } from "../helpers/sandbox.js";

// The hook runs on a thread of its own: node:fs is imported statically there (an await import
// inside the hook left the command's top-level await unsettled, exit 13).
const HOOK = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.LX_LOADED, url + "\\n");
  return next(url, context);
}`;
const REGISTER = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

let dir: string;
let file: string;
const record = historyRecord();
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-history-loads-"));
  file = path.join(dir, "h.jsonl");
  await writeFile(file, serializeRecord(record), { mode: 0o600 });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The bundle's files a command loaded, their text, and its exit code. */
async function loaded(args: string[], env: NodeJS.ProcessEnv = {}) {
  const list = path.join(dir, `loaded-${args.join("-").replace(/\W+/g, "_")}.txt`);
  const r = await run(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(REGISTER)}`, CLI, ...args],
    { LX_LOADED: list, LAMBDA_EXPLORER_CACHE_DIR: path.join(dir, "cache"), ...env },
  );
  const urls = (await readFile(list, "utf8")).split("\n").filter((u) => u.startsWith("file:"));
  const files = urls.map((u) => new URL(u).pathname).filter((p) => p.startsWith(path.dirname(CLI)));
  const text = (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n");
  return { files, text, code: r.code, stderr: r.stderr };
}

describe("the history commands load only what they use", () => {
  it("history list and show load neither the AWS SDK nor the explorer", async () => {
    for (const args of [
      ["history", "list", "--limit", "20", "--history", file],
      ["history", "list", "--function", "versioned-greeter", "--since", "1d", "--history", file],
      ["history", "show", record.id, "--history", file],
    ]) {
      const { files, text, code, stderr } = await loaded(args);
      expect(code, stderr).toBe(0);
      expect(files.map((f) => path.basename(f))).toContain("cli.js");
      // Code, not names (cli.js holds package.json, which names every dependency): the SDK's
      // Lambda client sends this header, and Ink's renderer makes ink-box nodes.
      expect(text.match(/x-amz-invocation-type|"ink-box"/gi), args.join(" ")).toBeNull();
    }
  });

  it("sees the SDK where it is loaded: list (of functions) loads the Lambda client", async () => {
    // The same check on a command that needs the SDK, so the check above can fail. Nothing
    // listens on the endpoint: the command fails, after loading the client.
    const { text, code } = await loaded(["list", "--endpoint-url", "http://127.0.0.1:9", "--json"], {
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "secret",
      AWS_REGION: "us-east-1",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_MAX_ATTEMPTS: "1",
    });
    expect(code).not.toBe(0);
    expect(text).toMatch(/x-amz-invocation-type/i);
  });
});
