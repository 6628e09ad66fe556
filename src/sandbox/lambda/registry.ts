// The sandbox's functions as Lambda describes them: name and ARN resolution (with
// qualifiers and aliases) and the FunctionConfiguration / AliasConfiguration shapes.
import { createHash } from "node:crypto";
import type { FunctionSpec, VersionSettings } from "../config.js";
import { invalidParameter, resourceNotFound } from "../errors.js";
import type { Target } from "../runner/environment.js";

export const ACCOUNT = "123456789012";

export interface Scope {
  region: string;
  account: string;
}

export interface Resolved extends Target {
  /** The qualifier the caller used (version or alias), if any. */
  qualifier: string | undefined;
  invokedArn: string;
}

const ARN_RE =
  /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;
const PARTIAL_RE = /^(\d{12}):function:([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;
const NAME_RE = /^([a-zA-Z0-9-_]+)(?::([a-zA-Z0-9-_$]+))?$/;

/** Splits a FunctionName parameter (name, partial ARN or ARN, optionally qualified). */
export function parseFunctionName(value: string): { name: string; qualifier: string | undefined } {
  const arn = ARN_RE.exec(value);
  if (arn) return { name: arn[3]!, qualifier: arn[4] };
  const partial = PARTIAL_RE.exec(value);
  if (partial) return { name: partial[2]!, qualifier: partial[3] };
  const plain = NAME_RE.exec(value);
  if (plain && value.length <= 170) return { name: plain[1]!, qualifier: plain[2] };
  throw new AwsValidation(
    `1 validation error detected: Value '${value}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
  );
}

class AwsValidation extends Error {}

function hash(text: string, encoding: "base64" | "hex"): string {
  return createHash("sha256").update(text).digest(encoding);
}

function lambdaTime(d: Date): string {
  return d.toISOString().replace("Z", "+0000");
}

export class Registry {
  private readonly byName = new Map<string, FunctionSpec>();

  constructor(specs: FunctionSpec[]) {
    for (const s of specs) this.byName.set(s.name, s);
  }

  get size(): number {
    return this.byName.size;
  }

  private sorted: FunctionSpec[] | null = null;

  /** Every function, by name (sorted once: the set never changes). */
  all(): FunctionSpec[] {
    this.sorted ??= [...this.byName.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    return this.sorted;
  }

  private versions: Array<{ spec: FunctionSpec; version: string }> | null = null;

  /** Every function's $LATEST and published versions, in ListFunctions(FunctionVersion=ALL) order. */
  allVersions(): Array<{ spec: FunctionSpec; version: string }> {
    this.versions ??= this.all().flatMap((spec) =>
      ["$LATEST", ...spec.versions.keys()].map((version) => ({ spec, version })),
    );
    return this.versions;
  }

  functionArn(spec: FunctionSpec, scope: Scope, qualifier?: string): string {
    return `arn:aws:lambda:${scope.region}:${scope.account}:function:${spec.name}${qualifier ? `:${qualifier}` : ""}`;
  }

  /** The function named by a FunctionName parameter, or ResourceNotFoundException. */
  get(functionName: string, scope: Scope): { spec: FunctionSpec; qualifier: string | undefined } {
    let parsed;
    try {
      parsed = parseFunctionName(functionName);
    } catch (err) {
      if (err instanceof AwsValidation) throw invalidParameter(err.message);
      throw err;
    }
    const spec = this.byName.get(parsed.name);
    if (!spec)
      throw resourceNotFound(
        `Function not found: ${this.functionArn({ name: parsed.name } as FunctionSpec, scope)}`,
      );
    return { spec, qualifier: parsed.qualifier };
  }

  /** Resolves name + qualifier (from the name or the Qualifier parameter) to a version to run. */
  resolve(functionName: string, qualifierParam: string | undefined, scope: Scope): Resolved {
    const { spec, qualifier: inName } = this.get(functionName, scope);
    if (inName && qualifierParam && inName !== qualifierParam) {
      throw invalidParameter(
        "The derived qualifier from the function name does not match the specified qualifier.",
      );
    }
    const qualifier = inName ?? qualifierParam;
    const version = this.versionFor(spec, qualifier, scope);
    return {
      spec,
      version,
      settings: this.settings(spec, version),
      region: scope.region,
      account: scope.account,
      qualifier,
      invokedArn: this.functionArn(spec, scope, qualifier),
    };
  }

  versionFor(spec: FunctionSpec, qualifier: string | undefined, scope: Scope): string {
    if (qualifier === undefined || qualifier === "$LATEST") return "$LATEST";
    if (spec.versions.has(qualifier)) return qualifier;
    const alias = spec.aliases.get(qualifier);
    if (alias) return alias.version;
    throw resourceNotFound(`Function not found: ${this.functionArn(spec, scope, qualifier)}`);
  }

  settings(spec: FunctionSpec, version: string): VersionSettings {
    return version === "$LATEST" ? spec : spec.versions.get(version)!;
  }

  configuration(spec: FunctionSpec, version: string, scope: Scope): Record<string, unknown> {
    const s = this.settings(spec, version);
    const env = Object.keys(s.environment).length > 0 ? { Environment: { Variables: s.environment } } : {};
    return {
      FunctionName: spec.name,
      FunctionArn: this.functionArn(spec, scope, version === "$LATEST" ? undefined : version),
      Runtime: spec.runtime,
      Role: `arn:aws:iam::${scope.account}:role/service-role/${spec.name}-role`,
      Handler: s.handler,
      CodeSize: 1024,
      Description: s.description,
      Timeout: s.timeout,
      MemorySize: s.memorySize,
      LastModified: lambdaTime(spec.lastModified),
      CodeSha256: hash(`${spec.name}:${version}:${s.handler}`, "base64"),
      Version: version,
      ...env,
      TracingConfig: { Mode: "PassThrough" },
      RevisionId: hash(`${spec.name}:${version}:rev`, "hex").replace(
        /^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/,
        "$1-$2-$3-$4-$5",
      ),
      // A function the sandbox cannot run is described as Lambda describes one that failed to
      // be created, with the reason, so every client can show it.
      ...(spec.unavailable === undefined
        ? { State: "Active" }
        : { State: "Failed", StateReason: spec.unavailable, StateReasonCode: "InvalidConfiguration" }),
      LastUpdateStatus: "Successful",
      PackageType: "Zip",
      Architectures: ["x86_64"],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
      LoggingConfig: { LogFormat: spec.logFormat, LogGroup: spec.logGroup },
    };
  }

  aliasConfiguration(spec: FunctionSpec, alias: string, scope: Scope): Record<string, unknown> {
    const a = spec.aliases.get(alias);
    if (!a) throw resourceNotFound(`Alias not found: ${this.functionArn(spec, scope, alias)}`);
    return {
      AliasArn: this.functionArn(spec, scope, alias),
      Name: alias,
      FunctionVersion: a.version,
      Description: a.description,
      RevisionId: hash(`${spec.name}:${alias}:alias`, "hex").replace(
        /^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/,
        "$1-$2-$3-$4-$5",
      ),
    };
  }
}
