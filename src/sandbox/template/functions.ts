// One template resource (AWS::Serverless::Function or AWS::Lambda::Function) as a sandbox
// function. Each property is read on its own: one that cannot be resolved or is out of range
// is reported and left at its default, and the function still loads; what keeps it from
// running (no code folder, a runtime the sandbox lacks) is kept as its `unavailable` reason.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { FunctionSpec, LogFormat, VersionSettings } from "../config.js";
import { runtimeSupport } from "../runtimes.js";
import { intrinsicName, NO_VALUE, resolve, Unresolvable, type Symbols } from "./intrinsics.js";
import type { Problem } from "./problems.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export const SERVERLESS = "AWS::Serverless::Function";
export const LAMBDA = "AWS::Lambda::Function";
const NAME_RE = /^[a-zA-Z0-9-_]{1,64}$/;
const ALIAS_RE = /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/;

/**
 * SAM's Globals merged under a function's own properties: mappings merge key by key (the
 * function's win), anything else the function gives replaces the global.
 */
export function mergeGlobals(globals: unknown, own: Json): Json {
  if (!isObject(globals)) return own;
  const out: Json = { ...globals };
  for (const [k, v] of Object.entries(own)) {
    const g = out[k];
    out[k] =
      isObject(g) && isObject(v) && intrinsicName(g) === null && intrinsicName(v) === null
        ? mergeGlobals(g, v)
        : v;
  }
  return out;
}

interface Context {
  logicalId: string;
  props: Json;
  symbols: Symbols;
  problems: Problem[];
  where: string;
}

/** A property's resolved value; undefined (and a problem) when it cannot be resolved. */
function read(c: Context, property: string, value: unknown = lookup(c.props, property)): unknown {
  if (value === undefined) return undefined;
  try {
    return resolve(value, c.symbols);
  } catch (err) {
    if (!(err instanceof Unresolvable)) throw err;
    c.problems.push({ where: `${c.where} ${property}`, message: `${err.message}; left at its default` });
    return undefined;
  }
}

function lookup(obj: Json, dotted: string): unknown {
  let v: unknown = obj;
  for (const part of dotted.split(".")) v = isObject(v) ? v[part] : undefined;
  return v;
}

function text(c: Context, property: string): string | undefined {
  const v = read(c, property);
  if (v === undefined || typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  c.problems.push({ where: `${c.where} ${property}`, message: "must be a string; left at its default" });
  return undefined;
}

function whole(c: Context, property: string, min: number, max: number, unit: string, fallback: number) {
  const v = read(c, property);
  if (v === undefined) return fallback;
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n;
  c.problems.push({
    where: `${c.where} ${property}`,
    message: `${JSON.stringify(v)} is not a whole number of ${unit} from ${min} to ${max}; ${fallback} used`,
  });
  return fallback;
}

function environment(c: Context): Record<string, string> {
  // Each variable on its own, so one that cannot be resolved leaves the others set.
  const raw = lookup(c.props, "Environment.Variables");
  const vars = intrinsicName(raw) === null ? raw : read(c, "Environment.Variables");
  if (vars === undefined) return {};
  if (!isObject(vars)) {
    c.problems.push({ where: `${c.where} Environment.Variables`, message: "must be a mapping; ignored" });
    return {};
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(vars)) {
    const property = `Environment.Variables.${k}`;
    const v = read(c, property, vars[k]);
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    else if (v !== undefined && v !== NO_VALUE)
      c.problems.push({ where: `${c.where} ${property}`, message: "must be a string; left out" });
  }
  return out;
}

/** The code folder, or why there is none the sandbox can use. */
function codeDir(c: Context, serverless: boolean, templateDir: string): { dir: string | null; why?: string } {
  const property = serverless ? "CodeUri" : "Code";
  if (serverless && c.props.InlineCode !== undefined)
    return {
      dir: null,
      why: "InlineCode is not supported by the sandbox: put the code in a folder and set CodeUri",
    };
  const raw = read(c, property);
  if (raw === undefined)
    return {
      dir: null,
      why: `no ${property}: set it to the function's code folder, relative to the template`,
    };
  if (isObject(raw)) {
    const kind = "ZipFile" in raw ? "inline ZipFile code" : "an S3 location";
    return {
      dir: null,
      why: `${property} is ${kind}, which the sandbox cannot run: set ${property} to the local code folder`,
    };
  }
  if (typeof raw !== "string") return { dir: null, why: `${property} must be a folder path` };
  if (/^s3:\/\//.test(raw))
    return {
      dir: null,
      why: `${property} ${raw} is an S3 location, which the sandbox cannot run: set ${property} to the local code folder`,
    };
  const dir = path.resolve(templateDir, raw);
  if (!existsSync(dir))
    return {
      dir,
      why: `${property} ${raw} not found (resolved to ${dir}): create it, or point ${property} at the code`,
    };
  if (!statSync(dir).isDirectory())
    return {
      dir,
      why: `${property} ${raw} is not a folder (resolved to ${dir}); .zip files are not supported`,
    };
  return { dir };
}

/** The function's name: FunctionName, else the logical id (see nameOf for its checks). */
export function functionName(logicalId: string, props: Json, symbols: Symbols, problems: Problem[]): string {
  const c: Context = { logicalId, props, symbols, problems, where: `Resources.${logicalId}` };
  const name = text(c, "FunctionName");
  if (name === undefined) return logicalId;
  if (NAME_RE.test(name)) return name;
  problems.push({
    where: `${c.where} FunctionName`,
    message: `"${name}" is not a valid function name (1-64 letters, digits, - or _); ${logicalId} used`,
  });
  return logicalId;
}

/** Builds one function; `props` has Globals merged in already for a Serverless function. */
export function buildFunction(
  logicalId: string,
  name: string,
  type: string,
  props: Json,
  symbols: Symbols,
  problems: Problem[],
  templateDir: string,
  lastModified: Date,
): FunctionSpec {
  const where = `Resources.${logicalId}${name === logicalId ? "" : ` (${name})`}`;
  const c: Context = { logicalId, props, symbols, problems, where };
  const serverless = type === SERVERLESS;
  const unavailable: string[] = [];

  const packageType = text(c, "PackageType");
  if (packageType === "Image")
    unavailable.push("PackageType Image (a container image) is not supported by the sandbox");
  const code = packageType === "Image" ? { dir: null } : codeDir(c, serverless, templateDir);
  if (code.why) unavailable.push(code.why);

  const runtime = text(c, "Runtime");
  if (runtime === undefined && packageType !== "Image")
    unavailable.push(`no Runtime: set it on the function${serverless ? " or in Globals.Function" : ""}`);
  else if (runtime !== undefined) {
    const support = runtimeSupport(runtime);
    if ("unavailable" in support) unavailable.push(support.unavailable);
  }
  const handler = text(c, "Handler");
  if (handler === undefined && packageType !== "Image")
    unavailable.push(`no Handler: set it on the function${serverless ? " or in Globals.Function" : ""}`);

  const settings: VersionSettings = {
    description: text(c, "Description") ?? "",
    handler: handler ?? "",
    memorySize: whole(c, "MemorySize", 128, 10240, "MB", 128),
    timeout: whole(c, "Timeout", 1, 900, "seconds", 3),
    environment: environment(c),
  };

  let logFormat: LogFormat = "Text";
  const format = text(c, "LoggingConfig.LogFormat");
  if (format === "JSON" || format === "Text") logFormat = format;
  else if (format !== undefined)
    problems.push({
      where: `${where} LoggingConfig.LogFormat`,
      message: `"${format}" is not Text or JSON; Text used`,
    });

  const versions = new Map<string, VersionSettings>();
  const aliases = new Map<string, { version: string; description: string }>();
  const alias = serverless ? text(c, "AutoPublishAlias") : undefined;
  if (alias !== undefined) {
    if (ALIAS_RE.test(alias) && alias !== "$LATEST") {
      // SAM publishes a version of the code and points the alias at it: here, version 1.
      versions.set("1", { ...settings, environment: { ...settings.environment } });
      aliases.set(alias, { version: "1", description: "" });
    } else {
      problems.push({
        where: `${where} AutoPublishAlias`,
        message: `"${alias}" is not a valid alias name; ignored`,
      });
    }
  }

  if (unavailable.length > 0) problems.push({ where, message: `cannot run: ${unavailable.join("; ")}` });
  return {
    name,
    codeDir: code.dir,
    runtime: runtime ?? "",
    ...settings,
    logFormat,
    logGroup: text(c, "LoggingConfig.LogGroup") ?? `/aws/lambda/${name}`,
    versions,
    aliases,
    // ReservedConcurrentExecutions is not read yet: no reservation.
    reservedConcurrency: null,
    lastModified,
    ...(unavailable.length > 0 ? { unavailable: unavailable.join("; ") } : {}),
  };
}
