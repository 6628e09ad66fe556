// `lambda-explorer logs`: a function's log group since a time (and, with --follow, as it grows,
// in the spirit of `aws logs tail --follow`), or the complete logs of one past invocation.
import type { Command } from "commander";
import type { Clients } from "../../aws/clients.js";
import { connect, withAwsErrors, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT, UserError } from "../exit-codes.js";
import { intOption } from "../options.js";
import { escapeControl, readableLogLine } from "../text.js";

interface LogsFlags extends ConnectionFlags {
  requestId?: string;
  since?: string;
  follow?: boolean;
  timeout: string;
  json?: boolean;
}

export function registerLogs(program: Command): void {
  withConnectionOptions(
    program
      .command("logs")
      .description("print a function's logs since a time, follow them as they come, or one invocation's")
      .argument("<function>", "name or ARN")
      .option(
        "--since <time>",
        "from: a duration (15m, 2h, 3d) ago, a date or time (2026-11-25T10:00Z), or epoch ms (default: 10m, or 1h with --request-id)",
      )
      .option("-f, --follow", "keep printing new events as they come (Ctrl+C stops)")
      .option("--request-id <id>", "only this invocation's complete logs (START to REPORT, with its init)")
      .option("--timeout <s>", "with --request-id: how long to wait for the logs to be delivered", "15")
      .option("--json", "print one JSON object a line per event (with --request-id: one object)"),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ lambda-explorer logs orders-api                    # the last 10 minutes
  $ lambda-explorer logs orders-api --since 2h --follow
  $ lambda-explorer logs orders-api --follow --json | jq -r .message
  $ lambda-explorer logs orders-api --request-id 3d754295-c853-44fb-990b-27de9907d227 --since 2d`,
    )
    .action(async (fn: string, flags: LogsFlags) => {
      const { parseTimeSpec } = await import("../../core/time-spec.js");
      let since: number;
      try {
        since = parseTimeSpec(flags.since ?? (flags.requestId ? "1h" : "10m"), Date.now());
      } catch (err) {
        throw new UserError(`--since: ${(err as Error).message}`);
      }
      const timeout = intOption("timeout", flags.timeout, 1, 3600);
      if (flags.requestId !== undefined && flags.follow)
        throw new UserError(
          "--follow and --request-id do not go together: one invocation's logs end at REPORT",
        );
      if (flags.requestId !== undefined && !/^[0-9a-fA-F-]{8,64}$/.test(flags.requestId))
        throw new UserError(
          `--request-id "${flags.requestId}" does not look like a request id (e.g. 3d754295-c853-44fb-990b-27de9907d227)`,
        );
      const clients = await connect(flags);
      try {
        await withAwsErrors(async () => {
          const { getFunction } = await import("../../aws/functions.js");
          const { logGroup, arn } = await getFunction(clients, fn);
          if (flags.requestId) await oneInvocation(clients, logGroup, flags.requestId, since, timeout, flags);
          else await groupSince(clients, logGroup, arn, since, flags);
        });
      } finally {
        clients.destroy();
      }
    });
}

async function groupSince(
  clients: Clients,
  logGroup: string,
  functionArn: string,
  since: number,
  flags: LogsFlags,
): Promise<void> {
  const { logGroupArn } = await import("../../aws/live-tail.js");
  const groupArn = logGroupArn(functionArn, logGroup);
  const { followLogGroup } = await import("../../aws/log-follow.js");
  const stop = new AbortController();
  // Ctrl+C ends a follow as a reader expects: what was printed stays, exit 0.
  const onSigint = () => stop.abort();
  process.once("SIGINT", onSigint);
  let missing = false;
  try {
    await followLogGroup(clients, {
      logGroup,
      since,
      follow: flags.follow === true,
      signal: stop.signal,
      ...(groupArn
        ? {
            live: {
              logGroupArn: groupArn,
              // Said on stderr, so a reader of stdout (jq) is not disturbed.
              onPath: (path: string) =>
                process.stderr.write(
                  path === "polling"
                    ? "following by polling (this endpoint has no CloudWatch Live Tail)\n"
                    : "following with CloudWatch Live Tail\n",
                ),
            },
          }
        : {}),
      onEvents: (events) => {
        let out = "";
        for (const e of events)
          out += flags.json
            ? JSON.stringify(e) + "\n"
            : `${new Date(e.timestamp).toISOString()} ${readableLogLine(e.message)}\n`;
        process.stdout.write(out);
      },
      onMissingGroup: () => {
        missing = true;
        if (flags.follow)
          process.stderr.write(
            `${escapeControl(logGroup)} does not exist yet: waiting for the function's first logs (Ctrl+C to stop)…\n`,
          );
      },
      onThrottled: (ms) =>
        process.stderr.write(
          `CloudWatch Logs is throttling; polling again in ${(ms / 1000).toFixed(1)} s…\n`,
        ),
    });
  } finally {
    process.off("SIGINT", onSigint);
  }
  if (missing && !flags.follow)
    throw new UserError(
      `Log group ${logGroup} does not exist.\n  Lambda creates it when the function first logs; check the function's logging configuration (LoggingConfig.LogGroup).`,
      EXIT.aws,
    );
}

async function oneInvocation(
  clients: Clients,
  logGroup: string,
  requestId: string,
  since: number,
  timeout: number,
  flags: LogsFlags,
): Promise<void> {
  const { fetchCompleteLogs } = await import("../../aws/complete-logs.js");
  const logs = await fetchCompleteLogs(clients, {
    logGroup,
    requestId,
    startTime: since,
    skewMs: 0,
    deadlineMs: timeout * 1000,
  });
  if (logs.state !== "complete") {
    throw new UserError(
      `No complete logs for ${requestId} in ${logGroup} since ${new Date(since).toISOString()} (${logs.reason ?? "not found"}).\n  ${logs.hint ?? "Widen the search with --since (e.g. --since 2d) or wait longer with --timeout."}`,
      EXIT.aws,
    );
  }
  if (flags.json)
    process.stdout.write(
      JSON.stringify({ logGroup, logStream: logs.logStreamName, events: logs.events }) + "\n",
    );
  else for (const e of logs.events) process.stdout.write(readableLogLine(e.message) + "\n");
}
