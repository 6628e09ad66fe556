import { describe, expect, it } from "vitest";
import { AwsFailure, describeAwsError, isRetryableLogsError } from "../../../src/aws/errors.js";

const SSO_MESSAGE =
  "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.";

const econnrefused = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });

/** An error shaped like the SDK's service exceptions. */
const serviceError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });

describe("describeAwsError", () => {
  it("returns an AwsFailure unchanged", () => {
    const failure = new AwsFailure("not-found", "gone");
    expect(describeAwsError(failure)).toBe(failure);
  });

  it("reports a missing region", () => {
    const f = describeAwsError(Object.assign(new Error("Region is missing"), { name: "Error" }));
    expect(f).toBeInstanceOf(AwsFailure);
    expect(f.kind).toBe("no-region");
    expect(f.message).toBe("No AWS region is set.");
    expect(f.hint).toMatch(/--region/);
    expect(f.hint).toMatch(/AWS_REGION/);
  });

  it("reports missing credentials and offers the sandbox", () => {
    const f = describeAwsError({
      name: "CredentialsProviderError",
      message: "Could not load credentials from any providers",
    });
    expect(f.kind).toBe("no-credentials");
    expect(f.message).toBe("No AWS credentials were found.");
    expect(f.hint).toContain("lambda-explorer --sandbox");
    expect(f.hint).toMatch(/aws configure/);
    expect(f.awsName).toBe("CredentialsProviderError");
  });

  it("reports missing credentials from the message alone", () => {
    expect(describeAwsError(new Error("Could not load credentials from any providers")).kind).toBe(
      "no-credentials",
    );
  });

  it("names the profile in the no-credentials hint", () => {
    const f = describeAwsError({ name: "CredentialsProviderError", message: "x" }, { profile: "dev" });
    expect(f.hint).toContain("aws sso login --profile dev");
  });

  it("reports an expired SSO session with the profile in the login command", () => {
    const f = describeAwsError(
      { name: "CredentialsProviderError", message: SSO_MESSAGE },
      { profile: "dev" },
    );
    expect(f.kind).toBe("sso-expired");
    expect(f.message).toMatch(/SSO session has expired/);
    expect(f.hint).toBe("Run: aws sso login --profile dev");
  });

  it("leaves --profile out of the SSO hint without a profile", () => {
    const f = describeAwsError(new Error(SSO_MESSAGE));
    expect(f.kind).toBe("sso-expired");
    expect(f.hint).toBe("Run: aws sso login");
  });

  it("tells a credential_process that failed or answered expired credentials from having none", () => {
    const e = (message: string) =>
      describeAwsError({ name: "CredentialsProviderError", message }, { profile: "vault" });
    const stale = e("Profile vault credential_process returned expired credentials.");
    expect(stale.kind).toBe("expired-credentials");
    expect(stale.message).toBe(
      "The credential_process of profile vault returned credentials that have expired.",
    );
    expect(e("Profile vault credential_process did not return Version 1.").message).toBe(
      "The credential_process of profile vault failed: it did not return Version 1.",
    );
    const gone = e("Command failed: /opt/vault-login\n/bin/sh: 1: /opt/vault-login: not found\n");
    expect(gone.kind).toBe("no-credentials");
    expect(gone.message).toBe(
      "The credential_process of profile vault failed: Command failed: /opt/vault-login: /bin/sh: 1: /opt/vault-login: not found.",
    );
    expect(e("Could not load credentials from any providers").message).toBe("No AWS credentials were found.");
  });

  it("reports expired credentials", () => {
    const f = describeAwsError({ name: "ExpiredTokenException" });
    expect(f.kind).toBe("expired-credentials");
    expect(f.message).toBe("Your AWS credentials have expired.");
    expect(f.awsName).toBe("ExpiredTokenException");
  });

  it("reports expired credentials from the message", () => {
    const f = describeAwsError(
      serviceError("UnrecognizedClientException", "The security token included in the request is expired"),
      { profile: "dev" },
    );
    expect(f.kind).toBe("expired-credentials");
    expect(f.hint).toContain("--profile dev");
  });

  it("reports a refused connection to the endpoint by name", () => {
    const f = describeAwsError(econnrefused(), { endpoint: "http://127.0.0.1:9" });
    expect(f.kind).toBe("unreachable");
    expect(f.message).toBe("Cannot reach http://127.0.0.1:9 (connection refused).");
    expect(f.hint).toMatch(/lambda-explorer sandbox/);
  });

  it("names the region when there is no endpoint", () => {
    const f = describeAwsError(econnrefused(), { region: "eu-west-1" });
    expect(f.kind).toBe("unreachable");
    expect(f.message).toBe("Cannot reach AWS in eu-west-1 (connection refused).");
    expect(f.hint).toMatch(/network/);
  });

  it("finds a network error nested as cause", () => {
    const outer = Object.assign(new Error("socket failed"), { cause: econnrefused() });
    const f = describeAwsError(outer, { endpoint: "http://localhost:4566" });
    expect(f.kind).toBe("unreachable");
    expect(f.message).toContain("http://localhost:4566");
    expect(f.message).toContain("connection refused");
  });

  it("finds a network error inside errors[0] (AggregateError)", () => {
    const f = describeAwsError(new AggregateError([econnrefused()], ""));
    expect(f.kind).toBe("unreachable");
    expect(f.message).toBe("Cannot reach AWS (connection refused).");
  });

  it("finds a network error under a cause that is an AggregateError", () => {
    const outer = Object.assign(new Error("fetch failed"), { cause: new AggregateError([econnrefused()]) });
    expect(describeAwsError(outer).kind).toBe("unreachable");
  });

  it("says host not found for ENOTFOUND", () => {
    const err = Object.assign(new Error("getaddrinfo ENOTFOUND lambda.example"), { code: "ENOTFOUND" });
    expect(describeAwsError(err).message).toBe("Cannot reach AWS (host not found).");
  });

  it("reports a timeout as unreachable", () => {
    const f = describeAwsError({ name: "TimeoutError", message: "Connection timed out after 1000 ms" });
    expect(f.kind).toBe("unreachable");
    expect(f.message).toBe("Cannot reach AWS (timed out).");
  });

  it("does not take an unrelated error code for a network error", () => {
    const err = Object.assign(new Error("nope"), { code: "EACCES" });
    expect(describeAwsError(err).kind).toBe("service");
  });

  it("reports access denied with the AWS message", () => {
    const f = describeAwsError(
      serviceError("AccessDeniedException", "User is not authorized to perform lambda:ListFunctions"),
    );
    expect(f.kind).toBe("access-denied");
    expect(f.message).toBe("Access denied: User is not authorized to perform lambda:ListFunctions");
    expect(f.hint).toMatch(/allow this action/);
    expect(f.awsName).toBe("AccessDeniedException");
  });

  it("reports a missing resource with its own message", () => {
    const f = describeAwsError(
      serviceError("ResourceNotFoundException", "Function not found: arn:aws:lambda:x"),
    );
    expect(f.kind).toBe("not-found");
    expect(f.message).toBe("Function not found: arn:aws:lambda:x");
    expect(f.hint).toBeNull();
  });

  it.each(["ThrottlingException", "TooManyRequestsException"])("reports %s as throttled", (name) => {
    const f = describeAwsError(serviceError(name, "Rate exceeded"));
    expect(f.kind).toBe("throttled");
    expect(f.message).toBe("Throttled by AWS: Rate exceeded");
    expect(f.hint).toMatch(/try again/i);
    expect(f.awsName).toBe(name);
  });

  it("reports an AbortError as cancelled", () => {
    const f = describeAwsError(Object.assign(new Error("The operation was aborted"), { name: "AbortError" }));
    expect(f.kind).toBe("cancelled");
    expect(f.message).toBe("Cancelled.");
    expect(f.hint).toBeNull();
  });

  it("reports any other service exception with its name and message", () => {
    const f = describeAwsError(serviceError("ServiceException", "An internal error occurred"));
    expect(f.kind).toBe("service");
    expect(f.message).toBe("ServiceException: An internal error occurred");
    expect(f.hint).toBeNull();
    expect(f.awsName).toBe("ServiceException");
  });

  it("copes with things that are not errors", () => {
    expect(describeAwsError("boom")).toMatchObject({ kind: "service", message: "Error: boom" });
    expect(describeAwsError(null)).toMatchObject({ kind: "service" });
    expect(describeAwsError(undefined)).toMatchObject({ kind: "service" });
  });
});

describe("isRetryableLogsError", () => {
  it.each([
    "ResourceNotFoundException",
    "ThrottlingException",
    "ServiceUnavailableException",
    "LimitExceededException",
  ])("retries %s", (name) => {
    expect(isRetryableLogsError(serviceError(name, "x"))).toBe(true);
  });

  it.each(["AccessDeniedException", "InvalidParameterException", "Error"])("does not retry %s", (name) => {
    expect(isRetryableLogsError(serviceError(name, "x"))).toBe(false);
  });

  it("does not retry things without a name", () => {
    expect(isRetryableLogsError(null)).toBe(false);
    expect(isRetryableLogsError(undefined)).toBe(false);
    expect(isRetryableLogsError("ThrottlingException")).toBe(false);
  });
});
