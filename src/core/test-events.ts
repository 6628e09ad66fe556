// Shared test events as the Lambda console and SAM CLI store them: one OpenAPI 3 document per
// function in the schema registry, each event at components.examples.<name>.value (see
// docs/events.md for the source). Everything here works on the document's text and keeps
// whatever else the document holds (other events, metadata, fields we do not know).

export const TEST_EVENT_REGISTRY = "lambda-testevent-schemas";
export const TEST_EVENT_SCHEMA_TYPE = "OpenApi3";
/** SAM CLI's MAX_SCHEMA_VERSIONS: before an update it deletes the oldest beyond this. */
export const MAX_SCHEMA_VERSIONS = 5;
/** SAM CLI's MAX_EVENT_SIZE (Lambda's synchronous payload limit, as SAM CLI counts it). */
export const MAX_EVENT_BYTES = 6_144_000;

/** The console's form accepts these names; anything it cannot open we do not create. */
const CONSOLE_NAME = /^[A-Za-z0-9._-]{1,25}$/;

export class TestEventError extends Error {
  override name = "TestEventError";
}

type Json = Record<string, unknown>;

export interface SharedEvent {
  name: string;
  /** The payload, as JSON text (pretty-printed: the registry keeps values, not text). */
  payload: string;
  metadata: Record<string, unknown>;
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `_<function-name>-schema`; an ARN (with or without a qualifier) names its function. */
export function schemaNameFor(fn: string): string {
  const arn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(fn);
  const partial = /^\d{12}:function:([^:]+)/.exec(fn);
  return `_${arn?.[1] ?? partial?.[1] ?? fn}-schema`;
}

/** Why a name cannot be used for a new event, or null when it can. */
export function eventNameProblem(name: string): string | null {
  if (name.length === 0) return "an event name cannot be empty";
  if (!CONSOLE_NAME.test(name))
    return `"${name}" is not a name the Lambda console accepts: use at most 25 letters, digits, ".", "-" or "_"`;
  return null;
}

/** The payload as a JSON value, or a message saying what is wrong with it. */
export function parsePayload(text: string): unknown {
  if (Buffer.byteLength(text, "utf8") > MAX_EVENT_BYTES)
    throw new TestEventError(
      `the event is larger than ${MAX_EVENT_BYTES.toLocaleString("en-US")} bytes, the most Lambda accepts`,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TestEventError(`a shared event must be JSON: ${(err as Error).message}`);
  }
}

function parseDocument(content: string): Json & { components: Json } {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw new TestEventError("the shared events' schema is not JSON; fix or delete it in the console");
  }
  if (!isObject(doc) || !isObject(doc.components))
    throw new TestEventError("the shared events' schema has no components; fix or delete it in the console");
  return doc as Json & { components: Json };
}

function examplesOf(doc: { components: Json }): Json {
  const ex = doc.components.examples;
  return isObject(ex) ? ex : {};
}

export function listSharedEvents(content: string): string[] {
  return Object.keys(examplesOf(parseDocument(content)));
}

export function getSharedEvent(content: string, name: string): SharedEvent | null {
  const ex = examplesOf(parseDocument(content))[name];
  if (!isObject(ex) || !("value" in ex)) return null;
  const metadata = isObject(ex["x-metadata"]) ? ex["x-metadata"] : {};
  return { name, payload: JSON.stringify(ex.value, null, 2), metadata };
}

/** OpenAPI schema of a value, in the shape the registry's schema discovery gives. */
export function schemaOf(value: unknown): Json {
  if (value === null) return { type: "object", nullable: true };
  if (Array.isArray(value)) return { type: "array", items: value.length ? schemaOf(value[0]) : {} };
  switch (typeof value) {
    case "string":
      return { type: "string" };
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "object": {
      const props = Object.entries(value as Json);
      return {
        type: "object",
        ...(props.length ? { required: props.map(([k]) => k).sort() } : {}),
        properties: Object.fromEntries(props.map(([k, v]) => [k, schemaOf(v)])),
      };
    }
    default:
      return {};
  }
}

/** A new document for a function's first shared event. */
export function newDocument(value: unknown): string {
  return JSON.stringify({
    openapi: "3.0.0",
    info: { version: "1.0.0", title: "Event" },
    paths: {},
    components: { schemas: { Event: schemaOf(value) } },
  });
}

/**
 * The document with `name` set to `value`; `content` null starts a new document. Other events,
 * the event's own extra fields and anything else in the document are kept.
 */
export function putSharedEvent(
  content: string | null,
  name: string,
  value: unknown,
  metadata: Record<string, unknown> = { invocationType: "RequestResponse" },
): string {
  const doc = parseDocument(content ?? newDocument(value));
  const examples = examplesOf(doc);
  const old = examples[name];
  const oldMeta = isObject(old) && isObject(old["x-metadata"]) ? old["x-metadata"] : {};
  doc.components.examples = {
    ...examples,
    [name]: { ...(isObject(old) ? old : {}), value, "x-metadata": { ...oldMeta, ...metadata } },
  };
  return JSON.stringify(doc);
}

/** The document without `name`, or null when it was the last event (delete the schema). */
export function removeSharedEvent(content: string, name: string): string | null {
  const doc = parseDocument(content);
  const examples = { ...examplesOf(doc) };
  if (!(name in examples)) throw new TestEventError(`there is no shared event named "${name}"`);
  delete examples[name];
  if (Object.keys(examples).length === 0) return null;
  doc.components.examples = examples;
  return JSON.stringify(doc);
}
