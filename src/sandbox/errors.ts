// Errors as the AWS services send them. Each API module turns an AwsError into its own
// wire shape (restJson1 for Lambda, awsJson1_1 for CloudWatch Logs).

/** Fields some errors carry besides the message: Lambda's throttling Reason and Retry-After. */
export interface AwsErrorExtra {
  reason?: string;
  retryAfterSeconds?: number;
}

export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** "User" or "Service", as Lambda puts in its error bodies. */
    readonly kind: "User" | "Service" = status >= 500 ? "Service" : "User",
    readonly extra: AwsErrorExtra = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const resourceNotFound = (message: string) => new AwsError(404, "ResourceNotFoundException", message);
export const invalidParameter = (message: string) =>
  new AwsError(400, "InvalidParameterValueException", message);
