// The AWS CLIs on this machine, for conformance tests: v1 (pip) and v2 (Debian's awscli,
// /usr/bin/aws), one of each major version, each run against a sandbox with settings that
// keep the user's own AWS configuration out of it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { run, type RunResult } from "./cli.js";

export interface AwsCli {
  bin: string;
  major: 1 | 2;
  version: string;
}

function awsVersion(bin: string): string | null {
  try {
    return execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return null;
  }
}

/** Every AWS CLI found, one per major version. */
export function findAwsClis(): AwsCli[] {
  const found: AwsCli[] = [];
  const candidates = ["/usr/bin/aws", "/usr/local/bin/aws"];
  try {
    candidates.unshift(execFileSync("sh", ["-c", "command -v aws"], { encoding: "utf8" }).trim());
  } catch {
    // no aws on PATH
  }
  for (const bin of candidates) {
    if (!bin || !existsSync(bin)) continue;
    const version = awsVersion(bin);
    const major = version?.startsWith("aws-cli/1.") ? 1 : version?.startsWith("aws-cli/2.") ? 2 : null;
    if (version && major && !found.some((c) => c.major === major)) found.push({ bin, major, version });
  }
  return found;
}

export const findClis = findAwsClis;

/** The environment a CLI runs with: test credentials, no profile files, no instance metadata. */
export const AWS_TEST_ENV = {
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_REGION: "us-east-1",
  AWS_PAGER: "",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  AWS_EC2_METADATA_DISABLED: "true",
};

export const AWS_CLI_ENV = AWS_TEST_ENV;

/** `--payload` as each major version takes JSON text. */
export const payloadArgs = (major: 1 | 2, json: string): string[] =>
  major === 2 ? ["--cli-binary-format", "raw-in-base64-out", "--payload", json] : ["--payload", json];

/** Runs `bin --endpoint-url endpoint --output json ARGS`. */
export function awsCli(bin: string, endpoint: string, ...args: string[]): Promise<RunResult> {
  return run(bin, ["--endpoint-url", endpoint, "--output", "json", ...args], AWS_TEST_ENV);
}
