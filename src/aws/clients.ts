// SDK clients for Lambda and CloudWatch Logs from flags or the SDK's environment. Endpoints are
// resolved here (not left to the SDK) so callers can say where they are talking to, and so a
// local endpoint (the sandbox, LocalStack, moto) works without an AWS account.
import { LambdaClient } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { SchemasClient } from "@aws-sdk/client-schemas";
import { credentialReason } from "./credential-reason.js";
import { AwsFailure, describeAwsError } from "./errors.js";
import { ReportingRetryStrategy, attachRetryReporting, type RetryListener } from "./retry.js";

export interface ConnectionOptions {
  profile?: string | undefined;
  region?: string | undefined;
  endpointUrl?: string | undefined;
  /** Told before each retry (throttling, an unreachable or failing endpoint), so a UI can say so. */
  onRetry?: RetryListener | undefined;
  /** Give up connecting after this long (default: LAMBDA_EXPLORER_CONNECT_TIMEOUT_MS, else 5 s). */
  connectTimeoutMs?: number | undefined;
}

export interface Clients {
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
  region: string;
  profile: string | undefined;
  /** The Lambda endpoint when it is not AWS's own. */
  endpoint: string | undefined;
  /**
   * The schema registry's client (shared test events), built on first use: most commands
   * never need it, and its SDK module is loaded only then.
   */
  schemas(): Promise<SchemasClient>;
  destroy(): void;
}

export interface Endpoints {
  lambda: string | undefined;
  logs: string | undefined;
}

/** Flag first, then the service-specific variable, then AWS_ENDPOINT_URL. */
export function resolveEndpoints(flag: string | undefined, env: NodeJS.ProcessEnv): Endpoints {
  const common = flag ?? env.AWS_ENDPOINT_URL;
  return {
    lambda: flag ?? env.AWS_ENDPOINT_URL_LAMBDA ?? common,
    logs: flag ?? env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS ?? common,
  };
}

export function isLocalEndpoint(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

function validateUrl(url: string | undefined, what: string): void {
  if (url === undefined) return;
  let ok = false;
  try {
    ok = /^https?:$/.test(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new AwsFailure(
      "service",
      `${what} "${url}" is not an http(s) URL.`,
      "Example: --endpoint-url http://127.0.0.1:9001",
    );
}

const LOCAL_CREDENTIALS = { accessKeyId: "sandbox", secretAccessKey: "sandbox" };

/**
 * AWS answers a TCP connect in milliseconds; without a limit an unroutable address or a
 * black-holed network hangs each attempt for the operating system's minutes.
 */
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

function connectTimeout(opts: ConnectionOptions, env: NodeJS.ProcessEnv): number {
  if (opts.connectTimeoutMs !== undefined) return opts.connectTimeoutMs;
  const fromEnv = Number(env.LAMBDA_EXPLORER_CONNECT_TIMEOUT_MS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_CONNECT_TIMEOUT_MS;
}

/**
 * Builds both clients and resolves region and credentials up front, so a missing region or
 * missing credentials are reported before any call. A local endpoint gets us-east-1 and
 * placeholder credentials when none are configured: it does not check them.
 */
export async function createClients(
  opts: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Clients> {
  const endpoints = resolveEndpoints(opts.endpointUrl, env);
  validateUrl(endpoints.lambda, "The Lambda endpoint");
  validateUrl(endpoints.logs, "The CloudWatch Logs endpoint");
  const local =
    isLocalEndpoint(endpoints.lambda) && (endpoints.logs === undefined || isLocalEndpoint(endpoints.logs));
  const profile = opts.profile ?? env.AWS_PROFILE;
  const ctx = { profile, endpoint: endpoints.lambda };
  const base = { ...(opts.profile ? { profile: opts.profile } : {}), region: opts.region };

  let region: string;
  try {
    region = await new LambdaClient(base).config.region();
  } catch (err) {
    if (!local) throw describeAwsError(err, ctx);
    region = "us-east-1";
  }

  let credentials: typeof LOCAL_CREDENTIALS | undefined;
  try {
    await new LambdaClient({ ...base, region }).config.credentials();
  } catch (err) {
    if (!local) throw describeAwsError(await credentialReason(err, profile), { ...ctx, region });
    credentials = LOCAL_CREDENTIALS;
  }

  const common = {
    ...base,
    region,
    ...(credentials ? { credentials } : {}),
    requestHandler: { connectionTimeout: connectTimeout(opts, env) },
  };
  const lambdaRetry = new ReportingRetryStrategy("Lambda", opts.onRetry);
  const logsRetry = new ReportingRetryStrategy("CloudWatch Logs", opts.onRetry);
  const lambda = new LambdaClient({
    ...common,
    retryStrategy: lambdaRetry,
    ...(endpoints.lambda ? { endpoint: endpoints.lambda } : {}),
  });
  const logs = new CloudWatchLogsClient({
    ...common,
    retryStrategy: logsRetry,
    ...(endpoints.logs ? { endpoint: endpoints.logs } : {}),
  });
  attachRetryReporting(lambda, lambdaRetry);
  attachRetryReporting(logs, logsRetry);
  let schemas: Promise<SchemasClient> | null = null;
  let schemasClient: SchemasClient | null = null;
  return {
    lambda,
    logs,
    region,
    profile,
    endpoint: endpoints.lambda,
    schemas: () =>
      (schemas ??= import("@aws-sdk/client-schemas").then(({ SchemasClient }) => {
        const endpoint = opts.endpointUrl ?? env.AWS_ENDPOINT_URL_SCHEMAS ?? env.AWS_ENDPOINT_URL;
        validateUrl(endpoint, "The schema registry endpoint");
        const retry = new ReportingRetryStrategy("the schema registry", opts.onRetry);
        schemasClient = new SchemasClient({
          ...common,
          retryStrategy: retry,
          ...(endpoint ? { endpoint } : {}),
        });
        attachRetryReporting(schemasClient, retry);
        return schemasClient;
      })),
    destroy: () => {
      lambda.destroy();
      logs.destroy();
      schemasClient?.destroy();
    },
  };
}
