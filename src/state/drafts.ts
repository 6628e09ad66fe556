// Each function's payload draft on disk, so switching functions or restarting never loses
// what was typed. One small file per profile / region / endpoint / function, replaced whole
// through a rename; an unreadable draft is treated as none.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { stateDir } from "./paths.js";
import type { UsageScope } from "./usage.js";

interface DraftFile {
  version: 1;
  function: string;
  savedAt: string;
  text: string;
}

export function draftFile(scope: UsageScope, functionName: string, dir = stateDir()): string {
  const id = createHash("sha256")
    .update(JSON.stringify([scope.profile ?? "", scope.region ?? "", scope.endpoint ?? "", functionName]))
    .digest("hex")
    .slice(0, 20);
  return path.join(dir, "drafts", `${id}.json`);
}

export async function readDraft(
  scope: UsageScope,
  functionName: string,
  dir?: string,
): Promise<string | null> {
  try {
    const data = JSON.parse(await readFile(draftFile(scope, functionName, dir), "utf8")) as DraftFile;
    return data.version === 1 && data.function === functionName && typeof data.text === "string"
      ? data.text
      : null;
  } catch {
    return null;
  }
}

/**
 * Saves synchronously: it runs on a timer after typing stops and when the app closes, and a
 * draft must be on disk before the process exits. A draft is small (a Lambda payload).
 */
export function saveDraft(scope: UsageScope, functionName: string, text: string, dir?: string): void {
  const file = draftFile(scope, functionName, dir);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const body: DraftFile = { version: 1, function: functionName, savedAt: new Date().toISOString(), text };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
  renameSync(tmp, file);
}
