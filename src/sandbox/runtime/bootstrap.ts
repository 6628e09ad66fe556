// The entry of one Node execution environment, our own Lambda runtime client: loads the handler
// named by _HANDLER from LAMBDA_TASK_ROOT, formats console output as the Lambda Node.js runtime
// does, and runs the invocations it fetches from the Runtime API at AWS_LAMBDA_RUNTIME_API.
// Bundled on its own as dist/runtime.js.
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { killEnvironmentProcesses } from "../runner/process-group.js";
import { END_MARKER, MAX_RSS_HEADER, type ErrorPayload } from "./protocol.js";

type Handler = (event: unknown, context: object, callback?: (err: unknown, res?: unknown) => void) => unknown;

const jsonFormat = process.env.AWS_LAMBDA_LOG_FORMAT === "JSON";
let currentRequestId: string | undefined;
let stdoutAtLineStart = true;

// Track whether raw stdout writes left a partial line, so a console line never glues onto it.
const rawStdoutWrite = process.stdout.write.bind(process.stdout) as (
  chunk: string | Uint8Array,
  callback?: () => void,
) => boolean;
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  if (text.length > 0) stdoutAtLineStart = text.endsWith("\n");
  return (rawStdoutWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;

function writeLogLine(line: string): void {
  rawStdoutWrite((stdoutAtLineStart ? "" : "\n") + line + "\n");
  stdoutAtLineStart = true;
}

function logRecord(level: string, args: unknown[]): void {
  const timestamp = new Date().toISOString();
  if (jsonFormat) {
    const message =
      args.length === 1 && typeof args[0] === "object" && args[0] !== null ? args[0] : format(...args);
    writeLogLine(JSON.stringify({ timestamp, level, requestId: currentRequestId ?? "", message }));
  } else {
    const message = format(...args).replace(/\n/g, "\r");
    writeLogLine(`${timestamp}\t${currentRequestId ?? "undefined"}\t${level}\t${message}`);
  }
}

const levels: Array<[keyof Console, string]> = [
  ["log", "INFO"],
  ["info", "INFO"],
  ["warn", "WARN"],
  ["error", "ERROR"],
  ["debug", "DEBUG"],
  ["trace", "TRACE"],
];
for (const [method, level] of levels) {
  (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => logRecord(level, args);
}

const RUNTIME_FILE = process.argv[1] ?? "\u0000";

/** Stack lines, without the frames of this runtime and Node's internals (noise to the reader). */
function traceOf(stack: string | undefined): string[] {
  return (stack ?? "")
    .split("\n")
    .filter(
      (l) =>
        !(
          l.includes(RUNTIME_FILE) ||
          l.includes("node:internal") ||
          /^\s+at (new Promise|process\.emit)/.test(l)
        ),
    );
}

function errorPayload(err: unknown): ErrorPayload {
  if (err instanceof Error) {
    return {
      errorType: err.name && err.name !== "Error" ? err.name : (err.constructor?.name ?? "Error"),
      errorMessage: err.message,
      trace: traceOf(err.stack),
    };
  }
  return { errorType: typeof err, errorMessage: String(err), trace: [] };
}

function logError(label: string, err: ErrorPayload): void {
  if (jsonFormat) {
    const record = {
      timestamp: new Date().toISOString(),
      level: "ERROR",
      requestId: currentRequestId ?? "",
      message: label,
    };
    writeLogLine(
      JSON.stringify({
        ...record,
        errorType: err.errorType,
        errorMessage: err.errorMessage,
        stackTrace: err.trace ?? [],
      }),
    );
    return;
  }
  const body = { errorType: err.errorType, errorMessage: err.errorMessage, stack: err.trace ?? [] };
  logRecord("ERROR", [`${label} \t${JSON.stringify(body)}`]);
}

function crash(label: string, err: unknown, code: number): never {
  const payload = errorPayload(err);
  if (label === "Unhandled Promise Rejection") payload.errorType = "Runtime.UnhandledPromiseRejection";
  logError(label, payload);
  process.exit(code);
}
process.on("uncaughtException", (err) => crash("Uncaught Exception", err, 129));

/**
 * The sandbox is gone (it crashed or was killed without stopping us): end this environment's
 * process group, the handler's children included, rather than outlive it. The sandbox starts
 * us as a group leader, so -pid is our group.
 */
function sandboxGone(): never {
  // The same two steps as the sandbox's own kill: what left the group is found below us first.
  killEnvironmentProcesses(process.pid, true);
  process.exit(1);
}
// The sandbox holds our stdin open for as long as it lives: its end is the sandbox's death,
// noticed even while a handler runs and nothing is being asked of the Runtime API.
process.stdin.on("end", sandboxGone);
process.stdin.on("error", sandboxGone);
process.stdin.resume();
process.on("unhandledRejection", (err) => crash("Unhandled Promise Rejection", err, 128));

function builtin(name: string): Handler | undefined {
  if (name === "echo") return async (event) => ({ ok: true, echo: event });
  return undefined;
}

async function loadHandler(): Promise<Handler> {
  const spec = process.env._HANDLER ?? "index.handler";
  const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const dot = spec.lastIndexOf(".");
  const modulePath = spec.slice(0, dot);
  const exportName = spec.slice(dot + 1);
  if (modulePath === "builtin") {
    const fn = builtin(exportName);
    if (fn) return fn;
  }
  const file = [".mjs", ".js", ".cjs"]
    .map((ext) => path.join(root, modulePath + ext))
    .find((f) => existsSync(f));
  if (!file) {
    const e = new Error(`Cannot find module '${modulePath}'`);
    e.name = "Runtime.ImportModuleError";
    throw e;
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    const e = new Error(`${(err as Error).name ?? "Error"}: ${(err as Error).message}`);
    e.name = "Runtime.ImportModuleError";
    throw e;
  }
  const fn = mod[exportName] ?? (mod.default as Record<string, unknown> | undefined)?.[exportName];
  if (typeof fn !== "function") {
    const e = new Error(`${modulePath}.${exportName} is undefined or not exported`);
    e.name = "Runtime.HandlerNotFound";
    throw e;
  }
  return fn as Handler;
}

function callHandler(handler: Handler, event: unknown, context: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (err: unknown, res?: unknown) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(res);
    };
    try {
      const out = handler(event, context, handler.length >= 3 ? done : undefined);
      if (out && typeof (out as Promise<unknown>).then === "function") {
        (out as Promise<unknown>).then(
          (v) => done(null, v),
          (e: unknown) => done(e ?? new Error("rejected")),
        );
      } else if (handler.length < 3) {
        done(null, out);
      }
    } catch (err) {
      done(err);
    }
  });
}

function flushMarkers(requestId: string): Promise<void> {
  const line = `${END_MARKER}${requestId}\n`;
  return Promise.all([
    new Promise<void>((r) => rawStdoutWrite(line, () => r())),
    new Promise<void>((r) => process.stderr.write(line, () => r())),
  ]).then(() => undefined);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const [apiHost = "127.0.0.1", apiPort = "9001"] = (process.env.AWS_LAMBDA_RUNTIME_API ?? "").split(":");
// One connection kept open: a warm invoke costs no TCP handshake.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function call(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: apiHost,
        port: Number(apiPort),
        method,
        path: `/2018-06-01/runtime${path}`,
        agent,
        headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Calls the Runtime API; the sandbox not answering means it is gone. */
async function api(
  method: string,
  path: string,
  body?: string,
  headers?: Record<string, string>,
): Promise<Answer> {
  try {
    return await call(method, path, body, headers);
  } catch {
    return sandboxGone();
  }
}

const header = (a: Answer, name: string): string | undefined => {
  const v = a.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

async function invoke(handler: Handler, next: Answer): Promise<void> {
  const requestId = header(next, "lambda-runtime-aws-request-id") ?? "";
  const deadlineMs = Number(header(next, "lambda-runtime-deadline-ms") ?? Date.now());
  const clientContext = header(next, "lambda-runtime-client-context");
  const identity = header(next, "lambda-runtime-cognito-identity");
  currentRequestId = requestId;
  process.env._X_AMZN_TRACE_ID = header(next, "lambda-runtime-trace-id") ?? "";
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: header(next, "lambda-runtime-invoked-function-arn"),
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: clientContext ? (JSON.parse(clientContext) as unknown) : undefined,
    identity: identity ? (JSON.parse(identity) as unknown) : undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadlineMs - Date.now()),
  };
  let payload: string | null = null;
  let error: ErrorPayload | null = null;
  try {
    const event: unknown = next.body.length === 0 ? {} : JSON.parse(next.body);
    const result = await callHandler(handler, event, context);
    payload = result === undefined ? "null" : JSON.stringify(result);
  } catch (err) {
    error = errorPayload(err);
    logError("Invoke Error", error);
  }
  await flushMarkers(requestId);
  currentRequestId = undefined;
  const rss = { [MAX_RSS_HEADER]: String(process.resourceUsage().maxRSS) };
  const id = encodeURIComponent(requestId);
  if (error) {
    await api("POST", `/invocation/${id}/error`, JSON.stringify(error), {
      ...rss,
      "content-type": "application/json",
      "lambda-runtime-function-error-type": error.errorType,
    });
  } else {
    await api("POST", `/invocation/${id}/response`, payload ?? "null", rss);
  }
}

async function main(): Promise<void> {
  let handler: Handler;
  try {
    handler = await loadHandler();
  } catch (err) {
    const error = errorPayload(err);
    logError("Uncaught Exception", error);
    await api("POST", "/init/error", JSON.stringify(error), {
      "content-type": "application/json",
      "lambda-runtime-function-error-type": error.errorType,
    });
    return;
  }
  for (;;) await invoke(handler, await api("GET", "/invocation/next"));
}

void main();
