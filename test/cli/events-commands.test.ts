// `events` and `invoke --event` as a user runs them against the sandbox: private events on
// disk, shared events in the sandbox's registry (checked with the AWS CLI's view of it through
// the SDK), conflicts, and the failures that must leave private copies alone.
import { mkdtemp, readdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeSchemaCommand, SchemasClient, UpdateSchemaCommand } from "@aws-sdk/client-schemas";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { credentials } from "../helpers/sandbox.js";
import { startLocalServer, type LocalServer } from "../hardening/local-server.js";

let sb: SandboxProcess;
let home: string;
let sbState: string;
let raw: SchemasClient;
beforeAll(async () => {
  sbState = await mkdtemp(path.join(os.tmpdir(), "lx-sbstate-"));
  sb = await startSandboxProcess(["--state", sbState]);
  home = await mkdtemp(path.join(os.tmpdir(), "lx-home-"));
  raw = new SchemasClient({ endpoint: sb.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
});
afterAll(async () => {
  raw?.destroy();
  await sb?.stop();
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_ENDPOINT_URL: sb.endpoint,
  ...extra,
});
const lx = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
  runCli(args, env(extra), input, false);
const stateDir = () => path.join(home, ".local/state/lambda-explorer");

describe("private events", () => {
  it("are saved, listed, read byte for byte, run by invoke, and deleted", async () => {
    const text = '{\n  "name": "Zoë",\n  "id": 42\n}';
    let r = await lx(["events", "put", "versioned-greeter", "big-order", "--payload", text]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Saved private test event "big-order" for versioned-greeter.');
    r = await lx(["events", "put", "versioned-greeter", "small", "--payload-file", "-"], {}, '{"id":1}');
    expect(r.code, r.stderr).toBe(0);
    r = await lx(["events", "list", "versioned-greeter"]);
    expect(r.stdout).toBe("big-order\nsmall\n");
    r = await lx(["events", "get", "versioned-greeter", "big-order"]);
    expect(r.stdout).toBe(`${text}\n`);
    const files = await readdir(path.join(stateDir(), "events"));
    expect(files).toHaveLength(1);
    expect((await stat(path.join(stateDir(), "events", files[0]!))).mode & 0o777).toBe(0o600);

    r = await lx([
      "invoke",
      // Events belong to the function, whichever version or alias runs them.
      "versioned-greeter:live",
      "--event",
      "big-order",
      "--logs",
      "none",
      "--json",
      "--no-history",
    ]);
    expect(r.code, r.stderr).toBe(0);
    // versioned-greeter greets the name in its event.
    expect(JSON.parse(r.stdout).payload.message).toBe("hello, Zoë!");

    r = await lx(["events", "delete", "versioned-greeter", "small", "--json"]);
    expect(JSON.parse(r.stdout)).toEqual({ function: "versioned-greeter", kind: "private", name: "small" });
    r = await lx(["events", "list", "versioned-greeter", "--json"]);
    expect(JSON.parse(r.stdout).events.map((e: { name: string }) => e.name)).toEqual(["big-order"]);
  });

  it("refuses names the console would not accept and payloads that are not JSON", async () => {
    let r = await lx(["events", "put", "orders-api", "has space", "--payload", "{}"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/at most 25 letters, digits/);
    r = await lx(["events", "put", "orders-api", "ok", "--payload", "{nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be JSON/);
    r = await lx(["events", "get", "orders-api", "missing"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no private test event named "missing"/);
  });
});

describe("shared events", () => {
  it("are written in the console's format, read back, and visible to other tools", async () => {
    let r = await lx(["events", "list", "thrower", "--shared"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/registry lambda-testevent-schemas does not exist/);
    r = await lx([
      "events",
      "put",
      "versioned-greeter",
      "shared-order",
      "--shared",
      "--payload",
      '{"name": "Shared"}',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Created the schema registry lambda-testevent-schemas in us-east-1/);
    expect(r.stderr).toMatch(
      /Saved shared test event "shared-order" for versioned-greeter \(schema version 1\)/,
    );

    const d = await raw.send(
      new DescribeSchemaCommand({
        RegistryName: "lambda-testevent-schemas",
        SchemaName: "_versioned-greeter-schema",
      }),
    );
    expect(d.Type).toBe("OpenApi3");
    expect(JSON.parse(d.Content!).components.examples["shared-order"].value).toEqual({ name: "Shared" });

    // An event another tool put there, in that format, is listed, read and run.
    const doc = JSON.parse(d.Content!);
    doc.components.examples["from-console"] = { value: { name: "Console" } };
    await raw.send(
      new UpdateSchemaCommand({
        RegistryName: "lambda-testevent-schemas",
        SchemaName: "_versioned-greeter-schema",
        Type: "OpenApi3",
        Content: JSON.stringify(doc),
      }),
    );
    r = await lx(["events", "list", "versioned-greeter", "--shared"]);
    expect(r.stdout).toBe("shared-order\nfrom-console\n");
    r = await lx(["events", "get", "versioned-greeter", "from-console", "--shared", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ schemaVersion: "2", payload: '{\n  "name": "Console"\n}' });
    r = await lx([
      "invoke",
      // Events belong to the function, whichever version or alias runs them.
      "versioned-greeter:live",
      "--event",
      "from-console",
      "--logs",
      "none",
      "--json",
      "--no-history",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).payload.message).toBe("hello, Console!");
  });

  it("reports a change made since the version that was read, and writes nothing", async () => {
    await lx(["events", "put", "thrower", "a", "--shared", "--payload", '{"n":1}']);
    const read = JSON.parse((await lx(["events", "get", "thrower", "a", "--shared", "--json"])).stdout);
    await lx(["events", "put", "thrower", "a", "--shared", "--payload", '{"n":"theirs"}']);
    const r = await lx([
      "events",
      "put",
      "thrower",
      "a",
      "--shared",
      "--payload",
      '{"n":"mine"}',
      "--expect-version",
      read.schemaVersion,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/changed since version 1 \(now version 2\).*Nothing was written/);
    const now = JSON.parse((await lx(["events", "get", "thrower", "a", "--shared", "--json"])).stdout);
    expect(JSON.parse(now.payload)).toEqual({ n: "theirs" });
  });

  it("survive the sandbox's restart when it has a state folder", async () => {
    await lx(["events", "put", "orders-api", "kept", "--shared", "--payload", '{"k":1}']);
    await sb.stop();
    sb = await startSandboxProcess(["--state", sbState]);
    raw.destroy();
    raw = new SchemasClient({ endpoint: sb.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
    const r = await lx(["events", "get", "orders-api", "kept", "--shared"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ k: 1 });
  });
});

describe("a registry that refuses access", () => {
  let server: LocalServer;
  afterAll(async () => server?.close());

  it("fails clearly and leaves the private copy of the same event alone", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(403, { "content-type": "application/json", "x-amzn-errortype": "ForbiddenException" });
      res.end(JSON.stringify({ Code: "ForbiddenException", Message: "not allowed" }));
    });
    const at = { AWS_ENDPOINT_URL_SCHEMAS: server.url };
    const text = '{"private":true}';
    let r = await lx(["events", "put", "orders-api", "mine", "--payload", text], at);
    expect(r.code, r.stderr).toBe(0);
    r = await lx(["events", "put", "orders-api", "mine", "--shared", "--payload", '{"shared":true}'], at);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/may not use the schema registry/);
    expect(r.stderr).toMatch(/keep the event private/);
    r = await lx(["events", "get", "orders-api", "mine"], at);
    expect(r.stdout).toBe(`${text}\n`);
    r = await lx(
      ["invoke", "orders-api", "--event", "mine", "--shared", "--logs", "none", "--no-history"],
      at,
    );
    expect(r.code).toBe(3);
  });
});
