// `lambda-explorer history`: list the recorded invocations (newest first), export a selection
// to share (with redaction), import a shared file. --history FILE picks the history for all.
import type { Command } from "commander";
import type { HistoryIndexEntry } from "../../state/history-store.js";
import { EXIT, UserError } from "../exit-codes.js";
import { filterEntries, lineTests, type EntryFilters } from "../history-input.js";
import { intOption } from "../options.js";
import { escapeControl, ms, truncate } from "../text.js";
import { runShow, type ShowFlags } from "./history-show.js";
import { runExport, runImport } from "./history-transfer.js";

interface ListFlags extends EntryFilters {
  history?: string;
  json?: boolean;
  limit?: string;
}

const historyOption = (cmd: Command) =>
  cmd.option("--history <file>", "the history file (default: LAMBDA_EXPLORER_HISTORY or the state folder's)");

/** --history given before the subcommand (`history --history F export X`) counts too. */
function historyFlag<T extends { history?: string }>(flags: T, cmd: Command): T {
  const parent = cmd.parent?.opts<{ history?: string }>().history;
  return flags.history === undefined && parent !== undefined ? { ...flags, history: parent } : flags;
}

export function registerHistory(program: Command): void {
  const history = historyOption(program.command("history"))
    .description("list, show, export and import the recorded invocations")
    .addHelpText(
      "after",
      `
Every invocation (from invoke, replay and the explorer) is appended to the history:
$XDG_STATE_HOME/lambda-explorer/history.jsonl (LAMBDA_EXPLORER_STATE_DIR moves the folder),
or the file in LAMBDA_EXPLORER_HISTORY, or --history FILE. One JSON record a line, mode 0600,
never rewritten; complete logs follow as a further record when CloudWatch delivers them.

Examples:
  $ lambda-explorer history                          # the same as history list
  $ lambda-explorer history list --function orders-api --since 1d
  $ lambda-explorer history show 3f2a9c1e              # one invocation in full (JSON)
  $ lambda-explorer history export shared.jsonl --since 2h --redact
  $ lambda-explorer history export shared.jsonl --redact-key ssn --redact-key pin
  $ lambda-explorer history import shared.jsonl
  $ lambda-explorer replay shared.jsonl --qualifier canary`,
    );

  historyOption(
    history
      .command("list", { isDefault: true })
      .description("the recorded invocations, newest first")
      .option("--function <name>", "only this function's invocations (name or name:qualifier)")
      .option("--since <time>", "only invocations since then: 90s, 15m, 2h, 3d, 2026-11-25")
      .option("--limit <n>", "at most N (the newest)")
      .option("--json", "print JSON: an array of summaries"),
  ).action(async (flags: ListFlags, cmd: Command) => {
    await runList(historyFlag(flags, cmd));
  });

  historyOption(
    history
      .command("show")
      .description("one recorded invocation in full, as JSON, with its complete logs")
      .argument("<id>", "its id, or the start of it (history list's ID column)"),
  ).action(async (id: string, flags: ShowFlags, cmd: Command) => {
    await runShow(id, historyFlag(flags, cmd));
  });

  historyOption(
    history
      .command("export")
      .description("write recorded invocations to FILE (with their complete logs), to share or replay")
      .argument("<file>", "where to write them (- for standard output)")
      .option("--function <name>", "only this function's invocations (name or name:qualifier)")
      .option("--since <time>", "only invocations since then: 90s, 15m, 2h, 3d, 2026-11-25")
      .option(
        "--redact [keys]",
        "replace secrets with [redacted]: values of keys like password, token, secret, api key, auth, and values shaped like AWS key ids, bearer tokens, JWTs, URL passwords; KEYS (comma-separated) adds names",
      )
      .option(
        "--redact-key <name>",
        "also redact the values of this key (repeatable; case, _ and - do not matter); implies --redact",
        (name: string, names: string[] = []) => [...names, name],
      )
      .option("--force", "replace FILE if it exists"),
  ).action(async (file: string, flags: Parameters<typeof runExport>[1], cmd: Command) => {
    await runExport(file, historyFlag(flags, cmd));
  });

  historyOption(
    history
      .command("import")
      .description("add the invocations of a history FILE to the history (those it does not have yet)")
      .argument("<file>", "a history file, as written by history export"),
  ).action(async (file: string, flags: Parameters<typeof runImport>[1], cmd: Command) => {
    await runImport(file, historyFlag(flags, cmd));
  });
}

function status(e: HistoryIndexEntry): string {
  return e.functionError ? `${e.statusCode} ${e.functionError}` : String(e.statusCode);
}

function listJson(e: HistoryIndexEntry) {
  return {
    id: e.id,
    at: e.at,
    function: e.functionName,
    qualifier: e.qualifier,
    invocationType: e.invocationType,
    statusCode: e.statusCode,
    functionError: e.functionError,
    executedVersion: e.executedVersion,
    durationMs: e.durationMs,
    replayOf: e.replayOf,
    logsState: e.logsState,
    payloadPreview: e.payloadPreview,
  };
}

async function runList(flags: ListFlags): Promise<void> {
  const { damagedMessage, HistoryFileError, resolveHistoryFile } =
    await import("../../state/history-store.js");
  const { newestEntries } = await import("../../state/history-scan.js");
  const file = resolveHistoryFile(flags.history);
  const limit = flags.limit === undefined ? Infinity : intOption("limit", flags.limit, 1, 1e9);
  const filter = await listFilter(flags);
  let found;
  try {
    found = await newestEntries(file, { limit, match: filter.match, mayMatch: filter.mayMatch });
  } catch (err) {
    throw new UserError(HistoryFileError.from(err, file, "read").message, EXIT.usage);
  }
  const read = !found.exists || found.complete;
  if (read && found.seen === 0 && found.damaged > 0)
    throw new UserError(
      `${file} is not a history file: none of its ${found.damaged} non-empty line${found.damaged === 1 ? " is" : "s is"} a history record (one JSON invocation record a line)`,
      EXIT.usage,
    );
  if (found.damaged > 0) {
    const where = found.complete ? "" : " among the newest lines, counted from the end";
    process.stderr.write(`lambda-explorer: ${file}: ${damagedMessage(found)}${where}\n`);
  }
  // A function the history has never seen: read it all to name the ones it has, as
  // filterEntries does (a misspelling is likelier than a deliberate empty result).
  if (read && flags.function !== undefined && filter.nameSeen() === 0)
    await filterEntries((await newestEntries(file)).entries, { function: flags.function }, file);
  const entries = found.entries;
  if (flags.json) {
    process.stdout.write(JSON.stringify(entries.map(listJson), null, 2) + "\n");
    return;
  }
  if (entries.length === 0) {
    process.stderr.write(
      found.seen === 0
        ? `no invocations recorded yet in ${file}\n`
        : `no invocations match --function / --since in ${file}\n`,
    );
    return;
  }
  const head = ["RECORDED (UTC)", "FUNCTION", "STATUS", "VERSION", "DURATION", "REPLAY", "ID"];
  // Cells and column widths in one pass: a width taken as Math.max over every row's cell,
  // spread as arguments, threw "Maximum call stack size exceeded" past about 120,000 rows.
  const widths = head.map((h) => h.length);
  const rows = new Array<string[]>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const row = [
      e.at.slice(0, 19).replace("T", " "),
      escapeControl(`${e.functionName}${e.qualifier ? `:${e.qualifier}` : ""}`),
      escapeControl(status(e)),
      escapeControl(e.executedVersion ?? "-"),
      e.durationMs === null ? "-" : ms(e.durationMs),
      e.replayOf ? `replay of ${e.replayOf.slice(0, 8)}` : "",
      e.id.slice(0, 8),
    ];
    for (let c = 0; c < row.length; c++) if (row[c]!.length > widths[c]!) widths[c] = row[c]!.length;
    rows[i] = row;
  }
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const fmt = (cells: string[]) => {
    let line = "";
    for (let c = 0; c < cells.length; c++) line += cells[c]!.padEnd(widths[c]!) + "  ";
    return line;
  };
  // On a terminal the payload is cut to the line; in a pipe it is the whole preview.
  const room = process.stdout.isTTY ? (process.stdout.columns || 120) - used : null;
  let out = `${fmt(head)}PAYLOAD\n`;
  for (let i = 0; i < entries.length; i++) {
    const preview = escapeControl(entries[i]!.payloadPreview);
    out += `${fmt(rows[i]!)}${room === null ? preview : truncate(preview, room)}\n`;
  }
  // One write: a write per row was a fifth of the time to list 25,000 invocations.
  process.stdout.write(out);
  const n = entries.length;
  const of = n < found.seen ? ` of ${found.seen}` : "";
  process.stderr.write(
    found.complete
      ? `${n}${of} invocation${found.seen === 1 ? "" : "s"} in ${file}\n`
      : `the newest ${n} invocation${n === 1 ? "" : "s"}${filter.active ? " that match" : ""} in ${file} (--limit ${n}; older ones not read)\n`,
  );
}

/**
 * --function and --since as a test on an index entry, and as cheap tests on a line's bytes
 * (src/state/history-line-tests.ts) that pass over, unparsed, the lines that cannot match.
 */
async function listFilter(flags: EntryFilters) {
  let match: ((e: HistoryIndexEntry) => boolean) | undefined;
  let seen = 0;
  const now = Date.now();
  // First: it reads --since, and says what to type when it cannot.
  const mayMatch = await lineTests(flags, now);
  const tests: Array<(e: HistoryIndexEntry) => boolean> = [];
  if (flags.function !== undefined) {
    const { parseFunctionRef } = await import("../../core/invocation-record.js");
    const ref = parseFunctionRef(flags.function);
    tests.push((e) => {
      if (e.functionName !== ref.name) return false;
      seen++;
      return ref.qualifier === null || e.qualifier === ref.qualifier;
    });
  }
  if (flags.since !== undefined) {
    const { parseTimeSpec } = await import("../../core/time-spec.js");
    const since = parseTimeSpec(flags.since, now);
    tests.push((e) => Date.parse(e.at) >= since);
  }
  if (tests.length > 0) match = (e) => tests.every((t) => t(e));
  return { match, mayMatch, active: tests.length > 0, nameSeen: () => seen };
}
