// The sandbox's EventBridge schema registry through the real @aws-sdk/client-schemas: the
// calls shared test events make, their errors, and a registry that survives a restart.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConflictException,
  CreateRegistryCommand,
  CreateSchemaCommand,
  DeleteSchemaCommand,
  DeleteSchemaVersionCommand,
  DescribeRegistryCommand,
  DescribeSchemaCommand,
  ListSchemasCommand,
  ListSchemaVersionsCommand,
  NotFoundException,
  BadRequestException,
  SchemasClient,
  UpdateSchemaCommand,
  paginateListSchemas,
} from "@aws-sdk/client-schemas";
import { startSandbox, type Sandbox } from "../../../src/sandbox/server.js";
import { credentials } from "../../helpers/sandbox.js";

const R = "lambda-testevent-schemas";
const open: Array<{ sb: Sandbox; client: SchemasClient }> = [];

async function start(stateDir: string | null = null, region = "us-east-1") {
  // No functions: the registry does not need the function runtime.
  const sb = await startSandbox({ functionsDir: null, runtimePath: "/nonexistent", stateDir });
  const client = new SchemasClient({ endpoint: sb.url, region, credentials, maxAttempts: 1 });
  open.push({ sb, client });
  return { sb, client };
}

afterEach(async () => {
  for (const { sb, client } of open.splice(0)) {
    client.destroy();
    await sb.close();
  }
});

const doc = (events: Record<string, unknown>) =>
  JSON.stringify({
    openapi: "3.0.0",
    info: { version: "1.0.0", title: "Event" },
    paths: {},
    components: { examples: events },
  });

describe("schema registry", () => {
  it("creates and describes a registry; a second create is a conflict, a missing one not found", async () => {
    const { client } = await start();
    await expect(client.send(new DescribeRegistryCommand({ RegistryName: R }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    const created = await client.send(new CreateRegistryCommand({ RegistryName: R }));
    expect(created.RegistryArn).toBe(`arn:aws:schemas:us-east-1:123456789012:registry/${R}`);
    expect((await client.send(new DescribeRegistryCommand({ RegistryName: R }))).RegistryName).toBe(R);
    await expect(client.send(new CreateRegistryCommand({ RegistryName: R }))).rejects.toBeInstanceOf(
      ConflictException,
    );
  });

  it("keeps every version of a schema and describes the latest or the one asked for", async () => {
    const { client } = await start();
    await client.send(new CreateRegistryCommand({ RegistryName: R }));
    const s = { RegistryName: R, SchemaName: "_orders-api-schema" };
    const c = await client.send(
      new CreateSchemaCommand({ ...s, Type: "OpenApi3", Content: doc({ a: { value: 1 } }) }),
    );
    expect(c.SchemaVersion).toBe("1");
    expect(c.VersionCreatedDate).toBeInstanceOf(Date);
    const u = await client.send(
      new UpdateSchemaCommand({ ...s, Type: "OpenApi3", Content: doc({ a: { value: 2 } }) }),
    );
    expect(u.SchemaVersion).toBe("2");
    const latest = await client.send(new DescribeSchemaCommand(s));
    expect(latest.SchemaVersion).toBe("2");
    expect(latest.Type).toBe("OpenApi3");
    expect(JSON.parse(latest.Content!).components.examples.a.value).toBe(2);
    const first = await client.send(new DescribeSchemaCommand({ ...s, SchemaVersion: "1" }));
    expect(JSON.parse(first.Content!).components.examples.a.value).toBe(1);
    const versions = await client.send(new ListSchemaVersionsCommand(s));
    expect(versions.SchemaVersions!.map((v) => v.SchemaVersion)).toEqual(["1", "2"]);
    await expect(
      client.send(new UpdateSchemaCommand({ ...s, Type: "OpenApi3", Content: doc({ a: { value: 2 } }) })),
    ).rejects.toThrow(/No change since the previous version/);
    await client.send(new DeleteSchemaVersionCommand({ ...s, SchemaVersion: "1" }));
    const u3 = await client.send(new UpdateSchemaCommand({ ...s, Content: doc({ a: { value: 3 } }) }));
    // Numbers keep counting after a deletion, so a version number never means two contents.
    expect(u3.SchemaVersion).toBe("3");
    expect(
      (await client.send(new ListSchemaVersionsCommand(s))).SchemaVersions!.map((v) => v.SchemaVersion),
    ).toEqual(["2", "3"]);
    await client.send(new DeleteSchemaCommand(s));
    await expect(client.send(new DescribeSchemaCommand(s))).rejects.toBeInstanceOf(NotFoundException);
  });

  it("refuses content that is not JSON or is longer than the service allows", async () => {
    const { client } = await start();
    await client.send(new CreateRegistryCommand({ RegistryName: R }));
    const s = { RegistryName: R, SchemaName: "_f-schema", Type: "OpenApi3" as const };
    await expect(client.send(new CreateSchemaCommand({ ...s, Content: "{nope" }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    const big = doc({ a: { value: "x".repeat(100_000) } });
    await expect(client.send(new CreateSchemaCommand({ ...s, Content: big }))).rejects.toThrow(/100000/);
    await expect(
      client.send(
        new CreateSchemaCommand({ ...s, SchemaName: "_g-schema", RegistryName: "missing", Content: doc({}) }),
      ),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it("lists schemas a page at a time, by prefix, per region", async () => {
    const { client, sb } = await start();
    await client.send(new CreateRegistryCommand({ RegistryName: R }));
    for (let i = 0; i < 7; i++)
      await client.send(
        new CreateSchemaCommand({
          RegistryName: R,
          SchemaName: `_fn${i}-schema`,
          Type: "OpenApi3",
          Content: doc({}),
        }),
      );
    const names: string[] = [];
    let pages = 0;
    for await (const p of paginateListSchemas({ client, pageSize: 3 }, { RegistryName: R })) {
      pages++;
      names.push(...p.Schemas!.map((s) => s.SchemaName!));
    }
    expect(pages).toBe(3);
    expect(names).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `_fn${i}-schema`));
    const one = await client.send(new ListSchemasCommand({ RegistryName: R, SchemaNamePrefix: "_fn4" }));
    expect(one.Schemas!.map((s) => [s.SchemaName, s.VersionCount])).toEqual([["_fn4-schema", 1]]);
    const other = new SchemasClient({ endpoint: sb.url, region: "eu-west-1", credentials, maxAttempts: 1 });
    await expect(other.send(new DescribeRegistryCommand({ RegistryName: R }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    other.destroy();
  });

  it("finds its registries again after a restart when given a state folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-sbstate-"));
    const a = await start(dir);
    await a.client.send(new CreateRegistryCommand({ RegistryName: R }));
    const s = { RegistryName: R, SchemaName: "_orders-api-schema" };
    await a.client.send(
      new CreateSchemaCommand({ ...s, Type: "OpenApi3", Content: doc({ keep: { value: { id: 1 } } }) }),
    );
    const { sb, client } = open.pop()!;
    client.destroy();
    await sb.close();
    const b = await start(dir);
    const got = await b.client.send(new DescribeSchemaCommand(s));
    expect(JSON.parse(got.Content!).components.examples.keep.value).toEqual({ id: 1 });
    const c = await start(null);
    await expect(c.client.send(new DescribeSchemaCommand(s))).rejects.toBeInstanceOf(NotFoundException);
  });

  it("will not start on a damaged state file, and says which", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-sbstate-"));
    await writeFile(path.join(dir, "schemas.json"), "{broken");
    await expect(start(dir)).rejects.toThrow(/schemas\.json is damaged/);
  });
});
