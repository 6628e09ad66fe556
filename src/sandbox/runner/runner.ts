// Keeps execution environments per function version: reuses a warm idle one, starts a new
// one (a cold start) when all are busy, and retires idle ones beyond a budget.
import path from "node:path";
import { AwsError } from "../errors.js";
import { codeStamp } from "./code-stamp.js";
import type { LogStore } from "../log-store.js";
import { ExecutionEnvironment, type InvokeOutcome, type InvokeRequest, type Target } from "./environment.js";

export interface RunnerOptions {
  runtimePath: string;
  /** Most environments one function version may run at once (Lambda's concurrency limit). */
  maxConcurrencyPerFunction?: number;
  /** Most idle environments kept warm across all functions; the least recently used go first. */
  maxIdle?: number;
  /** Idle environments older than this are stopped. */
  idleTimeoutMs?: number;
}

/** Written in the log stream after INIT_START of the first cold start on edited code. */
export const CODE_CHANGED_LINE = "sandbox: code changed → cold start";

export class Runner {
  private readonly pools = new Map<string, ExecutionEnvironment[]>();
  /** Invocations running per function, over all its versions: what reserved concurrency caps. */
  private readonly running = new Map<string, number>();
  private readonly maxConcurrency: number;
  private readonly maxIdle: number;
  private readonly idleTimeoutMs: number;
  private readonly sweeper: NodeJS.Timeout;
  /** Each function's code stamp as of its last invoke. */
  private readonly stamps = new Map<string, string>();
  /** Functions whose next cold start is for new code, and says so in its log stream. */
  private readonly codeChanged = new Set<string>();

  constructor(
    private readonly store: LogStore,
    private readonly options: RunnerOptions,
  ) {
    this.maxConcurrency = options.maxConcurrencyPerFunction ?? 100;
    this.maxIdle = options.maxIdle ?? 64;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60_000;
    this.sweeper = setInterval(() => this.sweep(), 30_000);
    this.sweeper.unref();
  }

  async invoke(target: Target, req: InvokeRequest): Promise<InvokeOutcome> {
    // Lambda's answer for a function whose runtime it cannot run, with the reason.
    if (target.spec.unavailable)
      throw new AwsError(
        502,
        "InvalidRuntimeException",
        `${target.spec.name}: ${target.spec.unavailable}`,
        "User",
      );
    this.noticeCodeChange(target);
    const name = target.spec.name;
    const running = this.running.get(name) ?? 0;
    const reserved = target.spec.reservedConcurrency;
    if (reserved !== null && running >= reserved)
      throw new AwsError(429, "TooManyRequestsException", "Rate Exceeded.", "User", {
        reason: "ReservedFunctionConcurrentInvocationLimitExceeded",
      });
    const env = this.acquire(target);
    this.running.set(name, running + 1);
    try {
      return await env.invoke(req);
    } finally {
      this.running.set(name, (this.running.get(name) ?? 1) - 1);
      this.sweep();
    }
  }

  /** Environments currently alive, for tests and diagnostics. */
  count(): number {
    let n = 0;
    for (const pool of this.pools.values()) n += pool.filter((e) => e.alive).length;
    return n;
  }

  shutdown(): void {
    clearInterval(this.sweeper);
    for (const pool of this.pools.values()) for (const env of pool) env.kill();
    this.pools.clear();
  }

  /**
   * An edit to a function's code folder ends its warm environments (busy ones once their
   * invocation is over), so the next invoke is a cold start on the new code, as a deploy is.
   */
  private noticeCodeChange(target: Target): void {
    const { name, codeDir } = target.spec;
    if (codeDir === null) return;
    const stamp = codeStamp(codeDir);
    const before = this.stamps.get(name);
    this.stamps.set(name, stamp);
    if (before === undefined || before === stamp) return;
    this.codeChanged.add(name);
    for (const [key, pool] of this.pools) {
      if (!key.startsWith(`${name}:`)) continue;
      for (const env of pool) {
        if (env.busy) env.retire = true;
        else env.kill();
      }
    }
  }

  private acquire(target: Target): ExecutionEnvironment {
    const key = `${target.spec.name}:${target.version}`;
    const pool = (this.pools.get(key) ?? []).filter((e) => e.alive);
    this.pools.set(key, pool);
    // Most recently used first: the warmest environment serves, as in Lambda.
    const idle = pool.filter((e) => !e.busy).sort((a, b) => b.lastUsed - a.lastUsed)[0];
    if (idle) {
      idle.claim();
      return idle;
    }
    if (pool.length >= this.maxConcurrency) {
      throw new AwsError(429, "TooManyRequestsException", "Rate Exceeded.", "User", {
        reason: "ConcurrentInvocationLimitExceeded",
      });
    }
    const changed = this.codeChanged.delete(target.spec.name);
    const env = new ExecutionEnvironment(
      target,
      this.store,
      {
        node: this.options.runtimePath,
        // The build puts the Python client beside the Node one (scripts/build.mjs).
        python: path.join(path.dirname(this.options.runtimePath), "lambda_runtime.py"),
      },
      changed ? CODE_CHANGED_LINE : undefined,
    );
    env.claim();
    pool.push(env);
    return env;
  }

  private sweep(): void {
    const now = Date.now();
    const idle: ExecutionEnvironment[] = [];
    for (const [key, pool] of this.pools) {
      const alive = pool.filter((e) => e.alive);
      for (const e of alive) {
        if (e.busy) continue;
        if (now - e.lastUsed > this.idleTimeoutMs) e.kill();
        else idle.push(e);
      }
      this.pools.set(
        key,
        alive.filter((e) => e.alive),
      );
    }
    idle.sort((a, b) => a.lastUsed - b.lastUsed);
    for (let i = 0; i < idle.length - this.maxIdle; i++) idle[i]!.kill();
  }
}
