// The Lambda Runtime API (version 2018-06-01) for one execution environment: the HTTP
// endpoint its runtime polls for invocations and posts results to, as on Lambda. One listener
// per environment, on a random loopback port, so only the process given its address in
// AWS_LAMBDA_RUNTIME_API finds it, and every request on it belongs to that environment:
// clients such as the AWS runtime interface clients split that address on ":" and could not
// follow a secret path segment.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const PREFIX = "/2018-06-01/runtime";
/** Lambda's limit on a synchronous response, and on what a runtime may post. */
export const RESPONSE_LIMIT = 6 * 1024 * 1024;

export interface Invocation {
  requestId: string;
  payload: string;
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId: string;
  clientContext: string | null;
  cognitoIdentity: string | null;
}

export interface RuntimeApiEvents {
  /** The runtime asked for work: the first time, its init is over. */
  onNext(): void;
  /** The runtime answered an invocation; `tooLarge` when the body was over the limit (413). */
  onResponse(requestId: string, body: string, tooLarge: boolean, headers: IncomingMessage["headers"]): void;
  /** The runtime reported an invocation's error. */
  onError(
    requestId: string,
    body: string,
    errorType: string | undefined,
    headers: IncomingMessage["headers"],
  ): void;
  /** The runtime reported that its init failed. */
  onInitError(body: string, errorType: string | undefined): void;
}

type Phase = "init" | "idle" | "invoked" | "answered" | "closed";

function reply(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const accepted = (res: ServerResponse) => reply(res, 202, { status: "OK" });
const rejected = (res: ServerResponse, status: number, errorType: string, errorMessage: string) =>
  reply(res, status, { errorMessage, errorType });

/** Reads a request body up to `limit` bytes; past it, keeps reading but drops the bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<{ text: string; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else chunks.length = 0;
    });
    req.on("end", () =>
      resolve(
        size > limit
          ? { text: "", tooLarge: true }
          : { text: Buffer.concat(chunks).toString("utf8"), tooLarge: false },
      ),
    );
    req.on("error", reject);
  });
}

export class RuntimeApiServer {
  private readonly server: Server;
  private readonly listening: Promise<string>;
  private phase: Phase = "init";
  /** A runtime's long poll on /invocation/next, waiting for an invocation. */
  private waiting: ServerResponse | null = null;
  private queued: Invocation | null = null;
  private current: string | null = null;

  constructor(private readonly events: RuntimeApiEvents) {
    this.server = createServer((req, res) => void this.route(req, res));
    // A long poll may wait as long as the environment stays warm.
    this.server.requestTimeout = 0;
    this.server.keepAliveTimeout = 0;
    this.listening = new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        const { port } = this.server.address() as AddressInfo;
        resolve(`127.0.0.1:${port}`);
      });
    });
  }

  /** The value for AWS_LAMBDA_RUNTIME_API: host and port, once listening. */
  address(): Promise<string> {
    return this.listening;
  }

  /** Hands an invocation to the runtime: now if it is polling, else on its next poll. */
  deliver(inv: Invocation): void {
    this.queued = inv;
    this.flush();
  }

  close(): void {
    this.phase = "closed";
    this.waiting = null;
    this.server.close();
    this.server.closeAllConnections();
  }

  private flush(): void {
    const res = this.waiting;
    const inv = this.queued;
    if (!res || !inv) return;
    this.waiting = null;
    this.queued = null;
    this.current = inv.requestId;
    this.phase = "invoked";
    const headers: Record<string, string | number> = {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(inv.payload),
      "lambda-runtime-aws-request-id": inv.requestId,
      "lambda-runtime-deadline-ms": inv.deadlineMs,
      "lambda-runtime-invoked-function-arn": inv.invokedFunctionArn,
      "lambda-runtime-trace-id": inv.traceId,
    };
    if (inv.clientContext !== null) headers["lambda-runtime-client-context"] = asciiJson(inv.clientContext);
    if (inv.cognitoIdentity !== null)
      headers["lambda-runtime-cognito-identity"] = asciiJson(inv.cognitoIdentity);
    res.writeHead(200, headers);
    res.end(inv.payload);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = (req.url ?? "").split("?")[0]!;
    if (this.phase === "closed")
      return rejected(res, 500, "Runtime.Closed", "The execution environment is ending.");
    if (!url.startsWith(PREFIX + "/")) return rejected(res, 404, "NotFound", `No such resource: ${url}`);
    const rest = url.slice(PREFIX.length);
    const m = /^\/invocation\/([^/]+)\/(response|error)$/.exec(rest);
    if (rest === "/invocation/next") {
      if (req.method !== "GET") return rejected(res, 405, "MethodNotAllowed", "Use GET for /invocation/next");
      return this.next(res);
    }
    if (!m && rest !== "/init/error") return rejected(res, 404, "NotFound", `No such resource: ${url}`);
    if (req.method !== "POST") return rejected(res, 405, "MethodNotAllowed", `Use POST for ${url}`);
    let body: { text: string; tooLarge: boolean };
    try {
      body = await readBody(req, RESPONSE_LIMIT);
    } catch {
      return; // the runtime hung up mid-request; nothing to answer
    }
    if (!m) return this.initError(req, res, body.text);
    const id = decodeURIComponent(m[1]!);
    if (id !== this.current)
      return rejected(
        res,
        400,
        "InvalidRequestID",
        `Invalid request ID: ${id} is not the current invocation`,
      );
    if (this.phase !== "invoked")
      return rejected(res, 403, "InvalidStateTransition", `Invocation ${id} has already been answered`);
    this.phase = "answered";
    if (m[2] === "response") {
      if (body.tooLarge) {
        rejected(
          res,
          413,
          "RequestEntityTooLarge",
          `Exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`,
        );
      } else accepted(res);
      this.events.onResponse(id, body.text, body.tooLarge, req.headers);
      return;
    }
    accepted(res);
    this.events.onError(id, body.text, headerOf(req, "lambda-runtime-function-error-type"), req.headers);
  }

  private next(res: ServerResponse): void {
    if (this.phase === "invoked")
      return rejected(res, 403, "InvalidStateTransition", "The current invocation has not been answered");
    const first = this.phase === "init";
    this.phase = "idle";
    this.waiting?.destroy();
    this.waiting = res;
    // The runtime gave up on its poll (it exited, or its client timed out): forget it.
    res.once("close", () => {
      if (this.waiting === res) this.waiting = null;
    });
    if (first) this.events.onNext();
    this.flush();
  }

  private initError(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (this.phase !== "init")
      return rejected(res, 403, "InvalidStateTransition", "Init errors can only be reported during init");
    accepted(res);
    this.events.onInitError(body, headerOf(req, "lambda-runtime-function-error-type"));
  }
}

/**
 * JSON text fit for a header value, which cannot hold line breaks or characters past Latin-1:
 * whitespace between tokens becomes spaces, anything else outside printable ASCII (only
 * possible inside strings) a \u escape, so the value parses to the same data.
 */
export function asciiJson(text: string): string {
  return text
    .replace(/[\t\n\r]/g, " ")
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
