// The picker's index (src/core/ranking.ts) and fuzzysort, bundled with some of the build's
// fuzzysort patches, and the functions the patch tests search: what each of those tests compares
// between the published package and its patched builds.
import type fuzzysortType from "fuzzysort";
import type * as Ranking from "../../src/core/ranking.js";
// @ts-expect-error: a plain .mjs bench helper, without types
import { realisticFunctions } from "../../bench/lib.mjs";
import { importBundle } from "./patched-bundle.js";

export interface RankingBundle {
  FunctionIndex: typeof Ranking.FunctionIndex;
  fuzzysort: typeof fuzzysortType;
}

type PatchFile = { package: string; version: string; file: string; transform: (s: string) => string };
const files = (p: unknown) => (p as { files: PatchFile[] }).files;

/** ranking.ts and fuzzysort in `dir`, built with `patches` (scripts/patches modules' `patch`). */
export function rankingBundle(dir: string, name: string, patches: unknown[]): Promise<RankingBundle> {
  return importBundle<RankingBundle>(
    dir,
    name,
    `export * from "./src/core/ranking.ts"; export { default as fuzzysort } from "fuzzysort";`,
    patches.length ? { name, files: patches.flatMap(files) } : null,
    "ts",
  );
}

export type Item = { name: string; description: string; runtime: string | null };

/** 9,000 realistic functions, then accents, CamelCase and a name past fuzzysort's 65,535 limit. */
export const SEARCHED: Item[] = (realisticFunctions(9000) as Item[]).concat([
  { name: "Ünïcödé-Fünctiön", description: "İstanbul straße café", runtime: "python3.12" },
  { name: "MyStack-OrdersFunction-1A2B3C", description: "CamelCase words: HTTPServer", runtime: "java21" },
  { name: "x".repeat(70_000), description: "longer than 65,535 characters", runtime: null },
]);
