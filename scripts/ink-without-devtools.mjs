// An esbuild plugin for the shipped bundle: Ink imports its React DevTools bridge
// (ink/build/devtools.js) when DEV=true is in the environment. That bridge needs
// react-devtools-core and `ws`, which the package does not ship, and a stub of
// react-devtools-core alone made the explorer crash at start with DEV=true
// ("initialize is not a function"). Replacing Ink's bridge itself with a module that does
// nothing keeps DEV=true harmless and drops `ws` (and the window polyfill) from the bundle.
// test/cli/conventions.test.ts starts the explorer with DEV=true.
import { fileURLToPath } from "node:url";

const EMPTY = fileURLToPath(new URL("./empty-module.mjs", import.meta.url));

export const inkWithoutDevtools = {
  name: "ink-without-devtools",
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: EMPTY } : undefined,
    );
  },
};
