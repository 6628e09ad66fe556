// Edit and re-run: a change to a function's code folder ends its warm environments, so the
// next invoke is a cold start on the new code, and its log stream says why right after
// INIT_START, where the complete log of a cold start begins.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { FilterLogEventsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_CHANGED_LINE } from "../../../src/sandbox/runner/runner.js";
import {
  decodeTail,
  eventually,
  payloadText,
  startTestSandbox,
  type TestSandbox,
} from "../../helpers/sandbox.js";

let sb: TestSandbox;
let dir: string;
// Each version differs in length, so the change shows in the files' sizes whatever the
// file system's timestamp granularity.
const code = (v: string) =>
  `export const handler = async () => { console.log("running ${v}"); return { v: "${v}" }; };\n`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lx-code-change-"));
  await mkdir(path.join(dir, "editable", "lib"), { recursive: true });
  await writeFile(path.join(dir, "editable", "function.json"), "{}");
  await writeFile(path.join(dir, "editable", "index.mjs"), code("1"));
  await writeFile(path.join(dir, "editable", "lib", "helper.txt"), "a");
  sb = await startTestSandbox({ functionsDir: dir });
});
afterAll(async () => {
  await sb?.close();
});

async function invoke(): Promise<{ v: string; tail: string }> {
  const out = await sb.lambda.send(new InvokeCommand({ FunctionName: "editable", LogType: "Tail" }));
  expect(out.FunctionError).toBeUndefined();
  return { ...(JSON.parse(payloadText(out.Payload)) as { v: string }), tail: decodeTail(out.LogResult) };
}

describe("a code change", () => {
  it("makes the next invoke a cold start on the new code, saying so after INIT_START", async () => {
    const first = await invoke();
    expect(first.v).toBe("1");
    expect(first.tail).toContain("INIT_START");
    expect(first.tail).not.toContain(CODE_CHANGED_LINE);
    const warm = await invoke();
    expect(warm.tail).not.toContain("INIT_START");

    await writeFile(path.join(dir, "editable", "index.mjs"), code("22"));
    const edited = await invoke();
    expect(edited.v).toBe("22");
    const lines = edited.tail.split("\n");
    const note = lines.indexOf(CODE_CHANGED_LINE);
    expect(note).toBeGreaterThanOrEqual(0);
    expect(lines[note - 1]).toMatch(/^INIT_START /);
    expect(edited.tail).toContain("Init Duration");

    // Then warm again, with no note.
    const again = await invoke();
    expect(again.v).toBe("22");
    expect(again.tail).not.toContain("INIT_START");
    expect(again.tail).not.toContain(CODE_CHANGED_LINE);
  });

  it("notices a file in a subfolder, and writes the note in the stream for the complete log", async () => {
    await writeFile(path.join(dir, "editable", "lib", "helper.txt"), "abc");
    const out = await sb.lambda.send(new InvokeCommand({ FunctionName: "editable", LogType: "Tail" }));
    const tail = decodeTail(out.LogResult);
    expect(tail).toContain(CODE_CHANGED_LINE);
    // The invocation's own stream, found by its request id as the complete-log search does.
    const stream = await eventually(async () => {
      const found = await sb.logs.send(
        new FilterLogEventsCommand({
          logGroupName: "/aws/lambda/editable",
          filterPattern: `"${out.$metadata.requestId}"`,
        }),
      );
      return found.events?.[0]?.logStreamName;
    });
    const events = await sb.logs.send(
      new GetLogEventsCommand({
        logGroupName: "/aws/lambda/editable",
        logStreamName: stream,
        startFromHead: true,
      }),
    );
    const messages = (events.events ?? []).map((e) => e.message);
    expect(messages[0]).toMatch(/^INIT_START /);
    expect(messages[1]).toBe(`${CODE_CHANGED_LINE}\n`);
  });

  it("leaves warm environments alone when nothing changed, function.json included", async () => {
    await writeFile(path.join(dir, "editable", "function.json"), '{"description":"edited"}');
    const out = await invoke();
    expect(out.tail).not.toContain("INIT_START");
  });
});
