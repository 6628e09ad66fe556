// --debug: one line per AWS request attempt (service, operation, method, URL, status, time,
// request id), the way `aws --debug` lets a user see what was asked of which endpoint, and
// under it the request's and the response's body, cut to their first BODY_PREVIEW bytes with
// the whole length said. Never headers (they carry Authorization, the signature and
// X-Amz-Security-Token) and never a query's X-Amz-* parameters (a presigned URL's
// credentials); and should a body hold the caller's own key, secret or session token (a
// payload echoing its environment), it is masked.
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { SchemasClient } from "@aws-sdk/client-schemas";
import { escapeSpecial } from "../core/sanitize.js";

export type DebugWriter = (line: string) => void;

interface WireRequest {
  method?: string;
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
  query?: Record<string, string | string[] | null>;
}

interface WireResponse {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Bytes of a body shown: enough to recognise a payload or an error, short enough to scan. */
export const BODY_PREVIEW = 200;

/** Secrets that must never be printed: the credentials the request was signed with. */
type Secrets = readonly string[];

/**
 * A body as one line: its first BODY_PREVIEW bytes as text (control characters escaped, so a
 * payload cannot draw on the terminal or forge a line), then `… (N bytes)` when cut.
 */
export function bodyPreview(body: Uint8Array | string | null | undefined, secrets: Secrets = []): string {
  if (body === null || body === undefined || body.length === 0) return "(empty)";
  const bytes =
    typeof body === "string"
      ? Buffer.from(body, "utf8")
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const cut = bytes.length > BODY_PREVIEW;
  // A cut may split a character: the decoder shows its first bytes as U+FFFD, which is honest.
  let text = bytes.toString("utf8", 0, Math.min(bytes.length, BODY_PREVIEW));
  for (const s of secrets) if (s.length >= 8) text = text.split(s).join("***");
  text = escapeSpecial(text, "\\t");
  return cut ? `${text}… (${bytes.length} bytes)` : text;
}

/** Reads a response body whole (an SDK body stream), for the SDK to parse from bytes after. */
async function readAll(body: unknown): Promise<Uint8Array | null> {
  if (body instanceof Uint8Array) return body;
  if (!body || typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function") return null;
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Uint8Array | string>)
    chunks.push(typeof c === "string" ? Buffer.from(c) : Buffer.from(c));
  return new Uint8Array(Buffer.concat(chunks));
}

async function secretsOf(client: { config: unknown }): Promise<Secrets> {
  try {
    const provider = (client.config as { credentials?: () => Promise<Record<string, unknown>> }).credentials;
    const c = provider ? await provider() : {};
    return [c.accessKeyId, c.secretAccessKey, c.sessionToken].filter(
      (v): v is string => typeof v === "string",
    );
  } catch {
    return [];
  }
}

/** The URL without credentials: no user info, no X-Amz-* query parameters. */
export function safeUrl(req: WireRequest): string {
  const params = Object.entries(req.query ?? {})
    .filter(([k]) => !/^x-amz-/i.test(k))
    .flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((one) =>
        one === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(one)}`,
      ),
    );
  const port = req.port ? `:${req.port}` : "";
  return `${req.protocol ?? "https:"}//${req.hostname ?? ""}${port}${req.path ?? "/"}${params.length ? `?${params.join("&")}` : ""}`;
}

function requestId(headers: Record<string, string> | undefined): string {
  if (!headers) return "-";
  for (const [k, v] of Object.entries(headers))
    if (/^x-amzn-requestid$|^x-amz-request-id$/i.test(k)) return v;
  return "-";
}

export function attachDebugLog(
  client: LambdaClient | CloudWatchLogsClient | SchemasClient,
  service: string,
  write: DebugWriter,
): void {
  (client.middlewareStack as LambdaClient["middlewareStack"]).add(
    (next, context) => async (args) => {
      const req = args.request as WireRequest & { body?: unknown };
      const operation = (context.commandName ?? "?").replace(/Command$/, "");
      const what = `${service} ${operation} ${req.method ?? "?"} ${safeUrl(req)}`;
      const secrets = await secretsOf(client);
      const sent = typeof req.body === "string" || req.body instanceof Uint8Array ? req.body : null;
      const start = performance.now();
      const took = () => `${(performance.now() - start).toFixed(0)} ms`;
      try {
        const out = await next(args);
        const res = out.response as WireResponse;
        // An event stream (StartLiveTail) is read as it comes for hours: never held here.
        const streamed = String(res.headers?.["content-type"] ?? "").startsWith(
          "application/vnd.amazon.eventstream",
        );
        // Read here, whole, then handed on as bytes (the SDK reads the body whole anyway).
        const body = streamed ? null : await readAll(res.body);
        if (body !== null) res.body = body;
        write(`${what} -> ${res.statusCode ?? "?"} in ${took()}, request id ${requestId(res.headers)}`);
        write(`  request body: ${bodyPreview(sent, secrets)}`);
        write(`  response body: ${streamed ? "(event stream)" : bodyPreview(body, secrets)}`);
        return out;
      } catch (err) {
        const e = err as { name?: string; code?: string; message?: string };
        write(`${what} -> failed in ${took()}: ${e.code ?? e.name ?? "Error"}`);
        write(`  request body: ${bodyPreview(sent, secrets)}`);
        throw err;
      }
    },
    // The innermost step, around the wire itself: once per attempt, after signing.
    { step: "deserialize", priority: "low", name: "lambdaExplorerDebugLog" },
  );
}
