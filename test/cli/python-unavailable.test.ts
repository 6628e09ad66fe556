// A machine without a usable Python: the sandbox still starts, lists its Python functions,
// refuses to invoke them saying what to do, and runs the others.
import { InvokeCommand, LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";
import { credentials } from "../helpers/sandbox.js";
import { pythonFunctions } from "../integration/sandbox/python-functions.js";

const functionsDir = pythonFunctions({
  "py-hello": { config: { handler: "app.handler" }, copyFrom: "py-hello" },
});
mkdirSync(path.join(functionsDir, "node-hello"));
writeFileSync(path.join(functionsDir, "node-hello", "function.json"), "{}");
writeFileSync(
  path.join(functionsDir, "node-hello", "index.mjs"),
  "export const handler = async () => ({ from: 'node' });\n",
);

let sb: SandboxProcess;
let lambda: LambdaClient;
beforeAll(async () => {
  sb = await startSandboxProcess([functionsDir], { LAMBDA_EXPLORER_PYTHON: "/nonexistent/python3" });
  lambda = new LambdaClient({ endpoint: sb.endpoint, region: "us-east-1", credentials, maxAttempts: 1 });
});
afterAll(async () => {
  lambda?.destroy();
  await sb?.stop();
});

it("lists the Python function all the same", async () => {
  const listed = await lambda.send(new ListFunctionsCommand({}));
  const names = (listed.Functions ?? []).map((f) => f.FunctionName);
  expect(names).toEqual(expect.arrayContaining(["py-hello", "node-hello"]));
  const py = listed.Functions?.find((f) => f.FunctionName === "py-hello");
  expect(py?.Runtime).toBe("python3.12");
});

it("refuses to invoke it, saying Python is missing and what to do, and runs the Node one", async () => {
  const refused = lambda.send(new InvokeCommand({ FunctionName: "py-hello", Payload: Buffer.from("{}") }));
  await expect(refused).rejects.toThrow(
    /\/nonexistent\/python3 \(from LAMBDA_EXPLORER_PYTHON\) was not found/,
  );
  await expect(refused).rejects.toThrow(/Install Python 3\.8 or later/);
  const node = await lambda.send(
    new InvokeCommand({ FunctionName: "node-hello", Payload: Buffer.from("{}") }),
  );
  expect(JSON.parse(Buffer.from(node.Payload ?? []).toString())).toEqual({ from: "node" });
});
