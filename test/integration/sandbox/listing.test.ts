// Listing operations through the AWS SDK: pagination over many functions, configuration,
// versions and aliases, and errors as AWS sends them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  paginateListFunctions,
} from "@aws-sdk/client-lambda";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ synthetic: 130 });
});
afterAll(async () => {
  await sb?.close();
});

describe("ListFunctions", () => {
  it("pages at most 50 at a time and omits NextMarker on the last page", async () => {
    const pages: number[] = [];
    const names: string[] = [];
    let lastHadMarker = true;
    for await (const page of paginateListFunctions({ client: sb.lambda }, {})) {
      pages.push(page.Functions!.length);
      names.push(...page.Functions!.map((f) => f.FunctionName!));
      lastHadMarker = page.NextMarker !== undefined;
    }
    const fixtures = sb.functions.filter((f) => f.codeDir !== null).length;
    expect(fixtures).toBeGreaterThanOrEqual(10);
    expect(names.length).toBe(130 + fixtures);
    expect(new Set(names).size).toBe(names.length);
    expect(Math.max(...pages)).toBe(50);
    expect(lastHadMarker).toBe(false);
    expect(names.filter((n) => n.startsWith("synthetic-")).length).toBe(130);
  });

  it("honours MaxItems below 50", async () => {
    const page = await sb.lambda.send(new ListFunctionsCommand({ MaxItems: 7 }));
    expect(page.Functions).toHaveLength(7);
    const next = await sb.lambda.send(new ListFunctionsCommand({ MaxItems: 7, Marker: page.NextMarker }));
    expect(next.Functions![0]!.FunctionName).not.toBe(page.Functions![0]!.FunctionName);
  });

  it("includes published versions with FunctionVersion=ALL", async () => {
    const all: string[] = [];
    for await (const page of paginateListFunctions({ client: sb.lambda }, { FunctionVersion: "ALL" })) {
      all.push(
        ...page.Functions!.filter((f) => f.FunctionName === "versioned-greeter").map((f) => f.Version!),
      );
    }
    expect(all.sort()).toEqual(["$LATEST", "1", "2"].sort());
  });

  it("rejects a marker it did not hand out", async () => {
    await expect(sb.lambda.send(new ListFunctionsCommand({ Marker: "not-a-marker" }))).rejects.toMatchObject({
      name: "InvalidParameterValueException",
    });
  });

  it("describes functions as Lambda does", async () => {
    const page = await sb.lambda.send(new ListFunctionsCommand({}));
    const f = page.Functions!.find((x) => x.FunctionName === "orders-api")!;
    expect(f.FunctionArn).toBe("arn:aws:lambda:us-east-1:123456789012:function:orders-api");
    expect(f.Runtime).toBe("nodejs20.x");
    expect(f.MemorySize).toBeGreaterThanOrEqual(128);
    expect(f.Timeout).toBeGreaterThan(0);
    expect(f.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(f.LoggingConfig).toEqual({ LogFormat: "Text", LogGroup: "/aws/lambda/orders-api" });
    expect(f.Description).not.toBe("");
  });
});

describe("one function", () => {
  it("GetFunctionConfiguration follows qualifiers and reports custom log groups and JSON format", async () => {
    const v1 = await sb.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "versioned-greeter", Qualifier: "1" }),
    );
    expect(v1.Version).toBe("1");
    expect(v1.FunctionArn).toMatch(/:versioned-greeter:1$/);
    const audit = await sb.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "payments-audit" }),
    );
    expect(audit.LoggingConfig?.LogGroup).toBe("/sandbox/payments-audit");
    const json = await sb.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "json-logger" }));
    expect(json.LoggingConfig?.LogFormat).toBe("JSON");
  });

  it("GetFunction returns the configuration", async () => {
    const out = await sb.lambda.send(new GetFunctionCommand({ FunctionName: "orders-api" }));
    expect(out.Configuration?.FunctionName).toBe("orders-api");
  });

  it("lists versions and aliases", async () => {
    const versions = await sb.lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: "versioned-greeter" }),
    );
    expect(versions.Versions!.map((v) => v.Version)).toEqual(["$LATEST", "1", "2"]);
    const aliases = await sb.lambda.send(new ListAliasesCommand({ FunctionName: "versioned-greeter" }));
    const byName = Object.fromEntries(aliases.Aliases!.map((a) => [a.Name, a.FunctionVersion]));
    expect(byName).toEqual({ live: "1", canary: "2" });
    const live = await sb.lambda.send(
      new GetAliasCommand({ FunctionName: "versioned-greeter", Name: "live" }),
    );
    expect(live.AliasArn).toBe("arn:aws:lambda:us-east-1:123456789012:function:versioned-greeter:live");
    const onlyV2 = await sb.lambda.send(
      new ListAliasesCommand({ FunctionName: "versioned-greeter", FunctionVersion: "2" }),
    );
    expect(onlyV2.Aliases!.map((a) => a.Name)).toEqual(["canary"]);
  });

  it("answers unknown functions and aliases with ResourceNotFoundException", async () => {
    await expect(
      sb.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "nope" })),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
      message: expect.stringContaining("Function not found"),
    });
    await expect(
      sb.lambda.send(new GetAliasCommand({ FunctionName: "orders-api", Name: "missing" })),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
    await expect(
      sb.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: "nope" })),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("puts the caller's region in ARNs", async () => {
    const { LambdaClient } = await import("@aws-sdk/client-lambda");
    const eu = new LambdaClient({
      endpoint: sb.url,
      region: "eu-west-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });
    try {
      const f = await eu.send(new GetFunctionConfigurationCommand({ FunctionName: "orders-api" }));
      expect(f.FunctionArn).toBe("arn:aws:lambda:eu-west-1:123456789012:function:orders-api");
    } finally {
      eu.destroy();
    }
  });
});
