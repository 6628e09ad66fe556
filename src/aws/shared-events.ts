// Shared test events in the schema registry, read and written as the Lambda console and SAM
// CLI do (docs/events.md): one schema per function in lambda-testevent-schemas, each change a
// new schema version. The registry has no conditional write, so a change made since the
// version the caller read is caught by comparing SchemaVersion just before writing.
import {
  CreateRegistryCommand,
  CreateSchemaCommand,
  DeleteSchemaCommand,
  DeleteSchemaVersionCommand,
  DescribeRegistryCommand,
  DescribeSchemaCommand,
  ListSchemaVersionsCommand,
  UpdateSchemaCommand,
  type SchemasClient,
} from "@aws-sdk/client-schemas";
import {
  MAX_SCHEMA_VERSIONS,
  TEST_EVENT_REGISTRY,
  TEST_EVENT_SCHEMA_TYPE,
  getSharedEvent,
  listSharedEvents,
  putSharedEvent,
  removeSharedEvent,
  schemaNameFor,
  type SharedEvent,
} from "../core/test-events.js";
import type { Clients } from "./clients.js";
import { AwsFailure, describeAwsError } from "./errors.js";

export type SharedEventsProblem = "no-registry" | "no-events" | "no-event" | "conflict" | "invalid";

/** A failure a user acts on: nothing was written when it is thrown. */
export class SharedEventsError extends Error {
  constructor(
    readonly problem: SharedEventsProblem,
    message: string,
  ) {
    super(message);
    this.name = "SharedEventsError";
  }
}

const FORBIDDEN =
  "you may not use the schema registry that holds shared test events (lambda-testevent-schemas)";
const FORBIDDEN_HINT =
  "Ask for schemas:* permissions on it, or keep the event private (leave out --shared). Nothing was changed.";

interface Current {
  content: string;
  version: string;
}

const errName = (err: unknown) => (err as { name?: string })?.name ?? "";

/** Turns the SDK's errors into ours; NotFound is left to the caller, which knows what was missing. */
function fail(err: unknown, clients: Clients): never {
  if (err instanceof SharedEventsError || err instanceof AwsFailure) throw err;
  const name = errName(err);
  if (name === "ForbiddenException" || name === "UnauthorizedException" || name === "AccessDeniedException")
    throw new AwsFailure("access-denied", FORBIDDEN, FORBIDDEN_HINT, name);
  throw describeAwsError(err, {
    profile: clients.profile,
    region: clients.region,
    endpoint: clients.endpoint,
  });
}

async function call<T>(clients: Clients, fn: (c: SchemasClient) => Promise<T>): Promise<T> {
  try {
    return await fn(await clients.schemas());
  } catch (err) {
    fail(err, clients);
  }
}

async function registryExists(clients: Clients, signal?: AbortSignal): Promise<boolean> {
  try {
    await (
      await clients.schemas()
    ).send(new DescribeRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY }), {
      abortSignal: signal,
    });
    return true;
  } catch (err) {
    if (errName(err) === "NotFoundException") return false;
    fail(err, clients);
  }
}

/** The function's schema, or null when the registry or the schema does not exist. */
async function current(clients: Clients, fn: string, signal?: AbortSignal): Promise<Current | null> {
  try {
    const out = await (
      await clients.schemas()
    ).send(new DescribeSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: schemaNameFor(fn) }), {
      abortSignal: signal,
    });
    return { content: out.Content ?? "", version: out.SchemaVersion ?? "" };
  } catch (err) {
    if (errName(err) === "NotFoundException") return null;
    fail(err, clients);
  }
}

function invalid(err: unknown): never {
  throw new SharedEventsError("invalid", (err as Error).message);
}

export interface SharedList {
  names: string[];
  /** The schema version the names come from; null when the function has no shared events. */
  version: string | null;
  registryExists: boolean;
}

export async function listShared(clients: Clients, fn: string, signal?: AbortSignal): Promise<SharedList> {
  const cur = await current(clients, fn, signal);
  if (!cur) return { names: [], version: null, registryExists: await registryExists(clients, signal) };
  try {
    return { names: listSharedEvents(cur.content), version: cur.version, registryExists: true };
  } catch (err) {
    invalid(err);
  }
}

/** Every shared event of the function with its payload, for a chooser: one call. */
export async function loadShared(
  clients: Clients,
  fn: string,
  signal?: AbortSignal,
): Promise<{ events: SharedEvent[]; version: string | null }> {
  const cur = await current(clients, fn, signal);
  if (!cur) return { events: [], version: null };
  try {
    const events = listSharedEvents(cur.content).flatMap((n) => getSharedEvent(cur.content, n) ?? []);
    return { events, version: cur.version };
  } catch (err) {
    invalid(err);
  }
}

export async function getShared(
  clients: Clients,
  fn: string,
  name: string,
  signal?: AbortSignal,
): Promise<SharedEvent & { version: string }> {
  const cur = await current(clients, fn, signal);
  if (!cur) {
    const exists = await registryExists(clients, signal);
    throw exists
      ? new SharedEventsError("no-events", `${fn} has no shared test events`)
      : new SharedEventsError(
          "no-registry",
          `there are no shared test events here yet (the registry ${TEST_EVENT_REGISTRY} does not exist)`,
        );
  }
  let event: SharedEvent | null;
  try {
    event = getSharedEvent(cur.content, name);
  } catch (err) {
    invalid(err);
  }
  if (!event) throw new SharedEventsError("no-event", `${fn} has no shared test event named "${name}"`);
  return { ...event, version: cur.version };
}

function checkExpected(fn: string, cur: Current | null, expect: string | undefined): void {
  if (expect === undefined) return;
  const now = cur?.version ?? "none";
  if (now !== expect)
    throw new SharedEventsError(
      "conflict",
      cur
        ? `${fn}'s shared events changed since version ${expect} (now version ${now}): someone else saved them. Nothing was written; load them again and redo your change.`
        : `${fn}'s shared events were deleted since version ${expect}. Nothing was written.`,
    );
}

/** SAM CLI keeps at most MAX_SCHEMA_VERSIONS versions, deleting the oldest before an update. */
async function limitVersions(clients: Clients, schemaName: string): Promise<void> {
  const versions: string[] = [];
  let token: string | undefined;
  do {
    const page = await call(clients, (c) =>
      c.send(
        new ListSchemaVersionsCommand({
          RegistryName: TEST_EVENT_REGISTRY,
          SchemaName: schemaName,
          NextToken: token,
        }),
      ),
    );
    versions.push(...(page.SchemaVersions ?? []).map((v) => v.SchemaVersion ?? ""));
    token = page.NextToken;
  } while (token);
  versions.sort((a, b) => Number(a) - Number(b));
  if (versions.length < MAX_SCHEMA_VERSIONS) return;
  try {
    await (
      await clients.schemas()
    ).send(
      new DeleteSchemaVersionCommand({
        RegistryName: TEST_EVENT_REGISTRY,
        SchemaName: schemaName,
        SchemaVersion: versions[0],
      }),
    );
  } catch (err) {
    if (errName(err) !== "NotFoundException") fail(err, clients);
  }
}

/** Writes a new version; "No change since the previous version" is success, as in SAM CLI. */
async function update(clients: Clients, schemaName: string, content: string, read: string): Promise<string> {
  try {
    const out = await (
      await clients.schemas()
    ).send(
      new UpdateSchemaCommand({
        RegistryName: TEST_EVENT_REGISTRY,
        SchemaName: schemaName,
        Type: TEST_EVENT_SCHEMA_TYPE,
        Content: content,
      }),
    );
    return out.SchemaVersion ?? "";
  } catch (err) {
    if (errName(err) === "ConflictException" && /no change/i.test((err as Error).message)) return read;
    fail(err, clients);
  }
}

export interface SharedWrite {
  /** The schema version now holding the events; null once the last one was deleted. */
  version: string | null;
  createdRegistry: boolean;
  replaced: boolean;
  /**
   * Set when another write landed between our check and our update: theirs is not lost, it
   * is this earlier version of the schema.
   */
  overtook: string | null;
}

function overtaken(read: string, written: string): string | null {
  const gap = Number(written) - Number(read);
  return Number.isFinite(gap) && gap > 1 ? String(Number(written) - 1) : null;
}

export interface WriteOptions {
  /** Fail with a conflict unless the schema is still at this version (what the caller read). */
  expectVersion?: string | undefined;
  invocationType?: string;
}

export async function putShared(
  clients: Clients,
  fn: string,
  name: string,
  value: unknown,
  options: WriteOptions = {},
): Promise<SharedWrite> {
  const schemaName = schemaNameFor(fn);
  let createdRegistry = false;
  if (!(await registryExists(clients))) {
    try {
      await (await clients.schemas()).send(new CreateRegistryCommand({ RegistryName: TEST_EVENT_REGISTRY }));
      createdRegistry = true;
    } catch (err) {
      // Someone else created it meanwhile: that is what we wanted.
      if (errName(err) !== "ConflictException") fail(err, clients);
    }
  }
  const cur = await current(clients, fn);
  checkExpected(fn, cur, options.expectVersion);
  const metadata = { invocationType: options.invocationType ?? "RequestResponse" };
  let content: string;
  let replaced = false;
  try {
    replaced = cur ? listSharedEvents(cur.content).includes(name) : false;
    content = putSharedEvent(cur?.content ?? null, name, value, metadata);
  } catch (err) {
    invalid(err);
  }
  if (!cur) {
    try {
      const out = await (
        await clients.schemas()
      ).send(
        new CreateSchemaCommand({
          RegistryName: TEST_EVENT_REGISTRY,
          SchemaName: schemaName,
          Type: TEST_EVENT_SCHEMA_TYPE,
          Content: content,
        }),
      );
      return { version: out.SchemaVersion ?? "1", createdRegistry, replaced, overtook: null };
    } catch (err) {
      if (errName(err) === "ConflictException")
        throw new SharedEventsError(
          "conflict",
          `someone else saved ${fn}'s first shared events just now. Nothing was written; load them and try again.`,
        );
      fail(err, clients);
    }
  }
  await limitVersions(clients, schemaName);
  const version = await update(clients, schemaName, content, cur.version);
  return { version, createdRegistry, replaced, overtook: overtaken(cur.version, version) };
}

export async function deleteShared(
  clients: Clients,
  fn: string,
  name: string,
  options: WriteOptions = {},
): Promise<SharedWrite> {
  const schemaName = schemaNameFor(fn);
  const cur = await current(clients, fn);
  checkExpected(fn, cur, options.expectVersion);
  if (!cur) {
    const exists = await registryExists(clients);
    throw new SharedEventsError(
      exists ? "no-events" : "no-registry",
      exists
        ? `${fn} has no shared test events`
        : `there are no shared test events here (the registry ${TEST_EVENT_REGISTRY} does not exist)`,
    );
  }
  let content: string | null;
  try {
    if (!listSharedEvents(cur.content).includes(name))
      throw new SharedEventsError("no-event", `${fn} has no shared test event named "${name}"`);
    content = removeSharedEvent(cur.content, name);
  } catch (err) {
    if (err instanceof SharedEventsError) throw err;
    invalid(err);
  }
  if (content === null) {
    // The last event goes with its schema, as SAM CLI does.
    await call(clients, (c) =>
      c.send(new DeleteSchemaCommand({ RegistryName: TEST_EVENT_REGISTRY, SchemaName: schemaName })),
    );
    return { version: null, createdRegistry: false, replaced: false, overtook: null };
  }
  await limitVersions(clients, schemaName);
  const version = await update(clients, schemaName, content, cur.version);
  return { version, createdRegistry: false, replaced: false, overtook: overtaken(cur.version, version) };
}
