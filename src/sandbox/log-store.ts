// In-memory CloudWatch Logs: groups of streams of events. With a delay, an event (and the
// group or stream it created) stays invisible until `delayMs` after it was written, the way
// CloudWatch delivers Lambda logs seconds after the call.

export interface StoredEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
  /** When readers may see it: ingestionTime + delay. */
  visibleAt: number;
  eventId: string;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: StoredEvent[];
  storedBytes: number;
}

export interface LogGroup {
  name: string;
  creationTime: number;
  streams: Map<string, LogStream>;
}

export class LogStore {
  private readonly groups = new Map<string, LogGroup>();
  private nextEventId = 0;

  constructor(
    readonly delayMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  /** Appends one event; timestamps never go backwards within a stream. */
  append(groupName: string, streamName: string, message: string, timestamp = this.now()): void {
    const now = this.now();
    let group = this.groups.get(groupName);
    if (!group) {
      group = { name: groupName, creationTime: now, streams: new Map() };
      this.groups.set(groupName, group);
    }
    let stream = group.streams.get(streamName);
    if (!stream) {
      stream = { name: streamName, creationTime: now, events: [], storedBytes: 0 };
      group.streams.set(streamName, stream);
    }
    const last = stream.events[stream.events.length - 1];
    const ts = last && last.timestamp > timestamp ? last.timestamp : timestamp;
    const id = (this.nextEventId++).toString().padStart(20, "0");
    stream.events.push({
      timestamp: ts,
      ingestionTime: now,
      message,
      visibleAt: now + this.delayMs,
      eventId: id,
    });
    stream.storedBytes += Buffer.byteLength(message) + 26;
  }

  /** Number of events of the stream readers may see now (visibility only grows with index). */
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
