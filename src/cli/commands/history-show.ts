// `lambda-explorer history show ID`: one recorded invocation in full, found through the id
// index (src/state/history-id-index.ts) so an old entry of a large history costs one lookup and
// one line read, not a read of the whole file.
import type { HistoryRecord } from "../../core/history-record.js";
import { EXIT, UserError } from "../exit-codes.js";
import { escapeControl } from "../text.js";

export interface ShowFlags {
  history?: string;
}

export async function runShow(query: string, flags: ShowFlags): Promise<void> {
  const { HistoryFileError, openHistoryReader, resolveHistoryFile } =
    await import("../../state/history-store.js");
  const { findId, historyIdIndex } = await import("../../state/history-id-index.js");
  const file = resolveHistoryFile(flags.history);
  const id = query.trim();
  if (id === "")
    throw new UserError("history show needs an ID: history list shows them (its ID column)", EXIT.usage);

  const find = async (rebuild: boolean): Promise<HistoryRecord | "stale" | null> => {
    let index: Awaited<ReturnType<typeof historyIdIndex>>;
    try {
      index = await historyIdIndex(file, { rebuild });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        throw new UserError(
          `no history file ${file}: check the path (invoke and the explorer record into the history; see lambda-explorer history --help)`,
          EXIT.usage,
        );
      throw new UserError(HistoryFileError.from(err, file, "read").message, EXIT.usage);
    }
    const found = await findId(index, id);
    if (found.kind === "ambiguous") {
      const some = found.ids.slice(0, 5).map(escapeControl).join(", ") + (found.ids.length > 5 ? ", …" : "");
      throw new UserError(
        `${escapeControl(id)} is the start of ${found.ids.length} ids in ${file} (${some}): type more of the ID`,
        EXIT.usage,
      );
    }
    if (found.kind === "none") return null;
    const reader = await openHistoryReader(file);
    try {
      const record = await reader.read(found.entry);
      // The index is a cache: a line that is not the entry it named means it is out of date.
      return record.id === found.entry.id ? record : "stale";
    } catch (err) {
      if (err instanceof HistoryFileError && err.code === undefined) return "stale";
      throw new UserError(HistoryFileError.from(err, file, "read").message, EXIT.usage);
    } finally {
      await reader.close();
    }
  };

  let record = await find(false);
  // The index pointed at a line that is not that entry: rebuilt from the history, asked again.
  if (record === "stale") record = await find(true);
  if (record === "stale")
    throw new UserError(
      `the invocation ${escapeControl(id)} in ${file} is damaged and cannot be read (history list reports damaged lines)`,
      EXIT.usage,
    );
  if (!record)
    throw new UserError(
      `no invocation ${escapeControl(id)} in ${file}: history list shows the ids (its ID column is their first 8 characters)`,
      EXIT.usage,
    );
  process.stdout.write(JSON.stringify(record, null, 2) + "\n");
}
