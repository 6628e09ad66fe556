// MemorySize is enforced as Lambda enforces it: an invocation that goes over it ends as
// Runtime.OutOfMemory (REPORT Status: error), and Max Memory Used is the measured peak, never
// over the memory size unless that is what ended the invocation.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { InvokeCommand, type InvokeCommandOutput } from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeTail, payloadText, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const HOG = `// Allocates as the payload says; "peak-kb" logs the process's own peak resident memory.
const kept = [];
const logPeak = () => console.log("peak-kb", process.resourceUsage().maxRSS);
export const handler = async (event) => {
  if (event.mode === "heap") for (;;) kept.push(Array.from({ length: 250000 }, (_, i) => i + 0.5));
  if (event.mode === "buffers") for (;;) kept.push(Buffer.alloc(4 << 20, 1));
  if (event.mode === "spike") {
    // Over the limit for a moment only, then back under it before returning.
    let spike = Buffer.alloc(event.mb << 20, 1);
    spike = null;
    return { spiked: spike === null };
  }
  if (event.mode === "keep") kept.push(Buffer.alloc(event.mb << 20, 1));
  logPeak();
  if (event.hang) await new Promise(() => {});
  return { peakKb: process.resourceUsage().maxRSS };
};
`;

let sb: TestSandbox;
beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lx-memory-"));
  const fn = async (name: string, config: object) => {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "function.json"), JSON.stringify(config));
    await writeFile(path.join(dir, name, "index.mjs"), HOG);
  };
  // Generous timeouts: running out of memory must end these long before, however slow the machine.
  await fn("hog-128", { memorySize: 128, timeout: 120 });
  await fn("hog-256", { memorySize: 256, timeout: 120 });
  await fn("hog-hang", { memorySize: 128, timeout: 5 });
  await mkdir(path.join(dir, "hog-init"));
  await writeFile(path.join(dir, "hog-init", "function.json"), JSON.stringify({ memorySize: 128 }));
  await writeFile(
    path.join(dir, "hog-init", "index.mjs"),
    "const kept = [];\nfor (;;) kept.push(Buffer.alloc(4 << 20, 1));\nexport const handler = async () => 1;\n",
  );
  sb = await startTestSandbox({ functionsDir: dir });
});
afterAll(async () => {
  await sb?.close();
});

const invoke = (name: string, event: object) =>
  sb.lambda.send(
    new InvokeCommand({ FunctionName: name, LogType: "Tail", Payload: Buffer.from(JSON.stringify(event)) }),
  );

function report(out: InvokeCommandOutput): { line: string; memory: number; used: number } {
  const line = /^REPORT .*$/m.exec(decodeTail(out.LogResult))?.[0] ?? "";
  const m = /Memory Size: (\d+) MB\tMax Memory Used: (\d+) MB/.exec(line);
  expect(m, line).not.toBeNull();
  return { line, memory: Number(m![1]), used: Number(m![2]) };
}

function expectOutOfMemory(out: InvokeCommandOutput, signal: RegExp): void {
  expect(out.FunctionError).toBe("Unhandled");
  const error = JSON.parse(payloadText(out.Payload)) as { errorType: string; errorMessage: string };
  const id = out.$metadata.requestId!;
  expect(error.errorType).toBe("Runtime.OutOfMemory");
  expect(error.errorMessage).toMatch(
    new RegExp(`^RequestId: ${id} Error: Runtime exited with error: ${signal.source}$`),
  );
  const tail = decodeTail(out.LogResult);
  expect(tail).toContain(`${error.errorMessage}\nRuntime.OutOfMemory\nEND RequestId: ${id}`);
  const r = report(out);
  expect(r.line).toContain("\tStatus: error\tError Type: Runtime.OutOfMemory\t");
  // What ended it is reported: a peak over the memory size.
  expect(r.used).toBeGreaterThan(r.memory);
}

describe("a function that goes over its memory", () => {
  it(
    "allocating off-heap buffers is killed: Runtime.OutOfMemory, signal: killed",
    { timeout: 180_000 },
    async () => {
      expectOutOfMemory(await invoke("hog-128", { mode: "buffers" }), /signal: killed/);
    },
  );

  it(
    "allocating on the JS heap ends the same way (killed, or aborted at the heap limit)",
    { timeout: 180_000 },
    async () => {
      expectOutOfMemory(await invoke("hog-128", { mode: "heap" }), /signal: (killed|aborted)/);
    },
  );

  it("over it only for a moment, between two readings, still fails", { timeout: 180_000 }, async () => {
    expectOutOfMemory(await invoke("hog-128", { mode: "spike", mb: 120 }), /signal: killed/);
  });

  it("while its module loads: the init fails as Runtime.OutOfMemory", { timeout: 180_000 }, async () => {
    const out = await invoke("hog-init", {});
    expect(out.FunctionError).toBe("Unhandled");
    expect(JSON.parse(payloadText(out.Payload))).toEqual({
      errorType: "Runtime.OutOfMemory",
      errorMessage: "Runtime exited during init: signal: killed",
    });
    expect(decodeTail(out.LogResult)).toMatch(
      /^INIT_REPORT .*\tStatus: error\tError Type: Runtime.OutOfMemory$/m,
    );
    expect(report(out).line).toContain("\tStatus: error\tError Type: Runtime.OutOfMemory\t");
  });

  it("gets a fresh environment for the next invocation", { timeout: 180_000 }, async () => {
    await invoke("hog-128", { mode: "buffers" });
    const out = await invoke("hog-128", {});
    expect(out.FunctionError).toBeUndefined();
    expect(decodeTail(out.LogResult)).toMatch(/^INIT_START /m);
  });
});

describe("Max Memory Used, truthfully", () => {
  it("is the peak the process reached, within the memory size", { timeout: 180_000 }, async () => {
    const out = await invoke("hog-128", { mode: "keep", mb: 30 });
    expect(out.FunctionError).toBeUndefined();
    const { peakKb } = JSON.parse(payloadText(out.Payload)) as { peakKb: number };
    const r = report(out);
    expect(r.used).toBeGreaterThanOrEqual(Math.ceil(peakKb / 1024));
    expect(peakKb).toBeGreaterThan(30 * 1024);
    expect(r.used).toBeLessThanOrEqual(128);
  });

  it(
    "is measured when the function times out, not taken from before it ran",
    { timeout: 180_000 },
    async () => {
      const out = await invoke("hog-hang", { mode: "keep", mb: 40, hang: true });
      expect(out.FunctionError).toBe("Unhandled");
      const tail = decodeTail(out.LogResult);
      expect(tail).toContain("Task timed out after 5.00 seconds");
      const logged = Number(/peak-kb (\d+)/.exec(tail)?.[1]);
      expect(logged).toBeGreaterThan(40 * 1024);
      const r = report(out);
      expect(r.line).toContain("Status: timeout");
      expect(r.used).toBeGreaterThanOrEqual(Math.ceil(logged / 1024));
      expect(r.used).toBeLessThanOrEqual(128);
    },
  );

  it("follows each function's memory size: 150 MB is fine in 256 MB", { timeout: 180_000 }, async () => {
    const out = await invoke("hog-256", { mode: "keep", mb: 150 });
    expect(out.FunctionError).toBeUndefined();
    const r = report(out);
    expect(r.memory).toBe(256);
    expect(r.used).toBeGreaterThan(150);
    expect(r.used).toBeLessThanOrEqual(256);
  });
});
