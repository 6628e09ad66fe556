// SDK clients for Lambda and CloudWatch Logs from flags or the SDK's environment. Endpoints are
// resolved here (not left to the SDK) so callers can say where they are talking to, and so a
// local endpoint (the sandbox, LocalStack, moto) works without an AWS account.
import { LambdaClient } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { credentialReason } from "./credential-reason.js";
import { AwsFailure, describeAwsError } from "./errors.js";
import { attachDebugLog, type DebugWriter } from "./debug-log.js";
import { readProfileSettings, type ProfileEndpoints } from "./profile-config.js";
import { ReportingRetryStrategy, attachRetryReporting, type RetryListener } from "./retry.js";

export interface ConnectionOptions {
  profile?: string | undefined;
  region?: string | undefined;
  endpointUrl?: string | undefined;
  /** Told before each retry (throttling, an unreachable or failing endpoint), so a UI can say so. */
  onRetry?: RetryListener | undefined;
  /** --debug: told one line per request attempt (see debug-log.ts). */
  debug?: DebugWriter | undefined;
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
  /** The CloudWatch Logs endpoint when it is not AWS's own (resolved apart from Lambda's). */
  logsEndpoint: string | undefined;
  destroy(): void;
}

export interface Endpoints {
  lambda: string | undefined;
  logs: string | undefined;
}

/**
 * Each service on its own, in the AWS CLI's and SDKs' order: the flag, the service-specific
 * variable, AWS_ENDPOINT_URL, the profile's `services` section, the profile's `endpoint_url`.
 */
export function resolveEndpoints(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  profile: ProfileEndpoints = {},
): Endpoints {
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === "true";
  const fromEnv = (specific: string | undefined) =>
    ignoreEnv ? undefined : (specific ?? env.AWS_ENDPOINT_URL);
  return {
    lambda: flag ?? fromEnv(env.AWS_ENDPOINT_URL_LAMBDA) ?? profile.lambda ?? profile.common,
    logs: flag ?? fromEnv(env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS) ?? profile.logs ?? profile.common,
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
 * missing credentials are reported before any call. Each service is resolved on its own: a
 * local endpoint (which does not check credentials) gets us-east-1 and placeholder credentials
 * when none are configured, while a service left on AWS keeps the real credential chain.
 */
export async function createClients(
  opts: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Clients> {
  const profile = opts.profile ?? env.AWS_PROFILE;
  const settings = await readProfileSettings(profile ?? "default", env);
  const endpoints = resolveEndpoints(opts.endpointUrl, env, settings.endpoints);
  validateUrl(endpoints.lambda, "The Lambda endpoint");
  validateUrl(endpoints.logs, "The CloudWatch Logs endpoint");
  const lambdaLocal = isLocalEndpoint(endpoints.lambda);
  const logsLocal = isLocalEndpoint(endpoints.logs);
  const ctx = { profile, endpoint: endpoints.lambda };
  // As the AWS CLI: a profile the user named must exist (else the SDK's words would be "No
  // region" or "No credentials", which send the user the wrong way).
  if (profile !== undefined && !settings.exists && !lambdaLocal) throw profileNotFound(profile, env);
  // The AWS CLI's order: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
  // (the SDK reads the first two and the profile, not AWS_DEFAULT_REGION).
  const asked = opts.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const base = { ...(opts.profile ? { profile: opts.profile } : {}), region: asked };

  let region: string;
  try {
    region = await new LambdaClient(base).config.region();
  } catch (err) {
    if (!lambdaLocal) throw describeAwsError(err, ctx);
    region = "us-east-1";
  }

  let lambdaCredentials: typeof LOCAL_CREDENTIALS | undefined;
  let logsCredentials: typeof LOCAL_CREDENTIALS | undefined;
  try {
    await new LambdaClient({ ...base, region }).config.credentials();
  } catch (err) {
    if (!lambdaLocal) throw describeAwsError(await credentialReason(err, profile), { ...ctx, region });
    lambdaCredentials = LOCAL_CREDENTIALS;
    // Placeholders only where they cannot leave the machine: CloudWatch Logs on AWS keeps the
    // real chain, and says it has no credentials when it is asked for the logs.
    if (logsLocal) logsCredentials = LOCAL_CREDENTIALS;
  }

  const common = {
    ...base,
    region,
    requestHandler: { connectionTimeout: connectTimeout(opts, env) },
  };
  const lambdaRetry = new ReportingRetryStrategy("Lambda", opts.onRetry);
  const logsRetry = new ReportingRetryStrategy("CloudWatch Logs", opts.onRetry);
  const lambda = new LambdaClient({
    ...common,
    ...(lambdaCredentials ? { credentials: lambdaCredentials } : {}),
    retryStrategy: lambdaRetry,
    ...(endpoints.lambda ? { endpoint: endpoints.lambda } : {}),
  });
  const logs = new CloudWatchLogsClient({
    ...common,
    ...(logsCredentials ? { credentials: logsCredentials } : {}),
    retryStrategy: logsRetry,
    ...(endpoints.logs ? { endpoint: endpoints.logs } : {}),
  });
  attachRetryReporting(lambda, lambdaRetry);
  attachRetryReporting(logs, logsRetry);
  if (opts.debug) {
    attachDebugLog(lambda, "Lambda", opts.debug);
    attachDebugLog(logs, "CloudWatch Logs", opts.debug);
  }
  return {
    lambda,
    logs,
    region,
    profile,
    endpoint: endpoints.lambda,
    logsEndpoint: endpoints.logs,
    destroy: () => {
      lambda.destroy();
      logs.destroy();
    },
  };
}

function profileNotFound(profile: string, env: NodeJS.ProcessEnv): AwsFailure {
  const from = env.AWS_PROFILE === profile ? " (from AWS_PROFILE)" : "";
  return new AwsFailure(
    "no-profile",
    `The AWS profile "${profile}"${from} is not found in ${env.AWS_CONFIG_FILE ?? "~/.aws/config"} or ${env.AWS_SHARED_CREDENTIALS_FILE ?? "~/.aws/credentials"}.`,
    `See your profiles with \`aws configure list-profiles\`, or create this one with \`aws configure --profile ${profile}\`.`,
  );
}
