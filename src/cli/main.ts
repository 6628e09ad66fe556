#!/usr/bin/env node
import "./quiet-sdk-warning.js";
import { Command, CommanderError } from "commander";
import { EXIT, UserError } from "./exit-codes.js";
import { trace } from "../state/trace.js";
import { VERSION } from "./version.js";
import { registerEvents } from "./commands/events.js";
import { registerHistory } from "./commands/history.js";
import { registerInvoke } from "./commands/invoke.js";
import { registerList } from "./commands/list.js";
import { registerLogs } from "./commands/logs.js";
import { registerReplay } from "./commands/replay.js";
import { withConnectionOptions } from "./connection.js";
import type { TuiFlags } from "./tui-command.js";

// A reader that goes away (`| head`) ends the command quietly, as it does for Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    throw err;
  });
}

// SAM CLI's spelling, so a template's parameters are given as they are to `sam local`.
const PARAMETER_OVERRIDES = "--parameter-overrides <K=V...>";
const PARAMETER_OVERRIDES_HELP =
  "a template's parameters (or AWS::Region, AWS::StackName), as SAM CLI takes them";

const program = new Command()
  .name("lambda-explorer")
  .description(
    "Explore and invoke AWS Lambda functions from the terminal, with their complete CloudWatch logs.",
  )
  .version(VERSION, "-v, --version")
  .showHelpAfterError("(run with --help for usage)")
  // The explorer and the commands share option names (--endpoint-url, --profile): options
  // after a command's name belong to that command.
  .enablePositionalOptions()
  // `help <command>`, which commander offers only to a program without an action of its own.
  .helpCommand(true)
  .exitOverride();

program
  .command("sandbox")
  .description("run the local Lambda + CloudWatch Logs endpoint alone, for the AWS CLI, SDKs and tests")
  .argument(
    "[dir|template]",
    "folder of functions (one subfolder each), or a SAM / CloudFormation template or its folder (default: the bundled examples)",
  )
  .option("-p, --port <n>", "port on 127.0.0.1 (0 picks a free one)", "0")
  .option(PARAMETER_OVERRIDES, PARAMETER_OVERRIDES_HELP)
  .option(
    "--log-delay <ms>",
    "hold log events back this long after they are written, as CloudWatch does",
    "0",
  )
  .option(
    "--log-retention-mb <n>",
    "keep at most this many MB of log events per log group, dropping the oldest first",
    "64",
  )
  .option("--synthetic <n>", "add N generated cheap functions, for scale tests", "0")
  .option(
    "--throttle-every <n>",
    "answer every Nth Lambda (and CloudWatch Logs) request as throttled, to test back-off",
    "0",
  )
  .option("--state <dir>", "keep the schema registry (shared test events) in DIR, so it survives a restart")
  .option("--json", "print the endpoint as one JSON line instead of the instructions")
  // -q is --qualifier in invoke and replay: one meaning across the commands, so --quiet has none.
  .option("--quiet", "do not print a line per invocation")
  .addHelpText(
    "after",
    `
Examples:
  $ lambda-explorer sandbox --port 9001
  $ aws --endpoint-url http://127.0.0.1:9001 lambda list-functions
  $ lambda-explorer sandbox ./my-functions --log-delay 1500 --synthetic 500
  $ lambda-explorer sandbox ./template.yaml --parameter-overrides Stage=dev
  $ lambda-explorer sandbox --throttle-every 3
  $ lambda-explorer sandbox --state ./sandbox-state`,
  )
  .action(async (dir: string | undefined, opts: Record<string, string | boolean | undefined>) => {
    const { runSandboxCommand } = await import("./sandbox-command.js");
    await runSandboxCommand(dir, opts);
  });

registerList(program);
registerInvoke(program);
registerLogs(program);
registerEvents(program);
registerHistory(program);
registerReplay(program);

program
  .command("completion")
  .description("print a shell completion script: commands, options and cached function names")
  .argument("[shell]", "bash, zsh or fish")
  .option("--functions", "print the cached function names, one a line (what the scripts call)")
  .addHelpText(
    "after",
    `
Examples:
  $ eval "$(lambda-explorer completion bash)"     # in ~/.bashrc
  $ eval "$(lambda-explorer completion zsh)"      # in ~/.zshrc
  $ lambda-explorer completion fish | source      # in ~/.config/fish/config.fish`,
  )
  .action(async (shell: string | undefined, opts: { functions?: boolean }) => {
    const { cachedFunctionNames, completionScript } = await import("./completion.js");
    if (opts.functions) {
      const names = await cachedFunctionNames();
      process.stdout.write(names.length ? names.join("\n") + "\n" : "");
    } else {
      process.stdout.write(completionScript(shell, program));
    }
  });

withConnectionOptions(program)
  .option(
    "--sandbox [dir|template]",
    "explore the built-in sandbox (with the functions in DIR, or a SAM / CloudFormation template's) instead of AWS",
  )
  .option(PARAMETER_OVERRIDES, PARAMETER_OVERRIDES_HELP)
  .option(
    "--log-retention-mb <n>",
    "with --sandbox: keep at most this many MB of log events per log group (default 64)",
  )
  .option(
    "--history <file>",
    "the history to browse and record into (default: $LAMBDA_EXPLORER_HISTORY, else history.jsonl in the state directory)",
  )
  .addHelpText(
    "after",
    `
On a terminal, lambda-explorer opens the explorer: pick a function, choose a version or alias,
write its payload and invoke it. Scripts use the commands.

Examples:
  $ lambda-explorer --profile dev --region eu-west-1
  $ lambda-explorer --sandbox
  $ lambda-explorer --sandbox ./template.yaml --parameter-overrides Stage=dev
  $ lambda-explorer --history teammate-export.jsonl
  $ lambda-explorer invoke orders-api --payload '{}' --json`,
  )
  // A word where a command goes is a mistyped command: say so (and which was meant) rather
  // than commander's "too many arguments".
  .allowExcessArguments()
  .action(async (flags: TuiFlags, cmd: Command) => {
    if (cmd.args.length > 0) throw await unknownCommand(cmd.args[0]!, program);
    const { runTuiCommand } = await import("./tui-command.js");
    await runTuiCommand(flags);
  });

async function unknownCommand(typed: string, from: Command): Promise<UserError> {
  // Loaded only on this path: fast-levenshtein builds an Intl.Collator as it loads (ICU's
  // collation data, several ms), which every start would otherwise pay before its first output.
  const { nearestCommand } = await import("./suggest.js");
  const names = from.commands.map((c) => c.name());
  const near = nearestCommand(typed, names);
  return new UserError(
    `unknown command "${typed}"` +
      (near ? `; did you mean ${near}?` : "") +
      `\n  Commands: ${names.join(", ")}. See lambda-explorer help <command>.`,
    EXIT.usage,
  );
}

trace("cli loaded");
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof UserError) {
    // Messages quote what the user gave or what is on disk (a folder name, a file's text):
    // escaped, so those bytes can never drive the terminal. Loaded only on this path.
    const { escapeControl } = await import("./text.js");
    process.stderr.write(`lambda-explorer: ${escapeControl(err.message)}\n`);
    process.exitCode = err.exitCode;
  } else {
    throw err;
  }
}
