// `history export` and `history import`: sharing invocations between histories. An export holds
// merged records (complete logs folded in, no logs records), so it reads and replays alone.
// Nothing is ever rewritten: export refuses an existing file without --force (and then writes
// a new file and renames it over, so a failure leaves the old one whole); import only appends
// the invocations the history does not have yet, so importing twice adds nothing.
import { rename, rm, open, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { EXIT, UserError } from "../exit-codes.js";
import type { HistoryRecord } from "../../core/history-record.js";
import type { HistoryIndexEntry } from "../../state/history-store.js";
import {
  checkHistoryRead,
  openFilteredHistory,
  openHistoryFile,
  type EntryFilters,
} from "../history-input.js";

export interface ExportFlags extends EntryFilters {
  history?: string;
  redact?: string | boolean;
  /** --redact-key NAME, repeatable. */
  redactKey?: string[];
  force?: boolean;
}

export interface ImportFlags {
  history?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/**
 * The names to redact beyond the default ones, or null for no redaction. `--redact a,b` and
 * `--redact-key a` add names (they used to replace the defaults, which silently unredacted a
 * password for whoever named one key of their own); a --redact-key alone implies --redact.
 */
function redactKeys(flags: Pick<ExportFlags, "redact" | "redactKey">): string[] | null {
  const named = flags.redactKey ?? [];
  if ((flags.redact === undefined || flags.redact === false) && named.length === 0) return null;
  const listed = typeof flags.redact === "string" ? flags.redact.split(",") : [];
  if (typeof flags.redact === "string" && listed.every((k) => k.trim() === ""))
    throw new UserError(
      "--redact takes key names separated by commas, e.g. --redact ssn,pin (or none: --redact)",
      EXIT.usage,
    );
  for (const name of named)
    if (name.trim() === "")
      throw new UserError("--redact-key takes a key name, e.g. --redact-key ssn", EXIT.usage);
  return [...listed, ...named].map((k) => k.trim()).filter(Boolean);
}

/**
 * Each entry in full, in order. An entry damaged inside the part the index skips (see
 * loadHistoryIndex) is left out and its line added to `skipped`, as a damaged line is on loading.
 */
async function* readSkippingDamaged(
  file: string,
  entries: readonly HistoryIndexEntry[],
  skipped: number[],
): AsyncGenerator<HistoryRecord> {
  if (entries.length === 0) return;
  const { HistoryFileError, openHistoryReader } = await import("../../state/history-store.js");
  const reader = await openHistoryReader(file, { ahead: true });
  try {
    for (const e of entries) {
      let r: HistoryRecord;
      try {
        r = await reader.read(e);
      } catch (err) {
        if (!(err instanceof HistoryFileError) || err.code !== undefined) throw err;
        skipped.push(e.line);
        continue;
      }
      yield r;
    }
  } finally {
    await reader.close();
  }
}

async function reportSkipped(file: string, skipped: number[]): Promise<void> {
  if (skipped.length === 0) return;
  const { damagedMessage } = await import("../../state/history-store.js");
  process.stderr.write(
    `lambda-explorer: ${file}: ${damagedMessage({ damaged: skipped.length, damagedLines: skipped })}\n`,
  );
}

/** Writes lines through one descriptor, about 1 MB a write. */
async function writeLines(fh: FileHandle, lines: AsyncIterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for await (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= 1 << 20) {
      await fh.write(batch.join(""));
      batch = [];
      size = 0;
    }
  }
  if (batch.length) await fh.write(batch.join(""));
}

export async function runExport(out: string, flags: ExportFlags): Promise<void> {
  const { HistoryFileError, resolveHistoryFile } = await import("../../state/history-store.js");
  const { serializeRecord } = await import("../../core/history-record.js");
  const { redact } = await import("../../core/history-redact.js");
  const file = resolveHistoryFile(flags.history);
  const keys = redactKeys(flags);
  const toStdout = out === "-";
  const target = toStdout ? out : path.resolve(out);
  if (!toStdout && sameFile(target, file))
    throw new UserError(`cannot export ${file} onto itself: give another file name`, EXIT.usage);
  // With --function or --since, only the entries they may want are kept, not the whole index.
  const entries = await openFilteredHistory(file, flags);
  if (entries.length === 0)
    throw new UserError(`no invocations in ${file} match --function / --since: nothing exported`, EXIT.usage);

  const unreadable: number[] = [];
  let exported = 0;
  async function* lines() {
    for await (const r of readSkippingDamaged(file, entries, unreadable)) {
      exported++;
      yield serializeRecord(keys ? redact(r, keys) : r);
    }
  }
  if (toStdout) {
    try {
      for await (const line of lines())
        if (!process.stdout.write(line)) await new Promise((r) => process.stdout.once("drain", r));
    } catch (err) {
      if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
      throw err;
    }
  } else {
    const tmp = `${target}.${process.pid}.tmp`;
    let fh: FileHandle | undefined;
    try {
      if (!flags.force) {
        // Exclusive create: never replaces a file that appeared meanwhile.
        fh = await open(target, "wx", 0o600);
      } else {
        fh = await open(tmp, "w", 0o600);
      }
      await writeLines(fh, lines());
      await fh.close();
      fh = undefined;
      if (flags.force) await rename(tmp, target);
    } catch (err) {
      await fh?.close().catch(() => undefined);
      if (flags.force) await rm(tmp, { force: true });
      if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
      const e = err as NodeJS.ErrnoException;
      if (e.code === "EEXIST")
        throw new UserError(
          `${target} exists: choose another file name, or add --force to replace it`,
          EXIT.usage,
        );
      if (e.code) throw new UserError(`cannot write ${target}: ${e.message}`, EXIT.usage);
      throw err;
    }
  }
  const note = keys
    ? `secrets redacted${keys.length ? `, and the values of ${keys.join(", ")}` : ""}`
    : "nothing redacted: add --redact to hide passwords, tokens, keys and other secrets";
  await reportSkipped(file, unreadable);
  process.stderr.write(
    `exported ${plural(exported, "invocation")} to ${toStdout ? "standard output" : target} (${note})\n`,
  );
}

export async function runImport(from: string, flags: ImportFlags): Promise<void> {
  const { appendRecords, HistoryFileError, resolveHistoryFile } =
    await import("../../state/history-store.js");
  const file = resolveHistoryFile(flags.history);
  const source = path.resolve(from);
  if (sameFile(source, file))
    throw new UserError(`${source} is the history itself: nothing to import`, EXIT.usage);
  const index = await openHistoryFile(source);
  // The history is streamed for the imported ids only: it can be far bigger than the file, and
  // an index of it (every entry) was held just to know which ids it had.
  const { idsInHistory } = await import("../../state/history-has-ids.js");
  const inHistory = await idsInHistory(file, new Set(index.entries.map((e) => e.id))).catch(
    (err: unknown) => {
      if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
      throw err;
    },
  );
  await checkHistoryRead(file, inHistory, { missingIsEmpty: true });
  const have = inHistory.found;
  // As invoke and replay do before recording: where a link leads, a history others can read.
  const { checkHistoryTarget } = await import("../../state/history-target.js");
  const target = await checkHistoryTarget(file).catch((err: unknown) => {
    if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
    throw err;
  });
  for (const note of target.notes) process.stderr.write(`lambda-explorer: warning: ${note}\n`);
  const fresh = index.entries.filter((e) => !have.has(e.id));
  let batch: HistoryRecord[] = [];
  const unreadable: number[] = [];
  let imported = 0;
  try {
    for await (const r of readSkippingDamaged(source, fresh, unreadable)) {
      batch.push(r);
      imported++;
      // Each record is still one write of its own (appendRecords); batches only bound memory.
      if (batch.length >= 500) {
        await appendRecords(file, batch);
        batch = [];
      }
    }
    await appendRecords(file, batch);
  } catch (err) {
    if (err instanceof HistoryFileError) throw new UserError(err.message, EXIT.usage);
    throw err;
  }
  await reportSkipped(source, unreadable);
  const already = index.entries.length - fresh.length;
  process.stderr.write(
    `imported ${plural(imported, "invocation")} into ${file}${already ? ` (${already} already there)` : ""}\n`,
  );
}
