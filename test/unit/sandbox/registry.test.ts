import { describe, expect, it } from "vitest";
import { parseFunctionConfig, type FunctionSpec } from "../../../src/sandbox/config.js";
import { AwsError } from "../../../src/sandbox/errors.js";
import { ACCOUNT, parseFunctionName, Registry, type Scope } from "../../../src/sandbox/lambda/registry.js";

const SCOPE: Scope = { region: "us-east-1", account: ACCOUNT };
const ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function`;

function orders(): FunctionSpec {
  return parseFunctionConfig(
    "orders-api",
    "/code/orders-api",
    {
      description: "latest",
      memorySize: 256,
      timeout: 10,
      logFormat: "JSON",
      environment: { STAGE: "prod" },
      versions: {
        "1": { description: "v1", handler: "old.handler", memorySize: 128 },
        "2": { description: "v2" },
      },
      aliases: { live: "1", beta: { version: "2", description: "beta users" }, head: "$LATEST" },
    },
    new Date("2026-01-01T00:00:00.000Z"),
  );
}

function plain(): FunctionSpec {
  return parseFunctionConfig(
    "plain",
    null,
    { handler: "builtin.echo" },
    new Date("2026-03-04T05:06:07.089Z"),
  );
}

const registry = () => new Registry([plain(), orders()]);

function awsErrorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AwsError);
    return err as AwsError;
  }
  throw new Error("expected an AwsError, nothing was thrown");
}

describe("parseFunctionName", () => {
  it.each([
    ["orders-api", "orders-api", undefined],
    ["orders_api-2", "orders_api-2", undefined],
    ["orders-api:live", "orders-api", "live"],
    ["orders-api:3", "orders-api", "3"],
    ["orders-api:$LATEST", "orders-api", "$LATEST"],
    [`${ACCOUNT}:function:orders-api`, "orders-api", undefined],
    [`${ACCOUNT}:function:orders-api:live`, "orders-api", "live"],
    [`${ARN}:orders-api`, "orders-api", undefined],
    [`${ARN}:orders-api:7`, "orders-api", "7"],
    [`${ARN}:orders-api:$LATEST`, "orders-api", "$LATEST"],
    [`arn:aws-cn:lambda:cn-north-1:${ACCOUNT}:function:orders-api:live`, "orders-api", "live"],
  ])("parses %j", (value, name, qualifier) => {
    expect(parseFunctionName(value)).toEqual({ name, qualifier });
  });

  it.each([
    ["an empty string", ""],
    ["a space", "orders api"],
    ["a dot", "orders.api"],
    ["two qualifiers", "orders-api:1:2"],
    ["an empty qualifier", "orders-api:"],
    ["a short account id", "arn:aws:lambda:us-east-1:12345:function:orders-api"],
    ["a wrong service", `arn:aws:s3:us-east-1:${ACCOUNT}:function:orders-api`],
    ["more than 170 characters", "a".repeat(171)],
  ])("rejects a name with %s", (_why, value) => {
    expect(() => parseFunctionName(value)).toThrow(/failed to satisfy constraint/);
  });
});

describe("Registry lookup", () => {
  it("knows its functions, sorted by name", () => {
    const r = registry();
    expect(r.size).toBe(2);
    expect(r.all().map((s) => s.name)).toEqual(["orders-api", "plain"]);
  });

  it("turns an invalid name into InvalidParameterValueException", () => {
    const err = awsErrorOf(() => registry().get("bad name", SCOPE));
    expect(err.code).toBe("InvalidParameterValueException");
    expect(err.status).toBe(400);
  });

  it("reports an unknown function as ResourceNotFoundException 404 naming its ARN", () => {
    const err = awsErrorOf(() => registry().resolve("missing", undefined, SCOPE));
    expect(err.code).toBe("ResourceNotFoundException");
    expect(err.status).toBe(404);
    expect(err.message).toBe(`Function not found: ${ARN}:missing`);
  });
});

describe("Registry.resolve", () => {
  it("resolves an unqualified name to $LATEST", () => {
    const r = registry().resolve("orders-api", undefined, SCOPE);
    expect(r.version).toBe("$LATEST");
    expect(r.qualifier).toBeUndefined();
    expect(r.invokedArn).toBe(`${ARN}:orders-api`);
    expect(r.settings.description).toBe("latest");
    expect(r.settings.memorySize).toBe(256);
    expect(r.region).toBe("us-east-1");
    expect(r.account).toBe(ACCOUNT);
  });

  it("resolves $LATEST given explicitly", () => {
    const r = registry().resolve("orders-api:$LATEST", undefined, SCOPE);
    expect(r.version).toBe("$LATEST");
    expect(r.qualifier).toBe("$LATEST");
    expect(r.invokedArn).toBe(`${ARN}:orders-api:$LATEST`);
  });

  it("resolves a version, with that version's settings", () => {
    const r = registry().resolve("orders-api", "1", SCOPE);
    expect(r.version).toBe("1");
    expect(r.settings.handler).toBe("old.handler");
    expect(r.settings.memorySize).toBe(128);
    expect(r.settings.environment).toEqual({ STAGE: "prod" });
    expect(r.invokedArn).toBe(`${ARN}:orders-api:1`);
  });

  it("resolves an alias to the version it points at, keeping the alias in the invoked ARN", () => {
    const r = registry().resolve("orders-api:beta", undefined, SCOPE);
    expect(r.version).toBe("2");
    expect(r.qualifier).toBe("beta");
    expect(r.settings.description).toBe("v2");
    expect(r.invokedArn).toBe(`${ARN}:orders-api:beta`);
    expect(registry().resolve("orders-api", "live", SCOPE).version).toBe("1");
    expect(registry().resolve("orders-api", "head", SCOPE).version).toBe("$LATEST");
  });

  it("resolves a full ARN with a qualifier", () => {
    const r = registry().resolve(`${ARN}:orders-api:live`, undefined, SCOPE);
    expect(r.spec.name).toBe("orders-api");
    expect(r.version).toBe("1");
  });

  it("accepts the same qualifier in the name and the Qualifier parameter", () => {
    expect(registry().resolve("orders-api:live", "live", SCOPE).version).toBe("1");
  });

  it("rejects a qualifier in the name that differs from the Qualifier parameter", () => {
    const err = awsErrorOf(() => registry().resolve("orders-api:live", "beta", SCOPE));
    expect(err.code).toBe("InvalidParameterValueException");
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/does not match/);
  });

  it.each(["3", "nope"])("reports unknown qualifier %j as ResourceNotFoundException 404", (q) => {
    const err = awsErrorOf(() => registry().resolve("orders-api", q, SCOPE));
    expect(err.code).toBe("ResourceNotFoundException");
    expect(err.status).toBe(404);
    expect(err.message).toBe(`Function not found: ${ARN}:orders-api:${q}`);
  });
});

describe("Registry.configuration", () => {
  it("describes $LATEST with an unqualified ARN", () => {
    const r = registry();
    const c = r.configuration(orders(), "$LATEST", SCOPE);
    expect(c.FunctionName).toBe("orders-api");
    expect(c.FunctionArn).toBe(`${ARN}:orders-api`);
    expect(c.Version).toBe("$LATEST");
    expect(c.Runtime).toBe("nodejs20.x");
    expect(c.Handler).toBe("index.handler");
    expect(c.MemorySize).toBe(256);
    expect(c.Timeout).toBe(10);
    expect(c.Description).toBe("latest");
    expect(c.LastModified).toBe("2026-01-01T00:00:00.000+0000");
    expect(c.LoggingConfig).toEqual({ LogFormat: "JSON", LogGroup: "/aws/lambda/orders-api" });
    expect(c.Environment).toEqual({ Variables: { STAGE: "prod" } });
    expect(c.Role).toBe(`arn:aws:iam::${ACCOUNT}:role/service-role/orders-api-role`);
    expect(c.State).toBe("Active");
  });

  it("describes a version with a qualified ARN and the version's settings", () => {
    const c = registry().configuration(orders(), "1", SCOPE);
    expect(c.FunctionArn).toBe(`${ARN}:orders-api:1`);
    expect(c.Version).toBe("1");
    expect(c.Handler).toBe("old.handler");
    expect(c.MemorySize).toBe(128);
    expect(c.Timeout).toBe(10);
    expect(c.Description).toBe("v1");
  });

  it("omits Environment when there are no variables", () => {
    const c = registry().configuration(plain(), "$LATEST", SCOPE);
    expect(c).not.toHaveProperty("Environment");
    expect(c.LoggingConfig).toEqual({ LogFormat: "Text", LogGroup: "/aws/lambda/plain" });
  });

  it("formats LastModified as Lambda does (+0000, milliseconds)", () => {
    const c = registry().configuration(plain(), "$LATEST", SCOPE);
    expect(c.LastModified).toBe("2026-03-04T05:06:07.089+0000");
    expect(c.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  it("gives a base64 SHA-256 CodeSha256 and a UUID-shaped RevisionId that differ per version", () => {
    const r = registry();
    const latest = r.configuration(orders(), "$LATEST", SCOPE);
    const v1 = r.configuration(orders(), "1", SCOPE);
    expect(latest.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(latest.RevisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(v1.CodeSha256).not.toBe(latest.CodeSha256);
    expect(v1.RevisionId).not.toBe(latest.RevisionId);
    expect(r.configuration(orders(), "1", SCOPE).RevisionId).toBe(v1.RevisionId);
  });

  it("puts the region and account of the scope in the ARN", () => {
    const c = registry().configuration(plain(), "$LATEST", {
      region: "eu-central-1",
      account: "999999999999",
    });
    expect(c.FunctionArn).toBe("arn:aws:lambda:eu-central-1:999999999999:function:plain");
  });
});

describe("Registry.aliasConfiguration", () => {
  it("describes an alias", () => {
    const a = registry().aliasConfiguration(orders(), "beta", SCOPE);
    expect(a.AliasArn).toBe(`${ARN}:orders-api:beta`);
    expect(a.Name).toBe("beta");
    expect(a.FunctionVersion).toBe("2");
    expect(a.Description).toBe("beta users");
  });

  it("reports a missing alias as ResourceNotFoundException 404", () => {
    const err = awsErrorOf(() => registry().aliasConfiguration(orders(), "gone", SCOPE));
    expect(err.code).toBe("ResourceNotFoundException");
    expect(err.status).toBe(404);
  });
});
