import { describe, expect, it } from "vitest";
import {
  eventNameProblem,
  getSharedEvent,
  listSharedEvents,
  MAX_EVENT_BYTES,
  parsePayload,
  putSharedEvent,
  removeSharedEvent,
  schemaNameFor,
} from "../../../src/core/test-events.js";

// The document SAM CLI's own tests use for a function with two events (describe_schema's Content).
const SAM_DOC =
  '{"openapi":"3.0.0","info":{"version":"1.0.0","title":"Event"},"paths":{},"components":{"schemas":{"Event":{"type":"object","required":["key"],"properties":{"key":{"type":"string"}}}},"examples":{"test1":{"value":{"key":"number1"}},"test2":{"value":{"key":"number2"}}}}}';

describe("shared test events document", () => {
  it("names a function's schema as the console does, from a name or an ARN", () => {
    expect(schemaNameFor("myFunction")).toBe("_myFunction-schema");
    expect(schemaNameFor("arn:aws:lambda:us-east-1:123456789123:function:myFunction")).toBe(
      "_myFunction-schema",
    );
    expect(schemaNameFor("arn:aws:lambda:us-east-1:123456789123:function:myFunction:live")).toBe(
      "_myFunction-schema",
    );
  });

  it("lists and reads the events of a document SAM CLI wrote", () => {
    expect(listSharedEvents(SAM_DOC)).toEqual(["test1", "test2"]);
    const e = getSharedEvent(SAM_DOC, "test2");
    expect(JSON.parse(e!.payload)).toEqual({ key: "number2" });
    expect(e!.metadata).toEqual({});
    expect(getSharedEvent(SAM_DOC, "nope")).toBeNull();
  });

  it("adds an event and keeps the others, the schema and unknown fields as they were", () => {
    const withExtra = JSON.stringify({ ...JSON.parse(SAM_DOC), "x-team": { owner: "ops" } });
    const out = JSON.parse(putSharedEvent(withExtra, "big-order", { id: 42 }));
    const before = JSON.parse(withExtra);
    expect(out["x-team"]).toEqual({ owner: "ops" });
    expect(out.components.schemas).toEqual(before.components.schemas);
    expect(out.components.examples.test1).toEqual(before.components.examples.test1);
    expect(out.components.examples["big-order"]).toEqual({
      value: { id: 42 },
      "x-metadata": { invocationType: "RequestResponse" },
    });
  });

  it("replaces an event in place, keeping its extra fields and key order", () => {
    const doc = putSharedEvent(SAM_DOC, "test1", { key: "changed" });
    const out = JSON.parse(doc);
    expect(Object.keys(out.components.examples)).toEqual(["test1", "test2"]);
    expect(out.components.examples.test1.value).toEqual({ key: "changed" });
  });

  it("starts a new document with an Event schema of the first payload", () => {
    const out = JSON.parse(putSharedEvent(null, "first", { b: 1, a: ["x"], c: { d: true } }));
    expect(out.openapi).toBe("3.0.0");
    expect(out.paths).toEqual({});
    expect(out.components.schemas.Event).toEqual({
      type: "object",
      required: ["a", "b", "c"],
      properties: {
        b: { type: "number" },
        a: { type: "array", items: { type: "string" } },
        c: { type: "object", required: ["d"], properties: { d: { type: "boolean" } } },
      },
    });
    expect(listSharedEvents(JSON.stringify(out))).toEqual(["first"]);
  });

  it("removes an event, and says when the last one goes (the schema is deleted then)", () => {
    const one = removeSharedEvent(SAM_DOC, "test2");
    expect(listSharedEvents(one!)).toEqual(["test1"]);
    expect(removeSharedEvent(one!, "test1")).toBeNull();
    expect(() => removeSharedEvent(SAM_DOC, "nope")).toThrow(/no shared event named "nope"/);
  });

  it("refuses a document without components, as SAM CLI does", () => {
    expect(() => listSharedEvents('{"schemas":{}}')).toThrow(/no components/);
    expect(() => listSharedEvents("not json")).toThrow(/not JSON/);
  });

  it("accepts the names the console accepts and explains the others", () => {
    expect(eventNameProblem("big-order_v1.2")).toBeNull();
    expect(eventNameProblem("")).toMatch(/empty/);
    expect(eventNameProblem("has space")).toMatch(/at most 25 letters/);
    expect(eventNameProblem("x".repeat(26))).toMatch(/at most 25/);
    expect(eventNameProblem("x".repeat(25))).toBeNull();
  });

  it("takes JSON payloads up to SAM CLI's size limit", () => {
    expect(parsePayload('{"a":1}')).toEqual({ a: 1 });
    expect(() => parsePayload("{oops")).toThrow(/must be JSON/);
    expect(() => parsePayload(JSON.stringify("x".repeat(MAX_EVENT_BYTES)))).toThrow(/larger than/);
  });
});
