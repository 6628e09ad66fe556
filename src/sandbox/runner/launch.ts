// What process an execution environment starts for a function, by its runtime's family:
// our Node runtime client, our Python one under the machine's python3, or the function's own
// `bootstrap` for custom runtimes.
import path from "node:path";
import type { FunctionSpec } from "../config.js";
import { findPython } from "../runtime-python/find-python.js";
import { runtimeSupport, type RuntimeFamily } from "../runtimes.js";
import { heapFlags } from "./memory.js";

export interface Launch {
  family: RuntimeFamily;
  command: string;
  args: string[];
}

export interface RuntimeClients {
  /** dist/runtime.js: the Node runtime client. */
  node: string;
  /** dist/lambda_runtime.py: the Python runtime client. */
  python: string;
}

export function launchFor(spec: FunctionSpec, memoryMb: number, clients: RuntimeClients): Launch {
  const support = runtimeSupport(spec.runtime);
  if ("unavailable" in support) throw new Error(support.unavailable);
  switch (support.family) {
    case "node":
      return { family: "node", command: process.execPath, args: [...heapFlags(memoryMb), clients.node] };
    case "custom":
      // Lambda looks in /var/task, then /opt; the sandbox has no layers, so the code folder.
      return { family: "custom", command: path.join(spec.codeDir ?? ".", "bootstrap"), args: [] };
    case "python": {
      const python = findPython();
      if ("unavailable" in python) throw new Error(python.unavailable);
      // -S: no site module at start-up, so the machine's .pth files do not slow every cold
      // start; the client puts site-packages on sys.path itself (lambda_runtime.py).
      return { family: "python", command: python.executable, args: ["-S", clients.python] };
    }
  }
}
