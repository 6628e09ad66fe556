// How often and how recently each function was invoked, per profile / region / endpoint, so
// the explorer can put the functions a user works with first. Small and advisory: it is
// rewritten whole (through a rename), and a damaged file counts as no usage.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Usage } from "../core/ranking.js";
import { stateDir } from "./paths.js";

export interface UsageScope {
  profile: string | undefined;
  region: string | undefined;
  endpoint: string | undefined;
}

interface UsageFile {
  version: 1;
  scopes: Record<string, Record<string, Usage>>;
}

/** Functions kept per scope; the least recently used go first. */
const KEEP = 500;

const scopeId = (s: UsageScope) => JSON.stringify([s.profile ?? "", s.region ?? "", s.endpoint ?? ""]);
export const usageFile = (dir = stateDir()) => path.join(dir, "usage.json");

async function load(dir: string): Promise<UsageFile> {
  try {
    const data = JSON.parse(await readFile(usageFile(dir), "utf8")) as UsageFile;
    if (data.version === 1 && typeof data.scopes === "object" && data.scopes !== null) return data;
  } catch {
    // missing or damaged: start afresh
  }
  return { version: 1, scopes: {} };
}

export async function readUsage(scope: UsageScope, dir = stateDir()): Promise<Map<string, Usage>> {
  const data = await load(dir);
  const entries = Object.entries(data.scopes[scopeId(scope)] ?? {}).filter(
    ([, u]) => typeof u?.count === "number" && typeof u?.lastAt === "number",
  );
  return new Map(entries);
}

export async function recordUsage(
  scope: UsageScope,
  functionName: string,
  at = Date.now(),
  dir = stateDir(),
): Promise<void> {
  const data = await load(dir);
  const id = scopeId(scope);
  const fns = data.scopes[id] ?? {};
  const prev = fns[functionName];
  fns[functionName] = { count: (prev?.count ?? 0) + 1, lastAt: Math.max(at, prev?.lastAt ?? 0) };
  const kept = Object.entries(fns)
    .sort((a, b) => b[1].lastAt - a[1].lastAt)
    .slice(0, KEEP);
  data.scopes[id] = Object.fromEntries(kept);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${usageFile(dir)}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(data), { mode: 0o600 });
  await rename(tmp, usageFile(dir));
}

/** The bare function name of a FunctionName parameter (name, name:qualifier, or an ARN). */
export function bareFunctionName(value: string): string {
  const afterFunction = /(?:^|:)function:([^:]+)/.exec(value);
  if (afterFunction) return afterFunction[1]!;
  return value.split(":")[0]!;
}
