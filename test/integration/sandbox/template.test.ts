// A sandbox started from a SAM template (fixtures/sam-app), through the real AWS SDK: the
// template's functions listed with their runtimes, its Node functions invoked, and a function
// whose runtime the sandbox lacks listed but refused with the reason.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTemplate } from "../../../src/sandbox/template/load.js";
import { decodeTail, payloadText, ROOT, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const SAM_APP = path.join(ROOT, "fixtures/sam-app/template.yaml");

/** A template of the test's own with one Java function (its code folder exists). */
async function javaTemplate(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lx-java-"));
  await mkdir(path.join(dir, "hello"));
  const file = path.join(dir, "template.yaml");
  await writeFile(
    file,
    [
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  JavaHello:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      FunctionName: java-hello",
      "      CodeUri: hello",
      "      Handler: hello.App::handleRequest",
      "      Runtime: java21",
      "",
    ].join("\n"),
  );
  return file;
}

let sb: TestSandbox;
beforeAll(async () => {
  const sam = await loadTemplate(SAM_APP);
  const java = await loadTemplate(await javaTemplate());
  sb = await startTestSandbox({ functionsDir: null, functions: [...sam.functions, ...java.functions] });
});
afterAll(async () => {
  await sb?.close();
});

describe("a sandbox from fixtures/sam-app/template.yaml", () => {
  it("lists the template's five functions with their runtimes", async () => {
    const page = await sb.lambda.send(new ListFunctionsCommand({}));
    const runtimes = Object.fromEntries(page.Functions!.map((f) => [f.FunctionName, f.Runtime]));
    expect(runtimes).toEqual({
      CfnNodeFunction: "nodejs20.x",
      "sam-custom-echo": "provided.al2023",
      "sam-node-hello": "nodejs20.x",
      "sam-py-hello": "python3.12",
      "sam-py-raiser": "python3.12",
      "java-hello": "java21",
    });
  });

  it("describes each function as the template says, Globals and parameters applied", async () => {
    const node = await sb.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "sam-node-hello" }),
    );
    expect(node).toMatchObject({
      Handler: "app.handler",
      MemorySize: 256,
      Timeout: 10,
      Description: "Node greeting (dev, us-east-1)",
      Environment: { Variables: { STAGE: "dev", GREETING: "hi" } },
      State: "Active",
    });
    const py = await sb.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "sam-py-hello" }));
    expect(py.LoggingConfig).toEqual({ LogFormat: "Text", LogGroup: "/sam-app/dev/sam-py-hello" });
    const aliases = await sb.lambda.send(new ListAliasesCommand({ FunctionName: "sam-py-hello" }));
    expect(aliases.Aliases!.map((a) => [a.Name, a.FunctionVersion])).toEqual([["live", "1"]]);
    const cfn = await sb.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: "CfnNodeFunction" }),
    );
    expect(cfn).toMatchObject({ MemorySize: 128, Timeout: 5, Environment: { Variables: { STAGE: "dev" } } });
  });

  it("invokes sam-node-hello: its response and its log line", async () => {
    const out = await sb.lambda.send(
      new InvokeCommand({
        FunctionName: "sam-node-hello",
        Payload: Buffer.from(JSON.stringify({ name: "Ada" })),
        LogType: "Tail",
      }),
    );
    expect(out.FunctionError).toBeUndefined();
    expect(JSON.parse(payloadText(out.Payload))).toEqual({ message: "hello from node", name: "Ada" });
    expect(decodeTail(out.LogResult)).toContain("hello from sam-node-hello (stage dev, greeting hi)");
  });

  it("invokes CfnNodeFunction, named by its logical id, without the Globals", async () => {
    const out = await sb.lambda.send(
      new InvokeCommand({ FunctionName: "CfnNodeFunction", Payload: Buffer.from("{}"), LogType: "Tail" }),
    );
    expect(JSON.parse(payloadText(out.Payload))).toEqual({ message: "hello from node", name: "world" });
    expect(decodeTail(out.LogResult)).toContain("hello from CfnNodeFunction (stage dev, greeting undefined)");
  });

  it("lists a function whose runtime it lacks as Failed, and refuses to invoke it with the reason", async () => {
    const java = await sb.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: "java-hello" }));
    expect(java.State).toBe("Failed");
    expect(java.StateReason).toMatch(/runtime java21 is not supported by the sandbox/);
    const refused = sb.lambda.send(
      new InvokeCommand({ FunctionName: "java-hello", Payload: Buffer.from("{}") }),
    );
    await expect(refused).rejects.toMatchObject({
      name: "ResourceConflictException",
      $metadata: { httpStatusCode: 409 },
      message: expect.stringMatching(
        /^The sandbox cannot run java-hello: runtime java21 is not supported by the sandbox .*Fix the function/,
      ),
    });
  });
});
