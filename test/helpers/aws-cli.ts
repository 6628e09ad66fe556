// The AWS CLIs on this machine (v1 from pip, v2 from Debian's awscli), run against a sandbox
// as an independent client, with an environment that reads no user configuration.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { run, type RunResult } from "./cli.js";

function awsVersion(bin: string): string | null {
  try {
    return execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch {
    return null;
  }
}

/** One AWS CLI of each major version found on PATH or in the usual places. */
export function findAwsClis(): Array<{ bin: string; major: 1 | 2 }> {
  const found = new Map<string, { bin: string; major: 1 | 2 }>();
  const candidates = ["/usr/bin/aws", "/usr/local/bin/aws"];
  try {
    candidates.unshift(execFileSync("sh", ["-c", "command -v aws"], { encoding: "utf8" }).trim());
  } catch {
    // no aws on PATH
  }
  for (const bin of candidates) {
    if (!bin || !existsSync(bin)) continue;
    const v = awsVersion(bin);
    const major = v?.startsWith("aws-cli/1.") ? 1 : v?.startsWith("aws-cli/2.") ? 2 : null;
    if (major && ![...found.values()].some((c) => c.major === major)) found.set(bin, { bin, major });
  }
  return [...found.values()];
}

const ENV = {
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_REGION: "us-east-1",
  AWS_PAGER: "",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
  AWS_EC2_METADATA_DISABLED: "true",
};

/** Runs `bin --endpoint-url endpoint --output json ARGS`. */
export function awsCli(bin: string, endpoint: string, ...args: string[]): Promise<RunResult> {
  return run(bin, ["--endpoint-url", endpoint, "--output", "json", ...args], ENV);
}
