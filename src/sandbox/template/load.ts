// Sandbox functions from a SAM or CloudFormation template: the file (YAML with CloudFormation's
// short tags, or JSON), its Parameters and Globals, and each function resource. Problems that
// leave a function out or change it are collected, each with where it is and what to do; only
// a template that cannot be read at all, or has no functions, stops the sandbox.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { ConfigError, type FunctionSpec } from "../config.js";
import { buildFunction, functionName, LAMBDA, mergeGlobals, SERVERLESS } from "./functions.js";
import { templateSymbols } from "./parameters.js";
import type { Problem } from "./problems.js";
import { cloudFormationTags } from "./yaml-tags.js";

export interface LoadedTemplate {
  file: string;
  functions: FunctionSpec[];
  problems: Problem[];
}

export interface TemplateOptions {
  /** --parameter-overrides, parsed (see parseParameterOverrides). */
  parameterOverrides?: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function parse(file: string, text: string, problems: Problem[]): unknown {
  if (file.endsWith(".json")) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
    }
  }
  const doc = parseDocument(text, { customTags: cloudFormationTags, prettyErrors: true });
  if (doc.errors.length > 0) throw new ConfigError(`${file}: not valid YAML: ${doc.errors[0]!.message}`);
  for (const w of doc.warnings) {
    // An unknown `!Tag` leaves its plain value; the property it is in may then be wrong.
    problems.push({ where: `line ${w.linePos?.[0].line ?? "?"}`, message: w.message.split("\n")[0]! });
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

export async function loadTemplate(file: string, options: TemplateOptions = {}): Promise<LoadedTemplate> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new ConfigError(`cannot read template ${file}: ${(err as Error).message}`);
  }
  const lastModified = (await stat(file)).mtime;
  const problems: Problem[] = [];
  const template = parse(file, text, problems);
  if (!isObject(template) || !isObject(template.Resources))
    throw new ConfigError(`${file}: not a CloudFormation template (it has no Resources mapping)`);

  const symbols = templateSymbols(template.Parameters, options.parameterOverrides ?? new Map(), problems);
  for (const id of Object.keys(template.Resources)) symbols.resources.add(id);
  const globals = isObject(template.Globals) ? template.Globals.Function : undefined;
  const found: Array<{ id: string; type: string; props: Json }> = [];
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!isObject(resource) || (resource.Type !== SERVERLESS && resource.Type !== LAMBDA)) continue;
    const own = isObject(resource.Properties) ? resource.Properties : {};
    const props = resource.Type === SERVERLESS ? mergeGlobals(globals, own) : own;
    found.push({ id, type: resource.Type, props });
    if (typeof resource.Condition === "string")
      problems.push({
        where: `Resources.${id} Condition`,
        message: `${resource.Condition} is not evaluated by the sandbox; the function is loaded`,
      });
  }
  if (found.length === 0)
    throw new ConfigError(
      `${file} defines no functions: the sandbox reads ${SERVERLESS} and ${LAMBDA} resources`,
    );

  // Names first: `Ref` to a function resource gives its name, in other functions' properties.
  const names = new Map<string, string>();
  for (const f of found) names.set(f.id, functionName(f.id, f.props, symbols, problems));
  for (const [id, name] of names) symbols.functions.set(id, name);

  const dir = path.dirname(file);
  const functions: FunctionSpec[] = [];
  const taken = new Map<string, string>();
  for (const f of found) {
    const name = names.get(f.id)!;
    const first = taken.get(name);
    if (first !== undefined) {
      problems.push({
        where: `Resources.${f.id} FunctionName`,
        message: `${name} is also the name of ${first}; this one is left out: give it another FunctionName`,
      });
      continue;
    }
    taken.set(name, f.id);
    functions.push(buildFunction(f.id, name, f.type, f.props, symbols, problems, dir, lastModified));
  }
  return { file, functions, problems };
}
