// What went wrong talking to AWS, in words a user can act on. The CLI maps `kind` to an exit
// code; the UI shows `message` and `hint`.
import { STATUS_CODES } from "node:http";
import { answerFailure, type AnswerFailure } from "./answer-failure.js";
import type { RetryNotice } from "./retry.js";
import { formatWait } from "./timeouts.js";

export type AwsFailureKind =
  | "no-region"
  | "no-profile"
  | "no-credentials"
  | "sso-expired"
  | "expired-credentials"
  | "access-denied"
  | "unreachable"
  /** Connected, but the answer never came, stalled, or was cut short. */
  | "no-answer"
  | "not-found"
  | "throttled"
  | "cancelled"
  /** The request itself is wrong (a malformed function name or region): a usage error. */
  | "invalid-input"
  | "service";

export class AwsFailure extends Error {
  constructor(
    readonly kind: AwsFailureKind,
    message: string,
    readonly hint: string | null = null,
    readonly awsName: string | null = null,
  ) {
    super(message);
    this.name = "AwsFailure";
  }
}

export interface FailureContext {
  profile?: string | undefined;
  endpoint?: string | undefined;
  region?: string | undefined;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
]);

function networkCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    const nested = (e as { errors?: unknown[] }).errors?.[0];
    e = (e as { cause?: unknown }).cause ?? nested;
  }
  return null;
}

function describeAnswerFailure(
  f: AnswerFailure,
  net: string | null,
  ctx: FailureContext,
  name: string,
): AwsFailure {
  const where = ctx.endpoint ?? (ctx.region ? `AWS in ${ctx.region}` : "AWS");
  if (f.phase === "answer" && f.timedOutMs !== null)
    return new AwsFailure(
      "no-answer",
      `${where} accepted the request but did not answer within ${formatWait(f.timedOutMs)}.`,
      ctx.endpoint
        ? "Is it a Lambda-compatible endpoint, and working? (LAMBDA_EXPLORER_READ_TIMEOUT_MS sets this wait.)"
        : "Check your network and proxy settings, then try again.",
      name,
    );
  if (f.timedOutMs !== null)
    return new AwsFailure(
      "no-answer",
      `${where} stopped in the middle of its answer: nothing more came for ${formatWait(f.timedOutMs)}.`,
      "Try again; if it keeps happening, the endpoint (or a proxy in between) is failing.",
      name,
    );
  return new AwsFailure(
    "no-answer",
    `${where} cut its answer short: the connection ended before the whole answer had come` +
      `${net ? ` (${net})` : ""}.`,
    "Try again; if it keeps happening, the endpoint (or a proxy in between) is failing.",
    name,
  );
}

/** Turns anything the SDK throws into an AwsFailure that says what to do. */
export function describeAwsError(err: unknown, ctx: FailureContext = {}): AwsFailure {
  if (err instanceof AwsFailure) return err;
  const name = (err as { name?: string })?.name ?? "Error";
  const message = (err as { message?: string })?.message ?? String(err);
  const profileFlag = ctx.profile ? ` --profile ${ctx.profile}` : "";

  if (name === "AbortError" || (err as { $metadata?: unknown; name?: string })?.name === "AbortError") {
    return new AwsFailure("cancelled", "Cancelled.");
  }
  if (/Region is missing/i.test(message)) {
    return new AwsFailure(
      "no-region",
      "No AWS region is set.",
      "Pass --region, set AWS_REGION (or AWS_DEFAULT_REGION), or set a region in your AWS profile.",
    );
  }
  // The SDK words this several ways ("SSO session … has expired", "Token is expired", "Value not
  // present for 'clientId' in SSO Token"); all of them end by pointing at `aws sso login`.
  if (/SSO session|SSO Token|Token is expired|aws sso login/i.test(message)) {
    return new AwsFailure(
      "sso-expired",
      "Your AWS SSO session has expired.",
      `Run: aws sso login${profileFlag}`,
      name,
    );
  }
  // A credential_process (a vault, a company login tool) that ran but failed, or answered
  // credentials that have expired: say that, not that there are none.
  const proc = /^Profile (\S+) credential_process (returned expired credentials|.+?)\.?$/s.exec(message);
  if (/credential_process returned expired credentials/.test(message)) {
    return new AwsFailure(
      "expired-credentials",
      `The credential_process of profile ${proc?.[1] ?? ctx.profile ?? "default"} returned credentials that have expired.`,
      "Log in again with the tool it runs (`aws configure get credential_process" +
        `${profileFlag}\` shows it), then retry.`,
      name,
    );
  }
  if (name === "CredentialsProviderError" && (proc || /^Command failed: /.test(message))) {
    const why = proc ? `it ${proc[2]}` : message.trim().split("\n").slice(0, 2).join(": ");
    return new AwsFailure(
      "no-credentials",
      `The credential_process of profile ${proc?.[1] ?? ctx.profile ?? "default"} failed: ${why}.`,
      "Run it yourself to see why (`aws configure get credential_process" + `${profileFlag}\` shows it).`,
      name,
    );
  }
  if (name === "CredentialsProviderError" || /Could not load credentials/i.test(message)) {
    return new AwsFailure(
      "no-credentials",
      "No AWS credentials were found.",
      `Set AWS_PROFILE or pass --profile, run \`aws configure\` (or \`aws sso login${profileFlag}\`), or try the local sandbox: lambda-explorer --sandbox`,
      name,
    );
  }
  if (/ExpiredToken/.test(name) || /security token included in the request is expired/i.test(message)) {
    return new AwsFailure(
      "expired-credentials",
      "Your AWS credentials have expired.",
      `Refresh them (for SSO: aws sso login${profileFlag}).`,
      name,
    );
  }
  const broken = answerFailure(err);
  if (broken) return describeAnswerFailure(broken, networkCode(err), ctx, name);
  const net = networkCode(err);
  if (net || name === "TimeoutError") {
    const where = ctx.endpoint ?? (ctx.region ? `AWS in ${ctx.region}` : "AWS");
    const why =
      net === "ECONNREFUSED"
        ? "connection refused"
        : net === "ENOTFOUND" || net === "EAI_AGAIN"
          ? "host not found"
          : (net ?? "timed out").toLowerCase();
    return new AwsFailure(
      "unreachable",
      `Cannot reach ${where} (${why}).`,
      ctx.endpoint
        ? "Is the endpoint running? For the local sandbox: lambda-explorer sandbox"
        : "Check your network connection and proxy settings.",
      name,
    );
  }
  if (
    /AccessDenied|UnrecognizedClient|InvalidSignature|SignatureDoesNotMatch|InvalidClientTokenId/.test(name)
  ) {
    return new AwsFailure(
      "access-denied",
      `Access denied: ${message}`,
      "Check that your credentials and role allow this action.",
      name,
    );
  }
  const meta = (err as { $metadata?: { httpStatusCode?: unknown; attempts?: unknown } } | null)?.$metadata;
  const status = typeof meta?.httpStatusCode === "number" ? meta.httpStatusCode : undefined;
  const attempts = typeof meta?.attempts === "number" && meta.attempts > 1 ? meta.attempts : 0;
  const times = attempts ? `, ${attempts} attempts` : "";
  if (name === "ResourceNotFoundException") return new AwsFailure("not-found", message, null, name);
  if (name === "ValidationException" || name === "InvalidParameterValueException")
    return new AwsFailure("invalid-input", ...describeInvalidInput(message), name);
  if (/TooManyRequests|Throttl/.test(name))
    return new AwsFailure(
      "throttled",
      `Throttled by ${ctx.endpoint ?? "AWS"}: ${message}${attempts ? ` (still throttled after ${attempts} attempts)` : ""}`,
      "Wait a moment and try again; a batch replay can lower --concurrency.",
      name,
    );
  // An answer that is not an AWS error at all (a proxy's page, the wrong server): the SDK
  // reports it as "Unknown" or as the JSON parser's SyntaxError, which helps nobody.
  const awsShaped = typeof (err as { $fault?: unknown })?.$fault === "string" && name !== "Unknown";
  // A success whose body the SDK could not read as the operation's JSON: a proxy's page, a
  // truncated body, the wrong server on the port.
  if (status !== undefined && status >= 200 && status < 300 && !awsShaped) {
    const where = ctx.endpoint ?? (ctx.region ? `AWS in ${ctx.region}` : "AWS");
    return new AwsFailure(
      "service",
      `${where} sent a malformed answer: HTTP ${status}, but not the JSON the operation returns.`,
      ctx.endpoint
        ? "Is --endpoint-url a Lambda-compatible endpoint (and nothing else on that port)?"
        : "A proxy between you and AWS may be changing the answers.",
      name,
    );
  }
  if (status !== undefined && !awsShaped) {
    const where = ctx.endpoint ?? (ctx.region ? `AWS in ${ctx.region}` : "AWS");
    return new AwsFailure(
      "service",
      `${where} answered HTTP ${status} ${STATUS_CODES[status] ?? ""}`.trimEnd() +
        ` without an AWS error${attempts ? ` (${attempts} attempts)` : ""}.`,
      status >= 500
        ? "The service failed, not your request: try again in a moment."
        : ctx.endpoint
          ? "Is --endpoint-url a Lambda-compatible endpoint?"
          : null,
      name,
    );
  }
  if (status !== undefined && status >= 500)
    return new AwsFailure(
      "service",
      `${name}: ${message} (HTTP ${status}${times})`,
      "The service failed, not your request: try again in a moment.",
      name,
    );
  return new AwsFailure("service", `${name}: ${message}`, null, name);
}

/** What a valid value of a field Lambda checks against a pattern looks like. */
const VALID_SHAPES: Record<string, [what: string, shape: string]> = {
  functionName: [
    "function name",
    "A function is named by its name (1 to 64 letters, digits, - and _), name:qualifier, or its ARN " +
      "(arn:aws:lambda:eu-west-1:123456789012:function:orders-api).",
  ],
  qualifier: [
    "qualifier",
    "A qualifier is a version number, $LATEST, or an alias name (letters, digits, - and _).",
  ],
};

/**
 * Lambda's "1 validation error detected: Value 'x' at 'functionName' failed to satisfy
 * constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?…" names
 * the field and quotes a regular expression nobody should have to read: say which value is
 * wrong and what a valid one looks like.
 */
function describeInvalidInput(message: string): [message: string, hint: string | null] {
  const m = /Value '(.*?)' at '(\w+)' failed to satisfy constraint: (.*)$/s.exec(message);
  if (!m) return [message, null];
  const [, value = "", field = "", constraint = ""] = m;
  const known = VALID_SHAPES[field];
  // JSON quoting shows a control character the user typed as an escape, never raw.
  if (known) return [`${JSON.stringify(value)} is not a valid ${known[0]}.`, known[1]];
  const why = /regular expression/.test(constraint) ? "it does not have the expected form" : constraint;
  return [`${JSON.stringify(value)} is not a valid ${field}: ${why.replace(/\.$/, "")}.`, null];
}

export function isRetryableLogsError(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? "";
  return (
    name === "ResourceNotFoundException" ||
    /Throttl|TooManyRequests|ServiceUnavailable|LimitExceeded/.test(name)
  );
}

/** One line saying that a call failed and is being retried: the same words in the CLI and the UI. */
export function retryMessage(n: RetryNotice): string {
  const what =
    n.cause === "throttled"
      ? `${n.service} throttled ${n.operation} (${n.reason})`
      : n.cause === "unreachable"
        ? `Cannot reach ${n.service} for ${n.operation} (${n.reason})`
        : n.cause === "timeout"
          ? `${n.service} did not answer ${n.operation} in time (${n.reason})`
          : n.cause === "cut-short"
            ? `${n.service} cut its answer to ${n.operation} short (${n.reason})`
            : `${n.service} answered ${n.operation} with a server error (${n.reason})`;
  const when = n.delayMs < 100 ? "retrying now" : `retrying in ${(n.delayMs / 1000).toFixed(1)} s`;
  return `${what}; ${when} (attempt ${n.attempt} of ${n.maxAttempts})…`;
}
