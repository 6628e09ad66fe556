// CloudWatch Logs StartLiveTail: an HTTP response that stays open and carries AWS event-stream
// messages (the binary framing the SDK reads), first `initial-response` and `sessionStart`, then a `sessionUpdate`
// with each batch of events as it is delivered. The sandbox pushes an event as soon as it is
// visible (after --log-delay), batching what comes within 100 ms, as AWS batches per second.
import type http from "node:http";
import { randomUUID } from "node:crypto";
import { EventStreamCodec } from "@smithy/core/event-streams";
import { AwsError } from "../errors.js";
import { matchesPattern, parseFilterPattern, FilterPatternError } from "../filter-pattern.js";
import type { LogStore, StoredEvent } from "../log-store.js";

type Input = Record<string, unknown>;

const codec = new EventStreamCodec(
  (bytes) => Buffer.from(bytes).toString("utf8"),
  (text) => new Uint8Array(Buffer.from(text, "utf8")),
);

const invalid = (message: string) => new AwsError(400, "InvalidParameterException", message);

function strings(input: Input, key: string): string[] | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw invalid(`${key} must be a list of strings`);
  return v as string[];
}

/** A log group ARN (`…:log-group:NAME[:*]`) or name, as its name. */
const groupName = (id: string) => /^arn:aws[^:]*:logs:[^:]*:[^:]*:log-group:(.+?)(:\*)?$/.exec(id)?.[1] ?? id;

function message(eventType: string, body: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ":message-type": { type: "string", value: "event" },
      ":event-type": { type: "string", value: eventType },
      ":content-type": { type: "string", value: "application/json" },
    },
    body: new Uint8Array(Buffer.from(JSON.stringify(body), "utf8")),
  });
}

/**
 * Checks the request (throwing AwsErrors before anything is written), then streams until the
 * client goes away or the session's time is up.
 */
export function startLiveTail(
  store: LogStore,
  input: Input,
  res: http.ServerResponse,
  requestId: string,
  sessionMs = 3 * 60 * 60 * 1000,
): void {
  const ids = strings(input, "logGroupIdentifiers");
  if (!ids || ids.length < 1 || ids.length > 10)
    throw invalid("logGroupIdentifiers must hold between 1 and 10 log groups.");
  const groups = new Map(ids.map((id) => [groupName(id), id]));
  for (const name of groups.keys())
    if (!store.group(name))
      throw new AwsError(400, "ResourceNotFoundException", `The specified log group does not exist: ${name}`);
  const streamNames = strings(input, "logStreamNames");
  const prefixes = strings(input, "logStreamNamePrefixes");
  const patternText =
    typeof input.logEventFilterPattern === "string" ? input.logEventFilterPattern : undefined;
  let pattern;
  try {
    pattern = parseFilterPattern(patternText);
  } catch (err) {
    if (err instanceof FilterPatternError) throw invalid(err.message);
    throw err;
  }
  const wanted = (group: string, e: StoredEvent) =>
    groups.has(group) &&
    (!streamNames || streamNames.includes(e.stream.name)) &&
    (!prefixes || prefixes.some((p) => e.stream.name.startsWith(p))) &&
    matchesPattern(pattern, e.message);

  res.writeHead(200, {
    "content-type": "application/vnd.amazon.eventstream",
    "x-amzn-requestid": requestId,
  });
  // An event stream in the JSON protocols opens with the response's own fields (none here) as an
  // `initial-response` event: botocore (the AWS CLI) refuses a stream without it, and the JS SDK
  // reads it as the response.
  res.write(message("initial-response", {}));
  res.write(
    message("sessionStart", {
      requestId,
      sessionId: randomUUID(),
      logGroupIdentifiers: ids,
      ...(streamNames ? { logStreamNames: streamNames } : {}),
      ...(prefixes ? { logStreamNamePrefixes: prefixes } : {}),
      ...(patternText ? { logEventFilterPattern: patternText } : {}),
    }),
  );

  let batch: Array<{ group: string; e: StoredEvent }> = [];
  let flushTimer: NodeJS.Timeout | null = null;
  const timers = new Set<NodeJS.Timeout>();
  const flush = () => {
    flushTimer = null;
    const results = batch.map(({ group, e }) => ({
      logStreamName: e.stream.name,
      logGroupIdentifier: groups.get(group),
      message: e.message,
      timestamp: e.timestamp,
      ingestionTime: e.ingestionTime,
    }));
    batch = [];
    if (results.length)
      res.write(message("sessionUpdate", { sessionMetadata: { sampled: false }, sessionResults: results }));
  };
  const deliver = (group: string, e: StoredEvent) => {
    batch.push({ group, e });
    flushTimer ??= setTimeout(flush, 100);
  };
  const unsubscribe = store.subscribe((group, e) => {
    if (!wanted(group, e)) return;
    const wait = e.visibleAt - Date.now();
    if (wait <= 0) return deliver(group, e);
    const t = setTimeout(() => {
      timers.delete(t);
      deliver(group, e);
    }, wait);
    timers.add(t);
  });
  const end = () => {
    unsubscribe();
    clearTimeout(session);
    if (flushTimer) clearTimeout(flushTimer);
    for (const t of timers) clearTimeout(t);
  };
  // AWS ends a session after 3 hours with SessionTimeoutException; clients reconnect.
  const session = setTimeout(() => {
    flush();
    res.end(
      codec.encode({
        headers: {
          ":message-type": { type: "string", value: "exception" },
          ":exception-type": { type: "string", value: "SessionTimeoutException" },
          ":content-type": { type: "string", value: "application/json" },
        },
        body: new Uint8Array(Buffer.from(JSON.stringify({ message: "Session timed out" }), "utf8")),
      }),
    );
    end();
  }, sessionMs);
  res.on("close", end);
}
