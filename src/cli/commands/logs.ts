// `lambda-explorer logs`: the complete logs of one past invocation, by request id.
import type { Command } from "commander";
import { connect, withAwsErrors, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT, UserError } from "../exit-codes.js";
import { intOption } from "../options.js";
import { readableLogLine } from "../text.js";

interface LogsFlags extends ConnectionFlags {
  requestId: string;
  since: string;
  qualifier?: string;
  timeout: string;
  json?: boolean;
}

export function registerLogs(program: Command): void {
  withConnectionOptions(
    program
      .command("logs")
      .description("print every log line of one invocation, found by its request id")
      .argument("<function>", "name or ARN")
      .requiredOption("--request-id <id>", "the invocation's request id")
      .option(
        "--since <time>",
        "search from: a duration (15m, 2h, 3d) ago, a date or time (2026-11-25T10:00Z), or epoch ms",
        "1h",
      )
      .option("--timeout <s>", "how long to wait for the logs to be delivered", "15")
      .option("--json", "print the events as JSON"),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ lambda-explorer logs orders-api --request-id 3d754295-c853-44fb-990b-27de9907d227
  $ lambda-explorer logs orders-api --request-id 3d754295-… --since 2d --json`,
    )
    .action(async (fn: string, flags: LogsFlags) => {
      const { parseTimeSpec } = await import("../../core/time-spec.js");
      let since: number;
      try {
        since = parseTimeSpec(flags.since, Date.now());
      } catch (err) {
        throw new UserError(`--since: ${(err as Error).message}`);
      }
      const timeout = intOption("timeout", flags.timeout, 1, 3600);
      if (!/^[0-9a-fA-F-]{8,64}$/.test(flags.requestId))
        throw new UserError(
          `--request-id "${flags.requestId}" does not look like a request id (e.g. 3d754295-c853-44fb-990b-27de9907d227)`,
        );
      const clients = await connect(flags);
      try {
        await withAwsErrors(async () => {
          const { getFunction } = await import("../../aws/functions.js");
          const { fetchCompleteLogs } = await import("../../aws/complete-logs.js");
          const { logGroup } = await getFunction(clients, fn);
          const logs = await fetchCompleteLogs(clients, {
            logGroup,
            requestId: flags.requestId,
            startTime: since,
            skewMs: 0,
            deadlineMs: timeout * 1000,
          });
          if (logs.state !== "complete") {
            throw new UserError(
              `No complete logs for ${flags.requestId} in ${logGroup} since ${new Date(since).toISOString()} (${logs.reason ?? "not found"}).\n  ${logs.hint ?? "Widen the search with --since (e.g. --since 2d) or wait longer with --timeout."}`,
              EXIT.aws,
            );
          }
          if (flags.json)
            process.stdout.write(
              JSON.stringify({ logGroup, logStream: logs.logStreamName, events: logs.events }) + "\n",
            );
          else for (const e of logs.events) process.stdout.write(readableLogLine(e.message) + "\n");
        });
      } finally {
        clients.destroy();
      }
    });
}
