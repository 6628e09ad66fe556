// The part of the EventBridge Schemas API (restJson1 under /v1/registries) that the Lambda
// console's shareable test events use: registries and schemas, created, described, listed,
// updated (each update a new version) and deleted. Shapes follow @aws-sdk/client-schemas'
// model; errors are the service's NotFound / Conflict / BadRequest with {Code, Message}.
import { AwsError } from "../errors.js";
import { ACCOUNT } from "../lambda/registry.js";
import type { LambdaRequest, LambdaResponse } from "../lambda/api.js";
import type { RegistryRecord, SchemaRecord, SchemaStore } from "./store.js";

export const SCHEMAS_PREFIX = "/v1/";

/** The service's limit on a schema's Content (characters). */
const MAX_CONTENT = 100_000;
const TYPES = new Set(["OpenApi3", "JSONSchemaDraft4"]);

const json = (body: unknown, status = 200): LambdaResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const empty = (): LambdaResponse => ({ status: 204, headers: {}, body: "" });

const notFound = (m: string) => new AwsError(404, "NotFoundException", m);
const conflict = (m: string) => new AwsError(409, "ConflictException", m);
const badRequest = (m: string) => new AwsError(400, "BadRequestException", m);

export function schemasError(err: AwsError): LambdaResponse {
  return {
    status: err.status,
    headers: { "content-type": "application/json", "x-amzn-errortype": err.code },
    body: JSON.stringify({ Code: err.code, Message: err.message }),
  };
}

function bodyOf(req: LambdaRequest): Record<string, unknown> {
  if (req.bodyTooLarge) throw badRequest("The request body is too large.");
  if (req.body.length === 0) return {};
  try {
    const v = JSON.parse(req.body.toString("utf8")) as unknown;
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw badRequest("The request body is not a JSON object.");
}

function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`${key} must be a string.`);
  return v;
}

function tagsOf(body: Record<string, unknown>): Record<string, string> {
  const t = body.tags;
  if (t === undefined) return {};
  if (typeof t !== "object" || t === null || Array.isArray(t)) throw badRequest("tags must be a map.");
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, String(v)]));
}

function checkContent(content: string | undefined, type: string): string {
  if (!content) throw badRequest("Content is required.");
  if (content.length > MAX_CONTENT)
    throw badRequest(
      `1 validation error detected: Value at 'content' failed to satisfy constraint: Member must have length less than or equal to ${MAX_CONTENT}`,
    );
  try {
    JSON.parse(content);
  } catch {
    throw badRequest(`Invalid content: the ${type} schema is not valid JSON.`);
  }
  return content;
}

function checkType(type: string | undefined): string {
  if (!type || !TYPES.has(type)) throw badRequest("Type must be OpenApi3 or JSONSchemaDraft4.");
  return type;
}

/** A page of `items` from the query's limit and nextToken (an offset we handed out). */
function page<T>(items: T[], q: URLSearchParams): { items: T[]; next: string | undefined } {
  const limit = q.has("limit") ? Number(q.get("limit")) : 100;
  if (!Number.isInteger(limit) || limit < 1) throw badRequest("limit must be a positive whole number.");
  const token = q.get("nextToken");
  const start = token ? Number(Buffer.from(token, "base64url").toString("utf8")) : 0;
  if (!Number.isInteger(start) || start < 0) throw badRequest("The nextToken is not valid.");
  const end = start + limit;
  return {
    items: items.slice(start, end),
    next: end < items.length ? Buffer.from(String(end)).toString("base64url") : undefined,
  };
}

export class SchemasApi {
  constructor(private readonly store: SchemaStore) {}

  handle(req: LambdaRequest): LambdaResponse {
    const parts = req.path.split("/").slice(1).map(decodeURIComponent);
    // v1 registries name R [schemas [name S [versions | version V]]]
    if (parts[0] !== "v1" || parts[1] !== "registries" || parts[2] !== "name" || !parts[3])
      throw notFound(`No Schemas operation at ${req.method} ${req.path}.`);
    const region = req.scope.region;
    const registryName = parts[3];
    const rest = parts.slice(4);
    const m = req.method;
    if (rest.length === 0) {
      if (m === "POST") return this.createRegistry(req, registryName);
      if (m === "GET") return json(this.describeRegistry(region, this.registry(region, registryName)));
      if (m === "DELETE") return this.deleteRegistry(region, registryName);
    } else if (rest[0] === "schemas") {
      const registry = this.registry(region, registryName);
      if (rest.length === 1 && m === "GET") return this.listSchemas(req, registry);
      if (rest[1] === "name" && rest[2]) {
        const name = rest[2];
        if (rest.length === 3) {
          if (m === "POST") return this.createSchema(req, registry, name);
          if (m === "GET") return this.describeSchema(req, registry, this.schema(registry, name));
          if (m === "PUT") return this.updateSchema(req, registry, this.schema(registry, name));
          if (m === "DELETE") return this.deleteSchema(registry, name);
        }
        if (rest.length === 4 && rest[3] === "versions" && m === "GET")
          return this.listVersions(req, registry, this.schema(registry, name));
        if (rest.length === 5 && rest[3] === "version" && m === "DELETE")
          return this.deleteVersion(registry, this.schema(registry, name), rest[4]!);
      }
    }
    throw notFound(`No Schemas operation at ${m} ${req.path}.`);
  }

  private registryArn = (region: string, r: string) => `arn:aws:schemas:${region}:${ACCOUNT}:registry/${r}`;
  private schemaArn = (region: string, r: string, s: string) =>
    `arn:aws:schemas:${region}:${ACCOUNT}:schema/${r}/${s}`;

  private registry(region: string, name: string): RegistryRecord & { region: string } {
    const r = this.store.registries(region)[name];
    if (!r) throw notFound(`Registry with name ${name} does not exist.`);
    // A view with the region: the stored record stays as it is (its schemas are shared).
    return { ...r, region };
  }

  private schema(registry: RegistryRecord, name: string): SchemaRecord {
    const s = registry.schemas[name];
    if (!s) throw notFound(`Schema with name ${name} does not exist.`);
    return s;
  }

  private describeRegistry(region: string, r: RegistryRecord) {
    return {
      Description: r.description || undefined,
      RegistryArn: this.registryArn(region, r.name),
      RegistryName: r.name,
      tags: r.tags,
    };
  }

  private createRegistry(req: LambdaRequest, name: string): LambdaResponse {
    const all = this.store.registries(req.scope.region);
    if (all[name]) throw conflict(`Registry with name ${name} already exists.`);
    const body = bodyOf(req);
    all[name] = { name, description: str(body, "Description") ?? "", tags: tagsOf(body), schemas: {} };
    this.store.save();
    return json(this.describeRegistry(req.scope.region, all[name]), 201);
  }

  private deleteRegistry(region: string, name: string): LambdaResponse {
    const all = this.store.registries(region);
    if (!all[name]) throw notFound(`Registry with name ${name} does not exist.`);
    delete all[name];
    this.store.save();
    return empty();
  }

  private versionOut(registry: RegistryRecord & { region: string }, s: SchemaRecord, version?: string) {
    const v = version === undefined ? s.versions.at(-1) : s.versions.find((x) => x.version === version);
    if (!v) throw notFound(`Schema version ${version} of ${s.name} does not exist.`);
    return {
      Content: v.content,
      Description: s.description || undefined,
      LastModified: s.lastModified,
      SchemaArn: this.schemaArn(registry.region, registry.name, s.name),
      SchemaName: s.name,
      SchemaVersion: v.version,
      tags: s.tags,
      Type: v.type,
      VersionCreatedDate: v.createdAt,
    };
  }

  private describeSchema(
    req: LambdaRequest,
    registry: RegistryRecord & { region: string },
    s: SchemaRecord,
  ): LambdaResponse {
    return json(this.versionOut(registry, s, req.query.get("schemaVersion") ?? undefined));
  }

  private withoutContent(out: ReturnType<SchemasApi["versionOut"]>) {
    const { Content: _content, ...rest } = out;
    return rest;
  }

  private createSchema(
    req: LambdaRequest,
    registry: RegistryRecord & { region: string },
    name: string,
  ): LambdaResponse {
    if (registry.schemas[name]) throw conflict(`Schema with name ${name} already exists.`);
    const body = bodyOf(req);
    const type = checkType(str(body, "Type"));
    const content = checkContent(str(body, "Content"), type);
    const now = new Date().toISOString();
    const s: SchemaRecord = {
      name,
      description: str(body, "Description") ?? "",
      tags: tagsOf(body),
      lastModified: now,
      next: 2,
      versions: [{ version: "1", content, type, createdAt: now }],
    };
    registry.schemas[name] = s;
    this.store.save();
    return json(this.withoutContent(this.versionOut(registry, s)), 201);
  }

  private updateSchema(
    req: LambdaRequest,
    registry: RegistryRecord & { region: string },
    s: SchemaRecord,
  ): LambdaResponse {
    const body = bodyOf(req);
    const latest = s.versions.at(-1)!;
    const type = body.Type === undefined ? latest.type : checkType(str(body, "Type"));
    const content = body.Content === undefined ? latest.content : checkContent(str(body, "Content"), type);
    const description = str(body, "Description");
    if (content === latest.content && type === latest.type && description === undefined)
      throw conflict("No change since the previous version of the schema.");
    if (description !== undefined) s.description = description;
    const now = new Date().toISOString();
    s.lastModified = now;
    if (content !== latest.content || type !== latest.type)
      s.versions.push({ version: String(s.next++), content, type, createdAt: now });
    this.store.save();
    return json(this.withoutContent(this.versionOut(registry, s)));
  }

  private deleteSchema(registry: RegistryRecord, name: string): LambdaResponse {
    if (!registry.schemas[name]) throw notFound(`Schema with name ${name} does not exist.`);
    delete registry.schemas[name];
    this.store.save();
    return empty();
  }

  private deleteVersion(registry: RegistryRecord, s: SchemaRecord, version: string): LambdaResponse {
    const i = s.versions.findIndex((v) => v.version === version);
    if (i < 0) throw notFound(`Schema version ${version} of ${s.name} does not exist.`);
    if (i === s.versions.length - 1)
      throw badRequest("The latest version of a schema cannot be deleted; delete the schema instead.");
    s.versions.splice(i, 1);
    this.store.save();
    return empty();
  }

  private listSchemas(req: LambdaRequest, registry: RegistryRecord & { region: string }): LambdaResponse {
    const prefix = req.query.get("schemaNamePrefix") ?? "";
    const all = Object.values(registry.schemas)
      .filter((s) => s.name.startsWith(prefix))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const { items, next } = page(all, req.query);
    return json({
      Schemas: items.map((s) => ({
        LastModified: s.lastModified,
        SchemaArn: this.schemaArn(registry.region, registry.name, s.name),
        SchemaName: s.name,
        tags: s.tags,
        VersionCount: s.versions.length,
      })),
      NextToken: next,
    });
  }

  private listVersions(
    req: LambdaRequest,
    registry: RegistryRecord & { region: string },
    s: SchemaRecord,
  ): LambdaResponse {
    const { items, next } = page(s.versions, req.query);
    return json({
      SchemaVersions: items.map((v) => ({
        SchemaArn: this.schemaArn(registry.region, registry.name, s.name),
        SchemaName: s.name,
        SchemaVersion: v.version,
        Type: v.type,
      })),
      NextToken: next,
    });
  }
}
