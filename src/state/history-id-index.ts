// Where each entry of a history is, by id: a cache beside it (in the cache folder, keyed by the
// history's real path) so that opening one old entry of a 1 GB history reads a few KB of index
// and one line, not the whole file. The history stays the source of truth: the index is
// rebuilt from it whenever it cannot be trusted, and an entry it points to is checked when read.
//
// The index is a folder of buckets, by the first two characters of the id (ids are random
// UUIDs, so 100,000 entries make 256 buckets of a few hundred lines: a lookup reads one).
// A bucket holds a line per invocation (`r "<id>" offset length`) and per logs record
// (`l "<id>" offset length c|g`), appended to like the history. Beside them a checkpoint
// (`{"dev","ino","size","head","tail"}`): the history's identity, the bytes indexed, and hashes
// of the first and last 4 KB of them, written last. A history that grew since has only its new
// lines indexed; one replaced, truncated or rewritten (hashes differ), or a checkpoint that
// does not parse, has its index rebuilt (into a new folder, swapped in whole).
import { createHash } from "node:crypto";
import {
  appendFile,
  mkdir,
  open,
  readFile,
  readdir,
  realpath,
  rename,
  rm,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import type { LogsState } from "../core/history-record.js";
import { classifyLine, logsHead, type LineLocation } from "./history-line.js";
import { recordHeadId } from "./history-line-tests.js";
import { forEachLine } from "./line-reader.js";
import { cacheDir } from "./paths.js";

const CHECKPOINT = "checkpoint";
const SAMPLE = 4096;

interface Checkpoint {
  dev: number;
  ino: number;
  size: number;
  head: string;
  tail: string;
}

export interface IndexedEntry extends LineLocation {
  id: string;
  logs: (LineLocation & { state: LogsState }) | null;
}

export type Lookup =
  { kind: "found"; entry: IndexedEntry } | { kind: "none" } | { kind: "ambiguous"; ids: string[] };

/** The folder where the index of `file` is kept. */
export async function indexPathFor(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const real = await realpath(file).catch(() => path.resolve(file));
  const key = createHash("sha256").update(real).digest("hex").slice(0, 32);
  return path.join(cacheDir(env), "history-index", key);
}

/** The bucket of an id (or of a query that holds at least its first two characters). */
const bucketOf = (id: string) => Buffer.from(id.slice(0, 2)).toString("hex") || "empty";

async function sampleHash(file: string, from: number, to: number): Promise<string> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(Math.max(0, to - from));
    const { bytesRead } = await fh.read(buf, 0, buf.length, from);
    return createHash("sha256").update(buf.subarray(0, bytesRead)).digest("hex").slice(0, 32);
  } finally {
    await fh.close();
  }
}

async function checkpointOf(file: string, dev: number, ino: number, size: number): Promise<Checkpoint> {
  return {
    dev,
    ino,
    size,
    head: await sampleHash(file, 0, Math.min(SAMPLE, size)),
    tail: await sampleHash(file, Math.max(0, size - SAMPLE), size),
  };
}

type Buckets = Map<string, string[]>;

/** Index lines for the history's lines from `from`, by bucket, and the bytes indexed. */
async function indexLines(file: string, from: number): Promise<{ buckets: Buckets; size: number }> {
  const buckets: Buckets = new Map();
  const add = (id: string, text: string) => {
    const b = bucketOf(id);
    const list = buckets.get(b);
    if (list) list.push(text);
    else buckets.set(b, [text]);
  };
  let size = from;
  await forEachLine(
    file,
    (line) => {
      // A last line without its newline may be a write under way: indexed once it is whole.
      if (!line.terminated) return;
      size = line.offset + line.bytes.length + 1;
      const { bytes } = line;
      const at = `${line.offset} ${bytes.length}`;
      const logs = bytes[bytes.length - 1] === 0x7d ? logsHead(bytes) : null;
      if (logs) {
        add(logs.id, `l ${JSON.stringify(logs.id)} ${at} ${logs.state === "complete" ? "c" : "g"}\n`);
        return;
      }
      // The id is read from the line's first bytes; the line is checked when its entry is read.
      const id = recordHeadId(bytes);
      if (id !== null) {
        add(id, `r ${JSON.stringify(id)} ${at}\n`);
        return;
      }
      const kind = classifyLine(bytes, true);
      if (kind.kind === "record") add(kind.record.id, `r ${JSON.stringify(kind.record.id)} ${at}\n`);
      else if (kind.kind === "logs")
        add(kind.id, `l ${JSON.stringify(kind.id)} ${at} ${kind.state === "complete" ? "c" : "g"}\n`);
    },
    undefined,
    from,
  );
  return { buckets, size };
}

function parseCheckpoint(text: string): Checkpoint | null {
  try {
    const c = JSON.parse(text) as Checkpoint;
    return typeof c.size === "number" && typeof c.head === "string" && typeof c.tail === "string" ? c : null;
  } catch {
    return null;
  }
}

/** Reads the index's buckets: from the folder, or from memory when the cache cannot be written. */
export interface IdIndex {
  bucket(name: string): Promise<string>;
  names(): Promise<string[]>;
}

function inMemory(buckets: Buckets): IdIndex {
  return {
    bucket: async (name) => "\n" + (buckets.get(name) ?? []).join(""),
    names: async () => [...buckets.keys()],
  };
}

function onDisk(dir: string): IdIndex {
  return {
    bucket: async (name) => "\n" + (await readFile(path.join(dir, name), "utf8").catch(() => "")),
    names: async () => (await readdir(dir)).filter((n) => n !== CHECKPOINT),
  };
}

/**
 * The index of `file`, brought up to date (built, extended or rebuilt) and saved when the cache
 * folder takes it. Throws as fs does for the history itself (ENOENT for a missing one).
 */
export async function historyIdIndex(
  file: string,
  opts: { env?: NodeJS.ProcessEnv; rebuild?: boolean } = {},
): Promise<IdIndex> {
  const fh = await open(file, "r");
  const st = await fh.stat();
  await fh.close();
  const dir = await indexPathFor(file, opts.env);
  const cp = opts.rebuild
    ? null
    : parseCheckpoint(await readFile(path.join(dir, CHECKPOINT), "utf8").catch(() => ""));
  const valid =
    cp !== null &&
    cp.dev === st.dev &&
    cp.ino === st.ino &&
    cp.size <= st.size &&
    (await checkpointOf(file, st.dev, st.ino, cp.size).then(
      (now) => now.head === cp.head && now.tail === cp.tail,
    ));
  if (valid && cp.size === st.size) return onDisk(dir);
  const { buckets, size } = await indexLines(file, valid ? cp.size : 0);
  if (valid && size === cp.size) return onDisk(dir);
  const mark = JSON.stringify(await checkpointOf(file, st.dev, st.ino, size));
  try {
    if (valid) {
      for (const [name, lines] of buckets)
        await appendFile(path.join(dir, name), lines.join(""), { mode: 0o600 });
      await writeAtomic(path.join(dir, CHECKPOINT), mark);
    } else {
      // Built in a folder of its own and swapped in whole, so a reader never sees half of one.
      const tmp = `${dir}.${process.pid}.new`;
      const old = `${dir}.${process.pid}.old`;
      await rm(tmp, { recursive: true, force: true });
      await mkdir(tmp, { recursive: true, mode: 0o700 });
      for (const [name, lines] of buckets)
        await writeFile(path.join(tmp, name), lines.join(""), { mode: 0o600 });
      await writeFile(path.join(tmp, CHECKPOINT), mark, { mode: 0o600 });
      await rename(dir, old).catch(() => undefined);
      await rename(tmp, dir);
      await rm(old, { recursive: true, force: true });
    }
    return onDisk(dir);
  } catch {
    // A cache that cannot be written (a read-only home) only costs the next lookup its time.
    if (!valid) return inMemory(buckets);
    const disk = onDisk(dir);
    const mem = inMemory(buckets);
    return {
      bucket: async (name) => (await disk.bucket(name)) + (await mem.bucket(name)),
      names: async () => [...new Set([...(await disk.names()), ...(await mem.names())])],
    };
  }
}

async function writeAtomic(where: string, text: string): Promise<void> {
  const tmp = `${where}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, where);
}

/** The entry whose id is `query` or starts with it (a query shorter than 2 reads every bucket). */
export async function findId(index: IdIndex, query: string): Promise<Lookup> {
  if (query.length >= 2) return lookupId(await index.bucket(bucketOf(query)), query);
  const all = await Promise.all((await index.names()).map((n) => index.bucket(n)));
  return lookupId(all.join(""), query);
}

/**
 * The entry whose id is `query` or starts with it, from index text. The first record of an id
 * is the one kept (as loadHistoryIndex keeps it); its logs follow the same rule as there: the
 * last logs record, complete ones winning over gave-up.
 */
export function lookupId(index: string, query: string): Lookup {
  const head = `\nr ${JSON.stringify(query).slice(0, -1)}`;
  const found = new Map<string, LineLocation>();
  for (let at = index.indexOf(head); at !== -1; at = index.indexOf(head, at + 1)) {
    const end = index.indexOf("\n", at + 1);
    const m = /^r ("(?:[^"\\]|\\.)*") (\d+) (\d+)$/.exec(index.slice(at + 1, end));
    if (!m) continue;
    const id = JSON.parse(m[1]!) as string;
    if (!found.has(id)) found.set(id, { offset: Number(m[2]), length: Number(m[3]) });
  }
  if (found.size === 0) return { kind: "none" };
  const exact = found.get(query);
  if (!exact && found.size > 1) return { kind: "ambiguous", ids: [...found.keys()] };
  const [id, loc] = exact ? [query, exact] : [...found][0]!;
  let logs: IndexedEntry["logs"] = null;
  const lhead = `\nl ${JSON.stringify(id)} `;
  for (let at = index.indexOf(lhead); at !== -1; at = index.indexOf(lhead, at + 1)) {
    const end = index.indexOf("\n", at + 1);
    const [offset, length, state] = index.slice(at + lhead.length, end).split(" ");
    const s: LogsState = state === "c" ? "complete" : "gave-up";
    if (logs?.state === "complete" && s !== "complete") continue;
    logs = { offset: Number(offset), length: Number(length), state: s };
  }
  return { kind: "found", entry: { id, ...loc, logs } };
}
