// The template loader: each property it reads, Globals, versions from AutoPublishAlias, code
// folders, runtimes, YAML and JSON, and the folder a template is found in.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../../src/sandbox/config.js";
import { templateIn } from "../../../../src/sandbox/template/find.js";
import { loadTemplate } from "../../../../src/sandbox/template/load.js";
import { writeTemplate } from "./write-template.js";

const serverless = (props: string, extra = "") => `
Transform: AWS::Serverless-2016-10-31
${extra}
Resources:
  HelloFunction:
    Type: AWS::Serverless::Function
    Properties:
${props
  .trim()
  .split("\n")
  .map((l) => `      ${l}`)
  .join("\n")}
`;

async function one(text: string, dirs?: string[]) {
  const file = await writeTemplate(text, dirs);
  const loaded = await loadTemplate(file);
  expect(loaded.functions).toHaveLength(1);
  return { spec: loaded.functions[0]!, problems: loaded.problems, file };
}

describe("loadTemplate: properties", () => {
  it("reads every property of a Serverless function", async () => {
    const { spec, problems, file } = await one(
      serverless(`
FunctionName: hello
Description: says hello
CodeUri: src/a/
Handler: app.handler
Runtime: nodejs20.x
MemorySize: 512
Timeout: 30
Environment:
  Variables:
    STAGE: dev
    PORT: 8080
    DEBUG: true
LoggingConfig:
  LogFormat: JSON
  LogGroup: /custom/hello
`),
    );
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({
      name: "hello",
      description: "says hello",
      codeDir: path.join(path.dirname(file), "src/a"),
      handler: "app.handler",
      runtime: "nodejs20.x",
      memorySize: 512,
      timeout: 30,
      // CloudFormation gives every variable as a string.
      environment: { STAGE: "dev", PORT: "8080", DEBUG: "true" },
      logFormat: "JSON",
      logGroup: "/custom/hello",
    });
    expect(spec.unavailable).toBeUndefined();
    expect(spec.versions.size).toBe(0);
    expect(spec.aliases.size).toBe(0);
  });

  it("names a function by its logical id without FunctionName, with Lambda's defaults", async () => {
    const { spec } = await one(serverless("CodeUri: src/a\nHandler: app.handler\nRuntime: nodejs22.x"));
    expect(spec).toMatchObject({
      name: "HelloFunction",
      memorySize: 128,
      timeout: 3,
      environment: {},
      logFormat: "Text",
      logGroup: "/aws/lambda/HelloFunction",
      description: "",
    });
  });

  it("reads an AWS::Lambda::Function with Code as a local folder", async () => {
    const { spec, problems } = await one(`
Resources:
  CfnFn:
    Type: AWS::Lambda::Function
    Properties:
      Code: src/a
      Handler: index.handler
      Runtime: nodejs20.x
      Timeout: "7"
`);
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({ name: "CfnFn", handler: "index.handler", timeout: 7 });
    expect(spec.codeDir).toMatch(/src\/a$/);
  });

  it("publishes version 1 and points the AutoPublishAlias at it", async () => {
    const { spec } = await one(
      serverless(
        "CodeUri: src/a\nHandler: app.handler\nRuntime: nodejs20.x\nMemorySize: 256\nAutoPublishAlias: live",
      ),
    );
    expect([...spec.versions.keys()]).toEqual(["1"]);
    expect(spec.versions.get("1")).toMatchObject({ handler: "app.handler", memorySize: 256 });
    expect(spec.aliases.get("live")).toEqual({ version: "1", description: "" });
  });

  it("reports out-of-range numbers and a bad log format, and uses the defaults", async () => {
    const { spec, problems } = await one(
      serverless(
        "CodeUri: src/a\nHandler: app.handler\nRuntime: nodejs20.x\nMemorySize: 64\nTimeout: 901\nLoggingConfig:\n  LogFormat: XML",
      ),
    );
    expect(spec).toMatchObject({ memorySize: 128, timeout: 3, logFormat: "Text" });
    expect(problems.map((p) => p.where)).toEqual([
      "Resources.HelloFunction MemorySize",
      "Resources.HelloFunction Timeout",
      "Resources.HelloFunction LoggingConfig.LogFormat",
    ]);
    expect(problems[0]!.message).toMatch(/not a whole number of MB from 128 to 10240; 128 used/);
  });
});

describe("loadTemplate: Globals.Function", () => {
  const globals = `
Globals:
  Function:
    Runtime: nodejs20.x
    Handler: app.handler
    Timeout: 15
    MemorySize: 256
    Environment:
      Variables:
        STAGE: dev
        SHARED: yes
    LoggingConfig:
      LogFormat: JSON
`;

  it("fills in what a Serverless function leaves out, merging its mappings key by key", async () => {
    const { spec } = await one(
      serverless(
        "CodeUri: src/a\nTimeout: 20\nEnvironment:\n  Variables:\n    STAGE: prod\n    OWN: x",
        globals,
      ),
    );
    expect(spec).toMatchObject({
      runtime: "nodejs20.x",
      handler: "app.handler",
      timeout: 20,
      memorySize: 256,
      environment: { STAGE: "prod", SHARED: "yes", OWN: "x" },
      logFormat: "JSON",
    });
  });

  it("does not apply to AWS::Lambda::Function resources", async () => {
    const { spec } = await one(`${globals}
Resources:
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Code: src/a
      Handler: index.handler
      Runtime: nodejs20.x
`);
    expect(spec).toMatchObject({ timeout: 3, memorySize: 128, environment: {}, logFormat: "Text" });
  });
});

describe("loadTemplate: what keeps a function from running", () => {
  it("lists a function whose runtime the sandbox lacks, with the reason", async () => {
    const { spec, problems } = await one(
      serverless("CodeUri: src/a\nHandler: Hello::handle\nRuntime: java21"),
    );
    expect(spec.runtime).toBe("java21");
    expect(spec.unavailable).toMatch(/runtime java21 is not supported by the sandbox/);
    expect(problems).toEqual([
      { where: "Resources.HelloFunction", message: expect.stringMatching(/^cannot run: runtime java21/) },
    ]);
  });

  it("says a missing code folder is missing, and where it was looked for", async () => {
    const { spec, file } = await one(
      serverless("CodeUri: src/missing/\nHandler: app.handler\nRuntime: nodejs20.x"),
    );
    const abs = path.join(path.dirname(file), "src/missing");
    expect(spec.unavailable).toBe(
      `CodeUri src/missing/ not found (resolved to ${abs}): create it, or point CodeUri at the code`,
    );
  });

  it.each([
    ["CodeUri: s3://bucket/code.zip", /S3 location/],
    ["CodeUri:\n  Bucket: b\n  Key: k", /an S3 location/],
    ["InlineCode: exports.handler = async () => 1", /InlineCode is not supported/],
  ])("refuses code it cannot run: %s", async (code, why) => {
    const { spec } = await one(serverless(`${code}\nHandler: app.handler\nRuntime: nodejs20.x`));
    expect(spec.unavailable).toMatch(why);
  });

  it("refuses inline ZipFile code of an AWS::Lambda::Function", async () => {
    const { spec } = await one(`
Resources:
  Inline:
    Type: AWS::Lambda::Function
    Properties:
      Code:
        ZipFile: "exports.handler = async () => 1"
      Handler: index.handler
      Runtime: nodejs20.x
`);
    expect(spec.unavailable).toMatch(/Code is inline ZipFile code, which the sandbox cannot run/);
  });

  it("says a function without Runtime or Handler needs them", async () => {
    const { spec } = await one(serverless("CodeUri: src/a"));
    expect(spec.unavailable).toMatch(/no Runtime: set it on the function or in Globals.Function/);
    expect(spec.unavailable).toMatch(/no Handler/);
  });
});

describe("loadTemplate: files", () => {
  it("reads a JSON template", async () => {
    const json = JSON.stringify({
      Parameters: { Stage: { Type: "String", Default: "qa" } },
      Resources: {
        Fn: {
          Type: "AWS::Lambda::Function",
          Properties: {
            FunctionName: { "Fn::Sub": "api-${Stage}" },
            Code: "src/a",
            Handler: "index.handler",
            Runtime: "nodejs20.x",
          },
        },
      },
    });
    const file = await writeTemplate(json, ["src/a"], "template.json");
    const { functions, problems } = await loadTemplate(file);
    expect(problems).toEqual([]);
    expect(functions.map((f) => f.name)).toEqual(["api-qa"]);
  });

  it("refuses a file that is not a template, or has no functions, saying what it needs", async () => {
    await expect(loadTemplate(await writeTemplate("a: [unclosed"))).rejects.toThrow(/not valid YAML/);
    await expect(loadTemplate(await writeTemplate("{", [], "template.json"))).rejects.toThrow(
      /not valid JSON/,
    );
    await expect(loadTemplate(await writeTemplate("Foo: bar"))).rejects.toThrow(/has no Resources mapping/);
    const noFunctions = await writeTemplate("Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
    await expect(loadTemplate(noFunctions)).rejects.toThrow(
      /defines no functions: the sandbox reads AWS::Serverless::Function and AWS::Lambda::Function/,
    );
    await expect(loadTemplate(noFunctions)).rejects.toBeInstanceOf(ConfigError);
  });

  it("keeps the first of two functions with one name and says why the other is left out", async () => {
    const file = await writeTemplate(`
Resources:
  A:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: same, Code: src/a, Handler: i.h, Runtime: nodejs20.x }
  B:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: same, Code: src/a, Handler: i.h, Runtime: nodejs20.x }
`);
    const { functions, problems } = await loadTemplate(file);
    expect(functions).toHaveLength(1);
    expect(problems).toEqual([
      {
        where: "Resources.B FunctionName",
        message: expect.stringMatching(/also the name of A; this one is left out/),
      },
    ]);
  });

  it("finds template.yaml, template.yml or template.json in a folder, and nothing in a functions folder", async () => {
    for (const name of ["template.yaml", "template.yml", "template.json"]) {
      const file = await writeTemplate("Resources: {}", [], name);
      expect(await templateIn(path.dirname(file))).toBe(file);
    }
    expect(await templateIn(path.resolve(import.meta.dirname, "../../../../fixtures/functions"))).toBeNull();
  });
});
