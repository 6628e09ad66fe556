// The plugin that applies the build's patches (scripts/patch-packages.mjs) fails the build
// loudly, rather than shipping an unpatched package: when the installed version is not the
// one a patch was written for, and when a patched file is not in the bundle any more.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script, without types
import { PATCHES, patchPackages } from "../../../scripts/patch-packages.mjs";

/** A project folder with node_modules/demo@`version` whose index.js says hello. */
function project(version: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "lx-patch-"));
  const pkg = path.join(root, "node_modules", "demo");
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "demo", version, main: "index.js" }));
  writeFileSync(path.join(pkg, "index.js"), 'export const greeting = "hello";\n');
  writeFileSync(path.join(pkg, "other.js"), "export const other = 1;\n");
  return root;
}

const demoPatch = {
  name: "demo-1.0.0-shout",
  files: [
    {
      package: "demo",
      version: "1.0.0",
      file: "index.js",
      transform: (s: string) => s.replace("hello", "HELLO"),
    },
  ],
};

async function bundle(root: string, entry: string, patches: unknown[]): Promise<string> {
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: "js" },
    bundle: true,
    write: false,
    format: "esm",
    logLevel: "silent",
    plugins: [patchPackages(patches, root)],
  });
  return out.outputFiles[0]!.text;
}

describe("patch-packages", () => {
  it("applies a patch to the version it was written for", async () => {
    const text = await bundle(project("1.0.0"), 'export { greeting } from "demo";', [demoPatch]);
    expect(text).toContain("HELLO");
  });

  it("applies two patches of one file in turn, in their order", async () => {
    const exclaim = {
      name: "demo-1.0.0-exclaim",
      files: [{ ...demoPatch.files[0]!, transform: (s: string) => s.replace("HELLO", "HELLO!") }],
    };
    const text = await bundle(project("1.0.0"), 'export { greeting } from "demo";', [demoPatch, exclaim]);
    expect(text).toContain("HELLO!");
  });

  it("fails the build when another version is installed", async () => {
    await expect(bundle(project("1.1.0"), 'export { greeting } from "demo";', [demoPatch])).rejects.toThrow(
      /demo-1\.0\.0-shout: written for demo@1\.0\.0, but 1\.1\.0 is installed/,
    );
  });

  it("fails the build when the patched file is no longer bundled", async () => {
    await expect(
      bundle(project("1.0.0"), 'export { other } from "demo/other.js";', [demoPatch]),
    ).rejects.toThrow(/demo\/index\.js was not bundled; the patch no longer applies/);
  });

  it("names every patch for the exact version package.json pins", async () => {
    const { readFileSync } = await import("node:fs");
    const manifest = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, "../../../package.json"), "utf8"),
    ) as {
      devDependencies: Record<string, string>;
    };
    for (const p of PATCHES as (typeof demoPatch)[])
      for (const f of p.files) {
        expect(manifest.devDependencies[f.package], `${f.package} pinned`).toBe(f.version);
        expect(p.name).toContain(`-${p.files[0]!.version}-`);
      }
  });
});
