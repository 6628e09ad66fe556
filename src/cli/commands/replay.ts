// `lambda-explorer replay FILE`: invokes every recorded invocation again and compares each
// response with the one recorded, so a saved history can guard a deployment in CI.
//
// What is replayed: each original invocation in FILE, not the replays recorded after it
// (records with `replayOf` naming an entry of the same file). So replaying a file that has
// gathered its own replays does the same work and gives the same answer every time. A replay
// record whose original is not in FILE (an export of replays only) is replayed as recorded.
//
// What it is compared with: the response recorded in FILE for that entry (payload, status,
// FunctionError; ExecutedVersion with --compare-version), never an earlier replay. With
// --against Q, each entry runs on its target and on Q, and the two answers are compared
// (replay-one.ts).
//
// Where replays are recorded: the history (--history FILE, LAMBDA_EXPLORER_HISTORY or the
// state folder's), each with `replayOf` set to the id of the entry it replayed; FILE itself only
// when it is that history. --no-history records nothing.
//
// In CI: --junit FILE and --tap report one test case per entry (replay-reports.ts); --ignore and
// --ignore-file name payload paths removed from both responses before they are compared.
//
// Where it runs: the connection options and the environment, as for every command (a history
// from the sandbox or another account replays wherever you point it); the recorded endpoint is
// not used.
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import type { HistoryRecord } from "../../core/history-record.js";
import type { HistoryIndexEntry } from "../../state/history-store.js";
import type { RetryNotice } from "../../aws/retry.js";
import type { FunctionLatency } from "../replay-latency.js";
import type { ReplaySummary } from "../replay-table.js";
import { connect, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT, UserError } from "../exit-codes.js";
import { filterEntries, openHistoryFile, type EntryFilters } from "../history-input.js";
import { historyRecorder, withHistoryOption, type HistoryFlags } from "../history-recorder.js";
import { intOption } from "../options.js";
import { ignoreFilePaths, ignoreFlagPaths } from "../replay-ignore.js";
import type { ReplayResult } from "../replay-table.js";

interface ReplayFlags extends ConnectionFlags, HistoryFlags, EntryFilters {
  qualifier?: string;
  against?: string;
  againstEndpointUrl?: string;
  againstRegion?: string;
  againstProfile?: string;
  concurrency: string;
  compareVersion?: boolean;
  ignore?: string[];
  ignoreFile?: string;
  json?: boolean;
  maxSlowdown?: string;
  junit?: string;
  tap?: boolean;
}

export function registerReplay(program: Command): void {
  withHistoryOption(
    withConnectionOptions(
      program
        .command("replay")
        .description("invoke every entry of a history again and compare the responses with the recorded ones")
        .argument("<file>", "a history file (the history itself, or one saved with history export)")
        .option("-q, --qualifier <q>", "replay on this version or alias instead of the recorded ones")
        .option(
          "--against <q>",
          "also replay each entry on this version or alias, and compare the two answers instead of the recorded one",
        )
        .option(
          "--against-endpoint-url <url>",
          "run the --against side on this endpoint (the sandbox, another stack)",
        )
        .option("--against-region <region>", "run the --against side in this region")
        .option("--against-profile <name>", "run the --against side with this profile (another account)")
        .option(
          "-c, --concurrency <n>",
          "invocations at a time (throttled ones back off and are retried)",
          "16",
        )
        .option("--function <name>", "replay only this function's entries (name or name:qualifier)")
        .option("--since <time>", "replay only entries recorded since then: 2h, 3d, 2026-11-25")
        .option("--compare-version", "count a different ExecutedVersion as a difference")
        .option(
          "--max-slowdown <pct>",
          "fail when a function's p50 or p95 duration grew by more than this: 20%",
        )
        .option(
          "--ignore <path>",
          "a payload path left out of both responses before they are compared: $.body.timestamp, $.items[*].id (repeatable)",
          // No default: commander would print "(default: [])" in the help.
          (v: string, all: string[] | undefined) => [...(all ?? []), v],
        )
        .option("--ignore-file <file>", "more --ignore paths, one a line (# starts a comment)")
        .addOption(new Option("--json", "print one JSON object with every result").conflicts("tap"))
        .option("--junit <file>", "also write the results as JUnit XML, one test case per entry")
        .option("--tap", "print the results as TAP 13 instead of the table"),
    ),
    "to record the replays in",
  )
    .addHelpText(
      "after",
      `
Each entry's response (payload compared as JSON, status code, FunctionError) is compared with the
one recorded in FILE. Replays of FILE's own entries recorded in FILE are not replayed again.
Replays are recorded in the history (with replayOf), not in FILE unless FILE is the history.
--ignore paths: $ then .name, ["quoted key"], [N] or [*] (every element), e.g. $.items[*].at;
a path into a string holding JSON (an API Gateway body) looks inside it: $.body.timestamp.
Exit codes: 0 every response the same, 1 some differ, 2 bad usage or input, 3 some could not be
replayed (not found, unreachable).

Examples:
  $ lambda-explorer replay saved.jsonl --qualifier canary
  $ lambda-explorer replay saved.jsonl --qualifier live --against canary --junit replay.xml
  $ lambda-explorer replay saved.jsonl --qualifier canary --max-slowdown 25%
  $ lambda-explorer replay saved.jsonl --against-endpoint-url http://127.0.0.1:9001
  $ lambda-explorer replay saved.jsonl --ignore '$.requestId' --ignore '$.body.timestamp'
  $ lambda-explorer replay saved.jsonl --ignore-file replay-ignore.txt --junit replay.xml
  $ lambda-explorer replay saved.jsonl --tap | tap-junit
  $ lambda-explorer replay saved.jsonl --concurrency 16 --json | jq '.summary'
  $ lambda-explorer replay ~/.local/state/lambda-explorer/history.jsonl --function orders-api --since 1d`,
    )
    .action(async (file: string, flags: ReplayFlags) => {
      process.exitCode = await runReplay(file, flags);
    });
}

/** The entries to replay: FILE's originals, and replays whose original is not in FILE. */
export function entriesToReplay<E extends Pick<HistoryIndexEntry, "id" | "replayOf">>(
  entries: readonly E[],
): E[] {
  const ids = new Set(entries.map((e) => e.id));
  return entries.filter((e) => e.replayOf === null || !ids.has(e.replayOf));
}

async function runReplay(file: string, flags: ReplayFlags): Promise<number> {
  const concurrency = intOption("concurrency", flags.concurrency, 1, 256);
  const latency = await import("../replay-latency.js");
  const maxSlowdown = latency.maxSlowdownOption(flags.maxSlowdown);
  // Checked before any work, so a mistyped rule never turns into a silent pass or a late failure.
  const ignore = [
    ...ignoreFlagPaths(flags.ignore ?? []),
    ...(flags.ignoreFile === undefined ? [] : await ignoreFilePaths(flags.ignoreFile)),
  ];
  if (flags.qualifier === "") throw new UserError("--qualifier needs a version or alias name", EXIT.usage);
  if (flags.against === "")
    throw new UserError("--against needs a version or alias name, e.g. --against canary", EXIT.usage);
  const { againstLabel: labelOf, againstConnection } = await import("../replay-one.js");
  const elsewhereFlags = againstConnection(flags);
  const elsewhere = elsewhereFlags !== null;
  const againstLabel = labelOf(flags);
  if (flags.against !== undefined && flags.against === flags.qualifier && !elsewhere)
    throw new UserError(
      `--against ${flags.against} is the --qualifier too: name another version or alias to compare with`,
      EXIT.usage,
    );
  const { openHistoryReader } = await import("../../state/history-store.js");
  const path = resolve(file);
  const index = await openHistoryFile(path);
  const all = entriesToReplay(index.entries);
  const skipped = index.entries.length - all.length;
  const entries = await filterEntries(all, flags, path);
  const table = await import("../replay-table.js");
  const reports = await import("../replay-reports.js");
  if (entries.length === 0) {
    const why = all.length === 0 ? "it has no invocations" : "no entry matches --function / --since";
    const summary = table.summarizeResults([]);
    if (flags.json) process.stdout.write(JSON.stringify({ file: path, results: [], summary }) + "\n");
    else process.stderr.write(`nothing to replay in ${path}: ${why}\n`);
    // CI reads a report either way: an empty one says the gate ran and found nothing to check.
    if (flags.tap)
      process.stdout.write(
        reports.tapLines([], table.summaryLine(summary, flags.qualifier, againstLabel)).join("\n") + "\n",
      );
    await writeJunit(flags.junit, [], [], summary, path);
    return EXIT.ok;
  }

  const { functionTimeouts, replayOne } = await import("../replay-one.js");
  const { ThrottleCounter, REPLAY_THROTTLE_ATTEMPTS } = await import("../replay-throttling.js");
  const { retryMessage } = await import("../../aws/errors.js");
  const throttling = new ThrottleCounter();
  const retry = {
    throttleAttempts: REPLAY_THROTTLE_ATTEMPTS,
    // Throttling is counted (in the progress line and the report); other retries are said.
    onRetry: (notice: RetryNotice) => {
      if (!throttling.count(notice)) process.stderr.write(`lambda-explorer: ${retryMessage(notice)}\n`);
    },
  };
  // Thousands of Invokes in a row: each client resolves its middleware once, not per call.
  const clients = await connect(flags, retry, true);
  const timeouts = functionTimeouts(clients);
  const otherClients = elsewhereFlags ? await connect(elsewhereFlags, retry, true) : clients;
  const otherTimeouts = elsewhere ? functionTimeouts(otherClients) : timeouts;
  const options = {
    qualifier: flags.qualifier,
    against:
      againstLabel === undefined
        ? undefined
        : {
            qualifier: flags.against ?? null,
            clients: otherClients,
            timeouts: otherTimeouts,
            label: againstLabel,
          },
    compareVersion: flags.compareVersion === true,
    ignore,
  };
  const recorder = await historyRecorder(flags, { keepOpen: true });
  const { default: pLimit } = await import("p-limit");
  const limit = pLimit(concurrency);
  const reader = await openHistoryReader(path, { ahead: true });
  const { ProgressBar } = await import("../replay-progress.js");
  const progress = new ProgressBar(entries.length);
  const { HistoryFileError, damagedMessage } = await import("../../state/history-store.js");
  const unreadable: number[] = [];
  let results: ReplayResult[];
  try {
    results = await Promise.all(
      entries.map((e) =>
        limit(async () => {
          let original: HistoryRecord;
          try {
            // The recorded response is what is compared; the complete logs are not needed.
            original = await reader.read({ offset: e.offset, length: e.length, logs: null });
          } catch (err) {
            // Damage the index could not see (inside a part it skips): skipped like any other.
            if (!(err instanceof HistoryFileError) || err.code !== undefined) throw err;
            unreadable.push(e.line);
            progress.tick(true, throttling.total);
            return null;
          }
          const { value, throttled } = await throttling.run((onRetry) =>
            replayOne(clients, original, options, recorder, timeouts, onRetry),
          );
          progress.tick(value.diff?.same === true, throttling.total);
          const result: ReplayResult = { ...value, throttled };
          return result;
        }),
      ),
    ).then((all) => all.filter((r): r is ReplayResult => r !== null));
  } catch (err) {
    if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
    throw err;
  } finally {
    progress.clear();
    await reader.close();
    await recorder.close();
    await timeouts.close();
    clients.destroy();
    if (elsewhere) {
      await otherTimeouts.close();
      otherClients.destroy();
    }
  }

  if (unreadable.length > 0) {
    const lines = unreadable.sort((a, b) => a - b);
    process.stderr.write(
      `lambda-explorer: ${path}: ${damagedMessage({ damaged: lines.length, damagedLines: lines })}\n`,
    );
  }
  const summary = table.summarizeResults(results);
  const latencies = latency.latencyByFunction(results, maxSlowdown);
  const slower = latencies.filter((l) => l.slower).length;
  // Latency becomes test cases only when it is a gate: shown alone, it would fail nothing.
  const gated = maxSlowdown === undefined ? [] : latencies;
  if (flags.json) {
    const out = {
      file: path,
      qualifier: flags.qualifier ?? null,
      against: againstLabel ?? null,
      recordedIn: recorder.file,
      damaged: index.damaged + unreadable.length,
      replaysNotReplayed: skipped,
      results: results.map(table.resultJson),
      summary,
      latency: latencies,
      maxSlowdownPct: maxSlowdown ?? null,
    };
    process.stdout.write(JSON.stringify(out) + "\n");
  } else if (flags.tap) {
    const lines = reports.tapLines(results, table.summaryLine(summary, flags.qualifier, againstLabel), gated);
    process.stdout.write(lines.join("\n") + "\n");
  } else {
    for (const line of table.formatReplayTable(results)) process.stdout.write(line + "\n");
    const latencyLines = latency.formatLatency(latencies, maxSlowdown);
    if (latencyLines.length > 0) process.stdout.write(["", ...latencyLines, ""].join("\n"));
    process.stdout.write(table.summaryLine(summary, flags.qualifier, againstLabel) + "\n");
    if (slower > 0)
      process.stdout.write(
        `${slower} function${slower === 1 ? " is" : "s are"} slower by more than ${maxSlowdown}%\n`,
      );
    if (skipped > 0)
      process.stderr.write(
        `${skipped} replay record${skipped === 1 ? "" : "s"} in the file not replayed again (their originals were)\n`,
      );
  }
  await writeJunit(flags.junit, results, gated, summary, path);
  if (summary.errors > 0) return EXIT.aws;
  return summary.different > 0 || slower > 0 ? EXIT.functionError : EXIT.ok;
}

/** --junit's file, written whole once the results are printed (they are not lost if it fails). */
async function writeJunit(
  file: string | undefined,
  results: readonly ReplayResult[],
  latency: readonly FunctionLatency[],
  summary: ReplaySummary,
  historyPath: string,
): Promise<void> {
  if (file === undefined) return;
  const { writeFile } = await import("node:fs/promises");
  const { junitXml } = await import("../replay-reports.js");
  try {
    await writeFile(file, junitXml(results, summary, `replay ${historyPath}`, latency));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UserError(
      `--junit ${file} cannot be written (${code}): give a path in a folder you can write to`,
    );
  }
}
