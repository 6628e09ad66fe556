// CloudWatch Logs operations (awsJson1_1, `X-Amz-Target: Logs_20140328.<Op>`) over a LogStore.
import { AwsError } from "../errors.js";
import {
  matchesPattern,
  parseFilterPattern,
  FilterPatternError,
  type FilterPattern,
} from "../filter-pattern.js";
import {
  eventBytes,
  firstAtOrAfter,
  isRequestId,
  type LogGroup,
  type LogStore,
  type LogStream,
  type StoredEvent,
} from "../log-store.js";
import { opaqueToken, parseOpaqueToken, parseStreamToken, streamToken } from "./tokens.js";

export interface Scope {
  region: string;
  account: string;
}

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

const MAX_EVENTS = 10_000;
const MAX_PAGE_BYTES = 1_048_576;

const invalid = (message: string) => new AwsError(400, "InvalidParameterException", message);

function str(input: Input, key: string, required = false): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) {
    if (required)
      throw invalid(
        `1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`,
      );
    return undefined;
  }
  if (typeof v !== "string") throw invalid(`${key} must be a string`);
  return v;
}

function num(input: Input, key: string): number | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalid(`${key} must be a number`);
  return v;
}

function limitOf(input: Input, max: number): number {
  const l = num(input, "limit") ?? max;
  if (l < 1 || l > max)
    throw invalid(
      `1 validation error detected: Value '${l}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  return l;
}

function groupArn(scope: Scope, name: string): string {
  return `arn:aws:logs:${scope.region}:${scope.account}:log-group:${name}`;
}

function groupNameOf(input: Input): string {
  const id = str(input, "logGroupIdentifier");
  const name = str(input, "logGroupName");
  if (id && name) throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  const value = id ?? name;
  if (!value) throw invalid("Either LogGroup name or LogGroup ARN is required.");
  const arn = /^arn:aws[^:]*:logs:[^:]*:[^:]*:log-group:(.+?)(:\*)?$/.exec(value);
  return arn ? arn[1]! : value;
}

function requireGroup(store: LogStore, input: Input): LogGroup {
  const group = store.group(groupNameOf(input));
  if (!group) throw new AwsError(400, "ResourceNotFoundException", "The specified log group does not exist.");
  return group;
}

function describeLogGroups(store: LogStore, input: Input, scope: Scope): Output {
  const prefix = str(input, "logGroupNamePrefix");
  const pattern = str(input, "logGroupNamePattern");
  if (prefix && pattern)
    throw invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  const limit = limitOf(input, 50);
  const token = str(input, "nextToken");
  const start = token ? parseOpaqueToken<{ o: number }>(token, { o: "number" }).o : 0;
  const all = store
    .visibleGroups()
    .filter(
      (g) =>
        (!prefix || g.name.startsWith(prefix)) &&
        (!pattern || g.name.toLowerCase().includes(pattern.toLowerCase())),
    );
  const page = all.slice(start, start + limit);
  const out: Output = {
    logGroups: page.map((g) => ({
      logGroupName: g.name,
      creationTime: g.creationTime,
      metricFilterCount: 0,
      arn: `${groupArn(scope, g.name)}:*`,
      logGroupArn: groupArn(scope, g.name),
      storedBytes: store.visibleStreams(g).reduce((n, s) => n + s.storedBytes, 0),
      logGroupClass: "STANDARD",
    })),
  };
  if (start + limit < all.length) out.nextToken = opaqueToken({ o: start + limit });
  return out;
}

function streamSummary(store: LogStore, s: LogStream, scope: Scope, group: LogGroup): Output {
  const n = store.visibleCount(s);
  const first = s.events[0];
  const last = s.events[n - 1];
  return {
    logStreamName: s.name,
    creationTime: s.creationTime,
    firstEventTimestamp: first?.timestamp,
    lastEventTimestamp: last?.timestamp,
    lastIngestionTime: last?.ingestionTime,
    uploadSequenceToken: "1",
    arn: `${groupArn(scope, group.name)}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

function describeLogStreams(store: LogStore, input: Input, scope: Scope): Output {
  const group = requireGroup(store, input);
  const prefix = str(input, "logStreamNamePrefix");
  const orderBy = str(input, "orderBy") ?? "LogStreamName";
  if (orderBy !== "LogStreamName" && orderBy !== "LastEventTime")
    throw invalid(`Invalid orderBy: ${orderBy}`);
  if (prefix && orderBy === "LastEventTime")
    throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
  const descending = input.descending === true;
  const limit = limitOf(input, 50);
  const token = str(input, "nextToken");
  const start = token ? parseOpaqueToken<{ o: number }>(token, { o: "number" }).o : 0;
  const lastTime = (s: LogStream) => s.events[store.visibleCount(s) - 1]?.timestamp ?? 0;
  const streams = store
    .visibleStreams(group)
    .filter((s) => !prefix || s.name.startsWith(prefix))
    .sort((a, b) =>
      orderBy === "LastEventTime"
        ? lastTime(a) - lastTime(b)
        : a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : 0,
    );
  if (descending) streams.reverse();
  const page = streams.slice(start, start + limit);
  const out: Output = { logStreams: page.map((s) => streamSummary(store, s, scope, group)) };
  if (start + limit < streams.length) out.nextToken = opaqueToken({ o: start + limit });
  return out;
}

function requireStream(store: LogStore, group: LogGroup, name: string): LogStream {
  const s = group.streams.get(name);
  if (!s || store.visibleCount(s) === 0)
    throw new AwsError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
  return s;
}

/** Collects up to `limit` events (and 1 MB) walking indexes from `from` by `step`. */
function collect(
  events: StoredEvent[],
  from: number,
  step: 1 | -1,
  end: number,
  limit: number,
  keep: (e: StoredEvent) => boolean,
): number[] {
  const picked: number[] = [];
  let bytes = 0;
  for (let i = from; step > 0 ? i < end : i >= end; i += step) {
    const e = events[i]!;
    if (!keep(e)) continue;
    bytes += eventBytes(e.message);
    if (picked.length > 0 && bytes > MAX_PAGE_BYTES) break;
    picked.push(i);
    if (picked.length >= limit) break;
  }
  return step > 0 ? picked : picked.reverse();
}

function getLogEvents(store: LogStore, input: Input): Output {
  const group = requireGroup(store, input);
  const stream = requireStream(store, group, str(input, "logStreamName", true)!);
  const startTime = num(input, "startTime");
  const endTime = num(input, "endTime");
  const limit = limitOf(input, MAX_EVENTS);
  const token = str(input, "nextToken");
  const visible = store.visibleCount(stream);
  const inRange = (e: StoredEvent) =>
    (startTime === undefined || e.timestamp >= startTime) && (endTime === undefined || e.timestamp < endTime);
  // Tokens carry the stream's event numbers; events dropped by retention shift the array.
  const base = stream.base;
  const local = (n: number) => Math.max(0, n - base);

  let picked: number[];
  let direction: "f" | "b";
  let at: number;
  if (token) {
    ({ direction, index: at } = parseStreamToken(token));
    picked =
      direction === "f"
        ? collect(stream.events, local(at), 1, visible, limit, inRange)
        : collect(stream.events, Math.min(local(at), visible) - 1, -1, 0, limit, inRange);
  } else if (input.startFromHead === true) {
    direction = "f";
    at = base;
    picked = collect(stream.events, 0, 1, visible, limit, inRange);
  } else {
    direction = "b";
    at = base + visible;
    picked = collect(stream.events, visible - 1, -1, 0, limit, inRange);
  }
  const first = picked[0];
  const last = picked[picked.length - 1];
  const events = picked.map((i) => {
    const e = stream.events[i]!;
    return { timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime };
  });
  // At the end of the stream the token passed comes back unchanged: that is how clients stop.
  const nextForwardToken =
    last !== undefined
      ? streamToken("f", base + last + 1)
      : token && direction === "f"
        ? token
        : streamToken("f", at);
  const nextBackwardToken =
    first !== undefined
      ? streamToken("b", base + first)
      : token && direction === "b"
        ? token
        : streamToken("b", at);
  return { events, nextForwardToken, nextBackwardToken };
}

interface FilterCursor {
  t: number;
  id: string;
}

/**
 * The events a filter may match, in (time, eventId) order: those holding a request id the
 * pattern requires (the index answers in the events' number), else those in the time window.
 */
function* candidates(
  group: LogGroup,
  pattern: FilterPattern,
  from: number | undefined,
): Generator<StoredEvent> {
  const id = pattern.all.find(isRequestId);
  const list = id !== undefined ? (group.byRequestId.get(id) ?? []) : group.byTime;
  for (let i = from === undefined ? 0 : firstAtOrAfter(list, from); i < list.length; i++) yield list[i]!;
}

function filterLogEvents(store: LogStore, input: Input): Output {
  const group = requireGroup(store, input);
  const names = input.logStreamNames;
  const prefix = str(input, "logStreamNamePrefix");
  if (names !== undefined && prefix)
    throw invalid("logStreamNames and logStreamNamePrefix are mutually exclusive.");
  if (names !== undefined && (!Array.isArray(names) || names.some((n) => typeof n !== "string")))
    throw invalid("logStreamNames must be a list of strings");
  const startTime = num(input, "startTime");
  const endTime = num(input, "endTime");
  const limit = limitOf(input, MAX_EVENTS);
  let pattern;
  try {
    pattern = parseFilterPattern(str(input, "filterPattern"));
  } catch (err) {
    if (err instanceof FilterPatternError) throw invalid(err.message);
    throw err;
  }
  const token = str(input, "nextToken");
  const after = token ? parseOpaqueToken<FilterCursor>(token, { t: "number", id: "string" }) : undefined;

  const streams = store
    .visibleStreams(group)
    .filter(
      (s) =>
        (names === undefined || (names as string[]).includes(s.name)) &&
        (!prefix || s.name.startsWith(prefix)),
    );
  const wanted = new Set(streams);
  const from = Math.max(startTime ?? -Infinity, after?.t ?? -Infinity);
  const events: Output[] = [];
  let bytes = 0;
  let more = false;
  let lastReturned: StoredEvent | undefined;
  for (const e of candidates(group, pattern, Number.isFinite(from) ? from : undefined)) {
    if (endTime !== undefined && e.timestamp > endTime) break;
    if (after && e.timestamp === after.t && e.eventId <= after.id) continue;
    if (!wanted.has(e.stream) || !store.isVisible(e) || !matchesPattern(pattern, e.message)) continue;
    bytes += eventBytes(e.message);
    if (events.length >= limit || (events.length > 0 && bytes > MAX_PAGE_BYTES)) {
      more = true;
      break;
    }
    events.push({
      logStreamName: e.stream.name,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: e.eventId,
    });
    lastReturned = e;
  }
  const out: Output = {
    events,
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
  };
  if (more && lastReturned)
    out.nextToken = opaqueToken({ t: lastReturned.timestamp, id: lastReturned.eventId });
  return out;
}

export function handleLogsOperation(store: LogStore, op: string, input: Input, scope: Scope): Output {
  switch (op) {
    case "DescribeLogGroups":
      return describeLogGroups(store, input, scope);
    case "DescribeLogStreams":
      return describeLogStreams(store, input, scope);
    case "GetLogEvents":
      return getLogEvents(store, input);
    case "FilterLogEvents":
      return filterLogEvents(store, input);
    default:
      throw new AwsError(
        400,
        "UnknownOperationException",
        `The sandbox does not implement Logs_20140328.${op}`,
      );
  }
}
