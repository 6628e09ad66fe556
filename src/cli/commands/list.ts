// `lambda-explorer list`: every function (a page printed as soon as it arrives), or one
// function's configuration, versions and aliases.
import type { Command } from "commander";
import { connect, withAwsErrors, withConnectionOptions, type ConnectionFlags } from "../connection.js";
import { EXIT } from "../exit-codes.js";
import { escapeControl, truncate } from "../text.js";
import type { FunctionSummary } from "../../core/model.js";

interface ListFlags extends ConnectionFlags {
  json?: boolean;
}

const COLUMNS = ["NAME", "RUNTIME", "MEMORY", "TIMEOUT", "LAST MODIFIED", "DESCRIPTION"];

const FIXED_COLUMNS = 12 + 8 + 7 + 16 + 5 * 2;

/** On a terminal the description is cut to fit the line; in a pipe it is whole. */
function describe(text: string, nameWidth: number): string {
  const clean = escapeControl(text);
  return process.stdout.isTTY
    ? truncate(clean, (process.stdout.columns || 120) - nameWidth - FIXED_COLUMNS)
    : clean;
}

function row(f: FunctionSummary, nameWidth: number): string {
  return [
    f.name.padEnd(nameWidth),
    (f.runtime ?? "-").padEnd(12),
    (f.memoryMb !== null ? `${f.memoryMb} MB` : "-").padStart(8),
    (f.timeoutS !== null ? `${f.timeoutS} s` : "-").padStart(7),
    (f.lastModified ?? "").slice(0, 16).replace("T", " ").padEnd(16),
  ]
    .join("  ")
    .concat("  ", describe(f.description, nameWidth));
}

function header(nameWidth: number): string {
  return [
    COLUMNS[0]!.padEnd(nameWidth),
    COLUMNS[1]!.padEnd(12),
    COLUMNS[2]!.padStart(8),
    COLUMNS[3]!.padStart(7),
    COLUMNS[4]!.padEnd(16),
    COLUMNS[5],
  ].join("  ");
}

export function registerList(program: Command): void {
  withConnectionOptions(
    program
      .command("list")
      .description("list functions, or one function's configuration, versions and aliases")
      .argument("[function]", "show this function's versions and aliases")
      .option("--json", "print JSON"),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ lambda-explorer list
  $ lambda-explorer list --json | jq -r '.[].name'
  $ lambda-explorer list orders-api --profile dev --region eu-west-1`,
    )
    .action(async (fn: string | undefined, flags: ListFlags) => {
      const clients = await connect(flags);
      try {
        await withAwsErrors(() => (fn ? showOne(clients, fn, flags) : showAll(clients, flags)));
      } finally {
        clients.destroy();
      }
      process.exitCode = EXIT.ok;
    });
}

async function showAll(clients: Awaited<ReturnType<typeof connect>>, flags: ListFlags): Promise<void> {
  const { listFunctions } = await import("../../aws/functions.js");
  const all: FunctionSummary[] = [];
  let nameWidth = 0;
  for await (const page of listFunctions(clients)) {
    if (flags.json) {
      all.push(...page);
      continue;
    }
    // Widths come from the first page, so rows print as soon as they arrive.
    if (nameWidth === 0) {
      nameWidth = Math.max(4, ...page.map((f) => f.name.length));
      process.stdout.write(header(nameWidth) + "\n");
    }
    for (const f of page) process.stdout.write(row(f, nameWidth) + "\n");
    all.push(...page);
  }
  if (flags.json) process.stdout.write(JSON.stringify(all, null, 2) + "\n");
  else process.stderr.write(`${all.length} function${all.length === 1 ? "" : "s"}\n`);
}

async function showOne(
  clients: Awaited<ReturnType<typeof connect>>,
  fn: string,
  flags: ListFlags,
): Promise<void> {
  const { getFunction, listVersions, listAliases } = await import("../../aws/functions.js");
  const { allOrCancel } = await import("../../aws/together.js");
  const [config, versions, aliases] = await allOrCancel((signal) => [
    getFunction(clients, fn, undefined, signal),
    listVersions(clients, fn, signal),
    listAliases(clients, fn, signal),
  ]);
  if (flags.json) {
    process.stdout.write(
      JSON.stringify({ ...config, versions: versions.map((v) => v.version), aliases }, null, 2) + "\n",
    );
    return;
  }
  const lines = [
    `${config.name}  ${config.arn}`,
    `  runtime ${config.runtime ?? "-"} · ${config.memoryMb ?? "-"} MB · timeout ${config.timeoutS ?? "-"} s · logs ${config.logGroup} (${config.logFormat})`,
    config.description ? `  ${escapeControl(config.description)}` : "",
    `  versions: ${versions.map((v) => v.version).join(", ")}`,
    `  aliases: ${aliases.length ? aliases.map((a) => `${a.name} → ${a.version}`).join(", ") : "none"}`,
  ].filter(Boolean);
  process.stdout.write(lines.join("\n") + "\n");
}
