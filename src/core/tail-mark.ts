// How Invoke's 4 KB log tail relates to the complete log: whether it was cut (it no longer
// reaches back to the invocation's START line), and which complete-log event it starts at.
import { parseLogLine } from "./log-records.js";

export interface TailInfo {
  lines: string[];
  /** The tail lost the start of the invocation's log: the first line may be a fragment. */
  cut: boolean;
}

export function tailInfo(tail: string | null, requestId: string | null): TailInfo {
  if (!tail) return { lines: [], cut: false };
  const lines = tail.replace(/\n$/, "").split("\n");
  // START in either log format: the Text line or the JSON platform.start record.
  const isStart = (l: string) => {
    if (!l.startsWith("START RequestId:") && !l.startsWith("{")) return false;
    const m = parseLogLine(l);
    return m.kind === "start" && (!requestId || m.requestId === requestId);
  };
  const cut = !lines.some(isStart);
  return { lines, cut };
}

/**
 * The index of the complete-log event where the tail begins, or null when they do not line
 * up. A cut tail's first line is usually a fragment, so it is matched as a suffix.
 */
export function tailStartIndex(messages: readonly string[], tail: TailInfo): number | null {
  const n = tail.lines.length;
  if (n === 0 || messages.length === 0) return null;
  // Each event is one line of the tail (inner newlines are \r in Lambda's text format), and
  // both end at REPORT: try the alignment at the end first, then search back.
  const matchesAt = (i: number): boolean => {
    for (let k = 0; k < n; k++) {
      const m = messages[i + k];
      if (m === undefined) return false;
      const line = tail.lines[k]!;
      if (k === 0 && tail.cut ? !m.endsWith(line) : m !== line) return false;
    }
    return true;
  };
  for (let i = messages.length - n; i >= 0; i--) if (matchesAt(i)) return i;
  return null;
}
