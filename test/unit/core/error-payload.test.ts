import { describe, expect, it } from "vitest";
import { parseErrorPayload } from "../../../src/core/error-payload.js";

describe("parseErrorPayload", () => {
  it("reads a Node.js error with its trace", () => {
    const payload = JSON.stringify({
      errorType: "TypeError",
      errorMessage: "Cannot read properties of undefined (reading 'id')",
      trace: [
        "TypeError: Cannot read properties of undefined (reading 'id')",
        "    at handler (/var/task/index.js:3:20)",
      ],
    });
    expect(parseErrorPayload(payload)).toEqual({
      errorType: "TypeError",
      errorMessage: "Cannot read properties of undefined (reading 'id')",
      trace: [
        "TypeError: Cannot read properties of undefined (reading 'id')",
        "    at handler (/var/task/index.js:3:20)",
      ],
    });
  });

  it("reads stackTrace, as Python and Java write it", () => {
    const payload = JSON.stringify({
      errorMessage: "division by zero",
      errorType: "ZeroDivisionError",
      requestId: "abc",
      stackTrace: ['  File "/var/task/app.py", line 2, in handler\n    return 1 / 0\n'],
    });
    expect(parseErrorPayload(payload)).toEqual({
      errorType: "ZeroDivisionError",
      errorMessage: "division by zero",
      // A line each, after the "Type: message" line Node's trace starts with.
      trace: [
        "ZeroDivisionError: division by zero",
        '  File "/var/task/app.py", line 2, in handler',
        "    return 1 / 0",
      ],
    });
  });

  it("prefers trace over stackTrace when both are present", () => {
    const payload = JSON.stringify({ errorType: "E", errorMessage: "m", trace: ["t"], stackTrace: ["s"] });
    expect(parseErrorPayload(payload)?.trace).toEqual(["t"]);
  });

  it("joins the [file, line, function, code] frames of older Python runtimes", () => {
    const payload = JSON.stringify({
      errorType: "KeyError",
      errorMessage: "'id'",
      stackTrace: [["/var/task/app.py", 4, "handler", "return event['id']"]],
    });
    expect(parseErrorPayload(payload)?.trace).toEqual([
      "KeyError: 'id'",
      "/var/task/app.py 4 handler return event['id']",
    ]);
  });

  it("turns frames that are neither strings nor arrays into JSON text", () => {
    const payload = JSON.stringify({ errorType: "E", errorMessage: "m", trace: [{ at: "x" }, 7] });
    expect(parseErrorPayload(payload)?.trace).toEqual(['{"at":"x"}', "7"]);
  });

  it("reads a platform error with only errorType and errorMessage", () => {
    const payload = JSON.stringify({
      errorType: "Sandbox.Timedout",
      errorMessage: "RequestId: 1 Error: Task timed out after 3.00 seconds",
    });
    expect(parseErrorPayload(payload)).toEqual({
      errorType: "Sandbox.Timedout",
      errorMessage: "RequestId: 1 Error: Task timed out after 3.00 seconds",
      trace: [],
    });
  });

  it('defaults errorType to "Error" when only errorMessage is given', () => {
    expect(parseErrorPayload(JSON.stringify({ errorMessage: "boom" }))).toEqual({
      errorType: "Error",
      errorMessage: "boom",
      trace: [],
    });
  });

  it("defaults errorMessage to empty when only errorType is given", () => {
    expect(parseErrorPayload(JSON.stringify({ errorType: "Runtime.ExitError" }))).toEqual({
      errorType: "Runtime.ExitError",
      errorMessage: "",
      trace: [],
    });
  });

  it("gives an empty message for a null errorMessage and JSON text for a non-string one", () => {
    expect(parseErrorPayload(JSON.stringify({ errorType: "E", errorMessage: null }))?.errorMessage).toBe("");
    expect(
      parseErrorPayload(JSON.stringify({ errorType: "E", errorMessage: { code: 42 } }))?.errorMessage,
    ).toBe('{"code":42}');
  });

  it("ignores a trace that is not an array", () => {
    expect(
      parseErrorPayload(JSON.stringify({ errorType: "E", errorMessage: "m", trace: "at x" }))?.trace,
    ).toEqual([]);
  });

  it("is null for a successful result", () => {
    expect(parseErrorPayload(JSON.stringify({ statusCode: 200, body: "ok" }))).toBeNull();
    expect(parseErrorPayload(JSON.stringify({ message: "error", type: "x" }))).toBeNull();
  });

  it("is null for an empty errorType without errorMessage", () => {
    expect(parseErrorPayload(JSON.stringify({ errorType: "" }))).toBeNull();
  });

  it("is null for JSON that is not an object", () => {
    for (const payload of [
      "null",
      "[]",
      '[{"errorType":"E","errorMessage":"m"}]',
      '"errorMessage"',
      "42",
      "true",
    ]) {
      expect(parseErrorPayload(payload), payload).toBeNull();
    }
  });

  it("is null for text that is not JSON", () => {
    expect(parseErrorPayload("")).toBeNull();
    expect(parseErrorPayload("Internal Server Error")).toBeNull();
    expect(parseErrorPayload('{"errorType": "E",')).toBeNull();
  });
});
