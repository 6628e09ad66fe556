// `lambda-explorer replay FILE`: invokes every recorded invocation again and compares each
// response with the one recorded, so a saved history can guard a deployment in CI.
//
// What is replayed: each original invocation in FILE, not the replays recorded after it
// (records with `replayOf` naming an entry of the same file). So replaying a file that has
// gathered its own replays does the same work and gives the same answer every time. A replay
// record whose original is not in FILE (an export of replays only) is replayed as recorded.
//
// What it is compared with: the response recorded in FILE for that entry (payload, status,
// FunctionError; ExecutedVersion with --compare-version), never an earlier replay.
//
// Where replays are recorded: the history (--history FILE, LAMBDA_EXPLORER_HISTORY or the
// state folder's), each with `replayOf` set to the id of the entry it replayed; FILE itself only
// when it is that history. --no-history records nothing.
//
// Where it runs: the connection options and the environment, as for every command (a history
// from the sandbox or another account replays wherever you point it); the recorded endpoint is
// not used.
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Clients } from "../../aws/clients.js";
import type { HistoryRecord } from "../../core/history-record.js";
import type { HistoryIndexEntry } from "../../state/history-store.js";
import { connect, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT, UserError } from "../exit-codes.js";
import { filterEntries, openHistoryFile, type EntryFilters } from "../history-input.js";
import {
  historyRecorder,
  withHistoryOption,
  type HistoryFlags,
  type HistoryRecorder,
} from "../history-recorder.js";
import { intOption } from "../options.js";
import type { ReplayResult } from "../replay-table.js";

interface ReplayFlags extends ConnectionFlags, HistoryFlags, EntryFilters {
  qualifier?: string;
  concurrency: string;
  compareVersion?: boolean;
  ignore?: string;
  json?: boolean;
}

export function registerReplay(program: Command): void {
  withHistoryOption(
    withConnectionOptions(
      program
        .command("replay")
        .description("invoke every entry of a history again and compare the responses with the recorded ones")
        .argument("<file>", "a history file (the history itself, or one saved with history export)")
        .option("-q, --qualifier <q>", "replay on this version or alias instead of the recorded ones")
        .option("-c, --concurrency <n>", "invocations at a time", "4")
        .option("--function <name>", "replay only this function's entries (name or name:qualifier)")
        .option("--since <time>", "replay only entries recorded since then: 2h, 3d, 2026-11-25")
        .option("--compare-version", "count a different ExecutedVersion as a difference")
        .option(
          "--ignore <paths>",
          "payload paths whose changes do not count, comma-separated: $.requestId,$.at",
        )
        .option("--json", "print one JSON object with every result"),
    ),
    "to record the replays in",
  )
    .addHelpText(
      "after",
      `
Each entry's response (payload compared as JSON, status code, FunctionError) is compared with the
one recorded in FILE. Replays of FILE's own entries recorded in FILE are not replayed again.
Replays are recorded in the history (with replayOf), not in FILE unless FILE is the history.
Exit codes: 0 every response the same, 1 some differ, 2 bad usage or input, 3 some could not be
replayed (not found, unreachable).

Examples:
  $ lambda-explorer replay saved.jsonl --qualifier canary
  $ lambda-explorer replay saved.jsonl --ignore '$.requestId,$.headers.date'
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

/** --ignore's paths; each must be a JSONPath-like path from the diff (`$`, `$.a.b`, `$.items[0]`). */
export function ignorePaths(flag: string | undefined): string[] {
  if (flag === undefined) return [];
  const paths = flag
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const bad = paths.find((p) => !p.startsWith("$"));
  if (bad !== undefined || paths.length === 0)
    throw new UserError(
      `--ignore takes payload paths as the differences show them, comma-separated, e.g. --ignore '$.requestId,$.headers.date' (got "${bad ?? flag}")`,
      EXIT.usage,
    );
  return paths;
}

/**
 * Each function's timeout, asked for once per function and qualifier while its first replay
 * runs: Invoke waits that long (and a margin) for an answer, not Lambda's longest 15 minutes.
 */
function functionTimeouts(clients: Clients) {
  const asked = new Map<string, Promise<number | null>>();
  const controller = new AbortController();
  return {
    of(name: string, qualifier: string | null): Promise<number | null> {
      const key = `${name}\u0000${qualifier ?? ""}`;
      let p = asked.get(key);
      if (!p) {
        p = import("../../aws/functions.js")
          .then((m) => m.getFunction(clients, name, qualifier ?? undefined, controller.signal))
          .then(
            (c) => c.timeoutS,
            () => null,
          );
        asked.set(key, p);
      }
      return p;
    },
    /** Cancels what is still asked, and waits for it: the clients are destroyed next. */
    async close(): Promise<void> {
      controller.abort();
      await Promise.all(asked.values());
    },
  };
}

async function replayOne(
  clients: Clients,
  original: HistoryRecord,
  flags: ReplayFlags,
  recorder: HistoryRecorder,
  timeouts: ReturnType<typeof functionTimeouts>,
): Promise<ReplayResult> {
  const { invoke } = await import("../../aws/invoke.js");
  const { AwsFailure } = await import("../../aws/errors.js");
  const { recordFromInvocation } = await import("../../core/invocation-record.js");
  const { diffResponses } = await import("../../core/response-diff.js");
  const qualifier = flags.qualifier ?? original.qualifier;
  try {
    const result = await invoke(clients, original.function.name, original.payload, {
      qualifier: qualifier ?? undefined,
      invocationType: original.invocationType,
      tail: original.response.logTail !== null,
      functionTimeoutS: timeouts.of(original.function.name, qualifier),
    });
    const replay = recordFromInvocation(result, {
      payload: original.payload,
      endpoint: { profile: clients.profile, region: clients.region, url: clients.endpoint },
      functionArn: original.function.arn,
      replayOf: original.id,
    });
    await recorder.record(replay);
    const diff = diffResponses(original, replay, {
      compareVersion: flags.compareVersion === true,
      ignorePaths: ignorePaths(flags.ignore),
    });
    return { original, qualifier, replay, diff, error: null };
  } catch (err) {
    if (err instanceof AwsFailure)
      return { original, qualifier, replay: null, diff: null, error: err.message };
    if (err instanceof Error && err.name === "PayloadError")
      return { original, qualifier, replay: null, diff: null, error: err.message };
    throw err;
  }
}

async function runReplay(file: string, flags: ReplayFlags): Promise<number> {
  const concurrency = intOption("concurrency", flags.concurrency, 1, 256);
  ignorePaths(flags.ignore); // checked before any work
  if (flags.qualifier === "") throw new UserError("--qualifier needs a version or alias name", EXIT.usage);
  const { openHistoryReader } = await import("../../state/history-store.js");
  const path = resolve(file);
  const index = await openHistoryFile(path);
  const all = entriesToReplay(index.entries);
  const skipped = index.entries.length - all.length;
  const entries = await filterEntries(all, flags, path);
  const table = await import("../replay-table.js");
  if (entries.length === 0) {
    const why = all.length === 0 ? "it has no invocations" : "no entry matches --function / --since";
    if (flags.json)
      process.stdout.write(
        JSON.stringify({ file: path, results: [], summary: table.summarizeResults([]) }) + "\n",
      );
    else process.stderr.write(`nothing to replay in ${path}: ${why}\n`);
    return EXIT.ok;
  }

  const clients = await connect(flags);
  const timeouts = functionTimeouts(clients);
  const recorder = await historyRecorder(flags, { keepOpen: true });
  const { default: pLimit } = await import("p-limit");
  const limit = pLimit(concurrency);
  const reader = await openHistoryReader(path);
  const progress = new table.ProgressBar(entries.length);
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
            progress.tick(true);
            return null;
          }
          const r = await replayOne(clients, original, flags, recorder, timeouts);
          progress.tick(r.diff?.same === true);
          return r;
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
  }

  if (unreadable.length > 0) {
    const lines = unreadable.sort((a, b) => a - b);
    process.stderr.write(
      `lambda-explorer: ${path}: ${damagedMessage({ damaged: lines.length, damagedLines: lines })}\n`,
    );
  }
  const summary = table.summarizeResults(results);
  if (flags.json) {
    const out = {
      file: path,
      qualifier: flags.qualifier ?? null,
      recordedIn: recorder.file,
      damaged: index.damaged + unreadable.length,
      replaysNotReplayed: skipped,
      results: results.map(table.resultJson),
      summary,
    };
    process.stdout.write(JSON.stringify(out) + "\n");
  } else {
    for (const line of table.formatReplayTable(results)) process.stdout.write(line + "\n");
    process.stdout.write(table.summaryLine(summary, flags.qualifier) + "\n");
    if (skipped > 0)
      process.stderr.write(
        `${skipped} replay record${skipped === 1 ? "" : "s"} in the file not replayed again (their originals were)\n`,
      );
  }
  if (summary.errors > 0) return EXIT.aws;
  return summary.different > 0 ? EXIT.functionError : EXIT.ok;
}
