// The sandbox endpoint: one HTTP server on 127.0.0.1 that answers Lambda (restJson1, by
// path), CloudWatch Logs (awsJson1_1, by X-Amz-Target) and the EventBridge schema registry
// (restJson1 under /v1/), so AWS_ENDPOINT_URL alone points every client at it.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { loadFunctions, syntheticFunctions, type FunctionSpec } from "./config.js";
import { AwsError } from "./errors.js";
import { LogStore } from "./log-store.js";
import { allowedHostNames, refusal } from "./request-gate.js";
import { handleLogsOperation } from "./logs/api.js";
import { startLiveTail } from "./logs/live-tail.js";
import { LambdaApi, SYNC_LIMIT, type InvocationEvent, type LambdaResponse } from "./lambda/api.js";
import { ACCOUNT, Registry, type Scope } from "./lambda/registry.js";
import { Runner } from "./runner/runner.js";
import { SCHEMAS_PREFIX, SchemasApi, schemasError } from "./schemas/api.js";
import { SchemaStore } from "./schemas/store.js";
import { Throttle, lambdaThrottle, logsThrottle } from "./throttle.js";

export interface SandboxOptions {
  /** Folder of function subfolders; null for none (e.g. only synthetic functions). */
  functionsDir: string | null;
  /** Functions loaded already (from a SAM or CloudFormation template), beside the folder's. */
  functions?: FunctionSpec[];
  /** Path of the bundled function runtime (dist/runtime.js). */
  runtimePath: string;
  host?: string;
  port?: number;
  logDelayMs?: number;
  /** How long a StartLiveTail session lasts (AWS: 3 hours), shorter for tests of reconnecting. */
  liveTailSessionMs?: number;
  /** Most bytes of log events one log group keeps; the oldest go first (default 64 MB). */
  logRetentionBytes?: number;
  synthetic?: number;
  defaultRegion?: string;
  onInvocation?: (e: InvocationEvent) => void;
  /** Answer every Nth Lambda request (and every Nth CloudWatch Logs request) as throttled; 0 never. */
  throttleEvery?: number;
  onThrottle?: (e: ThrottleEvent) => void;
  /** Folder for what must survive a restart (the schema registry); null keeps it in memory. */
  stateDir?: string | null;
}

export interface ThrottleEvent {
  service: "lambda" | "logs";
  /** The HTTP request line for Lambda, the X-Amz-Target operation for CloudWatch Logs. */
  operation: string;
}

export interface Sandbox {
  url: string;
  port: number;
  functions: FunctionSpec[];
  runner: Runner;
  /** The CloudWatch Logs store, e.g. for a test to load events without running functions. */
  store: LogStore;
  close(): Promise<void>;
}

const LOGS_TARGET = "Logs_20140328.";

/** The region a signed request was made for (from its SigV4 credential scope). */
function regionOf(req: http.IncomingMessage, fallback: string): string {
  const auth = req.headers.authorization ?? "";
  const m = /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(auth);
  return m ? m[1]! : fallback;
}

/** Reads a body, keeping at most `limit` + 1 bytes so an oversized upload cannot exhaust memory. */
function readBody(req: http.IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit + 1) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, r: LambdaResponse, requestId: string): void {
  const headers: Record<string, string | number> = { "x-amzn-requestid": requestId, ...r.headers };
  headers["content-length"] = Buffer.byteLength(r.body);
  res.writeHead(r.status, headers);
  res.end(r.body);
}

function lambdaError(err: AwsError): LambdaResponse {
  const body: Record<string, string> = { Type: err.kind, Message: err.message };
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-amzn-errortype": err.code,
  };
  if (err.extra.reason) body.Reason = err.extra.reason;
  // Lambda's model binds TooManyRequestsException.retryAfterSeconds to this header.
  if (err.extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  return { status: err.status, headers, body: JSON.stringify({ ...body, message: err.message }) };
}

function logsError(err: AwsError): LambdaResponse {
  return {
    // CloudWatch Logs answers its errors 400, but a refused caller 403, as AWS does.
    status: err.status >= 500 || err.status === 403 ? err.status : 400,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": err.code },
    body: JSON.stringify({ __type: err.code, message: err.message }),
  };
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const specs = options.functionsDir ? await loadFunctions(options.functionsDir) : [];
  const functions = [...specs, ...(options.functions ?? []), ...syntheticFunctions(options.synthetic ?? 0)];
  const registry = new Registry(functions);
  const store = new LogStore(options.logDelayMs ?? 0, Date.now, options.logRetentionBytes);
  const runner = new Runner(store, { runtimePath: options.runtimePath });
  const lambda = new LambdaApi(registry, runner, options.onInvocation);
  const schemas = new SchemasApi(
    new SchemaStore(options.stateDir ? path.join(options.stateDir, "schemas.json") : null),
  );
  const defaultRegion = options.defaultRegion ?? "us-east-1";
  const throttles = {
    lambda: new Throttle(options.throttleEvery ?? 0),
    logs: new Throttle(options.throttleEvery ?? 0),
  };

  const host = options.host ?? "127.0.0.1";
  const hostAllowed = allowedHostNames(host);
  let port = 0;
  const server = http.createServer((req, res) => {
    const requestId = randomUUID();
    const scope: Scope = { region: regionOf(req, defaultRegion), account: ACCOUNT };
    const url = new URL(req.url ?? "/", "http://sandbox");
    const target = req.headers["x-amz-target"];
    const isLogs = typeof target === "string" && target.startsWith(LOGS_TARGET);
    const isSchemas = !isLogs && url.pathname.startsWith(SCHEMAS_PREFIX);
    const wrap = isLogs ? logsError : isSchemas ? schemasError : lambdaError;
    // Refused before the body is read or a throttle counts it: nothing of it reaches a function.
    const refused = refusal(req, port, hostAllowed);
    if (refused) {
      req.resume();
      send(res, wrap(refused), requestId);
      return;
    }
    readBody(req, SYNC_LIMIT)
      .then(async ({ body, tooLarge }) => {
        // The REST services (Lambda, the schema registry) read the same parts of a request.
        const rest = {
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
          bodyTooLarge: tooLarge,
          scope,
        };
        if (isSchemas) return schemas.handle(rest);
        if (throttles[isLogs ? "logs" : "lambda"].next()) {
          options.onThrottle?.({
            service: isLogs ? "logs" : "lambda",
            operation: isLogs ? target.slice(LOGS_TARGET.length) : `${req.method} ${url.pathname}`,
          });
          throw isLogs
            ? logsThrottle()
            : lambdaThrottle(req.method === "POST" && url.pathname.endsWith("/invocations"));
        }
        if (isLogs) {
          let input: Record<string, unknown>;
          try {
            input = body.length ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
          } catch {
            throw new AwsError(400, "SerializationException", "The request body is not valid JSON.");
          }
          const op = target.slice(LOGS_TARGET.length);
          // A stream, not one answer: it writes the response itself, and stays open.
          if (op === "StartLiveTail")
            return startLiveTail(store, input, res, requestId, options.liveTailSessionMs);
          const out = handleLogsOperation(store, op, input, scope);
          return {
            status: 200,
            headers: { "content-type": "application/x-amz-json-1.1" },
            body: JSON.stringify(out),
          };
        }
        return lambda.handle(rest);
      })
      .then(
        (r) => r && send(res, r, requestId),
        (err: unknown) => {
          const e =
            err instanceof AwsError
              ? err
              : new AwsError(500, "ServiceException", `Sandbox error: ${(err as Error).message}`);
          send(res, wrap(e), requestId);
        },
      );
  });
  server.keepAliveTimeout = 60_000;
  // Invocations can run for the function's whole timeout (up to 15 minutes).
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    functions,
    runner,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        runner.shutdown();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
