// The last function list seen for one profile / region / endpoint, so the next start shows it
// at once while a fresh list loads in the background. A damaged or unreadable cache is just
// a cache miss.
import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { CacheKey } from "../core/model.js";
import { cacheDir } from "./paths.js";

export type { CacheKey };

/**
 * What the built-in sandbox is known by: its functions folder. It listens on a new port each
 * start, so its URL would make every start a cache miss (and a new scope for drafts and usage),
 * while two folders hold different functions.
 */
export function sandboxScope(functionsDir?: string): string {
  return functionsDir === undefined ? "lambda-explorer sandbox" : `lambda-explorer sandbox ${functionsDir}`;
}

/**
 * The cache key of the explorer's list: the profile, region and Lambda endpoint as asked for,
 * in the AWS CLI's order (flags first, then AWS_PROFILE, AWS_REGION / AWS_DEFAULT_REGION,
 * AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL). Known before the SDK resolves anything, so the
 * cached list can be read at once; a profile's own endpoint_url is covered by its name.
 */
export function listCacheKey(
  connection: { profile?: string | undefined; region?: string | undefined; endpointUrl?: string | undefined },
  env: NodeJS.ProcessEnv,
  /** The built-in sandbox's scope (see sandboxScope), true for one whose folder is not named. */
  sandbox: string | boolean,
): CacheKey {
  const ignoreEnv = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === "true";
  return {
    profile: connection.profile ?? env.AWS_PROFILE,
    region: connection.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION,
    endpoint:
      sandbox !== false
        ? sandbox === true
          ? sandboxScope()
          : sandbox
        : (connection.endpointUrl ??
          (ignoreEnv ? undefined : (env.AWS_ENDPOINT_URL_LAMBDA ?? env.AWS_ENDPOINT_URL))),
  };
}

interface CacheFile<T> {
  version: 1;
  key: CacheKey;
  savedAt: string;
  items: T[];
}

export function cacheFile(key: CacheKey, dir = cacheDir()): string {
  const id = createHash("sha256")
    .update(JSON.stringify([key.profile ?? "", key.region ?? "", key.endpoint ?? ""]))
    .digest("hex")
    .slice(0, 16);
  return path.join(dir, "functions", `${id}.json`);
}

/**
 * Items written at a time: about a megabyte of JSON, so writing a list of 100,000 (~40 MB as one
 * JSON text) never holds the whole text and its buffer at once (that write was the explorer's
 * peak memory).
 */
const ITEMS_A_PIECE = 2000;

/**
 * The file is one JSON text (what `completion` and any JSON reader read), laid out one item a
 * line: the header and `"items":[` on the first line, `]}` on the last, so that it can be written
 * a piece at a time.
 */
export async function readFunctionCache<T>(
  key: CacheKey,
  dir?: string,
): Promise<{ items: T[]; savedAt: string } | null> {
  try {
    // Read whole, then decoded at once: readFile(…, "utf8") decodes chunk by chunk into a
    // string JSON.parse must first flatten, which took twice the CPU on a list of 10,000
    // (3.7 MB) read before the explorer's first frame. Parsing it a piece at a time (less held
    // at once for 100,000) took 30% more CPU on 10,000, so the first frame keeps the whole parse.
    const data = JSON.parse((await readFile(cacheFile(key, dir))).toString("utf8")) as CacheFile<T>;
    if (data.version !== 1 || !Array.isArray(data.items)) return null;
    return { items: data.items, savedAt: data.savedAt };
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeFunctionCache<T>(key: CacheKey, items: readonly T[], dir?: string): Promise<void> {
  const file = cacheFile(key, dir);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const header = JSON.stringify({ version: 1, key, savedAt: new Date().toISOString(), items: [] });
  const out = await open(tmp, "w", 0o600);
  try {
    await out.write(`${header.slice(0, -"]}".length)}\n`);
    for (let i = 0; i < items.length; i += ITEMS_A_PIECE) {
      const piece = items.slice(i, i + ITEMS_A_PIECE).map((item) => JSON.stringify(item) ?? "null");
      const more = i + ITEMS_A_PIECE < items.length;
      await out.write(`${piece.join(",\n")}${more ? "," : ""}\n`);
    }
    await out.write("]}\n");
  } finally {
    await out.close();
  }
  await rename(tmp, file);
}
