// SDK clients for Lambda and CloudWatch Logs from flags or the SDK's environment. Endpoints are
// resolved here (not left to the SDK) so callers can say where they are talking to, and so a
// local endpoint (the sandbox, LocalStack, moto) works without an AWS account.
import { LambdaClient } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { SchemasClient } from "@aws-sdk/client-schemas";
import { credentialReason } from "./credential-reason.js";
import { AwsFailure, describeAwsError } from "./errors.js";
import { TimedHttpHandler } from "./http-handler.js";
import { ReportingRetryStrategy, attachRetryReporting, type RetryListener } from "./retry.js";
import { timeoutsFrom, type Timeouts } from "./timeouts.js";

export interface ConnectionOptions {
  profile?: string | undefined;
  region?: string | undefined;
  endpointUrl?: string | undefined;
  /** Told before each retry (throttling, an unreachable or failing endpoint), so a UI can say so. */
  onRetry?: RetryListener | undefined;
  /** Limits on waits, over those from the environment (see timeouts.ts). */
  timeouts?: Partial<Timeouts> | undefined;
}

export interface Clients {
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
  region: string;
  profile: string | undefined;
  /** The Lambda endpoint when it is not AWS's own. */
  endpoint: string | undefined;
  /** How long requests wait: Invoke's wait is worked out from them per function. */
  timeouts: Timeouts;
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

/**
 * A region's form: two letters, one or more words, a number (us-east-1, us-gov-west-1,
 * eu-isoe-west-1). The SDK would only say "region is not a valid hostname component", and a
 * local endpoint would take anything, though the request is signed for it.
 */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function validateRegion(region: string, fromFlag: boolean): void {
  if (!REGION.test(region))
    throw new AwsFailure(
      "invalid-input",
      `${fromFlag ? "--region " : "The region "}${JSON.stringify(region)}` +
        `${fromFlag ? "" : " (from AWS_REGION or the profile)"} is not an AWS region.`,
      "A region is written like us-east-1, eu-west-1 or ap-southeast-2 (lower case).",
    );
}

const LOCAL_CREDENTIALS = { accessKeyId: "sandbox", secretAccessKey: "sandbox" };

/**
 * Builds both clients and resolves region and credentials up front, so a missing region or
 * missing credentials are reported before any call. A local endpoint gets us-east-1 and
 * placeholder credentials when none are configured: it does not check them.
 */
export async function createClients(
  opts: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Clients> {
  if (opts.region !== undefined) validateRegion(opts.region, true);
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
  // Against AWS the region names the endpoint; a local one may be given any (moto takes "local").
  if (!local && opts.region === undefined) validateRegion(region, false);

  let credentials: typeof LOCAL_CREDENTIALS | undefined;
  try {
    await new LambdaClient({ ...base, region }).config.credentials();
  } catch (err) {
    if (!local) throw describeAwsError(await credentialReason(err, profile), { ...ctx, region });
    credentials = LOCAL_CREDENTIALS;
  }

  const timeouts = { ...timeoutsFrom(env), ...opts.timeouts };
  const common = { ...base, region, ...(credentials ? { credentials } : {}) };
  const lambdaRetry = new ReportingRetryStrategy("Lambda", opts.onRetry);
  const logsRetry = new ReportingRetryStrategy("CloudWatch Logs", opts.onRetry);
  const lambda = new LambdaClient({
    ...common,
    requestHandler: new TimedHttpHandler(timeouts),
    retryStrategy: lambdaRetry,
    ...(endpoints.lambda ? { endpoint: endpoints.lambda } : {}),
  });
  const logs = new CloudWatchLogsClient({
    ...common,
    requestHandler: new TimedHttpHandler(timeouts),
    retryStrategy: logsRetry,
    // StartLiveTail's host prefix ("stream-") belongs to AWS's host names: on another endpoint
    // (127.0.0.1, LocalStack) it would name a host that does not exist.
    ...(endpoints.logs ? { endpoint: endpoints.logs, disableHostPrefix: true } : {}),
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
    timeouts,
    schemas: () =>
      (schemas ??= import("@aws-sdk/client-schemas").then(({ SchemasClient }) => {
        const endpoint = opts.endpointUrl ?? env.AWS_ENDPOINT_URL_SCHEMAS ?? env.AWS_ENDPOINT_URL;
        validateUrl(endpoint, "The schema registry endpoint");
        const retry = new ReportingRetryStrategy("the schema registry", opts.onRetry);
        schemasClient = new SchemasClient({
          ...common,
          requestHandler: new TimedHttpHandler(timeouts),
          retryStrategy: retry,
          ...(endpoint ? { endpoint } : {}),
        });
        attachRetryReporting(schemasClient, retry);
        return schemasClient;
      })),
    destroy: () => {
      lambdaRetry.closed = true;
      logsRetry.closed = true;
      lambda.destroy();
      logs.destroy();
      schemasClient?.destroy();
    },
  };
}
