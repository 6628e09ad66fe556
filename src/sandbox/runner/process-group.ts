// Ending an execution environment ends everything its handler started, as Lambda's microVM
// does: each environment leads its own process group (it is forked detached), and the whole
// group is killed. A child that left the group (setsid, Node's `detached: true`) is found
// through /proc as a descendant, while the environment is still there to descend from.
import { readdirSync, readFileSync } from "node:fs";

/**
 * The direct children of `pid` from /proc/<pid>/task/<tid>/children (a few small files), or
 * null where the kernel does not provide those files.
 */
function childrenOf(pid: number): number[] | null {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tasks) {
    let text: string;
    try {
      text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT" && tid === String(pid)) return null;
      continue; // the thread ended since the listing
    }
    for (const c of text.split(" ")) if (c.trim()) out.push(Number(c));
  }
  return out;
}

/** Each process's parent, from every /proc/<pid>/stat: the slow way, when childrenOf cannot tell. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) is in parentheses and may hold spaces or ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(name), Number(fields[1]));
    } catch {
      // gone since the listing
    }
  }
  return out;
}

/** Every process below `pid` (children, their children, ...). */
export function descendants(pid: number): number[] {
  let lookup: (p: number) => number[] = (p) => childrenOf(p) ?? [];
  if (childrenOf(pid) === null) {
    const children = new Map<number, number[]>();
    for (const [child, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), child]);
    lookup = (p) => children.get(p) ?? [];
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const c of lookup(queue.shift()!)) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function signal(target: number): void {
  try {
    process.kill(target, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Kills the process group `pid` leads and, if `pid` is still alive, every process below it.
 * The descendants are listed before anything is killed: once the leader dies they are
 * re-parented and can no longer be told apart. They are killed before the group, too, since
 * the caller may be the leader itself (our Node client, when the sandbox is gone), and a
 * SIGKILL to its own group ends it before the next line runs.
 */
export function killEnvironmentProcesses(pid: number, leaderAlive: boolean): void {
  const below = leaderAlive ? descendants(pid) : [];
  for (const p of below) signal(p);
  signal(-pid);
}
