// `lambda-explorer sandbox`: the local endpoint on its own, with instructions for the AWS CLI.
import { stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../sandbox/config.js";
import { startSandbox, type Sandbox, type SandboxOptions } from "../sandbox/server.js";
import type { InvocationEvent } from "../sandbox/lambda/api.js";
import type { ThrottleEvent } from "../sandbox/server.js";
import { EXIT, UserError } from "./exit-codes.js";
import { intOption } from "./options.js";
import { bundledFunctionsDir, runtimePath } from "./paths.js";
import { resolveSandboxSource, type SandboxSource } from "./sandbox-source.js";

export async function resolveFunctionsDir(dir: string | undefined): Promise<string> {
  const resolved = path.resolve(dir ?? bundledFunctionsDir);
  const s = await stat(resolved).catch(() => null);
  if (!s?.isDirectory())
    throw new UserError(
      `${resolved} is not a folder of functions (one subfolder per function, each with a function.json)`,
    );
  return resolved;
}

function invocationLine(e: InvocationEvent): string {
  const time = new Date().toISOString().slice(11, 19);
  const q = e.qualifier ? `:${e.qualifier}` : "";
  const err = e.functionError ? ` ${e.functionError}` : "";
  return `${time} ${e.invocationType} ${e.functionName}${q} (${e.version}) ${e.status}${err} ${e.durationMs.toFixed(1)} ms\n`;
}

function throttleLine(e: ThrottleEvent): string {
  const time = new Date().toISOString().slice(11, 19);
  return `${time} throttled ${e.service === "logs" ? "CloudWatch Logs" : "Lambda"} ${e.operation} (${e.service === "logs" ? "400 ThrottlingException" : "429 TooManyRequestsException"})\n`;
}

function instructions(sb: Sandbox, source: SandboxSource, logDelay: number, throttleEvery: number): string {
  // Synthetic functions have no code folder; neither have template functions whose code is elsewhere.
  const synthetic =
    sb.functions.filter((f) => f.codeDir === null).length -
    source.functions.filter((f) => f.codeDir === null).length;
  const fromDir = sb.functions.length - synthetic - source.functions.length;
  const runnable = sb.functions.find((f) => f.unavailable === undefined);
  const example = runnable?.name ?? "my-function";
  const logGroup = runnable?.logGroup ?? `/aws/lambda/${example}`;
  const from = source.template
    ? `${source.functions.length} function${source.functions.length === 1 ? "" : "s"} from template ${source.template}`
    : `${fromDir} functions from ${source.functionsDir}`;
  const cannot = source.functions.filter((f) => f.unavailable !== undefined).length;
  return (
    [
      `Sandbox listening on ${sb.url}`,
      `  ${from}${synthetic ? ` and ${synthetic} synthetic` : ""}`,
      cannot > 0
        ? `  ${cannot} of them cannot run here (see above): they are listed, and Invoke says why`
        : "",
      logDelay > 0 ? `  log events are delivered ${logDelay} ms after they are written` : "",
      throttleEvery > 0 ? `  ${throttleNote(throttleEvery)}` : "",
      "",
      "Use it with the AWS CLI or any SDK:",
      `  export AWS_ENDPOINT_URL=${sb.url}`,
      "  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox",
      "  aws lambda list-functions",
      `  aws lambda invoke --function-name ${example} --log-type Tail out.json`,
      `  aws logs filter-log-events --log-group-name ${logGroup}`,
      `  aws schemas describe-schema --registry-name lambda-testevent-schemas --schema-name _${example}-schema`,
      "",
      "Press Ctrl+C to stop.",
      "",
    ]
      .filter((l, i, all) => l !== "" || all[i - 1] !== "")
      .join("\n") + "\n"
  );
}

function throttleNote(n: number): string {
  if (n === 1) return "every Lambda and CloudWatch Logs request is throttled";
  const suffixes: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };
  const nth = `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (suffixes[n % 10] ?? "th")}`;
  return `every ${nth} Lambda request and every ${nth} CloudWatch Logs request is throttled`;
}

/** Starts the sandbox with the bundled runtime; a bad folder or a busy port is the user's to fix. */
export async function startLocalSandbox(
  options: Omit<SandboxOptions, "runtimePath"> & { runtimePath?: string },
): Promise<Sandbox> {
  try {
    return await startSandbox({ runtimePath, ...options });
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(err.message);
    if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new UserError(
        `port ${options.port} is in use: choose another with --port, or --port 0 for a free one`,
      );
    }
    throw err;
  }
}

export async function runSandboxCommand(
  dir: string | undefined,
  opts: Record<string, string | string[] | boolean | undefined>,
): Promise<void> {
  const port = intOption("port", opts.port, 0, 65535);
  const logDelay = intOption("log-delay", opts.logDelay, 0, 600_000);
  const retentionMb = intOption("log-retention-mb", opts.logRetentionMb ?? "64", 1, 1_000_000);
  const synthetic = intOption("synthetic", opts.synthetic, 0, 1_000_000);
  const throttleEvery = intOption("throttle-every", opts.throttleEvery ?? "0", 0, 1_000_000);
  const overrides = Array.isArray(opts.parameterOverrides) ? opts.parameterOverrides : [];
  const source = await resolveSandboxSource(dir, overrides);
  // Before the instructions, on stderr: a script reading --json still sees them in its log.
  if (source.problems) process.stderr.write(source.problems);
  const sb = await startLocalSandbox({
    functionsDir: source.functionsDir,
    functions: source.functions,
    port,
    logDelayMs: logDelay,
    logRetentionBytes: retentionMb * 1024 * 1024,
    synthetic,
    throttleEvery,
    stateDir: typeof opts.state === "string" ? path.resolve(opts.state) : null,
    onInvocation: opts.quiet || opts.json ? undefined : (e) => process.stdout.write(invocationLine(e)),
    onThrottle: opts.quiet || opts.json ? undefined : (e) => process.stdout.write(throttleLine(e)),
  });
  if (opts.json) {
    process.stdout.write(
      JSON.stringify({
        endpoint: sb.url,
        port: sb.port,
        functions: sb.functions.length,
        ...(source.template ? { template: source.template } : {}),
      }) + "\n",
    );
  } else {
    process.stdout.write(instructions(sb, source, logDelay, throttleEvery));
  }
  const stop = () => {
    void sb.close().then(() => process.exit(EXIT.ok));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
