// The alternate screen, entered for the UI and always left again: on quit, on Ctrl+C, on
// SIGINT/SIGTERM/SIGHUP, and on a crash, so the user's terminal is never left in a mess.
// In raw mode Ctrl+C is a key, not a signal; a SIGINT comes from `kill -INT` or a parent
// process group, and Node's default for it exits without the 'exit' handlers, which once left
// the shell prompt on the alternate screen.
import { KEY_MODES_OFF, KEY_MODES_ON } from "./input/terminalModes.js";

const ENTER = `\u001b[?1049h\u001b[H${KEY_MODES_ON}`;
// The alternate screen is blanked before it is left: a terminal resized while on it can carry
// its rows onto the main screen when it is left (tmux pulls them into the view it restores at
// the new size), and blank rows leave nothing there. Only the screen: ESC [3J would also
// erase the scrollback, which is the main screen's.
const LEAVE = `${KEY_MODES_OFF}\u001b[H\u001b[2J\u001b[?25h\u001b[?1049l`;

let active = false;
let finishDrawing: (() => void) | undefined;

export function leaveAltScreen(): void {
  if (!active) return;
  active = false;
  const finish = finishDrawing;
  finishDrawing = undefined;
  try {
    finish?.();
  } catch {
    // Leaving matters more than the last frame; a crash is reported by its own handler.
  }
  process.stdout.write(LEAVE);
}

/**
 * `finish` ends the UI's drawing for good, its last writes done when it returns (Ink's
 * unmount: writes to a terminal are synchronous). Whatever leaves the alternate screen calls
 * it first: on a signal or a crash Ink's own exit hook unmounted it only after the process's
 * 'exit' listeners had left, so its last frame, when one was due, went to the main screen.
 */
export function enterAltScreen(finish?: () => void): void {
  if (active) return;
  active = true;
  finishDrawing = finish;
  process.stdout.write(ENTER);
  process.once("exit", leaveAltScreen);
  const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      leaveAltScreen();
      process.exit(128 + SIGNAL_NUMBERS[signal]);
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
