// Where lambda-explorer keeps files, by the XDG conventions on Linux (and each platform's own
// elsewhere): env-paths is the well-kept package for that, so it is not written by hand.
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import envPaths from "env-paths";

const paths = envPaths("lambda-explorer", { suffix: "" });

/** Cache (safe to delete): LAMBDA_EXPLORER_CACHE_DIR, else $XDG_CACHE_HOME/lambda-explorer. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  // Set but empty is unset, as for the state folder: "" would put the cache in the current one.
  return env.LAMBDA_EXPLORER_CACHE_DIR || paths.cache;
}

/**
 * The state folder by platform: Linux's XDG_STATE_HOME (env-paths' `log` entry there), and
 * elsewhere the data folder (~/Library/Application Support, %LOCALAPPDATA%\...\Data): env-paths'
 * `log` there is ~/Library/Logs, no place for a history and drafts.
 */
export function platformStateDir(
  platform: NodeJS.Platform,
  p: { log: string; data: string } = paths,
): { dir: string; formerly: string | null } {
  return platform === "linux" ? { dir: p.log, formerly: null } : { dir: p.data, formerly: p.log };
}

/**
 * Moves the state an earlier version kept in `from` to `to`, once: only when `to` does not
 * exist yet, so nothing there is ever overwritten. A move that fails leaves both as they were.
 */
export function migrateState(from: string, to: string): boolean {
  if (!existsSync(from) || existsSync(to)) return false;
  try {
    mkdirSync(path.dirname(to), { recursive: true, mode: 0o700 });
    renameSync(from, to);
    return true;
  } catch {
    return false;
  }
}

let migrated = false;

/** State (history, drafts, usage): LAMBDA_EXPLORER_STATE_DIR, else the platform's (see above). */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LAMBDA_EXPLORER_STATE_DIR) return env.LAMBDA_EXPLORER_STATE_DIR;
  const { dir, formerly } = platformStateDir(process.platform);
  if (formerly && !migrated) {
    migrated = true;
    migrateState(formerly, dir);
  }
  return dir;
}
