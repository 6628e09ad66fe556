// What the shared AWS config files say about one profile: whether it exists, and the
// endpoints it sets (`endpoint_url`, and per service through a `services` section). Read here
// rather than left to the SDK, which reads them for AWS_PROFILE only, never for a profile
// passed as a client option (--profile).
import { loadSharedConfigFiles } from "@smithy/core/config";

export interface ProfileEndpoints {
  /** The profile's `endpoint_url`, for every service. */
  common?: string | undefined;
  lambda?: string | undefined;
  logs?: string | undefined;
}

export interface ProfileSettings {
  /** The profile has a section in the config or the credentials file. */
  exists: boolean;
  endpoints: ProfileEndpoints;
}

/** The names services go by in a `[services NAME]` section (the SDK's service id, snake_cased). */
const SERVICE_KEYS = { lambda: "lambda", logs: "cloudwatch_logs" } as const;

function truthy(v: string | undefined): boolean {
  return v !== undefined && v.trim().toLowerCase() === "true";
}

export async function readProfileSettings(
  profile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProfileSettings> {
  // ignoreCache: the loader caches files for the life of the process; a test (or a user
  // editing the file while the explorer retries) needs what is on disk now.
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const section = configFile[profile];
  const exists = section !== undefined || credentialsFile[profile] !== undefined;
  const ignore =
    truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || truthy(section?.ignore_configured_endpoint_urls);
  if (!section || ignore) return { exists, endpoints: {} };
  const services = section.services ? configFile[`services.${section.services}`] : undefined;
  return {
    exists,
    endpoints: {
      common: section.endpoint_url,
      lambda: services?.[`${SERVICE_KEYS.lambda}.endpoint_url`],
      logs: services?.[`${SERVICE_KEYS.logs}.endpoint_url`],
    },
  };
}
