// `lambda-explorer completion bash|zsh|fish`: shell completion for the commands and their
// options, taken from the commander program itself (so it never drifts from --help), and for
// function names, from the list the explorer cached for the current profile, region and
// endpoint (`completion --functions`, which the scripts call; it never calls AWS).
import type { Command } from "commander";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { cacheDir } from "../state/paths.js";
import { listCacheKey, readFunctionCache } from "../state/function-list-cache.js";
import { UserError } from "./exit-codes.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** Commands whose first argument is a function name. */
const TAKES_FUNCTION = new Set(["list", "invoke", "logs"]);

interface Spec {
  name: string;
  options: string[];
}

function specs(program: Command): { root: string[]; commands: Spec[] } {
  const flags = (c: Command) =>
    c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))).concat("--help");
  return {
    root: flags(program),
    commands: program.commands.map((c) => ({ name: c.name(), options: flags(c) })),
  };
}

function bash(program: Command): string {
  const { root, commands } = specs(program);
  const cases = commands.map((c) => `    ${c.name}) opts="${c.options.join(" ")}" ;;`).join("\n");
  const fnCommands = [...TAKES_FUNCTION].join("|");
  return `# lambda-explorer completion for bash: eval "$(lambda-explorer completion bash)"
_lambda_explorer() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=( $(compgen -W "${commands.map((c) => c.name).join(" ")} help ${root.join(" ")}" -- "$cur") )
    return
  fi
  case "$cmd" in
${cases}
    *) opts="${root.join(" ")}" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  elif [[ $COMP_CWORD -eq 2 && "$cmd" =~ ^(${fnCommands})$ ]]; then
    COMPREPLY=( $(compgen -W "$(lambda-explorer completion --functions 2>/dev/null)" -- "$cur") )
  else
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
}
complete -F _lambda_explorer lambda-explorer
`;
}

function zsh(program: Command): string {
  // zsh runs bash completion functions through bashcompinit: one script to keep true.
  return `# lambda-explorer completion for zsh: eval "$(lambda-explorer completion zsh)"
autoload -U +X bashcompinit && bashcompinit
${bash(program)}`;
}

function fish(program: Command): string {
  const { root, commands } = specs(program);
  const names = commands.map((c) => c.name).join(" ");
  const opt = (flag: string) => (flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`);
  const lines = [
    "# lambda-explorer completion for fish: lambda-explorer completion fish | source",
    "complete -c lambda-explorer -f",
    `complete -c lambda-explorer -n "__fish_use_subcommand" -a "${names} help"`,
    ...root.map((f) => `complete -c lambda-explorer -n "__fish_use_subcommand" ${opt(f)}`),
    ...commands.flatMap((c) =>
      c.options.map(
        (f) => `complete -c lambda-explorer -n "__fish_seen_subcommand_from ${c.name}" ${opt(f)}`,
      ),
    ),
    `complete -c lambda-explorer -n "__fish_seen_subcommand_from ${[...TAKES_FUNCTION].join(" ")}" -a "(lambda-explorer completion --functions 2>/dev/null)"`,
  ];
  return lines.join("\n") + "\n";
}

export function completionScript(shell: string | undefined, program: Command): string {
  const s = SHELLS.find((x) => x === shell) as Shell | undefined;
  if (!s) throw new UserError(`completion needs a shell: ${SHELLS.join(", ")} (got "${shell ?? ""}")`);
  return s === "bash" ? bash(program) : s === "zsh" ? zsh(program) : fish(program);
}

/**
 * Function names for completion: the cached list for the profile, region and endpoint in the
 * environment, else every cached list's names (a completion offers, it does not decide).
 */
export async function cachedFunctionNames(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const own = await readFunctionCache<{ name: string }>(listCacheKey({}, env, false));
  if (own) return own.items.map((f) => f.name);
  const dir = path.join(cacheDir(env), "functions");
  const files = await readdir(dir).catch(() => [] as string[]);
  const names = new Set<string>();
  for (const f of files.filter((n) => n.endsWith(".json"))) {
    try {
      const data = JSON.parse(await readFile(path.join(dir, f), "utf8")) as {
        items?: Array<{ name?: unknown }>;
      };
      for (const item of data.items ?? []) if (typeof item.name === "string") names.add(item.name);
    } catch {
      // a damaged cache offers nothing
    }
  }
  return [...names].sort();
}
