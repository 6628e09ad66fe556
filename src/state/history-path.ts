// Which history file a command or the explorer uses: --history FILE, else the
// LAMBDA_EXPLORER_HISTORY variable, else history.jsonl in the state directory
// ($XDG_STATE_HOME/lambda-explorer, or LAMBDA_EXPLORER_STATE_DIR).
import path from "node:path";
import { stateDir } from "./paths.js";

export const HISTORY_ENV = "LAMBDA_EXPLORER_HISTORY";
export const HISTORY_FILE_NAME = "history.jsonl";

export function defaultHistoryFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(stateDir(env), HISTORY_FILE_NAME);
}

/** The history file as an absolute path; an empty flag or variable counts as not given. */
export function resolveHistoryFile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  const chosen = flag || env[HISTORY_ENV] || defaultHistoryFile(env);
  return path.resolve(cwd, chosen);
}
