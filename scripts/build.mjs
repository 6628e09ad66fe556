// Bundles the CLI (code-split, so commands load only what they use) and the sandbox's
// function runtime, which the sandbox forks as a separate Node process.
import { build } from "esbuild";
import { rm, chmod } from "node:fs/promises";
import { inkOutputCache } from "./ink-output-cache.mjs";
import { inkKeepScrollback } from "./ink-keep-scrollback.mjs";
import { stringWidthFast } from "./string-width-fast.mjs";
import { yogaWithoutFetch } from "./yoga-without-fetch.mjs";

await rm("dist", { recursive: true, force: true });
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
  // Prefer packages' ESM builds: jsonc-parser's UMD main requires files esbuild cannot follow.
  mainFields: ["module", "main"],
  // Some CJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __lxCreateRequire } from 'node:module'; const require = __lxCreateRequire(import.meta.url);",
  },
};
await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  splitting: true,
  // Chunks sit beside cli.js so import.meta.url resolves bundled files the same from any module.
  chunkNames: "chunk-[hash]",
  alias: { "react-devtools-core": "./scripts/empty-module.mjs" },
  plugins: [inkOutputCache, inkKeepScrollback, stringWidthFast, yogaWithoutFetch],
});
await build({
  ...common,
  entryPoints: { runtime: "src/sandbox/runtime/bootstrap.ts" },
  outdir: "dist",
  banner: {},
});
await chmod("dist/cli.js", 0o755);
