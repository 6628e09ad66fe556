// `lambda-explorer invoke`: a better `aws lambda invoke`. The response goes to stdout (so it
// pipes into jq), the status and logs to stderr; --json prints one object with everything.
import type { Command } from "commander";
import type { CompleteLogs } from "../../aws/complete-logs.js";
import type { InvocationType } from "../../core/payload.js";
import { connect, withAwsErrors, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT, UserError } from "../exit-codes.js";
import { historyRecorder, withHistoryOption, type HistoryFlags } from "../history-recorder.js";
import { intOption } from "../options.js";
import { readPayload } from "../read-input.js";
import { escapeControl, ms, readableLogLine } from "../text.js";
import type { FunctionSummary, InvokeResult, LogEvent } from "../../core/model.js";

const TYPES = ["RequestResponse", "Event", "DryRun"] as const;
const LOG_MODES = ["full", "tail", "none"] as const;
type LogMode = (typeof LOG_MODES)[number];

interface InvokeFlags extends ConnectionFlags, HistoryFlags {
  payload?: string;
  payloadFile?: string;
  qualifier?: string;
  type: string;
  logs: string;
  logsTimeout: string;
  clientContext?: string;
  json?: boolean;
  event?: string;
  shared?: boolean;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new UserError(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  return match;
}

export function registerInvoke(program: Command): void {
  withHistoryOption(
    withConnectionOptions(
      program
        .command("invoke")
        .description("invoke a function and print its response, status, metrics and complete logs")
        .argument("<function>", "name, ARN, or name:qualifier")
        .argument("[-]", "read the payload from standard input")
        .option("--payload <json>", "the payload, as JSON text")
        .option("--payload-file <file>", "read the payload from a file (- for standard input)")
        .option("--event <name>", "the payload of a saved test event: private first, then shared")
        .option("--shared", "with --event: only look among the shared events (the schema registry)")
        .option("-q, --qualifier <q>", "version or alias (default: $LATEST)")
        .option("--type <type>", "RequestResponse, Event or DryRun", "RequestResponse")
        .option("--logs <mode>", "full: every CloudWatch line; tail: Invoke's 4 KB tail; none", "full")
        .option("--logs-timeout <s>", "how long to wait for CloudWatch to deliver the logs", "60")
        .option("--client-context <json>", "client context passed to the function")
        .option("--json", "print one JSON object with everything"),
    ),
    "to record the invocation in",
  )
    .addHelpText(
      "after",
      `
The response goes to stdout and the status and logs to stderr, so stdout pipes into jq.
Every invocation is recorded in the history (see lambda-explorer history --help); --no-history
records nothing. A history file that cannot be written is a warning, never a failure; a file
that is not a history (its first line is not a record) is refused before invoking, exit 2.
Exit codes: 0 ok, 1 the function failed (FunctionError), 2 bad usage or input, 3 AWS or network error.

Examples:
  $ lambda-explorer invoke orders-api --payload '{"id": 42}'
  $ lambda-explorer invoke orders-api:live --payload-file event.json --json | jq .report
  $ lambda-explorer invoke orders-api --event big-order
  $ echo '{}' | lambda-explorer invoke orders-api - --logs tail
  $ lambda-explorer invoke orders-api --type Event --endpoint-url http://127.0.0.1:9001`,
    )
    .action(async (fn: string, dash: string | undefined, flags: InvokeFlags) => {
      if (dash !== undefined && dash !== "-")
        throw new UserError(`unexpected argument "${dash}": only - (standard input) may follow the function`);
      process.exitCode = await runInvoke(fn, dash === "-", flags);
    });
}

async function runInvoke(fn: string, fromStdin: boolean, flags: InvokeFlags): Promise<number> {
  const type = oneOf<InvocationType>("type", flags.type, TYPES);
  const logMode = oneOf<LogMode>("logs", flags.logs, LOG_MODES);
  const deadlineS = intOption("logs-timeout", flags.logsTimeout, 1, 3600);
  let clientContext: unknown;
  if (flags.clientContext !== undefined) {
    const { JsonTooDeepError, parseJson } = await import("../../core/json-depth.js");
    try {
      clientContext = parseJson(flags.clientContext);
    } catch (err) {
      if (err instanceof JsonTooDeepError) throw new UserError(`--client-context is refused: ${err.message}`);
      throw new UserError('--client-context must be JSON, e.g. \'{"custom":{"tenant":"a"}}\'');
    }
  }
  if (flags.shared && flags.event === undefined)
    throw new UserError("--shared goes with --event NAME: it says to look for the event in the registry");
  if (
    flags.event !== undefined &&
    (flags.payload !== undefined || flags.payloadFile !== undefined || fromStdin)
  )
    throw new UserError("give the payload one way only: --event NAME, --payload, --payload-file, or -");
  const given = flags.event === undefined ? await readPayload(flags, fromStdin) : null;
  // Before invoking: a history that is not one to write to is refused with nothing sent.
  const recorder = await historyRecorder(flags);
  const { invoke, PayloadError } = await import("../../aws/invoke.js");
  const clients = await connect(flags);
  // Cancels the configuration request when the command ends before it (a not-found Invoke).
  const side = new AbortController();
  let config: Promise<FunctionSummary> | null = null;
  try {
    return await withAwsErrors(async () => {
      let payload: string;
      if (given !== null) payload = given;
      else {
        const { eventPayload } = await import("./events.js");
        payload = await eventPayload(clients, fn, flags.event!, !!flags.shared);
      }
      const wantFull = logMode === "full" && type !== "DryRun";
      // The log group comes from the function's configuration: ask while the invocation runs.
      config = wantFull
        ? import("../../aws/functions.js").then((m) =>
            m.getFunction(clients, fn, flags.qualifier, side.signal),
          )
        : null;
      config?.catch(() => undefined);
      let result: InvokeResult;
      try {
        result = await invoke(clients, fn, payload, {
          qualifier: flags.qualifier,
          invocationType: type,
          tail: logMode !== "none",
          clientContext,
          // Never rejects: the configuration's own failure is reported where it is awaited.
          functionTimeoutS: config?.then(
            (c) => c.timeoutS,
            () => null,
          ),
        });
      } catch (err) {
        if (err instanceof PayloadError) throw new UserError(err.message, EXIT.usage);
        throw err;
      }
      // Advisory: a state directory that cannot be written must not fail the invocation.
      const { recordUsage, bareFunctionName } = await import("../../state/usage.js");
      await recordUsage(
        { profile: clients.profile, region: clients.region, endpoint: clients.endpoint },
        bareFunctionName(fn),
      ).catch(() => undefined);
      // Recorded before the logs are awaited, so an invocation is kept even if that wait is
      // stopped; its complete logs follow as a further record (the file is never rewritten).
      // The configuration may be refused (a role that may invoke but not read it): the
      // function's default log group is then the best guess, and the ARN stays unknown.
      const configured = config
        ? await config.then(
            (c) => c,
            () => null,
          )
        : null;
      const functionArn = configured?.arn ?? null;
      const { logsRecordFor, recordFromInvocation } = await import("../../core/invocation-record.js");
      const record = recordFromInvocation(result, {
        payload,
        endpoint: { profile: clients.profile, region: clients.region, url: clients.endpoint },
        functionArn,
      });
      await recorder.record(record);
      let logs: CompleteLogs | null = null;
      if (wantFull && result.requestId) {
        const { fetchCompleteLogs } = await import("../../aws/complete-logs.js");
        const { tailShowsColdStart } = await import("../../core/log-records.js");
        const logGroup = configured?.logGroup ?? `/aws/lambda/${record.function.name}`;
        const waiting =
          !flags.json && process.stderr.isTTY
            ? setTimeout(() => process.stderr.write("waiting for CloudWatch Logs… (Ctrl+C to stop)\n"), 1500)
            : null;
        try {
          logs = await fetchCompleteLogs(clients, {
            logGroup,
            requestId: result.requestId,
            startTime: result.startedAt,
            deadlineMs: deadlineS * 1000,
            coldStart: tailShowsColdStart(result.tail),
          });
        } finally {
          if (waiting) clearTimeout(waiting);
        }
        await recorder.logs(logsRecordFor(record.id, logs));
      }
      if (flags.json)
        process.stdout.write(
          JSON.stringify({ ...toJson(result, logs, logMode), historyId: recorder.file ? record.id : null }) +
            "\n",
        );
      else printHuman(result, logs, logMode);
      return result.functionError ? EXIT.functionError : EXIT.ok;
    });
  } finally {
    side.abort();
    await (config as Promise<FunctionSummary> | null)?.catch(() => undefined);
    clients.destroy();
  }
}

/** Invoke returned no X-Amz-Log-Result although a tail was asked for: say so, never silently. */
function tailMissing(r: InvokeResult, mode: LogMode): string | null {
  if (mode === "none" || r.invocationType !== "RequestResponse" || r.tail !== null) return null;
  return "Invoke returned no log tail (no X-Amz-Log-Result header): the endpoint does not support LogType Tail.";
}

export function toJson(
  r: InvokeResult,
  logs: CompleteLogs | null,
  mode: LogMode = "full",
): Record<string, unknown> {
  return {
    functionName: r.functionName,
    qualifier: r.qualifier,
    invocationType: r.invocationType,
    statusCode: r.statusCode,
    executedVersion: r.executedVersion,
    functionError: r.functionError,
    error: r.error,
    requestId: r.requestId,
    payload: r.payloadJson !== undefined ? r.payloadJson : r.payloadText,
    payloadText: r.payloadText,
    /** The exact bytes, when they are not UTF-8 and payloadText could not hold them. */
    payloadBase64: r.payloadRaw ? Buffer.from(r.payloadRaw).toString("base64") : null,
    payloadBytes: r.payloadBytes,
    report: r.report,
    tail: r.tail,
    logs: logs ? logs.events : null,
    logsState: logs ? logs.state : null,
    /** Why the complete logs are missing or partial, and what to do about it. */
    logsReason: logs?.reason ?? null,
    logsHint: logs?.hint ?? null,
    /** Why there is no tail when one was asked for (null when there is one or none was wanted). */
    tailMissing: tailMissing(r, mode),
    logGroup: logs?.logGroup ?? null,
    logStream: logs?.logStreamName ?? null,
    cloudWatchCalls: logs?.calls ?? 0,
    clientMs: Math.round(r.clientMs * 10) / 10,
    startedAt: new Date(r.startedAt).toISOString(),
  };
}

function statusLine(r: InvokeResult): string {
  const parts = [`${r.functionName}${r.qualifier ? `:${r.qualifier}` : ""}`, String(r.statusCode)];
  if (r.executedVersion) parts.push(r.executedVersion === "$LATEST" ? "$LATEST" : `v${r.executedVersion}`);
  if (r.report) {
    parts.push(`${ms(r.report.durationMs)} (billed ${r.report.billedMs} ms)`);
    parts.push(`${r.report.maxMemoryMb}/${r.report.memoryMb} MB`);
    if (r.report.initMs !== undefined) parts.push(`cold start ${ms(r.report.initMs)}`);
  }
  parts.push(`round trip ${ms(r.clientMs)}`);
  if (r.requestId) parts.push(`RequestId ${r.requestId}`);
  return parts.join(" · ");
}

function printLogs(title: string, lines: string[]): void {
  process.stderr.write(`── ${title} ──\n`);
  for (const l of lines) process.stderr.write(readableLogLine(l) + "\n");
}

function printHuman(r: InvokeResult, logs: CompleteLogs | null, mode: LogMode): void {
  if (mode === "tail" && r.tail)
    printLogs("log tail (from Invoke, last 4 KB)", r.tail.replace(/\n$/, "").split("\n"));
  const noTail = tailMissing(r, mode);
  if (noTail && (mode === "tail" || logs?.state !== "complete")) process.stderr.write(`${noTail}\n`);
  if (logs) {
    const lines = logs.events.map((e: LogEvent) => e.message);
    if (logs.state === "complete")
      printLogs(`complete logs · ${lines.length} lines · ${logs.logGroup}`, lines);
    else {
      if (lines.length > 0) printLogs(`logs incomplete · ${lines.length} lines found`, lines);
      if (r.tail) printLogs("log tail (from Invoke, last 4 KB)", r.tail.replace(/\n$/, "").split("\n"));
      // Said last, next to the status line, where it is seen.
      process.stderr.write(
        escapeControl(`No complete logs: ${logs.reason ?? "gave up"}.`) +
          (logs.hint ? `\n  ${escapeControl(logs.hint)}` : "") +
          "\n",
      );
    }
  }
  process.stderr.write(`${escapeControl(statusLine(r))}\n`);
  if (r.functionError) {
    const e = r.error;
    process.stderr.write(
      `FunctionError: ${r.functionError}${e ? ` · ${escapeControl(e.errorType)}: ${escapeControl(e.errorMessage)}` : ""}\n`,
    );
    for (const line of e?.trace.slice(1) ?? []) process.stderr.write(`${escapeControl(line)}\n`);
  }
  if (r.invocationType === "Event") process.stderr.write("Queued for asynchronous execution (202).\n");
  if (r.invocationType === "DryRun")
    process.stderr.write("Dry run: the function exists and you may invoke it (204).\n");
  if (r.payloadRaw) {
    // Not text: a pipe or file gets the bytes unchanged; a terminal gets them escaped, with a note.
    const note = process.stdout.isTTY
      ? "bytes that are not UTF-8 are shown as \uFFFD; redirect stdout to a file to keep them"
      : "written to stdout unchanged";
    process.stderr.write(`The response is not valid UTF-8 text (${r.payloadBytes} bytes): ${note}.\n`);
    if (process.stdout.isTTY) process.stdout.write(`${escapeControl(r.payloadText)}\n`);
    else process.stdout.write(r.payloadRaw);
  } else if (r.payloadText.length > 0) {
    const pretty =
      process.stdout.isTTY && r.payloadJson !== undefined
        ? JSON.stringify(r.payloadJson, null, 2)
        : r.payloadText;
    process.stdout.write(
      process.stdout.isTTY ? `${escapeControl(pretty)}\n` : pretty + (pretty.endsWith("\n") ? "" : "\n"),
    );
  }
}
