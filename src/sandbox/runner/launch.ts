// What process an execution environment starts for a function, by its runtime's family:
// our Node runtime client, or the function's own `bootstrap` for custom runtimes.
import path from "node:path";
import type { FunctionSpec } from "../config.js";
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
    case "python":
      throw new Error(`runtime ${spec.runtime}: the Python runtime client is not in this build yet`);
  }
}
