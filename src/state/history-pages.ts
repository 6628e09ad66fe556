// The explorer's history, newest first, a page at a time: the first page read while the UI
// loads (so the first frame lists the newest entries), older pages as the list is scrolled or
// filtered. Pages come oldest first within themselves, as the history pane keeps its rows.
import { damagedMessage } from "./history-error.js";
import type { HistoryIndexEntry } from "./history-line.js";
import { openNewestReader, type NewestResult } from "./history-scan.js";

export interface HistoryPage {
  /** The entries read by this call, oldest first. */
  rows: HistoryIndexEntry[];
  /** Older entries are still to be read. */
  more: boolean;
  /** The damaged lines seen so far (counted from the end until the whole file is read), or null. */
  damaged: string | null;
}

export interface HistoryPages {
  /** The next `size` older entries; null once closed. */
  next(size: number): Promise<HistoryPage | null>;
  close(): Promise<void>;
}

/** A history opened at start-up: its first page, or why the file could not be read. */
export interface OpenedHistory {
  file: string;
  pages: HistoryPages;
  first: HistoryPage | null;
  error: string | null;
}

/** Entries read before the pane is first drawn: a screenful or more, in a few ms. */
export const FIRST_PAGE = 200;

function pageOf(found: NewestResult, from: number): HistoryPage {
  const damaged = damagedMessage(found);
  return {
    rows: found.entries.slice(from).reverse(),
    more: found.exists && !found.complete,
    damaged: damaged && !found.complete ? `${damaged} among the newest lines, counted from the end` : damaged,
  };
}

export function openHistoryPages(file: string, signal?: AbortSignal): HistoryPages {
  const scan = openNewestReader(file, { signal });
  let shown = 0;
  let closed = false;
  return {
    async next(size) {
      if (closed) return null;
      const found = await scan.next(size);
      if (closed || signal?.aborted) return null;
      const page = pageOf(found, shown);
      shown = found.entries.length;
      // Read to its start (or missing): nothing more to read, the file is let go.
      if (!page.more) await this.close();
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await scan.close();
    },
  };
}

/** Opens `file` and reads its newest `size` entries; a read that fails is said in `error`. */
export async function openHistory(file: string, size: number, signal?: AbortSignal): Promise<OpenedHistory> {
  const pages = openHistoryPages(file, signal);
  try {
    return { file, pages, first: await pages.next(size), error: null };
  } catch (err) {
    void pages.close().catch(() => undefined);
    return { file, pages, first: null, error: (err as Error).message };
  }
}
