// Python functions in the sandbox through the real AWS SDK: py-hello's answer and complete log
// (START, its lines in Lambda's format, END, REPORT with Init Duration on the cold start only),
// py-raiser's error as Lambda's Python runtime returns it, the JSON log format, context,
// an import error at init, and a timeout. Runs on the machine's python3.
import { DescribeLogStreamsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { InvokeCommand, type InvokeCommandOutput } from "@aws-sdk/client-lambda";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTail, payloadText, requestIdOf, useSandboxClients } from "../../helpers/sandbox.js";
import { CONTEXT_HANDLER, SLEEPER, pythonFunctions } from "./python-functions.js";

const functionsDir = pythonFunctions({
  "py-hello": { config: { handler: "app.handler" }, copyFrom: "py-hello" },
  "py-raiser": { config: { handler: "app.handler" }, copyFrom: "py-raiser" },
  "py-json": { config: { handler: "app.handler", logFormat: "JSON" }, copyFrom: "py-hello" },
  "py-context": { config: { handler: "app.handler", memorySize: 256 }, files: { "app.py": CONTEXT_HANDLER } },
  "py-broken": { config: { handler: "app.handler" }, files: { "app.py": "import not_vendored_here\n" } },
  "py-sleeper": { config: { handler: "app.handler", timeout: 1 }, files: { "app.py": SLEEPER } },
  "py-chatty": {
    config: { handler: "app.handler" },
    files: {
      "app.py":
        "import logging\n\ndef handler(event, context):\n    for i in range(2000):\n        print('line %d' % i)\n        logging.warning('warned %d', i)\n    return 'done'\n",
    },
  },
  "py-exits": {
    config: { handler: "app.handler" },
    files: {
      "app.py": "import sys\n\ndef handler(event, context):\n    print('leaving')\n    sys.exit(2)\n",
    },
  },
  "py-edited": { config: { handler: "app.handler" }, files: { "app.py": EDITED("first") } },
});
const ctx = useSandboxClients({ functionsDir });
function EDITED(answer: string): string {
  return `def handler(event, context):\n    return {"answer": "${answer}"}\n`;
}
const TIME = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;

const invoke = (FunctionName: string, payload: unknown = {}, extra: Partial<InvokeCommand["input"]> = {}) =>
  ctx.sb.lambda.send(
    new InvokeCommand({
      FunctionName,
      LogType: "Tail",
      Payload: Buffer.from(JSON.stringify(payload)),
      ...extra,
    }),
  );
const json = (out: InvokeCommandOutput) => JSON.parse(payloadText(out.Payload)) as Record<string, unknown>;

/** The invocation's events in its log stream, from START through REPORT. */
async function streamOf(group: string, tail: string): Promise<string[]> {
  const id = requestIdOf(tail);
  const streams = await ctx.sb.logs.send(new DescribeLogStreamsCommand({ logGroupName: group }));
  for (const s of streams.logStreams ?? []) {
    const events = await ctx.sb.logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: s.logStreamName, startFromHead: true }),
    );
    const messages = (events.events ?? []).map((e) => e.message ?? "");
    const start = messages.findIndex((m) => m.startsWith(`START RequestId: ${id}`));
    const end = messages.findIndex((m) => m.startsWith(`REPORT RequestId: ${id}`));
    if (start >= 0 && end >= start) return messages.slice(start, end + 1);
  }
  throw new Error(`no stream of ${group} holds ${id}`);
}

describe("py-hello", () => {
  it("answers, and logs START, print, the logger's line, END and REPORT with Init Duration once", async () => {
    const cold = await invoke("py-hello", { name: "Ada" });
    expect(cold.StatusCode).toBe(200);
    expect(cold.FunctionError).toBeUndefined();
    expect(cold.ExecutedVersion).toBe("$LATEST");
    expect(json(cold)).toEqual({ message: "hello from python", name: "Ada" });
    const tail = decodeTail(cold.LogResult);
    const id = requestIdOf(tail);
    expect(tail).toMatch(/^INIT_START Runtime Version: python:3\.12\.v\d+\tRuntime Version ARN: /m);
    expect(tail).toMatch(new RegExp(`^REPORT RequestId: ${id}\\t.*\\tInit Duration: \\d+\\.\\d\\d ms`, "m"));
    expect(await streamOf("/aws/lambda/py-hello", tail)).toEqual([
      `START RequestId: ${id} Version: $LATEST\n`,
      "hello from python, print\n",
      expect.stringMatching(new RegExp(`^\\[INFO\\]\\t${TIME}\\t${id}\\tgreeting Ada\\n$`)),
      `END RequestId: ${id}\n`,
      expect.stringMatching(new RegExp(`^REPORT RequestId: ${id}\\tDuration: .*Init Duration`)),
    ]);

    const warm = await invoke("py-hello", {});
    expect(json(warm)).toEqual({ message: "hello from python", name: "world" });
    const warmTail = decodeTail(warm.LogResult);
    expect(warmTail).not.toContain("INIT_START");
    expect(warmTail).not.toContain("Init Duration");
    expect(warmTail).toMatch(
      new RegExp(`^\\[INFO\\]\\t${TIME}\\t${requestIdOf(warmTail)}\\tgreeting world$`, "m"),
    );
  });
});

describe("output", () => {
  it("keeps every line a handler writes before END, in order", async () => {
    const out = await invoke("py-chatty");
    expect(payloadText(out.Payload)).toBe('"done"');
    const events = await streamOf("/aws/lambda/py-chatty", decodeTail(out.LogResult));
    const lines = events.slice(1, -2);
    expect(lines).toHaveLength(4000);
    expect(lines.filter((_, i) => i % 2 === 0)).toEqual(
      Array.from({ length: 2000 }, (_, i) => `line ${i}\n`),
    );
    expect(lines[3999]).toMatch(/^\[WARNING\]\t.*\twarned 1999\n$/);
    expect(events.at(-2)).toMatch(/^END RequestId: /);
  });
});

describe("py-raiser", () => {
  it("fails Unhandled with errorType, errorMessage and a stackTrace of its frames", async () => {
    const out = await invoke("py-raiser", { value: 7 });
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe("Unhandled");
    const tail = decodeTail(out.LogResult);
    const id = requestIdOf(tail);
    const error = json(out);
    expect(Object.keys(error)).toEqual(["errorMessage", "errorType", "requestId", "stackTrace"]);
    expect(error).toMatchObject({ errorType: "ValueError", errorMessage: "bad input: 7", requestId: id });
    const frames = error.stackTrace as string[];
    expect(frames).toHaveLength(2);
    expect(frames[0]).toMatch(
      /^ {2}File ".*\/py-raiser\/app\.py", line \d+, in handler\n {4}check\(event\)\n$/,
    );
    expect(frames[1]).toMatch(/^ {2}File ".*\/py-raiser\/app\.py", line \d+, in check\n {4}raise ValueError/);
    expect(tail).toMatch(new RegExp(`^\\[INFO\\]\\t${TIME}\\t${id}\\tchecking the event$`, "m"));
    expect(tail).toMatch(
      /^\[ERROR\] ValueError: bad input: 7\rTraceback \(most recent call last\):\r\u00a0\u00a0File /m,
    );
    expect(tail).toMatch(new RegExp(`^END RequestId: ${id}$`, "m"));
    // The environment lives on, as Lambda's does after a handled-by-the-runtime exception.
    const again = await invoke("py-raiser", { value: 8 });
    expect(decodeTail(again.LogResult)).not.toContain("Init Duration");
    expect(json(again).errorMessage).toBe("bad input: 8");
  });
});

describe("the JSON log format", () => {
  it("writes the logger's lines as JSON records and the platform's as platform.* records", async () => {
    const out = await invoke("py-json", { name: "Bo" });
    expect(json(out)).toEqual({ message: "hello from python", name: "Bo" });
    const records = decodeTail(out.LogResult)
      .trimEnd()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const start = records.find((r) => r.type === "platform.start");
    const id = (start?.record as { requestId: string }).requestId;
    expect(records).toContainEqual({
      timestamp: expect.stringMatching(/Z$/),
      level: "INFO",
      message: "greeting Bo",
      logger: "root",
      requestId: id,
    });
    expect(records.some((r) => r.type === "platform.report")).toBe(true);
  });
});

describe("context", () => {
  it("carries the function's names, memory, ARN, client context and the time left", async () => {
    const clientContext = Buffer.from(JSON.stringify({ custom: { team: "tools" } })).toString("base64");
    const out = await invoke("py-context", {}, { ClientContext: clientContext });
    const tail = decodeTail(out.LogResult);
    expect(json(out)).toMatchObject({
      function_name: "py-context",
      function_version: "$LATEST",
      invoked_function_arn: "arn:aws:lambda:us-east-1:123456789012:function:py-context",
      memory_limit_in_mb: "256",
      aws_request_id: requestIdOf(tail),
      log_group_name: "/aws/lambda/py-context",
      log_stream_name: expect.stringMatching(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/),
      custom: { team: "tools" },
    });
    const remaining = json(out).remaining as number;
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(3000);
  });
});

describe("faults", () => {
  it("reports an import error at init as Runtime.ImportModuleError, with its log lines", async () => {
    const out = await invoke("py-broken");
    expect(out.FunctionError).toBe("Unhandled");
    expect(json(out)).toMatchObject({
      errorType: "Runtime.ImportModuleError",
      errorMessage: "Unable to import module 'app': No module named 'not_vendored_here'",
    });
    const tail = decodeTail(out.LogResult);
    expect(tail).toContain("[ERROR] Runtime.ImportModuleError: Unable to import module 'app'");
    expect(tail).toMatch(
      /^INIT_REPORT Init Duration: .*Status: error\tError Type: Runtime\.ImportModuleError/m,
    );
  });

  it("reports a handler that exits the process as Runtime.ExitError, then starts afresh", async () => {
    const out = await invoke("py-exits");
    expect(out.FunctionError).toBe("Unhandled");
    const tail = decodeTail(out.LogResult);
    expect(json(out)).toEqual({
      errorType: "Runtime.ExitError",
      errorMessage: `RequestId: ${requestIdOf(tail)} Error: Runtime exited with error: exit status 2`,
    });
    expect(tail).toContain("leaving");
    expect(decodeTail((await invoke("py-exits")).LogResult)).toContain("Init Duration");
  });

  it(
    "times out with Sandbox.Timedout and starts a fresh environment next time",
    { timeout: 30_000 },
    async () => {
      const out = await invoke("py-sleeper");
      expect(out.FunctionError).toBe("Unhandled");
      expect(json(out)).toMatchObject({ errorType: "Sandbox.Timedout" });
      expect(String(json(out).errorMessage)).toMatch(/Task timed out after 1\.00 seconds$/);
      const tail = decodeTail(out.LogResult);
      expect(tail).toContain("going to sleep");
      expect(tail).toMatch(/REPORT RequestId: .*Status: timeout/);
      const next = await invoke("py-sleeper");
      expect(decodeTail(next.LogResult)).toContain("Init Duration");
    },
  );
});

describe("edit and re-run", () => {
  it("runs the edited code on a cold start that says why, and leaves no __pycache__", async () => {
    const first = await invoke("py-edited");
    expect(json(first)).toEqual({ answer: "first" });
    expect(json(await invoke("py-edited"))).toEqual({ answer: "first" });
    const dir = path.join(functionsDir, "py-edited");
    writeFileSync(path.join(dir, "app.py"), EDITED("second, a longer answer"));
    const edited = await invoke("py-edited");
    expect(json(edited)).toEqual({ answer: "second, a longer answer" });
    const tail = decodeTail(edited.LogResult);
    expect(tail).toContain("sandbox: code changed → cold start");
    expect(tail).toContain("Init Duration");
    expect(readdirSync(dir).sort()).toEqual(["app.py", "function.json"]);
  });
});
