// What --debug prints of a body: its first 200 bytes as one safe line, and how long it was.
import { describe, expect, it } from "vitest";
import { BODY_PREVIEW, bodyPreview, safeUrl } from "../../../src/aws/debug-log.js";

describe("bodyPreview", () => {
  it("shows a short body whole, and an empty one as such", () => {
    expect(bodyPreview('{"a":1}')).toBe('{"a":1}');
    expect(bodyPreview(new TextEncoder().encode('{"b":2}'))).toBe('{"b":2}');
    expect(bodyPreview("")).toBe("(empty)");
    expect(bodyPreview(null)).toBe("(empty)");
  });

  it("cuts a long body to its first 200 bytes and says its whole length", () => {
    const body = "é".repeat(300); // 600 bytes
    const shown = bodyPreview(body);
    expect(shown.endsWith("… (600 bytes)")).toBe(true);
    expect(shown.startsWith("é".repeat(BODY_PREVIEW / 2))).toBe(true);
    expect(Buffer.byteLength(shown.replace("… (600 bytes)", ""))).toBe(BODY_PREVIEW);
  });

  it("escapes what could draw on the terminal or fake a line", () => {
    expect(bodyPreview("a\nb\u001b[2Jc\td")).toBe("a\\nb\\e[2Jc\\td");
  });

  it("masks the caller's credentials wherever they appear", () => {
    const secrets = ["AKIAEXAMPLEKEY123456", "secret/Key+with=signs"];
    expect(bodyPreview('{"k":"AKIAEXAMPLEKEY123456","s":"secret/Key+with=signs"}', secrets)).toBe(
      '{"k":"***","s":"***"}',
    );
  });
});

describe("safeUrl", () => {
  it("drops X-Amz-* query parameters (a presigned URL's credentials)", () => {
    const url = safeUrl({
      protocol: "https:",
      hostname: "lambda.us-east-1.amazonaws.com",
      path: "/2015-03-31/functions",
      query: { MaxItems: "50", "X-Amz-Signature": "abc", "X-Amz-Security-Token": "tok" },
    });
    expect(url).toBe("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions?MaxItems=50");
  });
});
