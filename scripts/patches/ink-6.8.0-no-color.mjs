// A patch (applied by scripts/patch-packages.mjs) for the shipped bundle: NO_COLOR (no-color.org) for everything Ink draws.
// Every colour Ink writes (Text's color and backgroundColor, Box's borderColor) goes through
// ink/build/colorize.js; with NO_COLOR set (any non-empty value) it hands the text back
// uncoloured, while bold, dim and inverse, which are not colour, stay. (chalk's own switch,
// FORCE_COLOR=0, drops those too; the explorer maps FORCE_COLOR=0 to NO_COLOR, see
// src/cli/tui-command.ts.) The build fails when Ink's colorize no longer has what this
// wraps; test/e2e/conventions.e2e.test.ts checks the explorer's screen has no colour codes.

const EXPORT = "export default colorize;";

/** ink/build/colorize.js answering plain text when NO_COLOR is set as it loads. */
export function transformColorize(source) {
  if (!source.includes(EXPORT))
    throw new Error(
      "ink-no-color: `export default colorize;` not found in Ink's colorize.js; update the plugin",
    );
  return source.replace(
    EXPORT,
    "const noColor = Boolean(process.env.NO_COLOR);\nexport default (str, color, type) => (noColor ? str : colorize(str, color, type));",
  );
}

export const patch = {
  name: "ink-6.8.0-no-color",
  files: [{ package: "ink", version: "6.8.0", file: "build/colorize.js", transform: transformColorize }],
};
