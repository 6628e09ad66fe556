// `lambda-explorer` with no command: the explorer on a terminal, optionally on the in-process
// sandbox. Scripts (no terminal) are pointed at the commands instead.
// The explorer's heap grows by little between full collections (heap-growth.ts): set as this
// module loads, before the function list does.
import "./heap-growth.js";
import { startListing, type EarlyList } from "../aws/listing-start.js";
import { listCacheKey, readFunctionCache } from "../state/function-list-cache.js";
import { resolveHistoryFile } from "../state/history-path.js";
import { early } from "../core/early.js";
import { EXIT, UserError } from "./exit-codes.js";
import { embeddedSandboxStarter } from "./embedded-sandbox.js";
import { trace } from "../state/trace.js";
import type { FunctionSummary } from "../core/model.js";

export interface TuiFlags {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  sandbox?: string | boolean;
  /** --log-retention-mb: the embedded sandbox's log store bound per group. */
  logRetentionMb?: string;
  /** --history FILE: the history to browse and record into. */
  history?: string;
  debug?: boolean;
  /** --parameter-overrides Key=Value …: a template sandbox's parameters. */
  parameterOverrides?: string[];
}

/** The most --debug lines the explorer keeps for when it closes. */
const DEBUG_LINES = 5000;

export async function runTuiCommand(flags: TuiFlags): Promise<void> {
  const startEmbedded = embeddedSandboxStarter(flags);
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new UserError(
      "the explorer needs a terminal; in scripts use `lambda-explorer list`, `invoke` or `logs` (see --help)",
      EXIT.usage,
    );
  }
  // The history's newest entries, read while the sandbox starts and the UI loads (a few ms
  // even for a 1 GB history: it is read from its end), so the first frame lists them.
  const historyFile = resolveHistoryFile(flags.history);
  const earlyHistory = early(
    import("../state/history-pages.js").then((m) => m.openHistory(historyFile, m.FIRST_PAGE)),
  );
  const closers: Array<() => Promise<void>> = [];
  // A template's problems, said before the explorer opens and again once it has closed (the
  // explorer's screen hides what was printed before it).
  let templateProblems = "";
  const startSandbox = async (dir?: string, overrides: string[] = []) => {
    const sb = await startEmbedded(dir, overrides);
    templateProblems = sb.problems;
    if (templateProblems) process.stderr.write(templateProblems);
    closers.push(sb.close);
    return { url: sb.url, scope: sb.scope, template: sb.template };
  };
  const started =
    flags.sandbox !== undefined && flags.sandbox !== false
      ? await startSandbox(
          typeof flags.sandbox === "string" ? flags.sandbox : undefined,
          flags.parameterOverrides,
        )
      : null;
  if (!started && flags.parameterOverrides?.length)
    throw new UserError(
      "--parameter-overrides is for a template sandbox: --sandbox ./template.yaml",
      EXIT.usage,
    );
  // The explorer owns the terminal: --debug lines wait until it has closed.
  const debugLines: string[] = [];
  const debug = flags.debug
    ? (line: string) => {
        debugLines.push(line);
        if (debugLines.length > DEBUG_LINES) debugLines.shift();
      }
    : undefined;
  const connection = started
    ? { endpointUrl: started.url, debug }
    : { profile: flags.profile, region: flags.region, endpointUrl: flags.endpointUrl, debug };
  trace("sandbox ready");
  // While the UI loads: read the cached list, load the AWS SDK, resolve region and credentials,
  // and ask for the first page of functions; the first frame shows what has arrived by then.
  // The SDK's part competes with the UI's loading for the one JavaScript thread, so when there
  // is a cached list to show it waits until that first frame is drawn.
  // Retries are reported to the UI, which says so in the header.
  const environment = process.env;
  const key = listCacheKey(connection, environment, started?.scope ?? false);
  const cached = early(readFunctionCache<FunctionSummary>(key));
  let firstFrameDrawn = () => {};
  const drawn = new Promise<void>((resolve) => (firstFrameDrawn = resolve));
  const earlyClients = cached.promise
    .then((list) => (list && list.items.length > 0 ? drawn : undefined))
    .then(() => Promise.all([import("../aws/clients.js"), import("../aws/retry-notices.js")]))
    .then(([m, { reportRetry }]) => m.createClients({ ...connection, onRetry: reportRetry }));
  earlyClients.catch(() => undefined);
  const earlyList: EarlyList = { key, cached, listing: startListing(earlyClients) };
  // The first frame waits for the cached list and the history's newest entries as well as for
  // the UI: read while the UI loads, a long list could come after it, and the explorer then drew
  // an empty list (or "loading" history) first and the same frame again with the list (a second
  // full render before the list was on screen).
  const [{ runTui }] = await Promise.all([
    withoutCiVariables(() => withColourSettings(() => import("../ui/run-tui.js"))),
    cached.promise,
    earlyHistory.promise,
  ]);
  trace("ui loaded");
  try {
    // Ink draws the first frame before runTui returns its promise.
    const running = runTui({
      connection,
      sandbox: started?.scope ?? false,
      sandboxTemplate: started?.template ?? undefined,
      startSandbox: () => startSandbox(),
      earlyClients,
      earlyList,
      trace,
      historyFile,
      earlyHistory,
      environment,
    });
    firstFrameDrawn();
    const { interrupted } = await running;
    process.exitCode = interrupted ? EXIT.interrupted : EXIT.ok;
  } finally {
    await Promise.all(closers.map((close) => close()));
    for (const line of debugLines) process.stderr.write(`lambda-explorer debug: ${line}\n`);
    if (templateProblems) process.stderr.write(templateProblems);
  }
  process.exit();
}

/**
 * Ink draws only its last frame when CI or CONTINUOUS_INTEGRATION is set (read once, when it
 * loads). The explorer runs only on a real terminal, where a user with CI=true exported still
 * wants to see it: hide the variables while Ink loads, then put them back.
 */
async function withoutCiVariables<T>(load: () => Promise<T>): Promise<T> {
  const saved = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  try {
    return await load();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  }
}

/**
 * FORCE_COLOR=0 makes chalk (Ink's styling) drop bold and inverse with the colour, and the
 * explorer marks the selection and the focused pane with them. Both are read once, as Ink and
 * the explorer's colour module load: while they do, FORCE_COLOR=0 is turned into NO_COLOR,
 * which takes the colour and keeps the emphasis.
 */
async function withColourSettings<T>(load: () => Promise<T>): Promise<T> {
  const force = process.env.FORCE_COLOR;
  if (force !== "0" && force !== "false") return load();
  const noColor = process.env.NO_COLOR;
  delete process.env.FORCE_COLOR;
  process.env.NO_COLOR = noColor || "1";
  try {
    return await load();
  } finally {
    process.env.FORCE_COLOR = force;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}
