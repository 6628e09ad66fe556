// Why an invocation's complete logs cannot be had, in words that say what to do. The
// invocation itself ran: these reasons go beside its answer, never in place of it.
import { describeAwsError, type FailureContext } from "./errors.js";

export interface LogsUnavailable {
  reason: string;
  hint: string | null;
}

/** The IAM actions reading an invocation's complete logs takes. */
export const LOGS_ACTIONS = "logs:FilterLogEvents and logs:GetLogEvents";

export function missingGroup(logGroup: string): LogsUnavailable {
  return {
    reason: `log group ${logGroup} does not exist`,
    hint:
      "Lambda creates it when the function first logs: check the function's logging configuration " +
      "(LoggingConfig.LogGroup) and that its execution role may logs:CreateLogGroup and logs:PutLogEvents.",
  };
}

/** A CloudWatch Logs failure that retrying will not mend (access denied, a server error…). */
export function logsFailure(err: unknown, logGroup: string, ctx: FailureContext): LogsUnavailable {
  const f = describeAwsError(err, ctx);
  switch (f.kind) {
    case "access-denied":
      return {
        reason: `CloudWatch Logs denied access to ${logGroup} (${f.awsName ?? "AccessDenied"})`,
        hint: `Reading the complete logs needs ${LOGS_ACTIONS} on that log group; --logs tail shows Invoke's 4 KB tail without them.`,
      };
    case "throttled":
      return { reason: "CloudWatch Logs kept throttling", hint: "Try again in a moment." };
    default:
      return { reason: `CloudWatch Logs failed: ${f.message}`, hint: f.hint };
  }
}
