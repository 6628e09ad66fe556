// The layers of DESIGN.md ("Architecture"), checked on the source: dependencies point one way.
// ui and cli use aws, state, core; aws and state use core; core uses nothing of ours; sandbox
// stands alone; cli reaches ui only where the explorer starts. Every import counts, static,
// dynamic and type-only, as they all tie one layer's code to another's.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

type Layer = "core" | "aws" | "state" | "ui" | "cli" | "sandbox";

const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: ["core"],
  aws: ["aws", "core"],
  state: ["state", "core"],
  ui: ["ui", "aws", "state", "core"],
  cli: ["cli", "aws", "state", "core", "sandbox"],
  sandbox: ["sandbox"],
};

/** The one arrow from cli into ui: the explorer's entry, loaded at command dispatch. */
const ENTRY = { from: "cli/tui-command.ts", to: "ui/run-tui.tsx" };

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** The relative specifiers a source imports, comments left out. */
function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(SPECIFIER)].map((m) => m[1]!).filter((s) => s.startsWith("."));
}

/** `file` (relative to src) importing `target` (relative to src): what is wrong, or null. */
function violation(file: string, target: string): string | null {
  const from = file.split("/")[0] as Layer;
  const to = target.split("/")[0];
  if (target.startsWith("..")) return null; // outside src (package.json)
  if (!(to! in ALLOWED)) return `${file} imports ${target}, outside the layers`;
  if (from === "cli" && to === "ui" && file === ENTRY.from && target === ENTRY.to) return null;
  return ALLOWED[from].includes(to as Layer) ? null : `${file} (${from}) imports ${target} (${to})`;
}

function resolveTarget(file: string, spec: string): string {
  const abs = path.resolve(path.dirname(path.join(SRC, file)), spec);
  return path.relative(SRC, abs).split(path.sep).join("/").replace(/\.js$/, ".ts");
}

const FILES = sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join("/"));

/** "./run-tui.js" names run-tui.tsx as well as run-tui.ts. */
function withTsx(target: string): string {
  return FILES.includes(target) ? target : target.replace(/\.ts$/, ".tsx");
}

describe("architecture", () => {
  it("every top-level folder of src is a layer", () => {
    const dirs = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(dirs.map((d) => d.name).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it("imports cross the layers only the way DESIGN.md allows", () => {
    const problems: string[] = [];
    let seen = 0;
    for (const file of FILES) {
      for (const spec of importsOf(readFileSync(path.join(SRC, file), "utf8"))) {
        seen++;
        const problem = violation(file, withTsx(resolveTarget(file, spec)));
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
    // A pattern that matched nothing would pass everything.
    expect(seen).toBeGreaterThan(300);
  });

  it("catches each kind of crossing it is there for", () => {
    expect(violation("core/model.ts", "aws/invoke.ts")).not.toBeNull();
    expect(violation("core/model.ts", "state/paths.ts")).not.toBeNull();
    expect(violation("aws/invoke.ts", "ui/run-tui.tsx")).not.toBeNull();
    expect(violation("state/usage.ts", "cli/text.ts")).not.toBeNull();
    expect(violation("ui/app/App.tsx", "cli/text.ts")).not.toBeNull();
    expect(violation("cli/main.ts", "ui/run-tui.tsx")).not.toBeNull();
    expect(violation("cli/tui-command.ts", "ui/hooks/useFunctionList.ts")).not.toBeNull();
    expect(violation("sandbox/server.ts", "core/sanitize.ts")).not.toBeNull();
    expect(violation("cli/tui-command.ts", "ui/run-tui.tsx")).toBeNull();
    expect(importsOf('import type { A } from "../aws/a.js";\nconst m = await import("../ui/b.js");')).toEqual(
      ["../aws/a.js", "../ui/b.js"],
    );
  });
});
