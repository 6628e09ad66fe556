// The AWS CLI is the independent client that proves the sandbox speaks the real protocols.
// Every AWS CLI found on the machine is used: v1 (pip) and v2 (Debian's awscli, /usr/bin/aws).
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findClis } from "../helpers/aws-cli.js";
import { run, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { startTestSandbox, type TestSandbox } from "../helpers/sandbox.js";

const clis = findClis();

it("has an AWS CLI to check the sandbox with (.ci/run installs Debian's awscli)", () => {
  expect(clis.length).toBeGreaterThan(0);
});

let sb: SandboxProcess;
const out = mkdtempSync(path.join(os.tmpdir(), "lx-awscli-"));
beforeAll(async () => {
  sb = await startSandboxProcess([]);
});
afterAll(async () => {
  await sb?.stop();
});

describe.each(clis)("AWS CLI v$major ($bin)", ({ bin, major }) => {
  const env = {
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_REGION: "us-east-1",
    AWS_PAGER: "",
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const aws = async (...args: string[]) => {
    const r = await run(bin, ["--endpoint-url", sb.endpoint, "--output", "json", ...args], env);
    return r;
  };
  const ok = async (...args: string[]) => {
    const r = await aws(...args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : {};
  };
  const payloadArgs = (json: string) =>
    major === 2 ? ["--cli-binary-format", "raw-in-base64-out", "--payload", json] : ["--payload", json];
  let requestId = "";

  it("lambda list-functions lists the examples", async () => {
    const r = await ok("lambda", "list-functions");
    const names = (r.Functions as Array<{ FunctionName: string }>).map((f) => f.FunctionName);
    expect(names).toContain("orders-api");
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it("lambda invoke --log-type Tail returns the payload, version and a decodable tail", async () => {
    const file = path.join(out, `v${major}.json`);
    const r = await ok(
      "lambda",
      "invoke",
      "--function-name",
      "big-logger",
      "--log-type",
      "Tail",
      ...payloadArgs('{"lines":20}'),
      file,
    );
    expect(r.StatusCode).toBe(200);
    expect(r.ExecutedVersion).toBe("$LATEST");
    const tail = Buffer.from(r.LogResult as string, "base64").toString("utf8");
    requestId = /^REPORT RequestId: (\S+)/m.exec(tail)![1]!;
    expect(tail).toContain(`START RequestId: ${requestId}`);
    expect(JSON.parse(readFileSync(file, "utf8"))).toBeTypeOf("object");
  });

  it("lambda invoke reports FunctionError and resolves aliases", async () => {
    const file = path.join(out, `e${major}.json`);
    const err = await ok("lambda", "invoke", "--function-name", "thrower", file);
    expect(err.FunctionError).toBe("Unhandled");
    const live = await ok(
      "lambda",
      "invoke",
      "--function-name",
      "versioned-greeter",
      "--qualifier",
      "live",
      file,
    );
    expect(live.ExecutedVersion).toBe("1");
  });

  it("lambda errors carry their AWS names", async () => {
    const r = await aws("lambda", "invoke", "--function-name", "no-such-function", path.join(out, "x.json"));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("ResourceNotFoundException");
    const bad = await aws(
      "lambda",
      "invoke",
      "--function-name",
      "orders-api",
      ...payloadArgs("{nope"),
      path.join(out, "x.json"),
    );
    expect(bad.stderr).toContain("InvalidRequestContentException");
  });

  it("logs filter-log-events finds the invocation's START and REPORT by request id", async () => {
    const r = await ok(
      "logs",
      "filter-log-events",
      "--log-group-name",
      "/aws/lambda/big-logger",
      "--filter-pattern",
      `"${requestId}"`,
    );
    const messages = (r.events as Array<{ message: string }>).map((e) => e.message);
    expect(messages[0]).toBe(`START RequestId: ${requestId} Version: $LATEST\n`);
    expect(messages.at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${requestId}\\t`));
  });

  it("logs get-log-events reads the stream from its head", async () => {
    const streams = await ok("logs", "describe-log-streams", "--log-group-name", "/aws/lambda/big-logger");
    const name = (streams.logStreams as Array<{ logStreamName: string }>)[0]!.logStreamName;
    expect(name).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    const r = await ok(
      "logs",
      "get-log-events",
      "--log-group-name",
      "/aws/lambda/big-logger",
      "--log-stream-name",
      name,
      "--start-from-head",
    );
    const messages = (r.events as Array<{ message: string }>).map((e) => e.message);
    expect(messages[0]).toMatch(/^INIT_START Runtime Version: /);
    expect(messages.some((m) => m.startsWith(`REPORT RequestId: ${requestId}`))).toBe(true);
  });

  it("logs describe-log-groups and unknown groups", async () => {
    const r = await ok("logs", "describe-log-groups", "--log-group-name-prefix", "/aws/lambda/big");
    expect((r.logGroups as Array<{ logGroupName: string }>).map((g) => g.logGroupName)).toEqual([
      "/aws/lambda/big-logger",
    ]);
    const missing = await aws("logs", "filter-log-events", "--log-group-name", "/aws/lambda/never-invoked");
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("ResourceNotFoundException");
  });

  // A dozen AWS CLI runs, each starting Python: seconds apiece on a busy machine.
  it("schemas: a shared test event's schema is created, versioned, described and deleted", async () => {
    const registry = "lambda-testevent-schemas";
    // Both CLIs share one sandbox: the first creates the registry, the second finds it there.
    const created = await aws("schemas", "create-registry", "--registry-name", registry);
    if (created.code !== 0) expect(created.stderr).toContain("ConflictException");
    expect((await ok("schemas", "describe-registry", "--registry-name", registry)).RegistryName).toBe(
      registry,
    );
    const schema = ["--registry-name", registry, "--schema-name", `_orders-api-v${major}-schema`];
    const content = (value: unknown) =>
      JSON.stringify({
        openapi: "3.0.0",
        info: { version: "1.0.0", title: "Event" },
        paths: {},
        components: { examples: { "big-order": { value } } },
      });
    const c = await ok(
      "schemas",
      "create-schema",
      ...schema,
      "--type",
      "OpenApi3",
      "--content",
      content({ id: 1 }),
    );
    expect(c.SchemaVersion).toBe("1");
    const u = await ok(
      "schemas",
      "update-schema",
      ...schema,
      "--type",
      "OpenApi3",
      "--content",
      content({ id: 2 }),
    );
    expect(u.SchemaVersion).toBe("2");
    const d = await ok("schemas", "describe-schema", ...schema);
    expect(d.SchemaVersion).toBe("2");
    expect(d.Type).toBe("OpenApi3");
    expect(JSON.parse(d.Content as string).components.examples["big-order"].value).toEqual({ id: 2 });
    const v1 = await ok("schemas", "describe-schema", ...schema, "--schema-version", "1");
    expect(JSON.parse(v1.Content as string).components.examples["big-order"].value).toEqual({ id: 1 });
    const versions = await ok("schemas", "list-schema-versions", ...schema);
    expect((versions.SchemaVersions as Array<{ SchemaVersion: string }>).map((v) => v.SchemaVersion)).toEqual(
      ["1", "2"],
    );
    const listed = await ok("schemas", "list-schemas", "--registry-name", registry);
    expect((listed.Schemas as Array<{ SchemaName: string }>).map((x) => x.SchemaName)).toContain(
      `_orders-api-v${major}-schema`,
    );
    await ok("schemas", "delete-schema", ...schema);
    const gone = await aws("schemas", "describe-schema", ...schema);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain("NotFoundException");
  }, 300_000);
});

// A long-running sandbox: 30,000 invocations' logs in one group, loaded straight into the
// store (running them would take minutes). The AWS CLI must still find one invocation, and
// page through a time window, with what the index answers.
describe("logs filter-log-events after 30,000 invocations", () => {
  const N = 30_000;
  const GROUP = "/aws/lambda/busy";
  const T0 = Date.UTC(2026, 0, 1);
  const idOf = (i: number) => `${i.toString(16).padStart(8, "0")}-0000-4000-8000-${"0".repeat(12)}`;
  let busy: TestSandbox;
  beforeAll(async () => {
    busy = await startTestSandbox({ functionsDir: null });
    for (let i = 0; i < N; i++) {
      const stream = `2026/01/01/[$LATEST]${(i % 20).toString(16).padStart(32, "0")}`;
      const id = idOf(i);
      const t = T0 + i * 10;
      busy.store.append(GROUP, stream, `START RequestId: ${id} Version: $LATEST\n`, t);
      busy.store.append(GROUP, stream, `${new Date(t).toISOString()}\t${id}\tINFO\twork ${i}\n`, t + 1);
      busy.store.append(GROUP, stream, `END RequestId: ${id}\n`, t + 2);
      busy.store.append(GROUP, stream, `REPORT RequestId: ${id}\tDuration: 1.00 ms\t\n`, t + 3);
    }
  });
  afterAll(async () => {
    await busy?.close();
  });

  it.each(clis)("AWS CLI v$major finds one invocation and pages a window", async ({ bin }) => {
    const env = {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_PAGER: "",
      AWS_CONFIG_FILE: "/nonexistent",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
      AWS_EC2_METADATA_DISABLED: "true",
    };
    const filter = async (...args: string[]) => {
      const r = await run(
        bin,
        [
          "--endpoint-url",
          busy.url,
          "--output",
          "json",
          "logs",
          "filter-log-events",
          "--log-group-name",
          GROUP,
          ...args,
        ],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { events: Array<{ message: string }> }).events.map((e) => e.message);
    };
    const id = idOf(23_456);
    expect(await filter("--filter-pattern", `"${id}"`)).toEqual([
      `START RequestId: ${id} Version: $LATEST\n`,
      `2026-01-01T00:03:54.560Z\t${id}\tINFO\twork 23456\n`,
      `END RequestId: ${id}\n`,
      `REPORT RequestId: ${id}\tDuration: 1.00 ms\t\n`,
    ]);
    // The CLI follows nextToken itself: a page size of 7 takes several calls for 40 events.
    const window = await filter(
      "--start-time",
      String(T0 + 100 * 10),
      "--end-time",
      String(T0 + 109 * 10 + 3),
      "--page-size",
      "7",
    );
    expect(window).toHaveLength(40);
    expect(window[0]).toBe(`START RequestId: ${idOf(100)} Version: $LATEST\n`);
    expect(window.at(-1)).toBe(`REPORT RequestId: ${idOf(109)}\tDuration: 1.00 ms\t\n`);
  });
});
