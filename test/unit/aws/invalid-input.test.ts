// Lambda's validation errors quote the regular expression a value failed; the message says
// which value is wrong and what a valid one looks like, as a usage error (exit 2 in the CLI).
import { describe, expect, it } from "vitest";
import { describeAwsError } from "../../../src/aws/errors.js";
import { failureToUserError } from "../../../src/cli/connection.js";

const PATTERN =
  "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });

describe("invalid input", () => {
  it.each(["ValidationException", "InvalidParameterValueException"])(
    "%s on functionName: the value and what a name looks like, exit 2",
    (name) => {
      const f = describeAwsError(
        awsError(
          name,
          `1 validation error detected: Value 'my function' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PATTERN}`,
        ),
      );
      expect(f.kind).toBe("invalid-input");
      expect(f.message).toBe('"my function" is not a valid function name.');
      expect(f.hint).toContain("name:qualifier");
      expect(`${f.message} ${f.hint}`).not.toContain("[a-zA-Z");
      expect(failureToUserError(f).exitCode).toBe(2);
    },
  );

  it("a qualifier, and a field it does not know, without the pattern; a control character escaped", () => {
    const q = describeAwsError(
      awsError(
        "ValidationException",
        "1 validation error detected: Value 'v 1' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)",
      ),
    );
    expect(q.message).toBe('"v 1" is not a valid qualifier.');
    const other = describeAwsError(
      awsError(
        "ValidationException",
        "1 validation error detected: Value '\u001b[2J' at 'marker' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z]+",
      ),
    );
    expect(other.message).toBe('"\\u001b[2J" is not a valid marker: it does not have the expected form.');
  });
});
