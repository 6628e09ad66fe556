// "Dynamic import only at command dispatch and one loader after the first frame": in the UI,
// import() is written only in ui/app/deferred.ts, and what that loader defers is not pulled
// back onto the way to the first frame by a static import (type-only imports load nothing).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");
const LOADER = "ui/app/deferred.ts";
/** Where the explorer starts: what these load statically is loaded before its first frame. */
const FIRST_FRAME = ["cli/main.ts", "cli/tui-command.ts", "ui/run-tui.tsx"];

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/** The specifiers of the import() calls in `text`. */
function dynamicImports(text: string): string[] {
  return [...withoutComments(text).matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** The specifiers `text` imports or re-exports values from (so loads), type-only ones left out. */
function valueImports(text: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\b)([\s\S]*?)\s*from\s*["']([^"']+)["']/gm;
  for (const m of withoutComments(text).matchAll(statement)) {
    const names = m[1]!.trim();
    const braces = /^\{([^}]*)\}$/.exec(names);
    const onlyTypes =
      braces &&
      braces[1]!
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith("type "));
    if (!onlyTypes) found.push(m[2]!);
  }
  for (const m of withoutComments(text).matchAll(/^import\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** `spec` imported from `file` (both relative to src), as a source file relative to src. */
function resolve(file: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(path.join(SRC, file)), spec).replace(/\.js$/, "");
  for (const ext of [".ts", ".tsx"])
    if (existsSync(base + ext))
      return path
        .relative(SRC, base + ext)
        .split(path.sep)
        .join("/");
  return null;
}

/** Every source file the entries load statically. */
function staticClosure(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(readFileSync(path.join(SRC, file), "utf8"))) {
      const target = resolve(file, spec);
      if (target) visit(target);
    }
  };
  entries.forEach(visit);
  return seen;
}

describe("the explorer's deferred loading", () => {
  const uiFiles = sourceFiles(path.join(SRC, "ui")).map((f) =>
    path.relative(SRC, f).split(path.sep).join("/"),
  );
  const deferred = dynamicImports(readFileSync(path.join(SRC, LOADER), "utf8")).map((s) =>
    resolve(LOADER, s),
  );

  it("has import() in the UI only in its one loader", () => {
    const elsewhere = uiFiles.flatMap((file) =>
      file === LOADER
        ? []
        : dynamicImports(readFileSync(path.join(SRC, file), "utf8")).map((s) => `${file}: import("${s}")`),
    );
    expect(elsewhere).toEqual([]);
    // A loader that named nothing, or a file list that missed it, would pass the check above.
    expect(uiFiles).toContain(LOADER);
    expect(deferred.length).toBeGreaterThan(5);
  });

  it("keeps what it defers off the way to the first frame", () => {
    expect(deferred).not.toContain(null);
    const loaded = staticClosure(FIRST_FRAME);
    expect(loaded.has("ui/app/App.tsx")).toBe(true);
    expect(deferred.filter((m) => loaded.has(m!))).toEqual([]);
  });

  it("tells a value import from a type-only one, and finds import() calls", () => {
    const text = [
      'import type { A } from "./a.js";',
      'import { type B, type C } from "./b.js";',
      'import { type D, e } from "./d.js";',
      'import {\n  f,\n  g,\n} from "./f.js";',
      'export { h } from "./h.js";',
      'export type { I } from "./i.js";',
      'import "./side-effect.js";',
      '// import { j } from "./comment.js";',
      'const k = await import("./k.js");',
    ].join("\n");
    expect(valueImports(text)).toEqual(["./d.js", "./f.js", "./h.js", "./side-effect.js"]);
    expect(dynamicImports(text)).toEqual(["./k.js"]);
  });
});
