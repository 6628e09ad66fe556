// The function list's first ListFunctions request, sent as soon as the clients are ready,
// before anyone reads it: start-up sends it while the UI loads, so the endpoint answers (on
// another core, or over the network) while Ink and React are still being loaded.
import { early, type Early } from "../core/early.js";
import type { Clients } from "./clients.js";
import type { CacheKey, FunctionSummary } from "../core/model.js";

/**
 * What start-up began for the list before the UI loaded: reading the cache of `key`, and the
 * first ListFunctions request. What has arrived by the first render is in the first frame.
 */
export interface EarlyList {
  key: CacheKey;
  cached: Early<{ items: FunctionSummary[]; savedAt: string } | null>;
  listing?: ListingStart | undefined;
}

export interface ListingStart {
  /** The first page, readable at once when it has arrived (never when it failed). */
  readonly first: Early<FunctionSummary[] | null>;
  /** Whether this listing was started with `clients` (a retry makes new clients: not these). */
  isFor(clients: Clients): boolean;
  /**
   * Every page, the first one included, as listFunctions yields them; an error of the first
   * request (throttled past the retries, access denied, unreachable) is thrown here, where
   * listFunctions would throw it. Read once; `signal` stops the listing.
   */
  pages(signal: AbortSignal): AsyncGenerator<FunctionSummary[]>;
}

export function startListing(clients: Promise<Clients>): ListingStart {
  const abort = new AbortController();
  let owner: Clients | undefined;
  const generator = clients.then(async (c) => {
    owner = c;
    const { listFunctions } = await import("./functions.js");
    return listFunctions(c, abort.signal);
  });
  const firstResult = generator.then((g) => g.next());
  // Failures surface through pages(); until it is read, a failed start is not unhandled.
  firstResult.catch(() => undefined);
  const first = early(firstResult.then((r) => (r.done ? null : r.value)));
  let read = false;
  return {
    first,
    isFor: (c) => owner === c,
    async *pages(signal) {
      if (read) throw new Error("the listing started early was read twice");
      read = true;
      const stop = () => abort.abort();
      if (signal.aborted) stop();
      signal.addEventListener("abort", stop, { once: true });
      try {
        const g = await generator;
        const r = await firstResult;
        if (r.done) return;
        yield r.value;
        yield* g;
      } finally {
        signal.removeEventListener("abort", stop);
      }
    },
  };
}
