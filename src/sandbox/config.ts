// Loads sandbox functions from a folder: one subfolder per function, holding a
// `function.json` and the handler code it names.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { runtimeSupport } from "./runtimes.js";

export type LogFormat = "Text" | "JSON";

/** What a version may change relative to the function's own settings. */
export interface VersionSettings {
  description: string;
  handler: string;
  memorySize: number;
  timeout: number;
  environment: Record<string, string>;
}

export interface FunctionSpec extends VersionSettings {
  name: string;
  /** Folder holding the handler code; null for built-in handlers (synthetic functions). */
  codeDir: string | null;
  runtime: string;
  logFormat: LogFormat;
  logGroup: string;
  versions: Map<string, VersionSettings>;
  aliases: Map<string, { version: string; description: string }>;
  /**
   * Most invocations of the function (all its versions) at once, as Lambda's reserved
   * concurrency caps it: one more is refused with a 429. Null: no reservation.
   */
  reservedConcurrency: number | null;
  lastModified: Date;
  /** Why this function cannot run (a runtime the sandbox lacks, no code folder); listed all the same. */
  unavailable?: string;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

const NAME_RE = /^[a-zA-Z0-9-_]{1,64}$/;
const DEFAULTS = { runtime: "nodejs20.x", handler: "index.handler", memorySize: 128, timeout: 3 };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function pick<T>(obj: Json, key: string, kind: "string" | "number", fallback: T, where: string): T {
  const v = obj[key];
  if (v === undefined) return fallback;
  if (typeof v !== kind) throw new ConfigError(`${where}: "${key}" must be a ${kind}`);
  return v as T;
}

function environmentOf(obj: Json, fallback: Record<string, string>, where: string): Record<string, string> {
  const env = obj.environment;
  if (env === undefined) return fallback;
  if (!isObject(env)) throw new ConfigError(`${where}: "environment" must be an object of strings`);
  const out: Record<string, string> = { ...fallback };
  for (const [k, v] of Object.entries(env)) {
    if (typeof v !== "string") throw new ConfigError(`${where}: environment.${k} must be a string`);
    out[k] = v;
  }
  return out;
}

function settingsOf(obj: Json, base: VersionSettings, where: string): VersionSettings {
  const s: VersionSettings = {
    description: pick(obj, "description", "string", base.description, where),
    handler: pick(obj, "handler", "string", base.handler, where),
    memorySize: pick(obj, "memorySize", "number", base.memorySize, where),
    timeout: pick(obj, "timeout", "number", base.timeout, where),
    environment: environmentOf(obj, base.environment, where),
  };
  if (!Number.isInteger(s.memorySize) || s.memorySize < 128 || s.memorySize > 10240) {
    throw new ConfigError(`${where}: memorySize must be a whole number of MB, 128..10240`);
  }
  if (!Number.isInteger(s.timeout) || s.timeout < 1 || s.timeout > 900) {
    throw new ConfigError(`${where}: timeout must be a whole number of seconds, 1..900`);
  }
  if (!/^[^.]+(\.[^.]+)+$/.test(s.handler))
    throw new ConfigError(`${where}: handler must look like "file.export"`);
  return s;
}

/** Parses one function.json body; `name` and `codeDir` come from its folder. */
export function parseFunctionConfig(
  name: string,
  codeDir: string | null,
  raw: unknown,
  lastModified: Date,
): FunctionSpec {
  const where = `function ${name}`;
  if (!NAME_RE.test(name)) throw new ConfigError(`${where}: name must be 1-64 letters, digits, - or _`);
  if (!isObject(raw)) throw new ConfigError(`${where}: function.json must hold a JSON object`);
  const base = settingsOf(
    raw,
    {
      description: "",
      handler: DEFAULTS.handler,
      memorySize: DEFAULTS.memorySize,
      timeout: DEFAULTS.timeout,
      environment: {},
    },
    where,
  );
  const logFormat = pick<string>(raw, "logFormat", "string", "Text", where);
  if (logFormat !== "Text" && logFormat !== "JSON")
    throw new ConfigError(`${where}: logFormat must be Text or JSON`);

  const versions = new Map<string, VersionSettings>();
  if (raw.versions !== undefined) {
    if (!isObject(raw.versions))
      throw new ConfigError(`${where}: "versions" must be an object keyed by number`);
    const keys = Object.keys(raw.versions).sort((a, b) => Number(a) - Number(b));
    for (const v of keys) {
      if (!/^[1-9][0-9]*$/.test(v))
        throw new ConfigError(`${where}: version "${v}" must be a positive integer`);
      const body = raw.versions[v];
      if (!isObject(body)) throw new ConfigError(`${where}: versions.${v} must be an object`);
      versions.set(v, settingsOf(body, base, `${where} version ${v}`));
    }
  }

  const aliases = new Map<string, { version: string; description: string }>();
  if (raw.aliases !== undefined) {
    if (!isObject(raw.aliases)) throw new ConfigError(`${where}: "aliases" must be an object`);
    for (const [alias, body] of Object.entries(raw.aliases)) {
      const target = typeof body === "string" ? { version: body, description: "" } : body;
      if (!isObject(target) || typeof target.version !== "string") {
        throw new ConfigError(`${where}: aliases.${alias} must be a version string or {"version": "N"}`);
      }
      if (/^[0-9]+$/.test(alias) || alias === "$LATEST")
        throw new ConfigError(`${where}: alias "${alias}" is not a valid alias name`);
      if (target.version !== "$LATEST" && !versions.has(target.version)) {
        throw new ConfigError(
          `${where}: alias ${alias} points at version ${target.version}, which is not in "versions"`,
        );
      }
      aliases.set(alias, {
        version: target.version,
        description: typeof target.description === "string" ? target.description : "",
      });
    }
  }

  const reserved = pick<number | null>(raw, "reservedConcurrency", "number", null, where);
  // Lambda allows 0 (the function is switched off); here it would only refuse every call.
  if (reserved !== null && (!Number.isInteger(reserved) || reserved < 1 || reserved > 1000))
    throw new ConfigError(`${where}: reservedConcurrency must be a whole number, 1..1000`);

  const runtime = pick(raw, "runtime", "string", DEFAULTS.runtime, where);
  const support = runtimeSupport(runtime);
  return {
    name,
    codeDir,
    ...base,
    reservedConcurrency: reserved,
    runtime,
    ...("unavailable" in support ? { unavailable: support.unavailable } : {}),
    logFormat,
    logGroup: pick(raw, "logGroup", "string", `/aws/lambda/${name}`, where),
    versions,
    aliases,
    lastModified,
  };
}

/** Reads every subfolder of `dir` that holds a function.json. Problems name the file to fix. */
export async function loadFunctions(dir: string): Promise<FunctionSpec[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new ConfigError(`cannot read functions folder ${dir}: ${(err as Error).message}`);
  }
  const specs: FunctionSpec[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const codeDir = path.join(dir, entry.name);
    const file = path.join(codeDir, "function.json");
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      continue; // not a function folder
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    const mtime = (await stat(file)).mtime;
    specs.push(parseFunctionConfig(entry.name, codeDir, raw, mtime));
  }
  return specs;
}

/** N cheap generated functions for scale tests: they echo their event. */
export function syntheticFunctions(n: number): FunctionSpec[] {
  const width = String(n).length;
  const out: FunctionSpec[] = [];
  const at = new Date("2026-01-01T00:00:00.000Z");
  for (let i = 1; i <= n; i++) {
    out.push(
      parseFunctionConfig(
        `synthetic-${String(i).padStart(width, "0")}`,
        null,
        {
          description: `generated function ${i} of ${n}`,
          handler: "builtin.echo",
          memorySize: 128,
          timeout: 3,
        },
        at,
      ),
    );
  }
  return out;
}
