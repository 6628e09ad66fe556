// Several processes appending to one history at once, as four `replay` runs or `invoke
// --history` processes do: every record whole, on its own line, and no empty line. The
// torn-last-line check reads the file's end, where another process's write can be half done;
// the check and the write it decides are made under the file's lock.
import { spawn } from "node:child_process";
import { appendFile, mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";

let dir: string;
let script: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-writers-"));
  // The append module as it ships, bundled for plain Node processes. Records of 40 KB span
  // many pages: the window in which another process sees a write half done.
  script = path.join(dir, "appender.mjs");
  await build({
    stdin: {
      contents: `
        import { appendRecord, openHistoryAppender, serializeRecord } from "./test/hardening/history-writer-entry.ts";
        const [file, who, count, mode] = process.argv.slice(2);
        const big = who.repeat(40_000 / who.length);
        const record = (i) => ({
          id: who + "-" + i, at: new Date().toISOString(),
          endpoint: { profile: null, region: null, account: null, url: null },
          function: { name: "f", arn: null }, qualifier: null, invocationType: "RequestResponse",
          payload: big, response: { statusCode: 200, executedVersion: null, functionError: null,
            requestId: null, payload: "{}", logTail: null },
          report: null, logs: null, clientMs: 1,
        });
        if (mode === "held") {
          const appender = await openHistoryAppender(file);
          await Promise.all(Array.from({ length: Number(count) }, (_, i) => appender.append(serializeRecord(record(i)))));
          await appender.close();
        } else {
          for (let i = 0; i < Number(count); i++) await appendRecord(file, record(i));
        }`,
      resolveDir: path.resolve(import.meta.dirname, "../.."),
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: script,
    logLevel: "silent",
    // proper-lockfile is CommonJS and requires Node's modules: give the ESM bundle a require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
});

const run = (file: string, who: string, count: number, mode: "held" | "each") =>
  new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [script, file, who, String(count), mode], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", resolve);
  });

/** The file's lines, checked: no empty line, each a JSON record; their ids. */
async function ids(file: string): Promise<string[]> {
  const text = await readFile(file, "utf8");
  expect(text.endsWith("\n")).toBe(true);
  const lines = text.slice(0, -1).split("\n");
  expect(lines.filter((l) => l === "").length, "empty lines").toBe(0);
  return lines.map((l) => (JSON.parse(l) as { id: string }).id);
}

describe("concurrent appends to one history", () => {
  it("four writers holding the file open (replay) and four opening it per record (invoke): no empty line", async () => {
    const file = path.join(dir, "shared.jsonl");
    const writers = ["a", "b", "c", "d"].map((who) => run(file, who, 150, "held"));
    writers.push(...["e", "f", "g", "h"].map((who) => run(file, who, 40, "each")));
    expect(await Promise.all(writers)).toEqual(Array(8).fill(0));
    const got = await ids(file);
    expect(got).toHaveLength(4 * 150 + 4 * 40);
    expect(new Set(got).size).toBe(got.length);
    for (const who of "abcdefgh") {
      const mine = got.filter((id) => id.startsWith(`${who}-`)).map((id) => Number(id.slice(2)));
      expect(mine, who).toEqual(Array.from({ length: "abcd".includes(who) ? 150 : 40 }, (_, i) => i));
    }
  }, 300_000);

  it("still ends a torn last line before the next record", async () => {
    const file = path.join(dir, "torn.jsonl");
    expect(await run(file, "a", 1, "each")).toBe(0);
    await appendFile(file, '{"id":"torn","at":"2026');
    expect(await run(file, "b", 2, "held")).toBe(0);
    const lines = (await readFile(file, "utf8")).split("\n");
    expect(lines.map((l) => l.slice(0, 12))).toEqual([
      '{"id":"a-0",',
      '{"id":"torn"',
      '{"id":"b-0",',
      '{"id":"b-1",',
      "",
    ]);
  }, 60_000);
});
