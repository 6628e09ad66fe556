// The --profile / --region / --endpoint-url options every AWS command takes, and the
// mapping from AWS failures to messages and exit codes.
import type { Command } from "commander";
import type { Clients } from "../aws/clients.js";
import type { AwsFailure } from "../aws/errors.js";
import type { RetryListener } from "../aws/retry.js";
import { EXIT, UserError } from "./exit-codes.js";

export interface ConnectionFlags {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  debug?: boolean;
}

export function withConnectionOptions(cmd: Command): Command {
  return cmd
    .option("--profile <name>", "AWS profile (default: AWS_PROFILE or the default profile)")
    .option(
      "--region <region>",
      "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile's region)",
    )
    .option(
      "--endpoint-url <url>",
      "a Lambda-compatible endpoint instead of AWS: the sandbox, LocalStack, moto",
    )
    .option(
      "--debug",
      "log each AWS request to stderr: method, URL, status, time, request id, bodies (first 200 bytes)",
    );
}

export function failureToUserError(f: AwsFailure): UserError {
  // Settings the user fixes before trying again, like a bad flag.
  const code =
    f.kind === "no-region" || f.kind === "no-profile" || f.kind === "invalid-input" ? EXIT.usage : EXIT.aws;
  return new UserError(f.hint ? `${f.message}\n  ${f.hint}` : f.message, code);
}

/** What a command changes in how its clients retry (replay: count throttling, wait it out). */
export interface RetryOverrides {
  onRetry?: RetryListener;
  throttleAttempts?: number;
}

export async function connect(
  flags: ConnectionFlags,
  retry: RetryOverrides = {},
  /** For many calls in a row (replay): see ConnectionOptions.cacheMiddleware. */
  cacheMiddleware = false,
): Promise<Clients> {
  const { createClients } = await import("../aws/clients.js");
  const { AwsFailure, retryMessage } = await import("../aws/errors.js");
  try {
    return await createClients({
      profile: flags.profile,
      region: flags.region,
      endpointUrl: flags.endpointUrl,
      debug: flags.debug ? (line) => process.stderr.write(`lambda-explorer debug: ${line}\n`) : undefined,
      // A command that waits on a back-off says why, so it never looks hung.
      onRetry:
        retry.onRetry ?? ((notice) => process.stderr.write(`lambda-explorer: ${retryMessage(notice)}\n`)),
      throttleAttempts: retry.throttleAttempts,
      cacheMiddleware,
    });
  } catch (err) {
    if (err instanceof AwsFailure) throw failureToUserError(err);
    throw err;
  }
}

/** Runs a command body, turning AWS failures into user errors with the right exit code. */
export async function withAwsErrors<T>(fn: () => Promise<T>): Promise<T> {
  const { AwsFailure } = await import("../aws/errors.js");
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AwsFailure) throw failureToUserError(err);
    throw err;
  }
}
