// Trying to break invoke with sizes and bytes: a payload of 6 MB + 1 byte (and exactly 6 MB),
// a response that is not UTF-8, and a function that logs one 10 MB line. The sandbox and a
// local HTTP server answer over real HTTP.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { startLocalServer } from "./local-server.js";

const SIX_MB = 6 * 1024 * 1024;
let sb: SandboxProcess;
let dir: string;
beforeAll(async () => {
  sb = await startSandboxProcess(["--quiet"]);
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-limits-"));
});
afterAll(async () => {
  await sb?.stop();
});

const env = (endpoint: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: dir,
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_ENDPOINT_URL: endpoint,
});
const lx = (args: string[], input?: string) => runCli(args, env(sb.endpoint), input, false);

/** A JSON object of exactly `bytes` UTF-8 bytes. */
function payloadOf(bytes: number): string {
  const head = '{"data":"';
  return head + "x".repeat(bytes - head.length - 2) + '"}';
}

describe("a payload of 6 MB + 1 byte", () => {
  it("is refused before sending, from a file and from stdin, saying by how much; exit 2", async () => {
    const file = path.join(dir, "too-big.json");
    await writeFile(file, payloadOf(SIX_MB + 1));
    const fromFile = await lx(["invoke", "orders-api", "--payload-file", file]);
    const fromStdin = await lx(["invoke", "orders-api", "-"], payloadOf(SIX_MB + 1));
    for (const r of [fromFile, fromStdin]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "Payload is 6.0 MB (6,291,457 bytes), 1 byte over the 6 MB limit for RequestResponse invocations.",
      );
      // A size has no line and column: the message once said "line 1, column 1".
      expect(r.stderr).not.toMatch(/line \d+, column \d+/);
      expect(r.stdout).toBe("");
    }
  });

  it("exactly 6 MB is sent, and the function answers", async () => {
    const r = await lx(["invoke", "orders-api", "-", "--logs", "none"], payloadOf(SIX_MB));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).statusCode).toBe(200);
  });

  it("as an Event, 6 MB is over the 1 MB asynchronous limit", async () => {
    const r = await lx(["invoke", "orders-api", "--type", "Event", "-"], payloadOf(SIX_MB));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("5.0 MB over the 1 MB limit for Event invocations");
  });
});

describe("a response that is not UTF-8", () => {
  // A custom runtime may answer any bytes: here a JSON-looking body with bytes no UTF-8 allows.
  const BODY = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]);
  const server = startLocalServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "x-amz-executed-version": "$LATEST",
      "x-amzn-RequestId": "0f0e0d0c-0000-4000-8000-000000000001",
    });
    res.end(BODY);
  });
  afterAll(async () => (await server).close());
  const invoke = async (...args: string[]) =>
    runCli(["invoke", "binary-fn", "--logs", "none", ...args], env((await server).url), undefined, false);

  it("goes to a pipe byte for byte (it once came out with U+FFFD in place of the bytes)", async () => {
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("../helpers/sandbox.js");
    const child = spawn(process.execPath, [CLI, "invoke", "binary-fn", "--logs", "none"], {
      env: env((await server).url),
    });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((r) => child.on("close", r));
    expect(code, stderr).toBe(0);
    expect(Buffer.concat(out).equals(BODY)).toBe(true);
    expect(stderr).toContain("The response is not valid UTF-8 text (12 bytes): written to stdout unchanged.");
  });

  it("--json keeps the exact bytes in payloadBase64 and does not pretend the text is JSON", async () => {
    const r = await invoke("--json");
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { payload: unknown; payloadBase64: string; payloadBytes: number };
    expect(Buffer.from(j.payloadBase64, "base64").equals(BODY)).toBe(true);
    expect(j.payloadBytes).toBe(12);
    expect(typeof j.payload).toBe("string");
  });

  it("is recorded in the history with its exact bytes beside the decoded text", async () => {
    const file = path.join(dir, "binary-history.jsonl");
    const r = await invoke("--history", file);
    expect(r.code, r.stderr).toBe(0);
    const [line] = (await readFile(file, "utf8")).split("\n");
    const rec = JSON.parse(line!) as { response: { payload: string; payloadBase64: string } };
    expect(Buffer.from(rec.response.payloadBase64, "base64").equals(BODY)).toBe(true);
    expect(rec.response.payload).toBe(BODY.toString("utf8"));
  });

  it("a UTF-8 response has payloadBase64 null", async () => {
    const r = await lx(["invoke", "orders-api", "--logs", "none", "--json"]);
    expect((JSON.parse(r.stdout) as { payloadBase64: unknown }).payloadBase64).toBeNull();
  });
});

describe("a 10 MB log line", () => {
  it("arrives complete as CloudWatch events of at most 256 KB, in order, beside a 4 KB tail", async () => {
    const r = await lx(["invoke", "huge-log-line", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      payload: { bytesLogged: number };
      logsState: string;
      tail: string;
      logs: Array<{ message: string }>;
    };
    expect(j.logsState).toBe("complete");
    expect(j.payload.bytesLogged).toBe(10 * 1024 * 1024);
    expect(Buffer.byteLength(j.tail)).toBeLessThanOrEqual(4096);
    const max = Math.max(...j.logs.map((e) => Buffer.byteLength(e.message)));
    expect(max).toBeLessThanOrEqual(256 * 1024);
    // The pieces after the first carry no prefix: joined, they give the line back exactly.
    const start = j.logs.findIndex((e) => e.message.includes("one line of 10 MB follows"));
    const end = j.logs.findIndex((e) => e.message.includes("huge-log-line: done"));
    const pieces = j.logs.slice(start + 1, end).map((e) => e.message.replace(/\n$/, ""));
    const line = pieces.join("").replace(/^.*?\tINFO\t/, "");
    expect(line.length).toBe(10 * 1024 * 1024);
    expect(line).toBe("0123456789abcdef".repeat(64 * 1024 * 10));
  });

  it("prints on stderr without failing, the response still alone on stdout", async () => {
    const r = await lx(["invoke", "huge-log-line", "--payload", '{"mb":10}']);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ bytesLogged: 10 * 1024 * 1024 });
    expect(r.stderr.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(r.stderr).toMatch(/huge-log-line · 200 · \$LATEST/);
  });
});
