// The explorer's one loader for what its first frame does not need: the AWS SDK and the calls
// on it, the history file, usage, named events. The UI reaches these modules only through
// here, never with an import() of its own (test/unit/deferred-imports.test.ts checks it), so
// this list is the whole of what is kept off the way to the first frame, and a static import
// of one of them elsewhere in the UI would bring it back onto it.
//
// Each part is a chunk of its own (the build splits the bundle at every import()), loaded by
// an effect or a key's handler, so after the first frame has been drawn: the SDK and the list
// as the explorer connects, the history just after the first frame, the rest on first use.
// Node evaluates a module once: a later use of a part finds it loaded.

const PARTS = {
  /** The SDK's clients: the bulk of the AWS SDK. */
  clients: () => import("../../aws/clients.js"),
  /** ListFunctions, versions and aliases. */
  functions: () => import("../../aws/functions.js"),
  invoke: () => import("../../aws/invoke.js"),
  /** An invocation's lines while it runs, and its complete log once it has answered. */
  runningLogs: () => import("../../aws/running-logs.js"),
  completeLogs: () => import("../../aws/complete-logs.js"),
  /** The Live view's following of a log group. */
  liveInvocations: () => import("../../aws/live-invocations.js"),
  /** Shared test events, in the schema registry. */
  sharedEvents: () => import("../../aws/shared-events.js"),
  /** Private test events, on disk, and the rules for their names. */
  savedEvents: () => import("../../state/test-events.js"),
  eventNames: () => import("../../core/test-events.js"),
  historyStore: () => import("../../state/history-store.js"),
  /** The history pane's first read (when start-up did not begin it): the newest-first pages. */
  historyReading: () => import("../../state/history-pages.js"),
  historyTarget: () => import("../../state/history-target.js"),
  /** What ranks the function list: the functions invoked most and last. */
  usage: () => import("../../state/usage.js"),
};

export type DeferredPart = keyof typeof PARTS;

/** Loads one part (`deferred("invoke")`): its module once loaded. */
export function deferred<P extends DeferredPart>(part: P): ReturnType<(typeof PARTS)[P]> {
  return PARTS[part]() as ReturnType<(typeof PARTS)[P]>;
}
