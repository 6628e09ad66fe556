/** Exit codes shared by every command: scripts and CI rely on them. */
export const EXIT = {
  ok: 0,
  functionError: 1,
  usage: 2,
  aws: 3,
  /** Ctrl+C or SIGINT: 128 + the signal's number, as shells report an interrupted program. */
  interrupted: 130,
} as const;

/** An error whose message is for the user, with the exit code it maps to. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = "UserError";
  }
}
