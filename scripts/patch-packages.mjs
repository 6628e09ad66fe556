// The one esbuild plugin that applies the build's patches to dependencies (scripts/patches/,
// one file a patch, named for the package version it was written against). Each patched
// package is pinned to that exact version in package.json, and the build fails loudly when
// the installed version is another, when a patch's text is no longer found (its transform
// throws), or when a patched file was never bundled (it moved): an upgrade is then a
// deliberate step, checked against the new version and renamed, never a silent no-op.
// test/unit/build/ checks each patch on the installed packages.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { patch as inkOutputCache } from "./patches/ink-6.8.0-output-cache.mjs";
import { patch as inkKeepScrollback } from "./patches/ink-6.8.0-keep-scrollback.mjs";
import { patch as inkNoColor } from "./patches/ink-6.8.0-no-color.mjs";
import { patch as stringWidthFast } from "./patches/string-width-8.3.0-fast.mjs";
import { patch as yogaWithoutFetch } from "./patches/yoga-layout-3.2.1-without-fetch.mjs";
import { patch as fuzzysortLowerCodes } from "./patches/fuzzysort-4.0.2-lower-codes.mjs";
import { patch as sliceAnsiNarrowTokens } from "./patches/slice-ansi-8.0.0-narrow-tokens.mjs";
import { patch as fuzzysortSnapshotBeginnings } from "./patches/fuzzysort-4.0.2-snapshot-beginnings.mjs";
import { patch as fuzzysortSharedPositions } from "./patches/fuzzysort-4.0.2-shared-positions.mjs";
import { patch as inkFrameThrottle } from "./patches/ink-6.8.0-frame-throttle.mjs";

export const PATCHES = [
  inkOutputCache,
  inkKeepScrollback,
  inkNoColor,
  stringWidthFast,
  yogaWithoutFetch,
  fuzzysortLowerCodes,
  sliceAnsiNarrowTokens,
  fuzzysortSnapshotBeginnings,
  fuzzysortSharedPositions,
  inkFrameThrottle,
];

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function patchPackages(patches = PATCHES, root = ROOT) {
  return {
    name: "patch-packages",
    setup(build) {
      const applied = new Set();
      // One load a file: patches of the same file are applied in turn, in PATCHES' order (esbuild
      // uses only the first onLoad that answers for a path).
      const byTarget = new Map();
      for (const patch of patches)
        for (const f of patch.files) {
          const target = path.join(root, "node_modules", f.package, f.file);
          byTarget.set(target, [...(byTarget.get(target) ?? []), { patch, f }]);
        }
      for (const [target, uses] of byTarget) {
        const dir = path.join(root, "node_modules", uses[0].f.package);
        build.onLoad({ filter: new RegExp(`^${escape(target)}$`) }, async (args) => {
          const { version } = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
          for (const { patch, f } of uses)
            if (version !== f.version)
              throw new Error(
                `${patch.name}: written for ${f.package}@${f.version}, but ${version} is installed; ` +
                  "check the patch against it, rename the file for the new version, and pin it",
              );
          applied.add(target);
          let contents = await readFile(args.path, "utf8");
          for (const { f } of uses) contents = f.transform(contents);
          return { contents, loader: "js" };
        });
      }
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const missed = patches.flatMap((p) =>
          p.files
            .filter((f) => !applied.has(path.join(root, "node_modules", f.package, f.file)))
            .map((f) => `${p.name}: ${f.package}/${f.file} was not bundled; the patch no longer applies`),
        );
        if (missed.length) return { errors: missed.map((text) => ({ text })) };
      });
    },
  };
}
