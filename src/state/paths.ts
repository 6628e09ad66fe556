// Where lambda-explorer keeps files, by the XDG conventions on Linux (and each platform's own
// elsewhere): env-paths is the well-kept package for that, so it is not written by hand.
import envPaths from "env-paths";

const paths = envPaths("lambda-explorer", { suffix: "" });

/** Cache (safe to delete): LAMBDA_EXPLORER_CACHE_DIR, else $XDG_CACHE_HOME/lambda-explorer. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAMBDA_EXPLORER_CACHE_DIR ?? paths.cache;
}

/** State (history, drafts): LAMBDA_EXPLORER_STATE_DIR, else $XDG_STATE_HOME/lambda-explorer. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAMBDA_EXPLORER_STATE_DIR ?? paths.log;
}
