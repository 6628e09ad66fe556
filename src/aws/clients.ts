// SDK clients for Lambda and CloudWatch Logs from flags or the SDK's environment. Endpoints are
// resolved here (not left to the SDK) so callers can say where they are talking to, and so a
// local endpoint (the sandbox, LocalStack, moto) works without an AWS account.
import { LambdaClient } from "@aws-sdk/client-lambda";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { SchemasClient } from "@aws-sdk/client-schemas";
import { attachCallOptions } from "./call-options.js";
import { credentialReason } from "./credential-reason.js";
import { AwsFailure, describeAwsError } from "./errors.js";
import { TimedHttpHandler } from "./http-handler.js";
import { attachDebugLog, type DebugWriter } from "./debug-log.js";
import { readProfileSettings, type ProfileEndpoints } from "./profile-config.js";
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
  /** --debug: told one line per request attempt (see debug-log.ts). */
  debug?: DebugWriter | undefined;
  /** Attempts for a throttled Lambda request, if more than max_attempts (see retry.ts). */
  throttleAttempts?: number | undefined;
  /**
   * The Lambda client resolves its middleware once per kind of command, for thousands of calls
   * in a row (replay); Invoke's options then go beside the call (call-options.ts).
   */
  cacheMiddleware?: boolean | undefined;
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
 * missing credentials are reported before any call. Each service is resolved on its own: a
 * local endpoint (which does not check credentials) gets us-east-1 and placeholder credentials
 * when none are configured, while a service left on AWS keeps the real credential chain.
 */
export async function createClients(
  opts: ConnectionOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Clients> {
  if (opts.region !== undefined) validateRegion(opts.region, true);
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
  // Against AWS the region names the endpoint; a local one may be given any (moto takes "local").
  if (!lambdaLocal && opts.region === undefined) validateRegion(region, false);

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

  const timeouts = { ...timeoutsFrom(env), ...opts.timeouts };
  const common = { ...base, region };
  const lambdaRetry = new ReportingRetryStrategy("Lambda", opts.onRetry, Math.random, opts.throttleAttempts);
  const logsRetry = new ReportingRetryStrategy("CloudWatch Logs", opts.onRetry);
  const lambda = new LambdaClient({
    ...common,
    requestHandler: new TimedHttpHandler(timeouts),
    ...(lambdaCredentials ? { credentials: lambdaCredentials } : {}),
    retryStrategy: lambdaRetry,
    ...(endpoints.lambda ? { endpoint: endpoints.lambda } : {}),
    ...(opts.cacheMiddleware ? { cacheMiddleware: true } : {}),
  });
  const logs = new CloudWatchLogsClient({
    ...common,
    requestHandler: new TimedHttpHandler(timeouts),
    ...(logsCredentials ? { credentials: logsCredentials } : {}),
    retryStrategy: logsRetry,
    // StartLiveTail's host prefix ("stream-") belongs to AWS's host names: on another endpoint
    // (127.0.0.1, LocalStack) it would name a host that does not exist.
    ...(endpoints.logs ? { endpoint: endpoints.logs, disableHostPrefix: true } : {}),
  });
  attachRetryReporting(lambda, lambdaRetry);
  attachRetryReporting(logs, logsRetry);
  if (opts.debug) {
    attachDebugLog(lambda, "Lambda", opts.debug);
    attachDebugLog(logs, "CloudWatch Logs", opts.debug);
  }
  // Last, so that it is the innermost middleware.
  if (opts.cacheMiddleware) attachCallOptions(lambda);
  let schemas: Promise<SchemasClient> | null = null;
  let schemasClient: SchemasClient | null = null;
  return {
    lambda,
    logs,
    region,
    profile,
    endpoint: endpoints.lambda,
    logsEndpoint: endpoints.logs,
    timeouts,
    schemas: () =>
      (schemas ??= import("@aws-sdk/client-schemas").then(({ SchemasClient }) => {
        const endpoint = opts.endpointUrl ?? env.AWS_ENDPOINT_URL_SCHEMAS ?? env.AWS_ENDPOINT_URL;
        validateUrl(endpoint, "The schema registry endpoint");
        const retry = new ReportingRetryStrategy("the schema registry", opts.onRetry);
        schemasClient = new SchemasClient({
          ...common,
          requestHandler: new TimedHttpHandler(timeouts),
          // Placeholders only for a local registry, as for the other services.
          ...(isLocalEndpoint(endpoint) && lambdaCredentials ? { credentials: lambdaCredentials } : {}),
          retryStrategy: retry,
          ...(endpoint ? { endpoint } : {}),
        });
        attachRetryReporting(schemasClient, retry);
        if (opts.debug) attachDebugLog(schemasClient, "Schemas", opts.debug);
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

function profileNotFound(profile: string, env: NodeJS.ProcessEnv): AwsFailure {
  const from = env.AWS_PROFILE === profile ? " (from AWS_PROFILE)" : "";
  return new AwsFailure(
    "no-profile",
    `The AWS profile "${profile}"${from} is not found in ${env.AWS_CONFIG_FILE ?? "~/.aws/config"} or ${env.AWS_SHARED_CREDENTIALS_FILE ?? "~/.aws/credentials"}.`,
    `See your profiles with \`aws configure list-profiles\`, or create this one with \`aws configure --profile ${profile}\`.`,
  );
}
