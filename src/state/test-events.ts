// Private test events: named payloads per function, kept on this machine only. One file per
// profile / region / endpoint / function, replaced whole through a rename (0600 in a 0700
// folder). A damaged file is never overwritten: what the user saved there may still be
// recoverable by hand, so writes stop and name the file instead.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { stateDir } from "./paths.js";
import type { UsageScope } from "./usage.js";

export interface PrivateEvent {
  name: string;
  /** The payload exactly as saved. */
  payload: string;
  savedAt: string;
}

interface EventsFile {
  version: 1;
  function: string;
  scope: { profile: string | null; region: string | null; endpoint: string | null };
  events: Record<string, { payload: string; savedAt: string }>;
}

export class PrivateEventsError extends Error {
  override name = "PrivateEventsError";
}

export function privateEventsFile(scope: UsageScope, functionName: string, dir = stateDir()): string {
  const id = createHash("sha256")
    .update(JSON.stringify([scope.profile ?? "", scope.region ?? "", scope.endpoint ?? "", functionName]))
    .digest("hex")
    .slice(0, 20);
  return path.join(dir, "events", `${id}.json`);
}

function isValid(data: unknown, functionName: string): data is EventsFile {
  const d = data as EventsFile;
  return (
    typeof d === "object" &&
    d !== null &&
    d.version === 1 &&
    d.function === functionName &&
    typeof d.events === "object" &&
    d.events !== null &&
    Object.values(d.events).every((e) => typeof e?.payload === "string" && typeof e.savedAt === "string")
  );
}

async function load(file: string, scope: UsageScope, functionName: string): Promise<EventsFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      return {
        version: 1,
        function: functionName,
        scope: {
          profile: scope.profile ?? null,
          region: scope.region ?? null,
          endpoint: scope.endpoint ?? null,
        },
        events: {},
      };
    throw new PrivateEventsError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  if (!isValid(data, functionName))
    throw new PrivateEventsError(
      `${file} is damaged, so its events cannot be read; move it away to start afresh (nothing was changed)`,
    );
  return data;
}

async function store(file: string, data: EventsFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, JSON.stringify(data, null, 2) + "\n", { mode: 0o600 });
  await rename(tmp, file);
}

/** The function's private events, in the order they were first saved. */
export async function listPrivateEvents(
  scope: UsageScope,
  functionName: string,
  dir?: string,
): Promise<PrivateEvent[]> {
  const data = await load(privateEventsFile(scope, functionName, dir), scope, functionName);
  return Object.entries(data.events).map(([name, e]) => ({ name, ...e }));
}

export async function getPrivateEvent(
  scope: UsageScope,
  functionName: string,
  name: string,
  dir?: string,
): Promise<PrivateEvent | null> {
  return (await listPrivateEvents(scope, functionName, dir)).find((e) => e.name === name) ?? null;
}

/** Saves (or replaces) an event; says whether one of that name was replaced. */
export async function putPrivateEvent(
  scope: UsageScope,
  functionName: string,
  name: string,
  payload: string,
  dir?: string,
): Promise<{ replaced: boolean }> {
  const file = privateEventsFile(scope, functionName, dir);
  const data = await load(file, scope, functionName);
  const replaced = name in data.events;
  data.events[name] = { payload, savedAt: new Date().toISOString() };
  await store(file, data);
  return { replaced };
}

/** Removes an event; false when there was none of that name. */
export async function deletePrivateEvent(
  scope: UsageScope,
  functionName: string,
  name: string,
  dir?: string,
): Promise<boolean> {
  const file = privateEventsFile(scope, functionName, dir);
  const data = await load(file, scope, functionName);
  if (!(name in data.events)) return false;
  delete data.events[name];
  await store(file, data);
  return true;
}

/** Renames an event, refusing to overwrite another one. */
export async function renamePrivateEvent(
  scope: UsageScope,
  functionName: string,
  from: string,
  to: string,
  dir?: string,
): Promise<void> {
  const file = privateEventsFile(scope, functionName, dir);
  const data = await load(file, scope, functionName);
  const event = data.events[from];
  if (!event) throw new PrivateEventsError(`there is no private event named "${from}"`);
  if (to in data.events) throw new PrivateEventsError(`an event named "${to}" already exists`);
  // Rebuilt so the renamed event keeps its place in the list.
  data.events = Object.fromEntries(
    Object.entries(data.events).map(([k, v]) => (k === from ? [to, v] : [k, v])),
  );
  await store(file, data);
}
