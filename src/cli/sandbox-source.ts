// What the sandbox runs: a folder of functions (one subfolder each, with a function.json), or
// a SAM / CloudFormation template (a file, or a folder holding template.yaml, .yml or .json).
import { stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError, type FunctionSpec } from "../sandbox/config.js";
import { templateIn } from "../sandbox/template/find.js";
import { sandboxScope } from "../state/function-list-cache.js";
import { UserError } from "./exit-codes.js";
import { bundledFunctionsDir } from "./paths.js";
import { escapeControl } from "./text.js";

export interface SandboxSource {
  /** The folder of functions; null for a template. */
  functionsDir: string | null;
  /** The template's functions, loaded; empty for a folder. */
  functions: FunctionSpec[];
  /** The template as the user may read it (relative to the working folder when inside it). */
  template: string | null;
  /** The template's problems, ready to print (empty when there are none). */
  problems: string;
  /** What the explorer keeps its list, drafts and usage under. */
  scope: string;
}

/** A path as short as it can be said: relative to the working folder when it is inside it. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export async function resolveSandboxSource(
  arg: string | undefined,
  overrides: readonly string[] = [],
): Promise<SandboxSource> {
  const resolved = path.resolve(arg ?? bundledFunctionsDir);
  const s = await stat(resolved).catch(() => null);
  if (!s) {
    throw new UserError(
      `${resolved} is not a folder of functions (one subfolder per function, each with a function.json) nor a SAM / CloudFormation template: it does not exist`,
    );
  }
  const file = s.isDirectory() ? await templateIn(resolved) : resolved;
  if (file === null) {
    if (overrides.length > 0)
      throw new UserError(
        `--parameter-overrides is for templates, and ${resolved} holds no template.yaml, template.yml or template.json`,
      );
    return {
      functionsDir: resolved,
      functions: [],
      template: null,
      problems: "",
      scope: sandboxScope(resolved),
    };
  }
  try {
    // Loaded only for a template: the YAML parser would slow every other sandbox's start.
    const [{ loadTemplate }, { parseParameterOverrides }, { formatProblems }] = await Promise.all([
      import("../sandbox/template/load.js"),
      import("../sandbox/template/parameters.js"),
      import("../sandbox/template/problems.js"),
    ]);
    const loaded = await loadTemplate(file, { parameterOverrides: parseParameterOverrides(overrides) });
    const shown = shownPath(file);
    return {
      functionsDir: null,
      functions: loaded.functions,
      template: shown,
      // Problems quote the template's text: escaped, so its bytes can never drive the terminal.
      problems: escapeControl(formatProblems(shown, loaded.problems)),
      scope: sandboxScope(file),
    };
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(err.message);
    throw err;
  }
}
