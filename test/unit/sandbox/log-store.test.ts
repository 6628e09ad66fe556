import { describe, expect, it } from "vitest";
import { LogStore } from "../../../src/sandbox/log-store.js";

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const G = "/aws/lambda/orders-api";
const S = "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";

describe("LogStore without a delay", () => {
  it("makes events, streams and groups visible at once", () => {
    const clock = fakeClock();
    const store = new LogStore(0, clock.now);
    store.append(G, S, "hello");
    const group = store.group(G)!;
    expect(group).toBeDefined();
    expect(group.name).toBe(G);
    expect(group.creationTime).toBe(clock.now());
    const [stream] = store.visibleStreams(group);
    expect(stream!.name).toBe(S);
    expect(store.visibleCount(stream!)).toBe(1);
    expect(stream!.events[0]).toMatchObject({
      message: "hello",
      timestamp: clock.now(),
      ingestionTime: clock.now(),
    });
  });

  it("uses the clock for the default timestamp and keeps an explicit one", () => {
    const clock = fakeClock(5000);
    const store = new LogStore(0, clock.now);
    store.append(G, S, "a");
    store.append(G, S, "b", 7000);
    const events = store.group(G)!.streams.get(S)!.events;
    expect(events.map((e) => e.timestamp)).toEqual([5000, 7000]);
  });

  it("gives every event a distinct, increasing id across streams", () => {
    const store = new LogStore(0, fakeClock().now);
    store.append(G, "a", "1");
    store.append(G, "b", "2");
    store.append("/other", "a", "3");
    store.append(G, "a", "4");
    const ids = [
      ...store.group(G)!.streams.get("a")!.events,
      ...store.group(G)!.streams.get("b")!.events,
      ...store.group("/other")!.streams.get("a")!.events,
    ].map((e) => e.eventId);
    expect(new Set(ids).size).toBe(4);
    const [a1, a4, b2, o3] = ids as [string, string, string, string];
    expect(a1 < b2 && b2 < o3 && o3 < a4).toBe(true);
  });

  it("counts stored bytes as UTF-8 length plus 26 per event", () => {
    const store = new LogStore(0, fakeClock().now);
    store.append(G, S, "abc");
    store.append(G, S, "é");
    expect(store.group(G)!.streams.get(S)!.storedBytes).toBe(3 + 26 + 2 + 26);
  });

  it("lists visible groups sorted by name", () => {
    const store = new LogStore(0, fakeClock().now);
    store.append("/b", S, "x");
    store.append("/a", S, "x");
    store.append("/c", S, "x");
    expect(store.visibleGroups().map((g) => g.name)).toEqual(["/a", "/b", "/c"]);
  });

  it("does not know groups never written to", () => {
    const store = new LogStore(0, fakeClock().now);
    expect(store.group(G)).toBeUndefined();
    expect(store.visibleGroups()).toEqual([]);
  });
});

describe("LogStore with a delivery delay", () => {
  it("hides an event until the delay has passed", () => {
    const clock = fakeClock();
    const store = new LogStore(1000, clock.now);
    store.append(G, S, "first");
    const group = store.group(G)!;
    expect(store.visibleCount(group.streams.get(S)!)).toBe(0);
    clock.advance(999);
    expect(store.visibleCount(group.streams.get(S)!)).toBe(0);
    clock.advance(1);
    expect(store.visibleCount(group.streams.get(S)!)).toBe(1);
  });

  it("has a group at once (Lambda creates it while the function runs) but hides its stream until an event is visible", () => {
    const clock = fakeClock();
    const store = new LogStore(500, clock.now);
    store.append(G, S, "x");
    expect(store.visibleGroups().map((g) => g.name)).toEqual([G]);
    expect(store.visibleStreams(store.group(G)!)).toEqual([]);
    clock.advance(500);
    expect(store.visibleGroups().map((g) => g.name)).toEqual([G]);
    expect(store.visibleStreams(store.group(G)!).map((s) => s.name)).toEqual([S]);
  });

  it("hides a new stream of a visible group until its own first event is visible", () => {
    const clock = fakeClock();
    const store = new LogStore(500, clock.now);
    store.append(G, "old", "x");
    clock.advance(500);
    store.append(G, "new", "y");
    const group = store.group(G)!;
    expect(store.visibleStreams(group).map((s) => s.name)).toEqual(["old"]);
    expect(store.visibleCount(group.streams.get("new")!)).toBe(0);
    clock.advance(500);
    expect(store.visibleStreams(group).map((s) => s.name)).toEqual(["old", "new"]);
  });

  it("grows visibleCount monotonically as time passes, event by event", () => {
    const clock = fakeClock();
    const store = new LogStore(1000, clock.now);
    for (let i = 0; i < 10; i++) {
      store.append(G, S, `line ${i}`);
      clock.advance(100);
    }
    // Now: events were written at t0, t0+100, ..., t0+900; it is t0+1000.
    const stream = store.group(G)!.streams.get(S)!;
    const counts: number[] = [];
    for (let step = 0; step <= 12; step++) {
      counts.push(store.visibleCount(stream));
      clock.advance(100);
    }
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10]);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
  });

  it("records visibleAt as ingestion time plus the delay", () => {
    const clock = fakeClock(10_000);
    const store = new LogStore(250, clock.now);
    store.append(G, S, "x", 9_000);
    clock.advance(250);
    const e = store.group(G)!.streams.get(S)!.events[0]!;
    expect(e.ingestionTime).toBe(10_000);
    expect(e.visibleAt).toBe(10_250);
    expect(e.timestamp).toBe(9_000);
  });
});

describe("LogStore timestamps", () => {
  it("never lets a timestamp go backwards within a stream", () => {
    const store = new LogStore(0, fakeClock().now);
    store.append(G, S, "a", 2000);
    store.append(G, S, "b", 1500);
    store.append(G, S, "c", 2500);
    store.append(G, S, "d", 100);
    const ts = store
      .group(G)!
      .streams.get(S)!
      .events.map((e) => e.timestamp);
    expect(ts).toEqual([2000, 2000, 2500, 2500]);
  });

  it("keeps the order of messages as written", () => {
    const store = new LogStore(0, fakeClock().now);
    store.append(G, S, "a", 2000);
    store.append(G, S, "b", 1500);
    expect(
      store
        .group(G)!
        .streams.get(S)!
        .events.map((e) => e.message),
    ).toEqual(["a", "b"]);
  });

  it("does not clamp across streams", () => {
    const store = new LogStore(0, fakeClock().now);
    store.append(G, "one", "a", 2000);
    store.append(G, "two", "b", 1500);
    expect(store.group(G)!.streams.get("two")!.events[0]!.timestamp).toBe(1500);
  });
});

describe("LogStore retention", () => {
  it("keeps a group within its size, dropping the oldest events first, across streams", () => {
    const clock = fakeClock();
    const store = new LogStore(0, clock.now, 100 * 40);
    for (let i = 0; i < 1000; i++) {
      store.append(G, `s${i % 3}`, `event ${String(i).padStart(6, "0")}`);
      clock.advance(1);
    }
    const group = store.group(G)!;
    expect(group.storedBytes).toBeLessThanOrEqual(100 * 40);
    const kept = group.byTime.map((e) => e.message);
    expect(kept.length).toBeGreaterThan(50);
    expect(kept.at(-1)).toBe("event 000999");
    // The newest ones, without a gap.
    expect(kept[0]).toBe(`event ${String(1000 - kept.length).padStart(6, "0")}`);
    const perStream = [...group.streams.values()].reduce((n, s) => n + s.events.length, 0);
    expect(perStream).toBe(kept.length);
    expect([...group.streams.values()].map((s) => s.base + s.events.length)).toEqual([334, 333, 333]);
  });

  it("drops a request id from the index with its last event", () => {
    const clock = fakeClock();
    const store = new LogStore(0, clock.now, 300);
    const id = "3085bc43-7e0a-4994-b97a-63262019c014";
    store.append(G, S, `START RequestId: ${id} Version: $LATEST`);
    expect(store.group(G)!.byRequestId.get(id)).toHaveLength(1);
    for (let i = 0; i < 20; i++) store.append(G, S, `filler ${i}`);
    expect(store.group(G)!.byRequestId.has(id)).toBe(false);
  });
});
