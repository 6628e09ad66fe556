// In-memory CloudWatch Logs: groups of streams of events. With a delay, an event (and the
// stream it created) stays invisible until `delayMs` after it was written, the way CloudWatch
// delivers Lambda logs seconds after the call.
//
// Each group keeps its events three ways, so a FilterLogEvents call costs the events it may
// return, not every event ever written: per stream (in order, for GetLogEvents), by time
// (for a time window) and by request id (for the `"<request id>"` search every invocation's
// complete log starts with). A group keeps at most `retentionBytes` of events; the oldest go
// first, so a long-running sandbox stays bounded in memory.

export interface StoredEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** When readers may see it: ingestionTime + delay. */
  visibleAt: number;
  eventId: string;
  stream: LogStream;
}

export interface LogStream {
  name: string;
  creationTime: number;
  /** The events kept, oldest first; `events[i]` is the stream's event number `base + i`. */
  events: StoredEvent[];
  /** How many of the stream's first events were dropped to keep the group within its retention. */
  base: number;
  storedBytes: number;
}

export interface LogGroup {
  name: string;
  creationTime: number;
  streams: Map<string, LogStream>;
  /** Every event kept, by (timestamp, eventId). */
  byTime: StoredEvent[];
  /** The events holding each request id (UUID), by (timestamp, eventId). */
  byRequestId: Map<string, StoredEvent[]>;
  storedBytes: number;
}

/** What a CloudWatch event costs in its quotas: the message's UTF-8 bytes plus 26. */
export const eventBytes = (message: string) => Buffer.byteLength(message) + 26;

/** The default retention of one group: enough for days of examples, bounded all the same. */
export const DEFAULT_RETENTION_BYTES = 64 * 1024 * 1024;

const REQUEST_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const REQUEST_ID_ONLY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a filter term is a request id, so the request-id index can answer for it. */
export const isRequestId = (term: string) => REQUEST_ID_ONLY.test(term);

const before = (a: StoredEvent, b: StoredEvent) =>
  a.timestamp < b.timestamp || (a.timestamp === b.timestamp && a.eventId < b.eventId);

/** Inserts `e` in order; events come nearly in order, so the search starts at the end. */
function insertSorted(list: StoredEvent[], e: StoredEvent): void {
  let i = list.length;
  while (i > 0 && before(e, list[i - 1]!)) i--;
  if (i === list.length) list.push(e);
  else list.splice(i, 0, e);
}

/** The first index of `list` (sorted by time) whose event is at or after `t`. */
export function firstAtOrAfter(list: StoredEvent[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.timestamp < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LogStore {
  private readonly groups = new Map<string, LogGroup>();
  private nextEventId = 0;
  private readonly listeners = new Set<(group: string, e: StoredEvent) => void>();

  constructor(
    readonly delayMs = 0,
    private readonly now: () => number = Date.now,
    readonly retentionBytes = DEFAULT_RETENTION_BYTES,
  ) {}

  /** Appends one event; timestamps never go backwards within a stream. */
  append(groupName: string, streamName: string, message: string, timestamp = this.now()): void {
    const now = this.now();
    let group = this.groups.get(groupName);
    if (!group) {
      group = {
        name: groupName,
        creationTime: now,
        streams: new Map(),
        byTime: [],
        byRequestId: new Map(),
        storedBytes: 0,
      };
      this.groups.set(groupName, group);
    }
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: now, events: [], base: 0, storedBytes: 0 };
      group.streams.set(streamName, stream);
    }
    const last = stream.events[stream.events.length - 1];
    const ts = last && last.timestamp > timestamp ? last.timestamp : timestamp;
    const id = (this.nextEventId++).toString().padStart(20, "0");
    const event: StoredEvent = {
      timestamp: ts,
      ingestionTime: now,
      message,
      visibleAt: now + this.delayMs,
      eventId: id,
      stream,
    };
    stream.events.push(event);
    insertSorted(group.byTime, event);
    for (const rid of new Set(message.match(REQUEST_ID))) {
      let list = group.byRequestId.get(rid);
      if (!list) group.byRequestId.set(rid, (list = []));
      insertSorted(list, event);
    }
    const size = eventBytes(message);
    stream.storedBytes += size;
    group.storedBytes += size;
    this.trim(group);
    for (const l of this.listeners) l(groupName, event);
  }

  /** Tells `listener` of every event appended from now on (delivered or not); returns the unsubscribe. */
  subscribe(listener: (group: string, e: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops the group's oldest events until it is within its retention (the newest always stays). */
  private trim(group: LogGroup): void {
    while (group.storedBytes > this.retentionBytes && group.byTime.length > 1) {
      const e = group.byTime.shift()!;
      // The group's oldest event is its stream's oldest too: a stream's times never go back.
      const s = e.stream;
      s.events.shift();
      s.base++;
      const size = eventBytes(e.message);
      s.storedBytes -= size;
      group.storedBytes -= size;
      for (const rid of new Set(e.message.match(REQUEST_ID))) {
        const list = group.byRequestId.get(rid);
        if (!list) continue;
        const at = list.indexOf(e);
        if (at >= 0) list.splice(at, 1);
        if (list.length === 0) group.byRequestId.delete(rid);
      }
    }
  }

  /** Whether readers may see `e` now. */
  isVisible(e: StoredEvent): boolean {
    return e.visibleAt <= this.now();
  }

  /** Number of kept events of the stream readers may see now (visibility only grows with index). */
  visibleCount(stream: LogStream): number {
    const now = this.now();
    const ev = stream.events;
    let lo = 0;
    let hi = ev.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ev[mid]!.visibleAt <= now) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * A group readers may see: it exists from its first event on, delivered or not, as Lambda
   * creates a function's log group while the invocation runs and only the events come late.
   * So a missing group means no logs will come (a client may stop looking at once).
   */
  group(name: string): LogGroup | undefined {
    return this.groups.get(name);
  }

  visibleGroups(): LogGroup[] {
    return [...this.groups.keys()]
      .sort()
      .map((n) => this.group(n))
      .filter((g): g is LogGroup => g !== undefined);
  }

  visibleStreams(group: LogGroup): LogStream[] {
    return [...group.streams.values()].filter((s) => this.visibleCount(s) > 0);
  }
}
