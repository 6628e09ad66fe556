/** What the explorer's end resolves with when Ctrl+C ended it, so the command exits 130. */
export const INTERRUPTED = "interrupted";
