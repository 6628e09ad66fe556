// --debug: one line per AWS request attempt (service, operation, method, URL, status, time,
// request id), the way `aws --debug` lets a user see what was asked of which endpoint. Never
// headers (they carry the signature and the session token) and never a query's X-Amz-*
// parameters (a presigned URL's credentials); bodies are not logged at all.
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { SchemasClient } from "@aws-sdk/client-schemas";

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
      const req = args.request as WireRequest;
      const operation = (context.commandName ?? "?").replace(/Command$/, "");
      const what = `${service} ${operation} ${req.method ?? "?"} ${safeUrl(req)}`;
      const start = performance.now();
      const took = () => `${(performance.now() - start).toFixed(0)} ms`;
      try {
        const out = await next(args);
        const res = out.response as WireResponse;
        write(`${what} -> ${res.statusCode ?? "?"} in ${took()}, request id ${requestId(res.headers)}`);
        return out;
      } catch (err) {
        const e = err as { name?: string; code?: string; message?: string };
        write(`${what} -> failed in ${took()}: ${e.code ?? e.name ?? "Error"}`);
        throw err;
      }
    },
    // The innermost step, around the wire itself: once per attempt, after signing.
    { step: "deserialize", priority: "low", name: "lambdaExplorerDebugLog" },
  );
}
