// Which Lambda runtimes the sandbox can run. One function, so that adding a runtime family
// (Python, custom runtimes) changes this file alone.

export type RuntimeSupport = { runs: true } | { runs: false; reason: string };

const RUNS = "the sandbox runs nodejs* functions";

/** Whether the sandbox can run functions of `runtime`, and if not, why (said to the user). */
export function runtimeSupport(runtime: string): RuntimeSupport {
  if (/^nodejs\d/.test(runtime)) return { runs: true };
  if (/^python3\.\d+$/.test(runtime) || /^provided(\.al2|\.al2023)?$/.test(runtime)) {
    return { runs: false, reason: `runtime ${runtime} is not supported by this sandbox yet (${RUNS})` };
  }
  return {
    runs: false,
    reason: `runtime ${runtime} is not supported by this sandbox (${RUNS}; python3.* and provided* are to come)`,
  };
}
