import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  loadFunctions,
  parseFunctionConfig,
  syntheticFunctions,
} from "../../../src/sandbox/config.js";

const AT = new Date("2026-01-01T00:00:00.000Z");

const parse = (raw: unknown, name = "orders-api") => parseFunctionConfig(name, "/code/" + name, raw, AT);

/** Asserts `fn` throws a ConfigError whose message names `fnName` and matches `detail`. */
function expectConfigError(fn: () => unknown, fnName: string, detail: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const message = (caught as Error).message;
  expect(message).toContain(`function ${fnName}`);
  expect(message).toMatch(detail);
}

describe("parseFunctionConfig defaults", () => {
  it("fills in Lambda's defaults for an empty object", () => {
    const spec = parse({});
    expect(spec.name).toBe("orders-api");
    expect(spec.codeDir).toBe("/code/orders-api");
    expect(spec.runtime).toBe("nodejs20.x");
    expect(spec.handler).toBe("index.handler");
    expect(spec.memorySize).toBe(128);
    expect(spec.timeout).toBe(3);
    expect(spec.logGroup).toBe("/aws/lambda/orders-api");
    expect(spec.logFormat).toBe("Text");
    expect(spec.description).toBe("");
    expect(spec.environment).toEqual({});
    expect(spec.versions.size).toBe(0);
    expect(spec.aliases.size).toBe(0);
    expect(spec.lastModified).toBe(AT);
    expect(spec.reservedConcurrency).toBeNull();
  });

  it("reads reservedConcurrency, a whole number 1..1000", () => {
    expect(parse({ reservedConcurrency: 1 }).reservedConcurrency).toBe(1);
    for (const bad of [0, 1.5, 1001])
      expectConfigError(
        () => parse({ reservedConcurrency: bad }),
        "orders-api",
        /reservedConcurrency must be/,
      );
    expectConfigError(() => parse({ reservedConcurrency: "1" }), "orders-api", /reservedConcurrency.*number/);
  });

  it("keeps explicit settings", () => {
    const spec = parse({
      runtime: "nodejs22.x",
      handler: "src/app.main",
      memorySize: 1024,
      timeout: 900,
      logFormat: "JSON",
      logGroup: "/custom/group",
      description: "takes orders",
      environment: { STAGE: "prod" },
    });
    expect(spec.runtime).toBe("nodejs22.x");
    expect(spec.handler).toBe("src/app.main");
    expect(spec.memorySize).toBe(1024);
    expect(spec.timeout).toBe(900);
    expect(spec.logFormat).toBe("JSON");
    expect(spec.logGroup).toBe("/custom/group");
    expect(spec.description).toBe("takes orders");
    expect(spec.environment).toEqual({ STAGE: "prod" });
  });

  it("accepts the memory and timeout bounds", () => {
    expect(parse({ memorySize: 128, timeout: 1 }).memorySize).toBe(128);
    expect(parse({ memorySize: 10240, timeout: 900 }).memorySize).toBe(10240);
  });

  it("accepts a handler with several dots (file.nested.export)", () => {
    expect(parse({ handler: "lib/index.handlers.main" }).handler).toBe("lib/index.handlers.main");
  });
});

describe("parseFunctionConfig versions and aliases", () => {
  const raw = {
    handler: "index.handler",
    memorySize: 256,
    timeout: 10,
    description: "base",
    environment: { STAGE: "prod", COLOR: "blue" },
    versions: {
      "10": { description: "ten" },
      "2": { memorySize: 512, environment: { COLOR: "green", EXTRA: "1" } },
      "1": {},
    },
    aliases: {
      live: "2",
      beta: { version: "10", description: "the beta" },
      head: "$LATEST",
    },
  };

  it("inherits the function's settings in a version that overrides nothing", () => {
    const v1 = parse(raw).versions.get("1")!;
    expect(v1).toEqual({
      description: "base",
      handler: "index.handler",
      memorySize: 256,
      timeout: 10,
      environment: { STAGE: "prod", COLOR: "blue" },
    });
  });

  it("lets a version override settings and merge environment variables over the function's", () => {
    const v2 = parse(raw).versions.get("2")!;
    expect(v2.memorySize).toBe(512);
    expect(v2.timeout).toBe(10);
    expect(v2.description).toBe("base");
    expect(v2.environment).toEqual({ STAGE: "prod", COLOR: "green", EXTRA: "1" });
    expect(parse(raw).versions.get("10")!.description).toBe("ten");
  });

  it("does not let a version's environment leak into $LATEST", () => {
    const spec = parse(raw);
    expect(spec.environment).toEqual({ STAGE: "prod", COLOR: "blue" });
    expect(spec.memorySize).toBe(256);
  });

  it("orders versions numerically", () => {
    expect([...parse(raw).versions.keys()]).toEqual(["1", "2", "10"]);
  });

  it("reads an alias given as a string and as {version, description}", () => {
    const { aliases } = parse(raw);
    expect(aliases.get("live")).toEqual({ version: "2", description: "" });
    expect(aliases.get("beta")).toEqual({ version: "10", description: "the beta" });
    expect(aliases.get("head")).toEqual({ version: "$LATEST", description: "" });
  });

  it("validates a version's own settings, naming the function and version", () => {
    expectConfigError(() => parse({ versions: { "3": { timeout: 0 } } }), "orders-api", /version 3.*timeout/);
  });
});

describe("parseFunctionConfig errors", () => {
  it.each([
    ["has a space", "bad name"],
    ["has a dot", "bad.name"],
    ["is empty", ""],
    ["is too long", "a".repeat(65)],
  ])("rejects a function name that %s", (_why, name) => {
    expectConfigError(() => parse({}, name), name, /name must be 1-64/);
  });

  it("accepts a name of 64 letters, digits, - and _", () => {
    const name = "A-b_9".padEnd(64, "x");
    expect(parse({}, name).name).toBe(name);
  });

  it("rejects a body that is not an object", () => {
    expectConfigError(() => parse([]), "orders-api", /JSON object/);
    expectConfigError(() => parse(null), "orders-api", /JSON object/);
  });

  it.each([
    ["too small", 127],
    ["too big", 10241],
  ])("rejects a memorySize that is %s", (_why, memorySize) => {
    expectConfigError(
      () => parse({ memorySize }),
      "orders-api",
      /memorySize must be a whole number of MB, 128\.\.10240/,
    );
  });

  it("rejects a memorySize that is not a number", () => {
    expectConfigError(() => parse({ memorySize: "256" }), "orders-api", /"memorySize" must be a number/);
  });

  it.each([
    ["zero", 0],
    ["negative", -1],
    ["over 900", 901],
  ])("rejects a timeout that is %s", (_why, timeout) => {
    expectConfigError(
      () => parse({ timeout }),
      "orders-api",
      /timeout must be a whole number of seconds, 1\.\.900/,
    );
  });

  // Lambda takes whole seconds and whole MB: fractions are rejected, not rounded.
  it("rejects a fractional timeout (0.5) and memory size (128.5)", () => {
    expectConfigError(
      () => parse({ timeout: 0.5 }),
      "orders-api",
      /timeout must be a whole number of seconds, 1\.\.900/,
    );
    expectConfigError(
      () => parse({ memorySize: 128.5 }),
      "orders-api",
      /memorySize must be a whole number of MB/,
    );
  });

  it.each(["index", "index.", ".handler", "a..b"])(
    "rejects handler %j that is not file.export",
    (handler) => {
      expectConfigError(() => parse({ handler }), "orders-api", /handler must look like "file\.export"/);
    },
  );

  it.each(["text", "json", "XML"])("rejects logFormat %j", (logFormat) => {
    expectConfigError(() => parse({ logFormat }), "orders-api", /logFormat must be Text or JSON/);
  });

  it("rejects an alias pointing at a version that does not exist", () => {
    expectConfigError(
      () => parse({ versions: { "1": {} }, aliases: { live: "2" } }),
      "orders-api",
      /alias live points at version 2/,
    );
  });

  it("rejects a numeric alias name", () => {
    expectConfigError(
      () => parse({ versions: { "1": {} }, aliases: { "1": "1" } }),
      "orders-api",
      /alias "1" is not a valid alias name/,
    );
  });

  it("rejects an alias named $LATEST", () => {
    expectConfigError(
      () => parse({ aliases: { $LATEST: "$LATEST" } }),
      "orders-api",
      /not a valid alias name/,
    );
  });

  it("rejects an alias whose body is neither a string nor {version}", () => {
    expectConfigError(() => parse({ aliases: { live: { v: "1" } } }), "orders-api", /aliases\.live must be/);
    expectConfigError(() => parse({ aliases: { live: 1 } }), "orders-api", /aliases\.live must be/);
  });

  it.each([
    ["an array", [{}]],
    ["a string", "1"],
    ["null", null],
  ])("rejects versions given as %s", (_why, versions) => {
    expectConfigError(() => parse({ versions }), "orders-api", /"versions" must be an object/);
  });

  it("rejects a version key that is not a positive integer", () => {
    expectConfigError(() => parse({ versions: { "0": {} } }), "orders-api", /version "0" must be a positive/);
    expectConfigError(() => parse({ versions: { v1: {} } }), "orders-api", /version "v1" must be a positive/);
  });

  it("rejects a version body that is not an object", () => {
    expectConfigError(() => parse({ versions: { "1": "x" } }), "orders-api", /versions\.1 must be an object/);
  });

  it("rejects a non-string environment value, naming the variable", () => {
    expectConfigError(
      () => parse({ environment: { PORT: 8080 } }),
      "orders-api",
      /environment\.PORT must be a string/,
    );
  });

  it("rejects an environment that is not an object", () => {
    expectConfigError(() => parse({ environment: ["A=1"] }), "orders-api", /"environment" must be an object/);
  });

  it("rejects a non-string environment value inside a version", () => {
    expectConfigError(
      () => parse({ versions: { "1": { environment: { DEBUG: true } } } }),
      "orders-api",
      /version 1: environment\.DEBUG must be a string/,
    );
  });
});

describe("loadFunctions", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lambda-explorer-config-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fn(name: string, body: string): Promise<void> {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "function.json"), body);
  }

  it("loads each folder holding a function.json, sorted by name, and ignores other folders", async () => {
    await fn("zeta", JSON.stringify({ memorySize: 512 }));
    await fn("alpha", JSON.stringify({ handler: "app.main", logFormat: "JSON" }));
    await mkdir(path.join(dir, "not-a-function"));
    await writeFile(path.join(dir, "not-a-function", "index.js"), "export const handler = () => 1;");
    await writeFile(path.join(dir, "README.md"), "loose file");

    const specs = await loadFunctions(dir);
    expect(specs.map((s) => s.name)).toEqual(["alpha", "zeta"]);
    const [alpha, zeta] = specs as [(typeof specs)[0], (typeof specs)[0]];
    expect(alpha.codeDir).toBe(path.join(dir, "alpha"));
    expect(alpha.handler).toBe("app.main");
    expect(alpha.logFormat).toBe("JSON");
    expect(zeta.memorySize).toBe(512);
    expect(zeta.logGroup).toBe("/aws/lambda/zeta");
    expect(zeta.lastModified).toBeInstanceOf(Date);
    expect(Number.isNaN(zeta.lastModified.getTime())).toBe(false);
  });

  it("throws a ConfigError naming the file when function.json is not valid JSON", async () => {
    await fn("good", "{}");
    await fn("broken", "{ not json");
    const file = path.join(dir, "broken", "function.json");
    await expect(loadFunctions(dir)).rejects.toBeInstanceOf(ConfigError);
    await expect(loadFunctions(dir)).rejects.toThrow(file);
    await expect(loadFunctions(dir)).rejects.toThrow(/not valid JSON/);
  });

  it("passes on a function.json's validation error naming the function", async () => {
    await fn("slow", JSON.stringify({ timeout: 1000 }));
    await expect(loadFunctions(dir)).rejects.toThrow(/function slow: timeout must be/);
  });

  it("throws a ConfigError for a folder that does not exist", async () => {
    const missing = path.join(dir, "missing");
    await expect(loadFunctions(missing)).rejects.toBeInstanceOf(ConfigError);
    await expect(loadFunctions(missing)).rejects.toThrow(missing);
  });
});

describe("syntheticFunctions", () => {
  it("names functions zero-padded to the width of n, in sorted order", () => {
    const specs = syntheticFunctions(12);
    const names = specs.map((s) => s.name);
    expect(names).toHaveLength(12);
    expect(names[0]).toBe("synthetic-01");
    expect(names[8]).toBe("synthetic-09");
    expect(names[11]).toBe("synthetic-12");
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(12);
  });

  it("pads to three digits for 100 functions", () => {
    const names = syntheticFunctions(100).map((s) => s.name);
    expect(names[0]).toBe("synthetic-001");
    expect(names[99]).toBe("synthetic-100");
    expect([...names].sort()).toEqual(names);
  });

  it("uses the built-in echo handler and no code folder", () => {
    for (const s of syntheticFunctions(3)) {
      expect(s.handler).toBe("builtin.echo");
      expect(s.codeDir).toBeNull();
      expect(s.memorySize).toBe(128);
      expect(s.timeout).toBe(3);
      expect(s.logGroup).toBe(`/aws/lambda/${s.name}`);
    }
  });

  it("returns nothing for n = 0", () => {
    expect(syntheticFunctions(0)).toEqual([]);
  });
});
