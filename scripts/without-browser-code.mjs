// An esbuild plugin for the shipped bundle: the AWS SDK's core carries a browser user-agent
// parser (bowser, ~25 kB) behind a dynamic import only a browser reaches; in a Node bundle it
// became a chunk nothing loads. Resolving it to an empty module drops it from the package.
import { fileURLToPath } from "node:url";

const EMPTY = fileURLToPath(new URL("./empty-module.mjs", import.meta.url));

export const withoutBrowserCode = {
  name: "without-browser-code",
  setup(build) {
    build.onResolve({ filter: /^bowser$/ }, () => ({ path: EMPTY }));
  },
};
