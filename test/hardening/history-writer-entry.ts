// What the concurrent-writers test bundles into its child processes: the append module as the
// commands use it.
export { appendRecord, openHistoryAppender } from "../../src/state/history-store.js";
export { serializeRecord } from "../../src/core/history-record.js";
