// Retries the explorer's clients make, for the header to say so. The clients are made before the
// UI exists (start-up makes them while Ink loads), so they report here and the UI subscribes:
// without this a throttled explorer just looked stuck while the SDK backed off in silence.
import type { RetryListener, RetryNotice } from "../aws/retry.js";

const listeners = new Set<(n: RetryNotice) => void>();

/** The onRetry to give the explorer's clients. */
export const reportRetry: RetryListener = (notice) => {
  for (const l of listeners) l(notice);
};

export function onRetryNotice(listener: (n: RetryNotice) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
