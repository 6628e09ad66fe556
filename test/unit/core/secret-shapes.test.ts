// What --redact removes and what it keeps: secrets by key name (whatever the case and
// separators) and by shape (in JSON values, non-JSON payloads and log lines), and ordinary text
// that only looks a little like them.
import { describe, expect, it } from "vitest";
import { redactLogLine, redactText } from "../../../src/core/history-redact.js";
import { isSecretKey, normalizeKey } from "../../../src/core/secret-shapes.js";

const none = new Set<string>();
const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFkYSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nab12\n-----END RSA PRIVATE KEY-----";

/** [what, JSON payload, the same with the secret redacted]. */
const inJson: Array<[string, string, string]> = [
  ["client_secret", '{"client_secret":"c-9f8e"}', '{"client_secret":"[redacted]"}'],
  [
    "AWS_SECRET_ACCESS_KEY",
    '{"AWS_SECRET_ACCESS_KEY":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
    '{"AWS_SECRET_ACCESS_KEY":"[redacted]"}',
  ],
  [
    "aws_secret_access_key",
    '{"aws_secret_access_key":"wJalrXUtnFEMI"}',
    '{"aws_secret_access_key":"[redacted]"}',
  ],
  ["SessionToken", '{"SessionToken":"FwoGZXIvYXdzEBYaDH"}', '{"SessionToken":"[redacted]"}'],
  ["api_key", '{"api_key":"k1"}', '{"api_key":"[redacted]"}'],
  ["apiKey", '{"apiKey":"k1"}', '{"apiKey":"[redacted]"}'],
  ["x-api-key", '{"headers":{"x-api-key":"k1"}}', '{"headers":{"x-api-key":"[redacted]"}}'],
  ["passwd", '{"passwd":"p"}', '{"passwd":"[redacted]"}'],
  [
    "Password in another case",
    '{"PASSWORD":"p","dbPassword":"q"}',
    '{"PASSWORD":"[redacted]","dbPassword":"[redacted]"}',
  ],
  ["auth: Bearer", '{"auth":"Bearer abc.def"}', '{"auth":"[redacted]"}'],
  [
    "access_token",
    '{"access_token":"at-1","refresh_token":"rt-1","id_token":"it"}',
    '{"access_token":"[redacted]","refresh_token":"[redacted]","id_token":"[redacted]"}',
  ],
  ["private_key", '{"private_key":"pk"}', '{"private_key":"[redacted]"}'],
  ["Cookie", '{"Cookie":"session=abc"}', '{"Cookie":"[redacted]"}'],
  ["X-Amz-Security-Token", '{"X-Amz-Security-Token":"IQoJb3"}', '{"X-Amz-Security-Token":"[redacted]"}'],
  ["connection string", '{"connectionString":"Server=db;Password=y"}', '{"connectionString":"[redacted]"}'],
  [
    "credentials as an object",
    '{"credentials":{"user":"a","pass":[1,{"b":2}]},"n":1}',
    '{"credentials":"[redacted]","n":1}',
  ],
  ["Authorization: Basic", '{"Authorization":"Basic dXNlcjpwYXNz"}', '{"Authorization":"[redacted]"}'],
  ["a number under a secret key", '{"pin":1,"secret":12345}', '{"pin":1,"secret":"[redacted]"}'],
  [
    "URL credentials",
    '{"url":"https://ada:hunter2@db.example.com/x"}',
    '{"url":"https://ada:[redacted]@db.example.com/x"}',
  ],
  [
    "a token query parameter",
    '{"cb":"https://app.example.com/cb?code=1&access_token=abc123&state=x"}',
    '{"cb":"https://app.example.com/cb?code=1&access_token=[redacted]&state=x"}',
  ],
  ["an AKIA key id", '{"note":"key AKIAIOSFODNN7EXAMPLE in use"}', '{"note":"key [redacted] in use"}'],
  ["an ASIA key id", '{"id":"ASIAY34FZKBOKMUTVV7A"}', '{"id":"[redacted]"}'],
  ["a JWT", `{"value":"${JWT}"}`, '{"value":"[redacted]"}'],
  ["a bearer token under another key", '{"h":"Bearer 0a1b2c3d4e"}', '{"h":"Bearer [redacted]"}'],
  ["a GitHub token", '{"t":"ghp_1234567890abcdefghijABCDEFGHIJ123456"}', '{"t":"[redacted]"}'],
  ["a Slack token", '{"t":"xoxb-1234567890-abcdefghij"}', '{"t":"[redacted]"}'],
  ["a Stripe key", '{"t":"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}', '{"t":"[redacted]"}'],
  ["a Google API key", '{"t":"AIzaSyA1234567890abcdefghijklmnopqrstuv"}', '{"t":"[redacted]"}'],
  ["an OpenAI key", '{"t":"sk-proj-abcdefghijklmnopqrstuvwxyz012345"}', '{"t":"[redacted]"}'],
  ["a PEM private key", JSON.stringify({ pem: PEM }), '{"pem":"[redacted]"}'],
  [
    "a presigned S3 URL",
    '{"u":"https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F2026&X-Amz-Signature=9f8e7d&X-Amz-Expires=60"}',
    '{"u":"https://b.s3.amazonaws.com/k?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]&X-Amz-Expires=60"}',
  ],
  [
    "JSON in a JSON string",
    '{"body":"{\\"password\\":\\"p\\"}"}',
    '{"body":"{\\"password\\":\\"[redacted]\\"}"}',
  ],
];

/** [what, a log line or non-JSON payload, redacted]. */
const inText: Array<[string, string, string]> = [
  ["password=", "login ok password=hunter2 user=ada", "login ok password=[redacted] user=ada"],
  ["password: ", "login failed for ada, password: hunter2", "login failed for ada, password: [redacted]"],
  ["an Authorization header", "Authorization: Bearer abc123def", "Authorization: [redacted]"],
  ["a Python dict", "{'api_key': 'k-123', 'n': 1}", "{'api_key': '[redacted]', 'n': 1}"],
  [
    "an environment line",
    "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG",
    "export AWS_SECRET_ACCESS_KEY=[redacted]",
  ],
  [
    "a database URL",
    "connecting to postgres://admin:s3cr3t@db:5432/app",
    "connecting to postgres://admin:[redacted]@db:5432/app",
  ],
  ["token= in a query", "GET /cb?token=abc&user=ada", "GET /cb?token=[redacted]&user=ada"],
  [
    "a key id in a message",
    "2026-11-25T10:00:00.000Z\tr-1\tINFO\tusing AKIAIOSFODNN7EXAMPLE",
    "2026-11-25T10:00:00.000Z\tr-1\tINFO\tusing [redacted]",
  ],
  ["a JWT in a message", `verified ${JWT} ok`, "verified [redacted] ok"],
  ["an npm token", "npm_abcdefghijklmnopqrstuvwxyz0123456789 set", "[redacted] set"],
  ["DB_PASSWORD", "DB_PASSWORD=xyz DB_HOST=db", "DB_PASSWORD=[redacted] DB_HOST=db"],
  [
    '"key": "value" in text',
    'bad config "clientSecret": "s-1" given',
    'bad config "clientSecret": "[redacted]" given',
  ],
  [
    "a prefix and JSON",
    '[INFO] ready token=t1 {"token":"t2"}',
    '[INFO] ready token=[redacted] {"token":"[redacted]"}',
  ],
];

/** Text that has to come through as it is. */
const ordinary: string[] = [
  "The tokenizer splits text into tokens",
  "The secretary filed the report",
  '{"author":"Ada Lovelace","secretary":"Bob"}',
  '{"tokenizer":"bpe","max_tokens":256,"token_type":"bpe","tokens":[1,2]}',
  '{"key":"photos/cat.jpg","keyId":"k-1","sessionState":"open"}',
  "START RequestId: 8f5e2a3c-1b2d-4e5f-9a8b-7c6d5e4f3a2b Version: $LATEST",
  "REPORT RequestId: 8f5e2a3c-1b2d-4e5f-9a8b-7c6d5e4f3a2b\tDuration: 1.50 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 43 MB",
  '{"arn":"arn:aws:lambda:us-east-1:123456789012:function:orders-api:live"}',
  "arn:aws:iam::123456789012:role/service-role/orders",
  "2026-11-25T10:00:00.000Z",
  '{"data":"SGVsbG8sIHdvcmxkISBUaGlzIGlzIGEgdGVzdCBwYXlsb2FkLg==","isBase64Encoded":true}',
  "Basic authentication is disabled",
  "Bearer tokens expire after an hour",
  "https://example.com/path?page=2&sort=asc",
  "git clone https://github.com/owner/repo.git",
  "user ada@example.com logged in at 10:00",
  "password reset requested for ada",
  '{"statusCode":200,"body":"{\\"message\\":\\"hello, world!\\"}"}',
  "ssh://git@github.com/owner/repo",
];

describe("secrets are redacted", () => {
  it.each(inJson)("in JSON: %s", (_what, text, expected) => {
    expect(redactText(text, none)).toBe(expected);
    // The same payload pretty-printed keeps its layout.
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(JSON.parse(redactText(pretty, none))).toEqual(JSON.parse(expected));
  });

  it.each(inText)("in free text: %s", (_what, text, expected) => {
    expect(redactLogLine(text, none)).toBe(expected);
    expect(redactText(text, none)).toBe(expected);
  });

  it("holds at least 30 shapes", () => {
    expect(inJson.length + inText.length).toBeGreaterThanOrEqual(30);
  });
});

describe("ordinary text is left alone", () => {
  it.each(ordinary)("%s", (text) => {
    expect(redactText(text, none)).toBe(text);
    expect(redactLogLine(text, none)).toBe(text);
  });
});

describe("key names", () => {
  it("match whatever their case and separators", () => {
    expect(normalizeKey("X-Api_Key")).toBe("xapikey");
    for (const k of [
      "client_secret",
      "clientSecret",
      "Client-Secret",
      "CLIENTSECRET",
      "x-auth-token",
      "Proxy-Authorization",
    ])
      expect(isSecretKey(k, none), k).toBe(true);
    for (const k of [
      "author",
      "secretary",
      "tokenizer",
      "max_tokens",
      "token_type",
      "key",
      "keyId",
      "passage",
    ])
      expect(isSecretKey(k, none), k).toBe(false);
  });

  it("take names of the user's own, normalised the same way", () => {
    const extra = new Set(["ssn", "accountnumber"]);
    expect(isSecretKey("SSN", extra)).toBe(true);
    expect(isSecretKey("account_number", extra)).toBe(true);
    expect(redactText('{"Account-Number":"123","ssn":"1"}', extra)).toBe(
      '{"Account-Number":"[redacted]","ssn":"[redacted]"}',
    );
    expect(redactLogLine("ssn=123-45-6789 name=ada", extra)).toBe("ssn=[redacted] name=ada");
  });
});
