// Retries the explorer's clients make, for the header to say so. The clients are made before the
// UI exists (start-up makes them, and sends the first ListFunctions request, while Ink loads),
// so they report here and the UI subscribes: without this a throttled explorer just looked stuck
// while the SDK backed off in silence. A retry reported before the UI subscribed is told to it
// when it does, while that retry's wait lasts, so the early request's back-off is said too.
import type { RetryListener, RetryNotice } from "./retry.js";

/** Told a notice and how long ago it was reported (0 when it is new). */
export type RetryNoticeListener = (notice: RetryNotice, ageMs: number) => void;

const listeners = new Set<RetryNoticeListener>();
let latest: { notice: RetryNotice; at: number } | null = null;

/** The onRetry to give the explorer's clients. */
export const reportRetry: RetryListener = (notice) => {
  latest = { notice, at: performance.now() };
  for (const l of listeners) l(notice, 0);
};

export function onRetryNotice(listener: RetryNoticeListener): () => void {
  listeners.add(listener);
  if (latest) {
    const age = performance.now() - latest.at;
    if (age < latest.notice.delayMs) listener(latest.notice, age);
  }
  return () => listeners.delete(listener);
}
