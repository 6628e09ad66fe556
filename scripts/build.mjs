// Bundles the CLI (code-split, so commands load only what they use) and the sandbox's
// function runtime, which the sandbox forks as a separate Node process. Minified and without
// source maps: nothing loads the maps (the crash report prints the stack as it is, and names
// are kept), and they were three quarters of the package.
import { build } from "esbuild";
import { rm, chmod, copyFile } from "node:fs/promises";
import { inkWithoutDevtools } from "./ink-without-devtools.mjs";
import { PATCHES, patchPackages } from "./patch-packages.mjs";
import { withoutBrowserCode } from "./without-browser-code.mjs";
import { writeThirdPartyNotices } from "./third-party-notices.mjs";

// LX_BUILD_WITHOUT=name,…: a build without those patches, to bench what each one is worth
// (docs/development.md); never for a release.
const without = (process.env.LX_BUILD_WITHOUT ?? "").split(",").filter(Boolean);
for (const name of without)
  if (!PATCHES.some((p) => p.name === name))
    throw new Error(`LX_BUILD_WITHOUT: no patch named ${name}: ${PATCHES.map((p) => p.name).join(", ")}`);
if (without.length > 0) console.warn(`building WITHOUT ${without.join(", ")} (for benches only)`);
// LX_BUILD_SOURCEMAP=1: a build with source maps beside the chunks, so a CPU profile of dist/
// is read by source file and package (bench/cpu-profile.mjs maps through them).
const sourcemap = process.env.LX_BUILD_SOURCEMAP === "1";

await rm("dist", { recursive: true, force: true });
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Minified but for names, which stay as written: a crash report's stack and class names read
  // as the source does. esbuild's keepNames kept them in a fully minified bundle by wrapping
  // each function in a __name() call, which ran every time a closure was made (the SDK makes
  // many per request): 2-5% of a replay's CPU (docs/benchmarks.md), for ~55 KB gzipped here.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap,
  // Licences go to dist/THIRD-PARTY-NOTICES.md, whole, rather than as scattered comments.
  legalComments: "none",
  metafile: true,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
  // Prefer packages' ESM builds: jsonc-parser's UMD main requires files esbuild cannot follow.
  mainFields: ["module", "main"],
  // Some CJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __lxCreateRequire } from 'node:module'; const require = __lxCreateRequire(import.meta.url);",
  },
};
const cli = await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  splitting: true,
  // Chunks sit beside cli.js so import.meta.url resolves bundled files the same from any module.
  chunkNames: "chunk-[hash]",
  plugins: [
    inkWithoutDevtools,
    withoutBrowserCode,
    patchPackages(PATCHES.filter((p) => !without.includes(p.name))),
  ],
});
const runtime = await build({
  ...common,
  entryPoints: { runtime: "src/sandbox/runtime/bootstrap.ts" },
  outdir: "dist",
  banner: {},
});
// The Python runtime client runs as it is, under the machine's python3: copied, not bundled.
await copyFile("src/sandbox/runtime-python/lambda_runtime.py", "dist/lambda_runtime.py");
await writeThirdPartyNotices([cli.metafile, runtime.metafile], "dist/THIRD-PARTY-NOTICES.md");
await chmod("dist/cli.js", 0o755);
