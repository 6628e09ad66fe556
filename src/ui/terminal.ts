// The alternate screen, entered for the UI and always left again: on quit, on Ctrl+C, on
// SIGTERM/SIGHUP, and on a crash, so the user's terminal is never left in a mess.

const ENTER = "\u001b[?1049h\u001b[H";
const LEAVE = "\u001b[?25h\u001b[?1049l";

let active = false;

export function leaveAltScreen(): void {
  if (!active) return;
  active = false;
  process.stdout.write(LEAVE);
}

export function enterAltScreen(): void {
  if (active) return;
  active = true;
  process.stdout.write(ENTER);
  process.once("exit", leaveAltScreen);
  for (const signal of ["SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      leaveAltScreen();
      process.exit(128 + (signal === "SIGTERM" ? 15 : 1));
    });
  }
  const crash = (err: unknown) => {
    leaveAltScreen();
    process.stderr.write(
      `lambda-explorer crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(70);
  };
  process.once("uncaughtException", crash);
  process.once("unhandledRejection", crash);
}
