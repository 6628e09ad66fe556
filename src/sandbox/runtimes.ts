// Which runtimes the sandbox can run, and how: Node handlers through our Node runtime client,
// Python handlers through our Python one, `provided*` through the function's own `bootstrap`.
// Anything else is refused with the reason, never run as something it is not.

import { findPython } from "./runtime-python/find-python.js";

export type RuntimeFamily = "node" | "python" | "custom";

export type RuntimeSupport = { family: RuntimeFamily } | { unavailable: string };

export function runtimeSupport(runtime: string): RuntimeSupport {
  if (/^nodejs\d+\.x$/.test(runtime)) return { family: "node" };
  if (/^python3\.\d+$/.test(runtime)) {
    // Python functions run on the machine's own python3: without one they are listed, not run.
    const python = findPython();
    return "unavailable" in python ? python : { family: "python" };
  }
  if (/^provided(\.al2|\.al2023)?$/.test(runtime)) return { family: "custom" };
  return {
    unavailable: `runtime ${runtime} is not supported by the sandbox (it runs nodejs*.x, python3.* and provided, provided.al2, provided.al2023)`,
  };
}
