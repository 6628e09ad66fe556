// Shared test events through the real Schemas client against the sandbox's registry: the
// console's document, SAM CLI's version limit, conflicts and permission failures.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CreateRegistryCommand,
  CreateSchemaCommand,
  DescribeSchemaCommand,
  ListSchemaVersionsCommand,
  SchemasClient,
  UpdateSchemaCommand,
} from "@aws-sdk/client-schemas";
import { createClients, type Clients } from "../../../src/aws/clients.js";
import { AwsFailure } from "../../../src/aws/errors.js";
import {
  deleteShared,
  getShared,
  listShared,
  putShared,
  SharedEventsError,
} from "../../../src/aws/shared-events.js";
import { startSandbox, type Sandbox } from "../../../src/sandbox/server.js";
import { credentials } from "../../helpers/sandbox.js";
import { startLocalServer, type LocalServer } from "../../hardening/local-server.js";

const R = "lambda-testevent-schemas";
let sb: Sandbox;
let clients: Clients;
let raw: SchemasClient;
beforeEach(async () => {
  sb = await startSandbox({ functionsDir: null, runtimePath: "/nonexistent" });
  clients = await createClients({ endpointUrl: sb.url, region: "us-east-1" });
  raw = new SchemasClient({ endpoint: sb.url, region: "us-east-1", credentials, maxAttempts: 1 });
});
afterEach(async () => {
  clients.destroy();
  raw.destroy();
  await sb.close();
});

const contentOf = async (fn: string) =>
  JSON.parse(
    (await raw.send(new DescribeSchemaCommand({ RegistryName: R, SchemaName: `_${fn}-schema` }))).Content!,
  );

describe("shared test events", () => {
  it("creates the registry with the first event, in the console's document", async () => {
    expect(await listShared(clients, "orders-api")).toEqual({
      names: [],
      version: null,
      registryExists: false,
    });
    const first = await putShared(clients, "orders-api", "big-order", { id: 42 });
    expect(first).toMatchObject({ version: "1", createdRegistry: true, replaced: false });
    const second = await putShared(clients, "orders-api", "small", { id: 1 });
    expect(second).toMatchObject({ version: "2", createdRegistry: false });
    const doc = await contentOf("orders-api");
    expect(doc.openapi).toBe("3.0.0");
    expect(doc.components.schemas.Event.properties).toEqual({ id: { type: "number" } });
    expect(doc.components.examples["big-order"]).toEqual({
      value: { id: 42 },
      "x-metadata": { invocationType: "RequestResponse" },
    });
    expect(await listShared(clients, "orders-api")).toEqual({
      names: ["big-order", "small"],
      version: "2",
      registryExists: true,
    });
    const got = await getShared(clients, "orders-api", "big-order");
    expect(JSON.parse(got.payload)).toEqual({ id: 42 });
    expect(got.version).toBe("2");
  });

  it("reads and updates a document another tool wrote, keeping what it does not know", async () => {
    await raw.send(new CreateRegistryCommand({ RegistryName: R }));
    const theirs = {
      openapi: "3.0.0",
      info: { version: "1.0.0", title: "Event" },
      paths: {},
      "x-owner": "team-a",
      components: {
        schemas: { Event: { type: "object" } },
        examples: { test1: { value: { key: "number1" }, summary: "from the console" } },
      },
    };
    await raw.send(
      new CreateSchemaCommand({
        RegistryName: R,
        SchemaName: "_f-schema",
        Type: "OpenApi3",
        Content: JSON.stringify(theirs),
      }),
    );
    expect(JSON.parse((await getShared(clients, "f", "test1")).payload)).toEqual({ key: "number1" });
    const w = await putShared(clients, "arn:aws:lambda:us-east-1:123456789012:function:f", "test1", {
      key: 2,
    });
    expect(w).toMatchObject({ version: "2", replaced: true });
    const doc = await contentOf("f");
    expect(doc["x-owner"]).toBe("team-a");
    expect(doc.components.schemas).toEqual(theirs.components.schemas);
    expect(doc.components.examples.test1).toMatchObject({ value: { key: 2 }, summary: "from the console" });
  });

  it("reports a change made since the version that was read, and writes nothing", async () => {
    await putShared(clients, "f", "a", { n: 1 });
    const { version } = await listShared(clients, "f");
    const other = JSON.stringify({ components: { examples: { a: { value: { n: "theirs" } } } } });
    await raw.send(new UpdateSchemaCommand({ RegistryName: R, SchemaName: "_f-schema", Content: other }));
    const attempt = putShared(clients, "f", "a", { n: "mine" }, { expectVersion: version! });
    await expect(attempt).rejects.toBeInstanceOf(SharedEventsError);
    await expect(attempt).rejects.toThrow(/changed since version 1 \(now version 2\)/);
    await expect(deleteShared(clients, "f", "a", { expectVersion: version! })).rejects.toThrow(
      /changed since/,
    );
    expect((await contentOf("f")).components.examples.a.value).toEqual({ n: "theirs" });
    // Read again, the same change goes through.
    const again = await listShared(clients, "f");
    await putShared(clients, "f", "a", { n: "mine" }, { expectVersion: again.version! });
    expect((await contentOf("f")).components.examples.a.value).toEqual({ n: "mine" });
  });

  it("keeps at most five versions, as SAM CLI does, and numbers keep counting", async () => {
    for (let i = 0; i < 7; i++) await putShared(clients, "f", "a", { i });
    const versions = await raw.send(
      new ListSchemaVersionsCommand({ RegistryName: R, SchemaName: "_f-schema" }),
    );
    expect(versions.SchemaVersions!.map((v) => v.SchemaVersion)).toEqual(["3", "4", "5", "6", "7"]);
  });

  it("deletes one event, and the schema with the last one", async () => {
    await putShared(clients, "f", "a", { n: 1 });
    await putShared(clients, "f", "b", { n: 2 });
    expect((await deleteShared(clients, "f", "a")).version).toBe("3");
    expect((await listShared(clients, "f")).names).toEqual(["b"]);
    await expect(deleteShared(clients, "f", "zz")).rejects.toThrow(/no shared test event named "zz"/);
    expect((await deleteShared(clients, "f", "b")).version).toBeNull();
    expect(await listShared(clients, "f")).toEqual({ names: [], version: null, registryExists: true });
    await expect(getShared(clients, "f", "b")).rejects.toThrow(/has no shared test events/);
  });

  it("says when there is no registry yet", async () => {
    const e = await getShared(clients, "f", "a").catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SharedEventsError);
    expect((e as SharedEventsError).problem).toBe("no-registry");
  });
});

describe("a registry that refuses access", () => {
  let server: LocalServer;
  afterAll(async () => server?.close());

  it("is an access-denied failure that says how to keep the event private", async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(403, { "content-type": "application/json", "x-amzn-errortype": "ForbiddenException" });
      res.end(JSON.stringify({ Code: "ForbiddenException", Message: "not allowed" }));
    });
    const denied = await createClients({ endpointUrl: server.url, region: "us-east-1" });
    try {
      const e = await putShared(denied, "f", "a", {}).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(AwsFailure);
      expect((e as AwsFailure).kind).toBe("access-denied");
      expect((e as AwsFailure).hint).toMatch(/keep the event private/);
    } finally {
      denied.destroy();
    }
  });
});
