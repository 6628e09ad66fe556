// Where the bundled files are, relative to dist/cli.js (the only entry that runs).
import { fileURLToPath } from "node:url";

/** The function runtime the sandbox forks, bundled beside the CLI. */
export const runtimePath = fileURLToPath(new URL("./runtime.js", import.meta.url));

/** The example functions shipped in the package. */
export const bundledFunctionsDir = fileURLToPath(new URL("../fixtures/functions", import.meta.url));
