// `lambda-explorer events`: a function's named test events, private (files on this machine)
// or shared (--shared: the schema registry the Lambda console and SAM CLI use).
import type { Command } from "commander";
import type { Clients } from "../../aws/clients.js";
import { connect, withAwsErrors, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT, UserError } from "../exit-codes.js";
import { readPayload } from "../read-input.js";
import { escapeControl } from "../text.js";

interface EventsFlags extends ConnectionFlags {
  shared?: boolean;
  json?: boolean;
  payload?: string;
  payloadFile?: string;
  expectVersion?: string;
}

type Action = (clients: Clients, fn: string, flags: EventsFlags, name?: string) => Promise<void>;

const out = (v: unknown): void => void process.stdout.write(JSON.stringify(v) + "\n");
const note = (text: string) => process.stderr.write(`${escapeControl(text)}\n`);

async function scopeOf(clients: Clients, fn: string) {
  const { bareFunctionName } = await import("../../state/usage.js");
  return {
    scope: { profile: clients.profile, region: clients.region, endpoint: clients.endpoint },
    name: bareFunctionName(fn),
  };
}

/** Runs an action with clients, mapping our failures to messages and exit codes. */
async function run(fn: string, flags: EventsFlags, action: Action, name?: string): Promise<void> {
  const { SharedEventsError } = await import("../../aws/shared-events.js");
  const { PrivateEventsError } = await import("../../state/test-events.js");
  const { TestEventError } = await import("../../core/test-events.js");
  const clients = await connect(flags);
  try {
    await withAwsErrors(() => action(clients, fn, flags, name));
  } catch (err) {
    if (err instanceof SharedEventsError)
      throw new UserError(
        err.message,
        err.problem === "conflict" || err.problem === "invalid" ? EXIT.aws : EXIT.usage,
      );
    if (err instanceof PrivateEventsError) throw new UserError(err.message, EXIT.usage);
    if (err instanceof TestEventError) throw new UserError(err.message, EXIT.usage);
    throw err;
  } finally {
    clients.destroy();
  }
}

const list: Action = async (clients, fn, flags) => {
  const { scope, name: bare } = await scopeOf(clients, fn);
  if (flags.shared) {
    const { listShared } = await import("../../aws/shared-events.js");
    const r = await listShared(clients, bare);
    if (flags.json)
      return out({
        function: bare,
        kind: "shared",
        events: r.names.map((name) => ({ name })),
        schemaVersion: r.version,
        registryExists: r.registryExists,
      });
    for (const n of r.names) process.stdout.write(`${escapeControl(n)}\n`);
    if (r.names.length === 0)
      note(
        r.registryExists
          ? `${bare} has no shared test events.`
          : `No shared test events in ${clients.region} yet: the registry lambda-testevent-schemas does not exist (events put --shared creates it).`,
      );
    return;
  }
  const { listPrivateEvents } = await import("../../state/test-events.js");
  const events = await listPrivateEvents(scope, bare);
  if (flags.json)
    return out({
      function: bare,
      kind: "private",
      events: events.map(({ name, savedAt }) => ({ name, savedAt })),
    });
  for (const e of events) process.stdout.write(`${escapeControl(e.name)}\n`);
  if (events.length === 0)
    note(`${bare} has no private test events (events put ${bare} NAME --payload … saves one).`);
};

const get: Action = async (clients, fn, flags, name) => {
  const { scope, name: bare } = await scopeOf(clients, fn);
  if (flags.shared) {
    const { getShared } = await import("../../aws/shared-events.js");
    const e = await getShared(clients, bare, name!);
    if (flags.json)
      return out({
        function: bare,
        kind: "shared",
        name: e.name,
        payload: e.payload,
        metadata: e.metadata,
        schemaVersion: e.version,
      });
    process.stdout.write(`${e.payload}\n`);
    return;
  }
  const { getPrivateEvent } = await import("../../state/test-events.js");
  const e = await getPrivateEvent(scope, bare, name!);
  if (!e)
    throw new UserError(
      `${bare} has no private test event named "${name}" (events list ${bare} shows them; --shared looks in the registry)`,
    );
  if (flags.json)
    return out({ function: bare, kind: "private", name: e.name, payload: e.payload, savedAt: e.savedAt });
  process.stdout.write(e.payload.endsWith("\n") ? e.payload : `${e.payload}\n`);
};

const put: Action = async (clients, fn, flags, name) => {
  const { eventNameProblem, parsePayload } = await import("../../core/test-events.js");
  const problem = eventNameProblem(name!);
  if (problem) throw new UserError(problem);
  if (flags.payload === undefined && flags.payloadFile === undefined)
    throw new UserError(
      "give the event's payload: --payload JSON or --payload-file FILE (- for standard input)",
    );
  const text = await readPayload(flags, false);
  const value = parsePayload(text);
  const { scope, name: bare } = await scopeOf(clients, fn);
  if (flags.shared) {
    const { putShared } = await import("../../aws/shared-events.js");
    const w = await putShared(clients, bare, name!, value, { expectVersion: flags.expectVersion });
    if (w.createdRegistry)
      note(
        `Created the schema registry lambda-testevent-schemas in ${clients.region}: this is its first shared test event.`,
      );
    if (w.overtook)
      note(
        `Someone else saved ${bare}'s shared events at the same moment; their change is kept as schema version ${w.overtook}.`,
      );
    if (flags.json)
      return out({
        function: bare,
        kind: "shared",
        name,
        schemaVersion: w.version,
        replaced: w.replaced,
        createdRegistry: w.createdRegistry,
      });
    note(
      `${w.replaced ? "Replaced" : "Saved"} shared test event "${name}" for ${bare} (schema version ${w.version}).`,
    );
    return;
  }
  const { putPrivateEvent } = await import("../../state/test-events.js");
  const { replaced } = await putPrivateEvent(scope, bare, name!, text);
  if (flags.json) return out({ function: bare, kind: "private", name, replaced });
  note(`${replaced ? "Replaced" : "Saved"} private test event "${name}" for ${bare}.`);
};

const remove: Action = async (clients, fn, flags, name) => {
  const { scope, name: bare } = await scopeOf(clients, fn);
  if (flags.shared) {
    const { deleteShared } = await import("../../aws/shared-events.js");
    const w = await deleteShared(clients, bare, name!, { expectVersion: flags.expectVersion });
    if (flags.json) return out({ function: bare, kind: "shared", name, schemaVersion: w.version });
    note(
      `Deleted shared test event "${name}" of ${bare}${w.version ? ` (schema version ${w.version})` : " (it was the last: the schema is gone too)"}.`,
    );
    return;
  }
  const { deletePrivateEvent } = await import("../../state/test-events.js");
  if (!(await deletePrivateEvent(scope, bare, name!)))
    throw new UserError(`${bare} has no private test event named "${name}"`);
  if (flags.json) return out({ function: bare, kind: "private", name });
  note(`Deleted private test event "${name}" of ${bare}.`);
};

function common(cmd: Command, json = "print JSON"): Command {
  return withConnectionOptions(
    cmd
      .argument("<function>", "function name or ARN")
      .option(
        "--shared",
        "the shared events in the schema registry (as the Lambda console and SAM CLI keep them)",
      )
      .option("--json", json),
  );
}

export function registerEvents(program: Command): void {
  const events = program
    .command("events")
    .description("a function's named test events: private on this machine, or shared (--shared)")
    .addHelpText(
      "after",
      `
Private events are files in the state directory (this machine only). Shared events live in the
account's schema registry lambda-testevent-schemas, where the Lambda console and
\`sam remote test-event\` read and write them. invoke FUNCTION --event NAME runs one.

Examples:
  $ lambda-explorer events put orders-api big-order --payload '{"id": 42}'
  $ lambda-explorer events put orders-api big-order --payload-file event.json --shared
  $ lambda-explorer events list orders-api --shared
  $ lambda-explorer invoke orders-api --event big-order`,
    );
  common(events.command("list").description("list a function's test events")).action(
    (fn: string, flags: EventsFlags) => run(fn, flags, list),
  );
  common(events.command("get").description("print a test event's payload"))
    .argument("<name>", "event name")
    .action((fn: string, name: string, flags: EventsFlags) => run(fn, flags, get, name));
  common(events.command("put").description("save a test event (replacing one of the same name)"))
    .argument("<name>", "event name: up to 25 letters, digits, . - _ (as the Lambda console allows)")
    .option("--payload <json>", "the payload, as JSON text")
    .option("--payload-file <file>", "read the payload from a file (- for standard input)")
    .option(
      "--expect-version <n>",
      "shared only: fail, writing nothing, unless the shared events are still at this schema version (from events get/list --json)",
    )
    .action((fn: string, name: string, flags: EventsFlags) => run(fn, flags, put, name));
  common(events.command("delete").description("delete a test event"))
    .argument("<name>", "event name")
    .option(
      "--expect-version <n>",
      "shared only: fail unless the shared events are still at this schema version",
    )
    .action((fn: string, name: string, flags: EventsFlags) => run(fn, flags, remove, name));
}

/**
 * The payload of a named event for invoke: private first, then shared; only shared with
 * `sharedOnly`. Says where it looked when there is none.
 */
export async function eventPayload(
  clients: Clients,
  fn: string,
  name: string,
  sharedOnly: boolean,
): Promise<string> {
  const { scope, name: bare } = await scopeOf(clients, fn);
  if (!sharedOnly) {
    const { getPrivateEvent, PrivateEventsError } = await import("../../state/test-events.js");
    try {
      const e = await getPrivateEvent(scope, bare, name);
      if (e) return e.payload;
    } catch (err) {
      if (err instanceof PrivateEventsError) throw new UserError(err.message);
      throw err;
    }
  }
  const { getShared, SharedEventsError } = await import("../../aws/shared-events.js");
  try {
    return (await getShared(clients, bare, name)).payload;
  } catch (err) {
    if (err instanceof SharedEventsError)
      throw new UserError(
        `no test event named "${name}" for ${bare}${sharedOnly ? "" : " (neither private nor shared)"}: ${err.message}. events list ${bare} shows the private ones, with --shared the shared ones.`,
      );
    throw err;
  }
}
