// The event templates offered in the payload editor: sample events as the AWS services send
// them, bundled from fixtures/templates.
import albEvent from "../../../../fixtures/templates/alb.json" with { type: "json" };
import apiHttp from "../../../../fixtures/templates/apigateway-http.json" with { type: "json" };
import apiRest from "../../../../fixtures/templates/apigateway-rest.json" with { type: "json" };
import cognito from "../../../../fixtures/templates/cognito-pre-signup.json" with { type: "json" };
import dynamodb from "../../../../fixtures/templates/dynamodb-stream.json" with { type: "json" };
import eventbridge from "../../../../fixtures/templates/eventbridge.json" with { type: "json" };
import kinesis from "../../../../fixtures/templates/kinesis.json" with { type: "json" };
import s3Put from "../../../../fixtures/templates/s3-put.json" with { type: "json" };
import scheduled from "../../../../fixtures/templates/scheduled.json" with { type: "json" };
import sns from "../../../../fixtures/templates/sns.json" with { type: "json" };
import sqs from "../../../../fixtures/templates/sqs.json" with { type: "json" };

export interface EventTemplate {
  title: string;
  description: string;
  event: unknown;
}

export const TEMPLATES: readonly EventTemplate[] = [
  { title: "API Gateway REST API", description: "proxy integration, payload v1", event: apiRest },
  { title: "API Gateway HTTP API", description: "payload format 2.0", event: apiHttp },
  { title: "Application Load Balancer", description: "a request to a target group", event: albEvent },
  { title: "S3 put", description: "ObjectCreated:Put notification", event: s3Put },
  { title: "SQS", description: "a batch of two messages", event: sqs },
  { title: "SNS", description: "a notification", event: sns },
  { title: "EventBridge", description: "a custom application event", event: eventbridge },
  { title: "DynamoDB stream", description: "an INSERT and a MODIFY", event: dynamodb },
  { title: "Kinesis", description: "a record with base64 data", event: kinesis },
  { title: "Scheduled event", description: "EventBridge / CloudWatch schedule", event: scheduled },
  { title: "Cognito trigger", description: "user pool PreSignUp", event: cognito },
];

export function templateText(t: EventTemplate): string {
  return JSON.stringify(t.event, null, 2);
}
