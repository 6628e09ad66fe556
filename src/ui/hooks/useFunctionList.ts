// The function list: the cached one at once, then a fresh one streamed in page by page
// (shown as it arrives when there was no cache), saved for next time. `reload` starts over.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Clients } from "../../aws/clients.js";
import { describeAwsError, type AwsFailure } from "../../aws/errors.js";
import type { FunctionSummary } from "../../core/model.js";
import type { EarlyList } from "../../aws/listing-start.js";
import { reusingCached } from "../../core/same-summary.js";
import { readFunctionCache, writeFunctionCache, type CacheKey } from "../../state/function-list-cache.js";
import { deferred } from "../app/deferred.js";

export type { EarlyList };

export interface FunctionList {
  items: readonly FunctionSummary[];
  loading: boolean;
  /** The shown list came from the cache and a fresh one is loading. */
  stale: boolean;
  error: AwsFailure | null;
  reload(): void;
}

/**
 * Whether a list that has grown to `count` (of which `shown` are on screen, drawn `sinceMs`
 * ago) should be shown again while it loads. The picker's index only adds the new pages, but
 * each showing still passes over the whole list (copying it, its name order, the column
 * widths, the app's lookups), so showing every page of 50 would make loading quadratic.
 * Showing it when it has grown by half (or every 2 s) keeps the work linear, and the first
 * page still appears at once.
 */
export function shouldShowGrowth(count: number, shown: number, sinceMs: number): boolean {
  return shown === 0 || count >= shown * 1.5 || sinceMs >= 2000;
}

/** What is already there for the first render: the cached list, else the first fresh page. */
function initialList(early: EarlyList | undefined): { items: FunctionSummary[]; cached: boolean } {
  const cached = early?.cached.value;
  if (cached) return { items: cached.items, cached: true };
  return { items: early?.listing?.first.value ?? [], cached: false };
}

export function useFunctionList(
  clients: Clients | null,
  cacheKey: CacheKey,
  early?: EarlyList,
): FunctionList {
  const key = JSON.stringify(cacheKey);
  const [initial] = useState(() =>
    initialList(early && JSON.stringify(early.key) === key ? early : undefined),
  );
  const [items, setItems] = useState<readonly FunctionSummary[]>(initial.items);
  const [loading, setLoading] = useState(true);
  const [stale, setStale] = useState(initial.cached);
  const [error, setError] = useState<AwsFailure | null>(null);
  const [generation, setGeneration] = useState(0);
  const haveItems = useRef(initial.items.length > 0);
  /** The cached list is on screen: fresh pages wait until the whole list is in. */
  const showingCache = useRef(initial.cached);
  /** The cached list read at start, whose unchanged functions the fresh list reuses. */
  const cachedItems = useRef<readonly FunctionSummary[] | null>(initial.cached ? initial.items : null);
  /** Start-up's cache read and first request, each used once, for the key they were made for. */
  const earlyCache = useRef(early && JSON.stringify(early.key) === key ? early.cached : undefined);
  const earlyListing = useRef(early?.listing);
  /** Fresh functions already on screen from the early listing's first page. */
  const shownEarly = useRef(initial.cached ? 0 : initial.items.length);

  // Start-up's first page, when it comes after the first render: shown as it arrives, not when
  // the UI's own clients are ready (that was up to 100 ms later). A cached list is whole, so it
  // goes first when there is one.
  const earlyFirst = useRef(early && JSON.stringify(early.key) === key ? early.listing?.first : undefined);
  useEffect(() => {
    const first = earlyFirst.current;
    earlyFirst.current = undefined;
    if (!first || haveItems.current) return;
    let cancelled = false;
    void first.promise.then(
      (page) => {
        if (cancelled || !page || page.length === 0 || haveItems.current) return;
        haveItems.current = true;
        shownEarly.current = page.length;
        setItems(page);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // The cached list, once per cache key, shown before any network call.
  useEffect(() => {
    let cancelled = false;
    const read =
      earlyCache.current?.promise ?? readFunctionCache<FunctionSummary>(JSON.parse(key) as CacheKey);
    earlyCache.current = undefined;
    void read.then((cached) => {
      if (cancelled || !cached || haveItems.current) return;
      haveItems.current = true;
      showingCache.current = true;
      cachedItems.current = cached.items;
      setItems(cached.items);
      setStale(true);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  useEffect(() => {
    if (!clients) return;
    const abort = new AbortController();
    setLoading(true);
    setError(null);
    const listing = earlyListing.current;
    const useEarly = listing?.isFor(clients) === true && generation === 0;
    earlyListing.current = undefined;
    void (async () => {
      const { listFunctions } = await deferred("functions");
      const all: FunctionSummary[] = [];
      let shown = useEarly ? shownEarly.current : 0;
      let shownAt = useEarly ? performance.now() : 0;
      const pages = useEarly ? listing.pages(abort.signal) : listFunctions(clients, abort.signal);
      const reuse = cachedItems.current ? reusingCached(cachedItems.current) : null;
      try {
        for await (const page of pages) {
          if (reuse) for (const f of page) all.push(reuse(f));
          else all.push(...page);
          if (!showingCache.current && shouldShowGrowth(all.length, shown, performance.now() - shownAt)) {
            haveItems.current = true;
            setItems([...all]);
            shown = all.length;
            shownAt = performance.now();
          }
        }
        if (abort.signal.aborted) return;
        setItems(all);
        showingCache.current = false;
        setStale(false);
        setLoading(false);
        haveItems.current = true;
        await writeFunctionCache(JSON.parse(key) as CacheKey, all).catch(() => undefined);
      } catch (err) {
        if (abort.signal.aborted) return;
        setLoading(false);
        setError(describeAwsError(err));
      }
    })();
    return () => abort.abort();
  }, [clients, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { items, loading, stale, error, reload };
}
