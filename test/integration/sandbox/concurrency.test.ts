// 50 concurrent invocations of one function: all succeed, each runs in its own execution
// environment while the others are busy, and every START..REPORT block in every stream
// holds the lines of exactly one invocation.
import { mkdtemp, mkdir, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { DescribeLogStreamsCommand, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  decodeTail,
  eventually,
  payloadText,
  requestIdOf,
  startTestSandbox,
  type TestSandbox,
} from "../../helpers/sandbox.js";

const N = 50;
let sb: TestSandbox;
let gates: string;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lx-conc-"));
  gates = path.join(dir, "gates");
  await mkdir(gates);
  await mkdir(path.join(dir, "chatty"));
  await writeFile(
    path.join(dir, "chatty/function.json"),
    JSON.stringify({ description: "logs while it waits", timeout: 120 }),
  );
  await writeFile(
    path.join(dir, "chatty/index.mjs"),
    // Each invocation says it started, then waits for the test's gate: the test opens it only
    // once all N run at the same time, so they are in N environments however slowly a busy
    // machine sends the requests.
    `import { existsSync, writeFileSync } from "node:fs";
export const handler = async (event, context) => {
  writeFileSync(event.gates + "/started-" + event.n, "");
  for (let i = 0; i < 5; i++) {
    console.log("step", i, "of", event.n);
    process.stdout.write("raw " + event.n + "\\n");
    await new Promise((r) => setTimeout(r, 40));
    while (!existsSync(event.gates + "/go")) await new Promise((r) => setTimeout(r, 20));
  }
  return { n: event.n, id: context.awsRequestId };
};\n`,
  );
  sb = await startTestSandbox({ functionsDir: dir });
});
afterAll(async () => {
  await sb?.close();
});

it(
  `serves ${N} concurrent invocations, each block in each stream belonging to one invocation`,
  { timeout: 180_000 },
  async () => {
    const invoked = Promise.all(
      Array.from({ length: N }, (_, n) =>
        sb.lambda.send(
          new InvokeCommand({
            FunctionName: "chatty",
            LogType: "Tail",
            Payload: Buffer.from(JSON.stringify({ n, gates })),
          }),
        ),
      ),
    );
    try {
      await eventually(
        async () =>
          (await readdir(gates)).filter((f) => f.startsWith("started-")).length === N ? true : undefined,
        100_000,
        20,
      );
    } finally {
      await writeFile(path.join(gates, "go"), "");
    }
    const results = await invoked;
    const ids = new Map<string, number>();
    results.forEach((out, n) => {
      expect(out.StatusCode).toBe(200);
      expect(out.FunctionError).toBeUndefined();
      const body = JSON.parse(payloadText(out.Payload)) as { n: number; id: string };
      expect(body.n).toBe(n);
      const tail = decodeTail(out.LogResult);
      expect(requestIdOf(tail)).toBe(body.id);
      ids.set(body.id, n);
    });
    expect(ids.size).toBe(N);

    const streams = (
      await sb.logs.send(new DescribeLogStreamsCommand({ logGroupName: "/aws/lambda/chatty" }))
    ).logStreams!;
    // All ran at once: one environment, and one stream, each.
    expect(streams.length).toBe(N);
    const seen = new Map<string, number>();
    for (const s of streams) {
      const { events } = await sb.logs.send(
        new GetLogEventsCommand({
          logGroupName: "/aws/lambda/chatty",
          logStreamName: s.logStreamName!,
          startFromHead: true,
        }),
      );
      let current: string | null = null;
      for (const { message } of events!) {
        const m = message!;
        const start = /^START RequestId: (\S+)/.exec(m);
        if (start) {
          expect(current).toBeNull();
          current = start[1]!;
          seen.set(current, (seen.get(current) ?? 0) + 1);
          continue;
        }
        if (m.startsWith("INIT_START")) continue;
        expect(current, `line outside any invocation: ${m}`).not.toBeNull();
        const n = ids.get(current!);
        if (m.startsWith("raw ")) expect(m).toBe(`raw ${n}\n`);
        else if (m.startsWith("END") || m.startsWith("REPORT")) expect(m).toContain(current!);
        else expect(m).toMatch(new RegExp(`\\t${current}\\tINFO\\tstep \\d of ${n}\\n$`));
        if (m.startsWith("REPORT")) current = null;
      }
      expect(current).toBeNull();
    }
    expect([...seen.keys()].sort()).toEqual([...ids.keys()].sort());
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
  },
);
