// Bundles a small entry with esbuild, with or without one of the build's package patches
// (scripts/patches/), the way scripts/build.mjs applies them: each patch's test compares the
// original package with the patched one through the same bundling.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Loader } from "esbuild";
// @ts-expect-error: a plain .mjs build script, without types
import { patchPackages } from "../../scripts/patch-packages.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A folder for one test file's bundles. */
export const bundleDir = (name: string): string => mkdtempSync(path.join(os.tmpdir(), `lx-${name}-patch-`));

/** Writes `dir/name.mjs` from `contents` (resolved from the repository), patched by `patch` if given. */
export async function bundleEntry(
  dir: string,
  name: string,
  contents: string,
  patch: unknown,
  loader?: Loader,
): Promise<string> {
  const outfile = path.join(dir, `${name}.mjs`);
  await build({
    stdin: { contents, resolveDir: ROOT, ...(loader ? { loader } : {}) },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
    plugins: patch ? [patchPackages([patch])] : [],
  });
  return outfile;
}

/** The module `bundleEntry` wrote, imported. */
export async function importBundle<T>(...args: Parameters<typeof bundleEntry>): Promise<T> {
  return (await import(pathToFileURL(await bundleEntry(...args)).href)) as T;
}
