// Lambda operations (restJson1 under /2015-03-31) over the registry and the runner.
import { randomUUID } from "node:crypto";
import { AwsError, invalidParameter } from "../errors.js";
import type { Runner } from "../runner/runner.js";
import type { Registry, Scope } from "./registry.js";

export const SYNC_LIMIT = 6 * 1024 * 1024;
export const ASYNC_LIMIT = 1024 * 1024;

export interface LambdaRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** True when the body was larger than the server was willing to hold. */
  bodyTooLarge: boolean;
  scope: Scope;
}

export interface LambdaResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface InvocationEvent {
  functionName: string;
  version: string;
  qualifier: string | undefined;
  invocationType: string;
  status: number;
  functionError: string | null;
  durationMs: number;
}

const json = (body: unknown, status = 200): LambdaResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

function header(req: LambdaRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function pageParams(req: LambdaRequest): { start: number; size: number } {
  const marker = req.query.get("Marker");
  const maxItems = req.query.get("MaxItems");
  let size = 50;
  if (maxItems !== null) {
    const n = Number(maxItems);
    if (!Number.isInteger(n) || n < 1 || n > 10000) {
      throw new AwsError(
        400,
        "InvalidParameterValueException",
        `1 validation error detected: Value '${maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
      );
    }
    size = Math.min(n, 50);
  }
  let start = 0;
  if (marker) {
    const decoded = Number(Buffer.from(marker, "base64url").toString("utf8"));
    if (!Number.isInteger(decoded) || decoded < 0)
      throw invalidParameter("Invalid Marker: it did not come from a previous NextMarker.");
    start = decoded;
  }
  return { start, size };
}

/** One page of `items`; `describe` runs only for the items on the page (lists can be 100,000 long). */
function paged<T>(
  items: T[],
  req: LambdaRequest,
  key: string,
  describe: (item: T) => unknown = (i) => i,
): LambdaResponse {
  const { start, size } = pageParams(req);
  const out: Record<string, unknown> = { [key]: items.slice(start, start + size).map(describe) };
  if (start + size < items.length) out.NextMarker = Buffer.from(String(start + size)).toString("base64url");
  return json(out);
}

export class LambdaApi {
  constructor(
    private readonly registry: Registry,
    private readonly runner: Runner,
    private readonly onInvocation: (e: InvocationEvent) => void = () => {},
  ) {}

  async handle(req: LambdaRequest): Promise<LambdaResponse> {
    const parts = req.path.split("/").filter(Boolean).map(decodeURIComponent);
    if (parts[0] === "2016-08-19" && parts[1] === "account-settings" && req.method === "GET")
      return this.accountSettings();
    if (parts[0] !== "2015-03-31" || parts[1] !== "functions") throw unknownOperation(req);
    const [, , fn, sub, subName] = parts;
    if (fn === undefined) {
      if (req.method === "GET") return this.listFunctions(req);
      throw unknownOperation(req);
    }
    if (req.method === "POST" && sub === "invocations" && subName === undefined) return this.invoke(fn, req);
    if (req.method !== "GET") throw unknownOperation(req);
    const scope = req.scope;
    switch (sub) {
      case undefined: {
        const r = this.registry.resolve(fn, req.query.get("Qualifier") ?? undefined, scope);
        return json({
          Configuration: this.registry.configuration(r.spec, r.version, scope),
          Code: { RepositoryType: "S3", Location: `https://sandbox.invalid/${r.spec.name}/${r.version}.zip` },
          Tags: {},
          // As Lambda: present only when the function has reserved concurrency.
          ...(r.spec.reservedConcurrency === null
            ? {}
            : { Concurrency: { ReservedConcurrentExecutions: r.spec.reservedConcurrency } }),
        });
      }
      case "configuration": {
        const r = this.registry.resolve(fn, req.query.get("Qualifier") ?? undefined, scope);
        return json(this.registry.configuration(r.spec, r.version, scope));
      }
      case "versions": {
        const { spec } = this.registry.get(fn, scope);
        const versions = ["$LATEST", ...spec.versions.keys()].map((v) =>
          this.registry.configuration(spec, v, scope),
        );
        return paged(versions, req, "Versions");
      }
      case "aliases": {
        const { spec } = this.registry.get(fn, scope);
        if (subName !== undefined) return json(this.registry.aliasConfiguration(spec, subName, scope));
        const only = req.query.get("FunctionVersion");
        const aliases = [...spec.aliases.keys()]
          .sort()
          .map((a) => this.registry.aliasConfiguration(spec, a, scope))
          .filter((a) => !only || a.FunctionVersion === only);
        return paged(aliases, req, "Aliases");
      }
      default:
        throw unknownOperation(req);
    }
  }

  private accountSettings(): LambdaResponse {
    return json({
      AccountLimit: {
        TotalCodeSize: 80530636800,
        CodeSizeUnzipped: 262144000,
        CodeSizeZipped: 52428800,
        ConcurrentExecutions: 1000,
        UnreservedConcurrentExecutions: 1000,
      },
      AccountUsage: { TotalCodeSize: this.registry.size * 1024, FunctionCount: this.registry.size },
    });
  }

  private listFunctions(req: LambdaRequest): LambdaResponse {
    // Both lists are built once: rebuilding 100,000 entries for every page of 50 made listing
    // them all take half a minute.
    if (req.query.get("FunctionVersion") === "ALL")
      return paged(this.registry.allVersions(), req, "Functions", ({ spec, version }) =>
        this.registry.configuration(spec, version, req.scope),
      );
    return paged(this.registry.all(), req, "Functions", (spec) =>
      this.registry.configuration(spec, "$LATEST", req.scope),
    );
  }

  private async invoke(fn: string, req: LambdaRequest): Promise<LambdaResponse> {
    const target = this.registry.resolve(fn, req.query.get("Qualifier") ?? undefined, req.scope);
    if (target.spec.unavailable !== undefined) throw cannotRun(target.spec.name, target.spec.unavailable);
    const type = header(req, "x-amz-invocation-type") ?? "RequestResponse";
    if (type !== "RequestResponse" && type !== "Event" && type !== "DryRun") {
      throw new AwsError(
        400,
        "ValidationException",
        `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
      );
    }
    const logType = header(req, "x-amz-log-type") ?? "None";
    if (logType !== "None" && logType !== "Tail") {
      throw new AwsError(
        400,
        "ValidationException",
        `1 validation error detected: Value '${logType}' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]`,
      );
    }
    const limit = type === "Event" ? ASYNC_LIMIT : SYNC_LIMIT;
    if (req.bodyTooLarge || req.body.length > limit) {
      throw new AwsError(
        413,
        "RequestTooLargeException",
        `Request must be smaller than ${limit} bytes for the ${type === "Event" ? "InvokeAsync" : "InvokeFunction"} operation`,
      );
    }
    const payload = req.body.toString("utf8");
    if (payload.trim().length > 0) {
      try {
        JSON.parse(payload);
      } catch (err) {
        throw new AwsError(
          400,
          "InvalidRequestContentException",
          `Could not parse request body into json: Could not parse payload into json: ${(err as Error).message}`,
        );
      }
    }
    const clientContext = decodeClientContext(header(req, "x-amz-client-context"));
    const requestId = randomUUID();
    const invokeReq = { requestId, payload, invokedFunctionArn: target.invokedArn, clientContext };
    const event = (status: number, functionError: string | null, durationMs: number) =>
      this.onInvocation({
        functionName: target.spec.name,
        version: target.version,
        qualifier: target.qualifier,
        invocationType: type,
        status,
        functionError,
        durationMs,
      });

    if (type === "DryRun") {
      event(204, null, 0);
      return { status: 204, headers: { "x-amzn-requestid": requestId }, body: "" };
    }
    if (type === "Event") {
      this.runner.invoke(target, invokeReq).then(
        (o) => event(202, o.functionError, o.metrics.durationMs),
        () => event(202, "Throttled", 0),
      );
      return { status: 202, headers: { "x-amzn-requestid": requestId }, body: "" };
    }

    const outcome = await this.runner.invoke(target, invokeReq);
    let body = outcome.payload;
    let functionError = outcome.functionError;
    if (Buffer.byteLength(body) > SYNC_LIMIT) {
      body = JSON.stringify({
        errorMessage: `Response payload size exceeded maximum allowed payload size (${SYNC_LIMIT} bytes).`,
        errorType: "Function.ResponseSizeTooLarge",
      });
      functionError = "Unhandled";
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-amzn-requestid": requestId,
      "x-amz-executed-version": target.version,
    };
    if (logType === "Tail")
      headers["x-amz-log-result"] = Buffer.from(outcome.tail, "utf8").toString("base64");
    if (functionError) headers["x-amz-function-error"] = functionError;
    event(200, functionError, outcome.metrics.durationMs);
    return { status: 200, headers, body };
  }
}

function decodeClientContext(value: string | undefined): string | null {
  if (!value) return null;
  const text = Buffer.from(value, "base64").toString("utf8");
  try {
    JSON.parse(text);
  } catch {
    throw new AwsError(
      400,
      "InvalidRequestContentException",
      "Client context must be a valid Base64-encoded JSON object.",
    );
  }
  return text;
}

/**
 * Lambda refuses to invoke a function whose state is Failed with a 409 ResourceConflictException
 * (a 4xx, so SDKs report it at once rather than retrying); its message says why and what to do.
 */
function cannotRun(name: string, why: string): AwsError {
  return new AwsError(
    409,
    "ResourceConflictException",
    `The sandbox cannot run ${name}: ${why}. Fix the function (its template or function.json) and restart the sandbox, or invoke it on AWS.`,
  );
}

function unknownOperation(req: LambdaRequest): AwsError {
  return new AwsError(
    404,
    "UnknownOperationException",
    `The sandbox does not implement ${req.method} ${req.path}`,
  );
}
