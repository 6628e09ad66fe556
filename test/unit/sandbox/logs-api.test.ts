import { describe, expect, it } from "vitest";
import { AwsError } from "../../../src/sandbox/errors.js";
import { LogStore } from "../../../src/sandbox/log-store.js";
import { handleLogsOperation, type Scope } from "../../../src/sandbox/logs/api.js";
import {
  opaqueToken,
  parseOpaqueToken,
  parseStreamToken,
  streamToken,
} from "../../../src/sandbox/logs/tokens.js";

const SCOPE: Scope = { region: "eu-west-1", account: "123456789012" };
const GROUP = "/aws/lambda/orders-api";
const STREAM = "2026/01/01/[$LATEST]aaaa";
const REQ_A = "3085bc43-7e0a-4994-b97a-63262019c014";
const REQ_B = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d";

interface OutEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  logStreamName?: string;
  eventId?: string;
}

interface GetOut {
  events: OutEvent[];
  nextForwardToken: string;
  nextBackwardToken: string;
}

interface FilterOut {
  events: OutEvent[];
  nextToken?: string;
  searchedLogStreams: Array<{ logStreamName: string; searchedCompletely: boolean }>;
}

function call<T>(store: LogStore, op: string, input: Record<string, unknown>): T {
  return handleLogsOperation(store, op, input, SCOPE) as T;
}

function awsErrorOf(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AwsError);
    return err as AwsError;
  }
  throw new Error("expected an AwsError, nothing was thrown");
}

/** One stream of `n` events m0..m(n-1) at timestamps 1000, 1010, ... */
function streamStore(n: number): LogStore {
  const store = new LogStore(0, () => 50_000);
  for (let i = 0; i < n; i++) store.append(GROUP, STREAM, `m${i}`, 1000 + 10 * i);
  return store;
}

const messages = (out: { events: OutEvent[] }) => out.events.map((e) => e.message);

describe("tokens", () => {
  it("round-trips stream tokens", () => {
    const t = streamToken("b", 42);
    expect(t).toMatch(/^b\/0+42\/s$/);
    expect(parseStreamToken(t)).toEqual({ direction: "b", index: 42 });
  });

  it("rejects a malformed stream token with InvalidParameterException", () => {
    expect(awsErrorOf(() => parseStreamToken("nonsense")).code).toBe("InvalidParameterException");
  });

  it("never hands out the same opaque token twice for the same state", () => {
    const a = opaqueToken({ o: 1 });
    const b = opaqueToken({ o: 1 });
    expect(a).not.toBe(b);
    expect(parseOpaqueToken<{ o: number }>(a, { o: "number" }).o).toBe(1);
  });

  it("rejects a token of the wrong shape (null, {}, a cursor for another operation)", () => {
    for (const state of [null, {}, { t: 1, id: "x" }]) {
      const token = Buffer.from(JSON.stringify(state)).toString("base64url");
      expect(awsErrorOf(() => parseOpaqueToken(token, { o: "number" })).code).toBe(
        "InvalidParameterException",
      );
    }
  });

  it("rejects an opaque token that is not base64 JSON", () => {
    expect(awsErrorOf(() => parseOpaqueToken("%%%", { o: "number" })).code).toBe("InvalidParameterException");
  });
});

describe("GetLogEvents", () => {
  const get = (store: LogStore, input: Record<string, unknown>) =>
    call<GetOut>(store, "GetLogEvents", { logGroupName: GROUP, logStreamName: STREAM, ...input });

  it("returns events with timestamp, message and ingestionTime", () => {
    const out = get(streamStore(1), { startFromHead: true });
    expect(out.events).toEqual([{ timestamp: 1000, message: "m0", ingestionTime: 50_000 }]);
  });

  it("pages forward from the head and gives the passed token back at the end", () => {
    const store = streamStore(7);
    const pages: string[][] = [];
    let out = get(store, { startFromHead: true, limit: 3 });
    pages.push(messages(out));
    let token = out.nextForwardToken;
    for (let guard = 0; guard < 10; guard++) {
      out = get(store, { nextToken: token, limit: 3 });
      if (out.nextForwardToken === token) break;
      pages.push(messages(out));
      token = out.nextForwardToken;
    }
    expect(pages).toEqual([["m0", "m1", "m2"], ["m3", "m4", "m5"], ["m6"]]);
    // The final call returned no events and exactly the token it was given.
    expect(out.events).toEqual([]);
    expect(out.nextForwardToken).toBe(token);
  });

  it("picks up events written after the end was reached with the same forward token", () => {
    const store = streamStore(2);
    const first = get(store, { startFromHead: true });
    const end = get(store, { nextToken: first.nextForwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(first.nextForwardToken);
    store.append(GROUP, STREAM, "late", 5000);
    expect(messages(get(store, { nextToken: end.nextForwardToken }))).toEqual(["late"]);
  });

  it("returns the LAST events by default (startFromHead false)", () => {
    const store = streamStore(10);
    expect(messages(get(store, { limit: 3 }))).toEqual(["m7", "m8", "m9"]);
    expect(messages(get(store, { limit: 3, startFromHead: false }))).toEqual(["m7", "m8", "m9"]);
    expect(messages(get(store, {}))).toHaveLength(10);
  });

  it("pages backward with nextBackwardToken, in chronological order within each page", () => {
    const store = streamStore(8);
    let out = get(store, { limit: 3 });
    const pages = [messages(out)];
    let token = out.nextBackwardToken;
    for (let guard = 0; guard < 10; guard++) {
      out = get(store, { nextToken: token, limit: 3 });
      if (out.nextBackwardToken === token) break;
      pages.push(messages(out));
      token = out.nextBackwardToken;
    }
    expect(pages).toEqual([
      ["m5", "m6", "m7"],
      ["m2", "m3", "m4"],
      ["m0", "m1"],
    ]);
    expect(out.events).toEqual([]);
    expect(out.nextBackwardToken).toBe(token);
  });

  it("has a forward token after the default (tail) page that reaches the end", () => {
    const store = streamStore(5);
    const tail = get(store, { limit: 2 });
    const next = get(store, { nextToken: tail.nextForwardToken });
    expect(next.events).toEqual([]);
    expect(next.nextForwardToken).toBe(tail.nextForwardToken);
  });

  it("includes startTime and excludes endTime", () => {
    const store = streamStore(6); // 1000..1050
    const out = get(store, { startFromHead: true, startTime: 1010, endTime: 1040 });
    expect(out.events.map((e) => e.timestamp)).toEqual([1010, 1020, 1030]);
    const back = get(store, { startTime: 1010, endTime: 1040 });
    expect(back.events.map((e) => e.timestamp)).toEqual([1010, 1020, 1030]);
  });

  it("applies the time range while paging too", () => {
    const store = streamStore(10);
    const first = get(store, { startFromHead: true, startTime: 1020, endTime: 1070, limit: 2 });
    expect(messages(first)).toEqual(["m2", "m3"]);
    const second = get(store, {
      nextToken: first.nextForwardToken,
      startTime: 1020,
      endTime: 1070,
      limit: 2,
    });
    expect(messages(second)).toEqual(["m4", "m5"]);
    const third = get(store, {
      nextToken: second.nextForwardToken,
      startTime: 1020,
      endTime: 1070,
      limit: 2,
    });
    expect(messages(third)).toEqual(["m6"]);
  });

  it.each([0, 10_001])("rejects limit %i with InvalidParameterException", (limit) => {
    const err = awsErrorOf(() => get(streamStore(1), { limit }));
    expect(err.code).toBe("InvalidParameterException");
    expect(err.status).toBe(400);
  });

  it("rejects a malformed nextToken", () => {
    expect(awsErrorOf(() => get(streamStore(1), { nextToken: "garbage" })).code).toBe(
      "InvalidParameterException",
    );
  });

  it("requires logStreamName", () => {
    const err = awsErrorOf(() => call(streamStore(1), "GetLogEvents", { logGroupName: GROUP }));
    expect(err.code).toBe("InvalidParameterException");
    expect(err.message).toMatch(/logStreamName/);
  });

  it("reports a missing group and a missing stream as ResourceNotFoundException", () => {
    const store = streamStore(1);
    const noGroup = awsErrorOf(() =>
      call(store, "GetLogEvents", { logGroupName: "/aws/lambda/nope", logStreamName: STREAM }),
    );
    expect(noGroup.code).toBe("ResourceNotFoundException");
    expect(noGroup.message).toMatch(/log group/);
    const noStream = awsErrorOf(() =>
      call(store, "GetLogEvents", { logGroupName: GROUP, logStreamName: "x" }),
    );
    expect(noStream.code).toBe("ResourceNotFoundException");
    expect(noStream.message).toMatch(/log stream/);
  });

  it("accepts logGroupIdentifier as an ARN, with or without the :* suffix", () => {
    const store = streamStore(2);
    const arn = `arn:aws:logs:${SCOPE.region}:${SCOPE.account}:log-group:${GROUP}`;
    for (const id of [arn, `${arn}:*`, GROUP]) {
      const out = call<GetOut>(store, "GetLogEvents", {
        logGroupIdentifier: id,
        logStreamName: STREAM,
        startFromHead: true,
      });
      expect(messages(out)).toEqual(["m0", "m1"]);
    }
  });

  it("rejects logGroupName together with logGroupIdentifier, and neither", () => {
    const store = streamStore(1);
    expect(
      awsErrorOf(() =>
        call(store, "GetLogEvents", {
          logGroupName: GROUP,
          logGroupIdentifier: GROUP,
          logStreamName: STREAM,
        }),
      ).code,
    ).toBe("InvalidParameterException");
    expect(awsErrorOf(() => call(store, "GetLogEvents", { logStreamName: STREAM })).code).toBe(
      "InvalidParameterException",
    );
  });
});

/** Two streams whose events interleave in time: a at 1000,1020,1040..; b at 1010,1030,... */
function twoStreamStore(): LogStore {
  const store = new LogStore(0, () => 90_000);
  const a = "2026/01/01/[$LATEST]aaaa";
  const b = "2026/01/01/[$LATEST]bbbb";
  store.append(GROUP, a, `START RequestId: ${REQ_A} Version: $LATEST`, 1000);
  store.append(GROUP, b, `START RequestId: ${REQ_B} Version: $LATEST`, 1010);
  store.append(GROUP, a, `${REQ_A} INFO working`, 1020);
  store.append(GROUP, b, `${REQ_B} INFO working`, 1030);
  store.append(GROUP, a, `END RequestId: ${REQ_A}`, 1040);
  store.append(GROUP, b, `END RequestId: ${REQ_B}`, 1050);
  store.append(GROUP, a, `REPORT RequestId: ${REQ_A}\tDuration: 1.00 ms`, 1060);
  store.append(GROUP, b, `REPORT RequestId: ${REQ_B}\tDuration: 2.00 ms`, 1070);
  return store;
}

describe("FilterLogEvents", () => {
  const filter = (store: LogStore, input: Record<string, unknown>) =>
    call<FilterOut>(store, "FilterLogEvents", { logGroupName: GROUP, ...input });

  it("merges events of all streams in timestamp order, naming each event's stream", () => {
    const out = filter(twoStreamStore(), {});
    expect(out.events.map((e) => e.timestamp)).toEqual([1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070]);
    expect(out.events.map((e) => e.logStreamName!.slice(-4))).toEqual([
      "aaaa",
      "bbbb",
      "aaaa",
      "bbbb",
      "aaaa",
      "bbbb",
      "aaaa",
      "bbbb",
    ]);
    expect(out.nextToken).toBeUndefined();
    expect(out.searchedLogStreams).toHaveLength(2);
    expect(new Set(out.events.map((e) => e.eventId)).size).toBe(8);
  });

  it("orders events with the same timestamp by the order they were written", () => {
    const store = new LogStore(0, () => 1);
    store.append(GROUP, "b", "first", 500);
    store.append(GROUP, "a", "second", 500);
    store.append(GROUP, "b", "third", 500);
    expect(messages(filter(store, {}))).toEqual(["first", "second", "third"]);
  });

  it("finds one request's lines with a quoted request id", () => {
    const out = filter(twoStreamStore(), { filterPattern: `"${REQ_A}"` });
    expect(out.events).toHaveLength(4);
    expect(out.events.every((e) => e.message.includes(REQ_A))).toBe(true);
    expect(out.events[0]!.message).toBe(`START RequestId: ${REQ_A} Version: $LATEST`);
    expect(out.events[3]!.message).toMatch(/^REPORT/);
  });

  it("turns an invalid filter pattern into InvalidParameterException", () => {
    const store = twoStreamStore();
    expect(awsErrorOf(() => filter(store, { filterPattern: "{ $.a = 1 }" })).code).toBe(
      "InvalidParameterException",
    );
    expect(awsErrorOf(() => filter(store, { filterPattern: '"open' })).code).toBe(
      "InvalidParameterException",
    );
  });

  it("pages with limit, omits nextToken on the last page, and never repeats a token", () => {
    const store = twoStreamStore();
    const seenTokens = new Set<string>();
    const pages: number[][] = [];
    let nextToken: string | undefined;
    let lastPage: FilterOut | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const out = filter(store, { limit: 3, ...(nextToken ? { nextToken } : {}) });
      pages.push(out.events.map((e) => e.timestamp));
      lastPage = out;
      if (out.nextToken === undefined) break;
      expect(seenTokens.has(out.nextToken)).toBe(false);
      seenTokens.add(out.nextToken);
      nextToken = out.nextToken;
    }
    expect(pages).toEqual([
      [1000, 1010, 1020],
      [1030, 1040, 1050],
      [1060, 1070],
    ]);
    expect(seenTokens.size).toBe(2);
    expect(lastPage!.nextToken).toBeUndefined();
    expect("nextToken" in lastPage!).toBe(false);
  });

  it("omits nextToken when the last page is exactly full", () => {
    const out = filter(twoStreamStore(), { limit: 8 });
    expect(out.events).toHaveLength(8);
    expect(out.nextToken).toBeUndefined();
  });

  it("gives a fresh token each time the same page is asked for", () => {
    const store = twoStreamStore();
    const a = filter(store, { limit: 2 }).nextToken!;
    const b = filter(store, { limit: 2 }).nextToken!;
    expect(a).toBeDefined();
    expect(a).not.toBe(b);
    expect(messages(filter(store, { limit: 2, nextToken: a }))).toEqual(
      messages(filter(store, { limit: 2, nextToken: b })),
    );
  });

  it("pages through events sharing a timestamp without losing or repeating any", () => {
    const store = new LogStore(0, () => 1);
    for (let i = 0; i < 7; i++) store.append(GROUP, i % 2 ? "odd" : "even", `e${i}`, 100);
    const got: string[] = [];
    let nextToken: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const out = filter(store, { limit: 2, ...(nextToken ? { nextToken } : {}) });
      got.push(...messages(out));
      nextToken = out.nextToken;
      if (!nextToken) break;
    }
    expect(got).toEqual(["e0", "e1", "e2", "e3", "e4", "e5", "e6"]);
  });

  it("includes both startTime and endTime", () => {
    const out = filter(twoStreamStore(), { startTime: 1010, endTime: 1040 });
    expect(out.events.map((e) => e.timestamp)).toEqual([1010, 1020, 1030, 1040]);
  });

  it("searches only the streams named in logStreamNames", () => {
    const out = filter(twoStreamStore(), { logStreamNames: ["2026/01/01/[$LATEST]bbbb"] });
    expect(out.events).toHaveLength(4);
    expect(out.events.every((e) => e.logStreamName === "2026/01/01/[$LATEST]bbbb")).toBe(true);
    expect(out.searchedLogStreams.map((s) => s.logStreamName)).toEqual(["2026/01/01/[$LATEST]bbbb"]);
  });

  it("rejects logStreamNames that is not a list of strings, or given with a prefix", () => {
    const store = twoStreamStore();
    expect(awsErrorOf(() => filter(store, { logStreamNames: "x" })).code).toBe("InvalidParameterException");
    expect(awsErrorOf(() => filter(store, { logStreamNames: ["x"], logStreamNamePrefix: "2026" })).code).toBe(
      "InvalidParameterException",
    );
  });

  it("filters streams by logStreamNamePrefix", () => {
    const store = twoStreamStore();
    store.append(GROUP, "other", "zzz", 2000);
    expect(filter(store, { logStreamNamePrefix: "2026/" }).events).toHaveLength(8);
    expect(messages(filter(store, { logStreamNamePrefix: "oth" }))).toEqual(["zzz"]);
  });

  it("reports a missing group as ResourceNotFoundException", () => {
    const err = awsErrorOf(() => call(twoStreamStore(), "FilterLogEvents", { logGroupName: "/nope" }));
    expect(err.code).toBe("ResourceNotFoundException");
  });

  it("accepts logGroupIdentifier as an ARN", () => {
    const out = call<FilterOut>(twoStreamStore(), "FilterLogEvents", {
      logGroupIdentifier: `arn:aws:logs:${SCOPE.region}:${SCOPE.account}:log-group:${GROUP}:*`,
      filterPattern: "REPORT",
    });
    expect(out.events).toHaveLength(2);
  });
});

describe("DescribeLogGroups", () => {
  interface GroupsOut {
    logGroups: Array<{ logGroupName: string; arn: string; logGroupArn: string; storedBytes: number }>;
    nextToken?: string;
  }
  const names = ["/aws/lambda/a", "/aws/lambda/b", "/aws/lambda/c", "/other/x"];
  function groupsStore(): LogStore {
    const store = new LogStore(0, () => 1);
    for (const n of [...names].reverse()) store.append(n, "s", "x");
    return store;
  }
  const describeGroups = (store: LogStore, input: Record<string, unknown>) =>
    call<GroupsOut>(store, "DescribeLogGroups", input);

  it("lists groups sorted by name with their ARNs", () => {
    const out = describeGroups(groupsStore(), {});
    expect(out.logGroups.map((g) => g.logGroupName)).toEqual(names);
    const first = out.logGroups[0]!;
    expect(first.logGroupArn).toBe("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/a");
    expect(first.arn).toBe(`${first.logGroupArn}:*`);
    expect(first.storedBytes).toBe(1 + 26);
    expect(out.nextToken).toBeUndefined();
  });

  it("filters by logGroupNamePrefix", () => {
    const out = describeGroups(groupsStore(), { logGroupNamePrefix: "/aws/lambda/" });
    expect(out.logGroups.map((g) => g.logGroupName)).toEqual(names.slice(0, 3));
    expect(describeGroups(groupsStore(), { logGroupNamePrefix: "/nothing" }).logGroups).toEqual([]);
  });

  it("pages with limit 1 through every group, then stops", () => {
    const store = groupsStore();
    const got: string[] = [];
    const tokens = new Set<string>();
    let nextToken: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const out = describeGroups(store, { limit: 1, ...(nextToken ? { nextToken } : {}) });
      expect(out.logGroups).toHaveLength(1);
      got.push(out.logGroups[0]!.logGroupName);
      nextToken = out.nextToken;
      if (!nextToken) break;
      expect(tokens.has(nextToken)).toBe(false);
      tokens.add(nextToken);
    }
    expect(got).toEqual(names);
    expect(tokens.size).toBe(3);
  });

  it("pages with a prefix applied on every page", () => {
    const store = groupsStore();
    const first = describeGroups(store, { logGroupNamePrefix: "/aws/", limit: 2 });
    expect(first.logGroups.map((g) => g.logGroupName)).toEqual(["/aws/lambda/a", "/aws/lambda/b"]);
    const second = describeGroups(store, {
      logGroupNamePrefix: "/aws/",
      limit: 2,
      nextToken: first.nextToken,
    });
    expect(second.logGroups.map((g) => g.logGroupName)).toEqual(["/aws/lambda/c"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("accepts limit 50", () => {
    expect(describeGroups(groupsStore(), { limit: 50 }).logGroups).toHaveLength(4);
  });

  it.each([0, 51, -1])("rejects limit %i with InvalidParameterException", (limit) => {
    const err = awsErrorOf(() => describeGroups(groupsStore(), { limit }));
    expect(err.code).toBe("InvalidParameterException");
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/between 1 and 50/);
  });

  it("rejects a non-numeric limit", () => {
    expect(awsErrorOf(() => describeGroups(groupsStore(), { limit: "5" })).code).toBe(
      "InvalidParameterException",
    );
  });

  it("matches logGroupNamePattern case-insensitively anywhere in the name", () => {
    const out = describeGroups(groupsStore(), { logGroupNamePattern: "LAMBDA/B" });
    expect(out.logGroups.map((g) => g.logGroupName)).toEqual(["/aws/lambda/b"]);
  });
});

describe("DescribeLogStreams", () => {
  interface StreamsOut {
    logStreams: Array<{
      logStreamName: string;
      firstEventTimestamp?: number;
      lastEventTimestamp?: number;
      arn: string;
    }>;
    nextToken?: string;
  }
  function streamsStore(): LogStore {
    const store = new LogStore(0, () => 1);
    store.append(GROUP, "a", "x", 300);
    store.append(GROUP, "b", "x", 100);
    store.append(GROUP, "c", "x", 200);
    store.append(GROUP, "b", "x", 500); // b now has the latest event
    return store;
  }
  const describeStreams = (store: LogStore, input: Record<string, unknown>) =>
    call<StreamsOut>(store, "DescribeLogStreams", { logGroupName: GROUP, ...input });

  it("orders by stream name by default", () => {
    expect(describeStreams(streamsStore(), {}).logStreams.map((s) => s.logStreamName)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("orders by LastEventTime descending, newest first", () => {
    const out = describeStreams(streamsStore(), { orderBy: "LastEventTime", descending: true });
    expect(out.logStreams.map((s) => s.logStreamName)).toEqual(["b", "a", "c"]);
    expect(out.logStreams.map((s) => s.lastEventTimestamp)).toEqual([500, 300, 200]);
    expect(out.logStreams[0]!.firstEventTimestamp).toBe(100);
  });

  it("orders by LastEventTime ascending without descending", () => {
    const out = describeStreams(streamsStore(), { orderBy: "LastEventTime" });
    expect(out.logStreams.map((s) => s.logStreamName)).toEqual(["c", "a", "b"]);
  });

  it("gives each stream its ARN", () => {
    const out = describeStreams(streamsStore(), { logStreamNamePrefix: "a" });
    expect(out.logStreams).toHaveLength(1);
    expect(out.logStreams[0]!.arn).toBe(
      `arn:aws:logs:eu-west-1:123456789012:log-group:${GROUP}:log-stream:a`,
    );
  });

  it("pages with limit", () => {
    const store = streamsStore();
    const first = describeStreams(store, { limit: 2 });
    expect(first.logStreams.map((s) => s.logStreamName)).toEqual(["a", "b"]);
    const second = describeStreams(store, { limit: 2, nextToken: first.nextToken });
    expect(second.logStreams.map((s) => s.logStreamName)).toEqual(["c"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("rejects a bad orderBy and a prefix with LastEventTime", () => {
    const store = streamsStore();
    expect(awsErrorOf(() => describeStreams(store, { orderBy: "Size" })).code).toBe(
      "InvalidParameterException",
    );
    expect(
      awsErrorOf(() => describeStreams(store, { orderBy: "LastEventTime", logStreamNamePrefix: "a" })).code,
    ).toBe("InvalidParameterException");
  });

  it("reports a missing group as ResourceNotFoundException", () => {
    const err = awsErrorOf(() => call(streamsStore(), "DescribeLogStreams", { logGroupName: "/missing" }));
    expect(err.code).toBe("ResourceNotFoundException");
  });
});

describe("handleLogsOperation", () => {
  it("rejects an unknown operation with UnknownOperationException naming it", () => {
    const err = awsErrorOf(() => call(new LogStore(), "PutLogEvents", {}));
    expect(err.code).toBe("UnknownOperationException");
    expect(err.message).toContain("PutLogEvents");
  });
});

describe("delivery delay through the API", () => {
  it("has the group at once, its events only after the delay", () => {
    let now = 10_000;
    const store = new LogStore(2000, () => now);
    store.append(GROUP, STREAM, `START RequestId: ${REQ_A} Version: $LATEST`);

    expect(call<FilterOut>(store, "FilterLogEvents", { logGroupName: GROUP }).events).toEqual([]);
    expect(
      call<{ logStreams: unknown[] }>(store, "DescribeLogStreams", { logGroupName: GROUP }).logStreams,
    ).toEqual([]);
    expect(awsErrorOf(() => call(store, "FilterLogEvents", { logGroupName: "/aws/lambda/other" })).code).toBe(
      "ResourceNotFoundException",
    );

    now += 1999;
    expect(call<FilterOut>(store, "FilterLogEvents", { logGroupName: GROUP }).events).toEqual([]);

    now += 1;
    const found = call<FilterOut>(store, "FilterLogEvents", { logGroupName: GROUP });
    expect(found.events.map((e) => e.message)).toEqual([`START RequestId: ${REQ_A} Version: $LATEST`]);
    const groups = call<{ logGroups: Array<{ logGroupName: string }> }>(store, "DescribeLogGroups", {});
    expect(groups.logGroups.map((g) => g.logGroupName)).toEqual([GROUP]);
  });

  it("shows only delivered events of a stream, and more once they arrive", () => {
    let now = 10_000;
    const store = new LogStore(1000, () => now);
    store.append(GROUP, STREAM, "early");
    now += 1000;
    store.append(GROUP, STREAM, "late");
    const first = call<GetOut>(store, "GetLogEvents", {
      logGroupName: GROUP,
      logStreamName: STREAM,
      startFromHead: true,
    });
    expect(messages(first)).toEqual(["early"]);
    now += 1000;
    const next = call<GetOut>(store, "GetLogEvents", {
      logGroupName: GROUP,
      logStreamName: STREAM,
      nextToken: first.nextForwardToken,
    });
    expect(messages(next)).toEqual(["late"]);
  });
});

describe("the indexes behind FilterLogEvents", () => {
  it("finds an invocation by request id among many, in order, and pages through a time window", () => {
    const store = new LogStore(0, () => 10_000_000, Infinity);
    const ids: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = `${i.toString(16).padStart(8, "0")}-7e0a-4994-b97a-63262019c014`;
      ids.push(id);
      const stream = `stream-${i % 7}`;
      const t = 1_000_000 + i * 10;
      store.append(GROUP, stream, `START RequestId: ${id} Version: $LATEST\n`, t);
      store.append(GROUP, stream, `raw line of ${i}\n`, t + 1);
      store.append(GROUP, stream, `REPORT RequestId: ${id}\tDuration: 1.00 ms\n`, t + 2);
    }
    const one = call<FilterOut>(store, "FilterLogEvents", {
      logGroupName: GROUP,
      filterPattern: `"${ids[1234]}"`,
    });
    expect(messages(one)).toEqual([
      `START RequestId: ${ids[1234]} Version: $LATEST\n`,
      `REPORT RequestId: ${ids[1234]}\tDuration: 1.00 ms\n`,
    ]);
    expect(one.nextToken).toBeUndefined();
    // A request id with another term still needs both.
    const both = call<FilterOut>(store, "FilterLogEvents", {
      logGroupName: GROUP,
      filterPattern: `"${ids[7]}" REPORT`,
    });
    expect(messages(both)).toEqual([`REPORT RequestId: ${ids[7]}\tDuration: 1.00 ms\n`]);

    const window: string[] = [];
    let nextToken: string | undefined;
    do {
      const page: FilterOut = call<FilterOut>(store, "FilterLogEvents", {
        logGroupName: GROUP,
        startTime: 1_000_000 + 500 * 10,
        endTime: 1_000_000 + 509 * 10 + 2,
        limit: 4,
        nextToken,
      });
      window.push(...messages(page));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(window).toHaveLength(30);
    expect(window[0]).toBe(`START RequestId: ${ids[500]} Version: $LATEST\n`);
    expect(window.at(-1)).toBe(`REPORT RequestId: ${ids[509]}\tDuration: 1.00 ms\n`);
  });

  it("keeps GetLogEvents tokens valid while retention drops a stream's oldest events", () => {
    const store = new LogStore(0, () => 50_000, 10 * 30);
    for (let i = 0; i < 10; i++) store.append(GROUP, STREAM, `e${i}`, 1000 + i);
    const first = call<GetOut>(store, "GetLogEvents", {
      logGroupName: GROUP,
      logStreamName: STREAM,
      startFromHead: true,
    });
    expect(messages(first)[0]).toBe("e0");
    for (let i = 10; i < 15; i++) store.append(GROUP, STREAM, `e${i}`, 1000 + i);
    const next = call<GetOut>(store, "GetLogEvents", {
      logGroupName: GROUP,
      logStreamName: STREAM,
      nextToken: first.nextForwardToken,
    });
    expect(messages(next)).toEqual(["e10", "e11", "e12", "e13", "e14"]);
  });
});
