// Resolving CloudFormation intrinsic functions with what is known before anything is deployed:
// parameters (their Default or --parameter-overrides), pseudo parameters, and the names of
// the template's functions. Anything that needs a deployed stack (GetAtt, ImportValue,
// conditions, mappings) is refused with what was asked for, never guessed.

/** Why a value cannot be known locally; the loader reports it with the resource and property. */
export class Unresolvable extends Error {
  override name = "Unresolvable";
}

/** `Ref: AWS::NoValue`: the property is as if it were not written. */
export const NO_VALUE = Symbol("AWS::NoValue");

export type Value = string | string[];

export interface Symbols {
  /** Parameters and pseudo parameters with a known value. */
  values: Map<string, Value>;
  /** Parameters without one, and why (what to pass to give them one). */
  unknown: Map<string, string>;
  /** Logical id of each function resource -> its function name (what `Ref` gives for it). */
  functions: Map<string, string>;
  /** Logical ids of every resource of the template, functions or not. */
  resources: Set<string>;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A one-key object `{Ref: …}` or `{"Fn::X": …}`: its function name, else null. */
export function intrinsicName(v: unknown): string | null {
  if (!isObject(v)) return null;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === "Ref" || keys[0]!.startsWith("Fn::")) ? keys[0]! : null;
}

function ref(name: unknown, s: Symbols): Value | typeof NO_VALUE {
  if (typeof name !== "string") throw new Unresolvable("Ref must name a parameter or resource");
  if (name === "AWS::NoValue") return NO_VALUE;
  const value = s.values.get(name) ?? s.functions.get(name);
  if (value !== undefined) return value;
  const why = s.unknown.get(name);
  if (why) throw new Unresolvable(`!Ref ${name}: ${why}`);
  if (name.startsWith("AWS::"))
    throw new Unresolvable(`!Ref ${name}: not a pseudo parameter the sandbox knows`);
  if (s.resources.has(name))
    throw new Unresolvable(
      `!Ref ${name}: refers to a resource the sandbox does not create (it knows the template's parameters, pseudo parameters and functions)`,
    );
  throw new Unresolvable(`!Ref ${name}: the template has no parameter or resource of that name`);
}

function asString(v: unknown, what: string): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new Unresolvable(`${what} is not a string`);
}

function sub(arg: unknown, s: Symbols): string {
  const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [arg, {}];
  if (typeof text !== "string" || !isObject(vars))
    throw new Unresolvable("!Sub takes a string, or [string, {Name: value}]");
  const local = new Map<string, unknown>(Object.entries(vars).map(([k, v]) => [k, resolve(v, s)]));
  return text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    // `${!Literal}` is written out as `${Literal}`.
    if (inner.startsWith("!")) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (local.has(name)) return asString(local.get(name), `!Sub variable ${name}`);
    if (name.includes(".") && !name.startsWith("AWS::"))
      throw new Unresolvable(
        `!Sub ${whole}: a resource attribute (GetAtt), known only once the stack is deployed`,
      );
    const v = ref(name, s);
    if (v === NO_VALUE || Array.isArray(v)) throw new Unresolvable(`!Sub ${whole}: not a string value`);
    return v;
  });
}

function join(arg: unknown, s: Symbols): string {
  if (!Array.isArray(arg) || typeof arg[0] !== "string")
    throw new Unresolvable('!Join takes ["delimiter", [values]]');
  const list = resolve(arg[1], s);
  if (!Array.isArray(list)) throw new Unresolvable("!Join needs a list of values");
  return list.map((v, i) => asString(v, `!Join value ${i + 1}`)).join(arg[0]);
}

const NEEDS_STACK: Record<string, string> = {
  "Fn::GetAtt": "a resource attribute, known only once the stack is deployed",
  "Fn::ImportValue": "another stack's export, which the sandbox cannot read",
  "Fn::If": "conditions are not evaluated by the sandbox",
  "Fn::FindInMap": "Mappings are not read by the sandbox",
};

function short(fn: string): string {
  return fn === "Ref" ? "!Ref" : `!${fn.slice(4)}`;
}

/**
 * The value with its intrinsic functions resolved. Throws Unresolvable for anything that
 * needs a deployed stack or a value the template does not give.
 */
export function resolve(v: unknown, s: Symbols): unknown {
  if (Array.isArray(v)) return v.map((x) => resolve(x, s)).filter((x) => x !== NO_VALUE);
  if (!isObject(v)) return v;
  const fn = intrinsicName(v);
  if (fn === null) {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      const r = resolve(x, s);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }
  const arg = v[fn];
  switch (fn) {
    case "Ref":
      return ref(arg, s);
    case "Fn::Sub":
      return sub(arg, s);
    case "Fn::Join":
      return join(arg, s);
    default: {
      const why = NEEDS_STACK[fn] ?? "not supported by the sandbox";
      const detail = fn === "Fn::GetAtt" && Array.isArray(arg) ? ` ${arg.join(".")}` : "";
      throw new Unresolvable(`${short(fn)}${detail}: ${why}`);
    }
  }
}
