// The sandbox the explorer starts in its own process (`--sandbox`, or offered when AWS cannot
// be reached), with the same log-store bound as the `sandbox` command (--log-retention-mb).
// The flags are checked before anything starts, so a bad value is said at once.
import { UserError, EXIT } from "./exit-codes.js";
import { intOption } from "./options.js";
import { bundledFunctionsDir } from "./paths.js";
import { sandboxScope } from "../state/function-list-cache.js";

export interface EmbeddedSandboxFlags {
  sandbox?: string | boolean;
  /** --log-retention-mb, as typed. */
  logRetentionMb?: string;
}

export interface EmbeddedSandbox {
  url: string;
  /** Its functions folder or template, for the list cache's key. */
  scope: string;
  /** The template it runs, as the user may read it; null for a folder of functions. */
  template: string | null;
  /** The template's problems, ready to print (empty when there are none). */
  problems: string;
  close: () => Promise<void>;
}

export const DEFAULT_RETENTION_MB = 64;

/**
 * Checks the flags and answers how to start the sandbox (on `dir`, a folder of functions or a
 * template, default the examples; `overrides`: --parameter-overrides for a template).
 * `runtime`: the function runtime it forks, bundled beside the CLI unless said otherwise.
 */
export function embeddedSandboxStarter(
  flags: EmbeddedSandboxFlags,
  runtime?: string,
  /** The examples, run when no folder is named (tests run them from fixtures/). */
  examplesDir = bundledFunctionsDir,
): (dir?: string, overrides?: string[]) => Promise<EmbeddedSandbox> {
  const onSandbox = flags.sandbox !== undefined && flags.sandbox !== false;
  if (flags.logRetentionMb !== undefined && !onSandbox)
    throw new UserError(
      "--log-retention-mb bounds the built-in sandbox's logs: add --sandbox, or run `lambda-explorer sandbox --log-retention-mb N`",
      EXIT.usage,
    );
  const retentionMb =
    flags.logRetentionMb === undefined
      ? DEFAULT_RETENTION_MB
      : intOption("log-retention-mb", flags.logRetentionMb, 1, 1_000_000);
  return async (dir, overrides = []) => {
    // Loaded only for a sandbox: against AWS its server and runner would just slow the start.
    const [{ startLocalSandbox }, { resolveSandboxSource }] = await Promise.all([
      import("./sandbox-command.js"),
      import("./sandbox-source.js"),
    ]);
    const source = await resolveSandboxSource(dir ?? examplesDir, overrides);
    const sb = await startLocalSandbox({
      functionsDir: source.functionsDir,
      functions: source.functions,
      logRetentionBytes: retentionMb * 1024 * 1024,
      ...(runtime ? { runtimePath: runtime } : {}),
    });
    return {
      url: sb.url,
      // The examples are known by the name they always had, not by where this copy is
      // installed: an npx upgrade moves the folder, and their drafts, usage and saved events
      // must still be found.
      scope: dir === undefined ? sandboxScope() : source.scope,
      template: source.template,
      problems: source.problems,
      close: () => sb.close(),
    };
  };
}
