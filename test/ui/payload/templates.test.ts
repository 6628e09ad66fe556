// The bundled event templates look like what each service sends.
import { describe, expect, it } from "vitest";
import { TEMPLATES, templateText } from "../../../src/ui/panes/payload/templates.js";
import { checkPayload } from "../../../src/core/payload.js";

const byTitle = (t: string) => TEMPLATES.find((x) => x.title === t)!.event as Record<string, unknown>;
const records = (t: string) => byTitle(t).Records as Array<Record<string, unknown>>;

describe("event templates", () => {
  it("covers the eleven event sources the editor promises", () => {
    expect(TEMPLATES.map((t) => t.title)).toEqual([
      "API Gateway REST API",
      "API Gateway HTTP API",
      "Application Load Balancer",
      "S3 put",
      "SQS",
      "SNS",
      "EventBridge",
      "DynamoDB stream",
      "Kinesis",
      "Scheduled event",
      "Cognito trigger",
    ]);
  });

  it("are valid payloads, pretty-printed when inserted", () => {
    for (const t of TEMPLATES) {
      const text = templateText(t);
      expect(checkPayload(text).ok, t.title).toBe(true);
      expect(text.split("\n").length).toBeGreaterThan(3);
    }
  });

  it("carry each service's identifying fields", () => {
    expect(byTitle("API Gateway REST API")).toMatchObject({
      httpMethod: expect.any(String),
      requestContext: expect.any(Object),
    });
    expect(byTitle("API Gateway HTTP API")).toMatchObject({ version: "2.0", routeKey: expect.any(String) });
    expect(byTitle("Application Load Balancer")).toMatchObject({
      requestContext: { elb: { targetGroupArn: expect.stringContaining("arn:aws:elasticloadbalancing") } },
    });
    expect(records("S3 put")[0]).toMatchObject({
      eventSource: "aws:s3",
      eventName: expect.stringContaining("ObjectCreated"),
    });
    expect(records("SQS")[0]).toMatchObject({ eventSource: "aws:sqs" });
    expect(records("SNS")[0]).toMatchObject({ EventSource: "aws:sns" });
    expect(byTitle("EventBridge")).toMatchObject({
      "detail-type": expect.any(String),
      detail: expect.any(Object),
    });
    expect(records("DynamoDB stream").map((r) => r.eventName)).toEqual(
      expect.arrayContaining(["INSERT", "MODIFY"]),
    );
    expect(records("Kinesis")[0]).toMatchObject({ eventSource: "aws:kinesis" });
    expect(byTitle("Scheduled event")).toMatchObject({
      "detail-type": "Scheduled Event",
      source: "aws.events",
    });
    expect(byTitle("Cognito trigger")).toMatchObject({ triggerSource: expect.stringContaining("PreSignUp") });
  });

  it("decode: the Kinesis data is base64 of JSON", () => {
    const data = (records("Kinesis")[0]!.kinesis as { data: string }).data;
    expect(() => JSON.parse(Buffer.from(data, "base64").toString("utf8"))).not.toThrow();
  });
});
