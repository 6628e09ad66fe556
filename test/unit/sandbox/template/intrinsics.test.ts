// Intrinsic functions in templates: what is resolved (Ref, Sub, Join over parameters, pseudo
// parameters and function names, short and long forms), and what is refused by resource and
// property while the function still loads.
import { describe, expect, it } from "vitest";
import { loadTemplate } from "../../../../src/sandbox/template/load.js";
import { parseParameterOverrides } from "../../../../src/sandbox/template/parameters.js";
import { writeTemplate } from "./write-template.js";

const template = `
Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
  Size:
    Type: Number
    Default: 512
  Names:
    Type: CommaDelimitedList
    Default: "a, b"
  Secret:
    Type: String
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: !Sub "api-\${Stage}"
      CodeUri: src/a
      Handler: app.handler
      Runtime: nodejs20.x
      MemorySize: !Ref Size
      Description: !Sub
        - "\${Name} in \${AWS::Region} of \${AWS::AccountId} (\${AWS::Partition}, \${AWS::URLSuffix}, \${AWS::StackName}) \${!Literal}"
        - Name: !Join ["+", !Ref Names]
      Environment:
        Variables:
          STAGE: { Ref: Stage }
          WORKER: !Ref Worker
          LONG: { "Fn::Sub": "\${Stage}-long" }
          GONE: !Ref AWS::NoValue
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Code: src/a
      Handler: app.handler
      Runtime: nodejs20.x
      Description: !GetAtt Queue.Arn
      Timeout: !If [IsProd, 30, 10]
      LoggingConfig:
        LogGroup: !ImportValue shared-log-group
      Environment:
        Variables:
          SECRET: !Ref Secret
          TABLE: !Sub "\${Table.Arn}"
          OTHER: !Ref Queue
          TYPO: !Ref Stgae
  Queue:
    Type: AWS::SQS::Queue
`;

async function load(overrides: string[] = []) {
  const file = await writeTemplate(template);
  return loadTemplate(file, { parameterOverrides: parseParameterOverrides(overrides) });
}

describe("intrinsics resolved", () => {
  it("resolves Ref, Sub and Join to parameters, pseudo parameters and function names", async () => {
    const { functions } = await load();
    const api = functions.find((f) => f.name === "api-dev")!;
    expect(api.memorySize).toBe(512);
    expect(api.description).toBe("a+b in us-east-1 of 123456789012 (aws, amazonaws.com, local) ${Literal}");
    // Ref to a function resource is its name; AWS::NoValue leaves the variable out.
    expect(api.environment).toEqual({ STAGE: "dev", WORKER: "Worker", LONG: "dev-long" });
  });

  it("takes --parameter-overrides over the defaults, pseudo parameters included", async () => {
    const { functions, problems } = await load(["Stage=prod", "AWS::Region=eu-west-1", "Secret=s3cr3t"]);
    const api = functions.find((f) => f.name === "api-prod")!;
    expect(api.description).toMatch(/ in eu-west-1 of /);
    expect(functions.find((f) => f.name === "Worker")!.environment.SECRET).toBe("s3cr3t");
    expect(problems.some((p) => p.message.includes("Secret"))).toBe(false);
  });
});

describe("intrinsics refused", () => {
  it("reports each by resource and property, leaves it at its default, and loads the function", async () => {
    const { functions, problems } = await load();
    const worker = functions.find((f) => f.name === "Worker")!;
    expect(worker.unavailable).toBeUndefined();
    expect(worker).toMatchObject({ description: "", timeout: 3, logGroup: "/aws/lambda/Worker" });
    expect(worker.environment).toEqual({});
    const said = problems.map((p) => `${p.where}: ${p.message}`);
    expect(said).toEqual([
      "Resources.Worker Description: !GetAtt Queue.Arn: a resource attribute, known only once the stack is deployed; left at its default",
      "Resources.Worker Timeout: !If: conditions are not evaluated by the sandbox; left at its default",
      "Resources.Worker Environment.Variables.SECRET: !Ref Secret: parameter Secret has no Default: give it with --parameter-overrides Secret=VALUE; left at its default",
      "Resources.Worker Environment.Variables.TABLE: !Sub ${Table.Arn}: a resource attribute (GetAtt), known only once the stack is deployed; left at its default",
      "Resources.Worker Environment.Variables.OTHER: !Ref Queue: refers to a resource the sandbox does not create (it knows the template's parameters, pseudo parameters and functions); left at its default",
      "Resources.Worker Environment.Variables.TYPO: !Ref Stgae: the template has no parameter or resource of that name; left at its default",
      "Resources.Worker LoggingConfig.LogGroup: !ImportValue: another stack's export, which the sandbox cannot read; left at its default",
    ]);
  });

  it("keeps the variables it can resolve when another cannot be", async () => {
    const { functions } = await load(["Secret=x"]);
    expect(functions.find((f) => f.name === "Worker")!.environment).toEqual({ SECRET: "x" });
  });

  it("reports an override that is not allowed, or names no parameter", async () => {
    const { problems } = await load(["Stage=qa", "Stgae=prod", "Secret=x"]);
    const said = problems.map((p) => `${p.where}: ${p.message}`);
    expect(said).toContain(
      'Parameters Stage: "qa" is not one of its AllowedValues (dev, prod); used as given',
    );
    expect(said).toContain(
      "--parameter-overrides: Stgae is not a parameter of the template (its parameters: Stage, Size, Names, Secret); ignored",
    );
  });

  it("reports an unknown short tag with its line", async () => {
    const file = await writeTemplate(
      "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: src/a\n      Handler: !Bogus app.handler\n      Runtime: nodejs20.x\n",
    );
    const { problems } = await loadTemplate(file);
    expect(problems).toEqual([{ where: "line 6", message: expect.stringMatching(/Unresolved tag: !Bogus/) }]);
  });
});

describe("parseParameterOverrides", () => {
  it("reads SAM CLI's spellings", () => {
    expect(
      Object.fromEntries(
        parseParameterOverrides([
          "Stage=dev",
          'Greeting="hello there" Empty=',
          "ParameterKey=Table,ParameterValue=orders=v2",
          "AWS::Region=eu-west-1",
        ]),
      ),
    ).toEqual({
      Stage: "dev",
      Greeting: "hello there",
      Empty: "",
      Table: "orders=v2",
      "AWS::Region": "eu-west-1",
    });
  });

  it("refuses a word that is not Key=Value, with an example", () => {
    expect(() => parseParameterOverrides(["Stage"])).toThrow(
      /"Stage" is not Key=Value \(for example --parameter-overrides Stage=dev/,
    );
  });
});
