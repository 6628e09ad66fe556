// The values `Ref` and `!Sub` can use: the template's Parameters (their Default, or the value
// given with --parameter-overrides, spelt as SAM CLI spells it) and the pseudo parameters.
import { ConfigError } from "../config.js";
import { ACCOUNT } from "../lambda/registry.js";
import type { Symbols, Value } from "./intrinsics.js";
import type { Problem } from "./problems.js";

/** The pseudo parameters as the sandbox answers them; SAM CLI's `sam local` uses the same stack name. */
export function pseudoParameters(region: string, stackName: string): Map<string, Value> {
  const partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  return new Map<string, Value>([
    ["AWS::Region", region],
    ["AWS::AccountId", ACCOUNT],
    ["AWS::Partition", partition],
    ["AWS::URLSuffix", partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"],
    ["AWS::StackName", stackName],
    [
      "AWS::StackId",
      `arn:${partition}:cloudformation:${region}:${ACCOUNT}:stack/${stackName}/00000000-0000-0000-0000-000000000000`,
    ],
    ["AWS::NotificationARNs", []],
  ]);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function scalar(v: unknown): string | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/** What Ref gives for a parameter of this type: a list for the list types, else the text. */
function typed(type: string, text: string): Value {
  return type === "CommaDelimitedList" || type.startsWith("List<")
    ? text.split(",").map((s) => s.trim())
    : text;
}

/**
 * The symbols of a template. `overrides` are the user's Key=Value pairs: they name
 * parameters, or pseudo parameters (AWS::Region=eu-west-1), as SAM CLI allows.
 */
export function templateSymbols(
  parameters: unknown,
  overrides: ReadonlyMap<string, string>,
  problems: Problem[],
): Symbols {
  const region = overrides.get("AWS::Region") ?? "us-east-1";
  const values = pseudoParameters(region, overrides.get("AWS::StackName") ?? "local");
  const unknown = new Map<string, string>();
  const declared = isObject(parameters) ? parameters : {};
  if (parameters !== undefined && !isObject(parameters))
    problems.push({ where: "Parameters", message: "must be a mapping of parameter names; ignored" });

  for (const [name, raw] of Object.entries(declared)) {
    const p = isObject(raw) ? raw : {};
    const type = typeof p.Type === "string" ? p.Type : "String";
    const given = overrides.get(name);
    const text = given ?? scalar(p.Default);
    if (text === undefined) {
      unknown.set(
        name,
        type.startsWith("AWS::SSM::Parameter")
          ? `parameter ${name} is read from SSM Parameter Store, which the sandbox cannot reach: give it with --parameter-overrides ${name}=VALUE`
          : `parameter ${name} has no Default: give it with --parameter-overrides ${name}=VALUE`,
      );
      continue;
    }
    const allowed = Array.isArray(p.AllowedValues) ? p.AllowedValues.map(scalar) : null;
    if (allowed && !allowed.includes(text)) {
      problems.push({
        where: `Parameters ${name}`,
        message: `"${text}" is not one of its AllowedValues (${allowed.join(", ")}); used as given`,
      });
    }
    values.set(name, typed(type, text));
  }
  for (const key of overrides.keys()) {
    if (key.startsWith("AWS::")) {
      if (!values.has(key))
        problems.push({
          where: "--parameter-overrides",
          message: `${key} is not a pseudo parameter; ignored`,
        });
    } else if (!(key in declared)) {
      const names = Object.keys(declared);
      problems.push({
        where: "--parameter-overrides",
        message: `${key} is not a parameter of the template (${names.length ? `its parameters: ${names.join(", ")}` : "it has none"}); ignored`,
      });
    }
  }
  return { values, unknown, functions: new Map(), resources: new Set() };
}

/** Splits one argument at spaces outside double quotes, as SAM CLI reads 'A=1 B="x y"'. */
function words(arg: string): string[] {
  return arg.match(/(?:"(?:\\.|[^"\\])*"|[^\s"])+/g) ?? [];
}

function unquote(v: string): string {
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, "$1") : v;
}

/**
 * Parses `--parameter-overrides` as SAM CLI takes it: `Key=Value` pairs, or its long form
 * `ParameterKey=Key,ParameterValue=Value`, in separate words or in one quoted argument;
 * a value with spaces is written in double quotes. Keys may name pseudo parameters.
 */
export function parseParameterOverrides(args: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of args.flatMap(words)) {
    const m =
      /^ParameterKey=([A-Za-z0-9:]+),ParameterValue=(.*)$/s.exec(word) ??
      /^([A-Za-z0-9:]+)=(.*)$/s.exec(word);
    if (!m) {
      throw new ConfigError(
        `--parameter-overrides: "${word}" is not Key=Value (for example --parameter-overrides Stage=dev 'Greeting="hello there"')`,
      );
    }
    out.set(m[1]!, unquote(m[2]!));
  }
  return out;
}
