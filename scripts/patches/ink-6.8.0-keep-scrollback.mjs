// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: Ink (6.8) redraws a frame as tall as the terminal
// after clearing it with ansi-escapes' clearTerminal, ESC [2J ESC [3J ESC [H, which the
// explorer hits whenever its window shrinks. ESC [3J erases the terminal's scrollback, and on
// the alternate screen that is the scrollback of the main screen: the user's shell history
// was gone after quitting. The explorer always draws on the alternate screen, which has no
// scrollback of its own, so clearing the screen (ESC [2J ESC [H) is all the redraw needs.
// The build fails when Ink's source no longer has what this replaces;
// test/hardening/terminal.e2e.test.ts checks a shrunk window keeps the shell's scrollback.

const CLEAR_TERMINAL = "ansiEscapes.clearTerminal";
const CLEAR_SCREEN = "'\\u001B[2J\\u001B[H'";

/** ink/build/ink.js clearing the screen for a full-height frame, keeping the scrollback. */
export function transformInk(source) {
  const uses = source.split(CLEAR_TERMINAL).length - 1;
  if (uses !== 1)
    throw new Error(
      `ink-keep-scrollback: expected one ${CLEAR_TERMINAL} in Ink's source, found ${uses}; update the plugin`,
    );
  return source.replace(CLEAR_TERMINAL, CLEAR_SCREEN);
}

export const patch = {
  name: "ink-6.8.0-keep-scrollback",
  files: [{ package: "ink", version: "6.8.0", file: "build/ink.js", transform: transformInk }],
};
