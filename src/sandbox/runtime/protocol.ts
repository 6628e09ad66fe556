// What our own runtime clients add to the Lambda Runtime API, which carries invocations and
// results but says nothing of log output: that goes through the process's stdout/stderr, in
// order, and each invocation ends with a marker line on both so the sandbox knows it has it all
// before it writes END and REPORT.

export interface ErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/** A line the runtime writes to stdout and stderr after an invocation's last output. */
export const END_MARKER = "\u0000LX-END ";

/**
 * Request header on a result: the process's peak resident memory in KB, for REPORT's
 * Max Memory Used where /proc cannot tell (not Linux).
 */
export const MAX_RSS_HEADER = "x-lx-max-rss-kb";
