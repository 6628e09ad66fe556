// One execution environment: a forked Node process running one function version, with its
// own log stream, serving one invocation at a time, kept warm between invocations.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { FunctionSpec, VersionSettings } from "../config.js";
import type { LogStore } from "../log-store.js";
import { END_MARKER, type ErrorPayload, type FromRuntime } from "../runtime/protocol.js";
import { MemoryWatchdog, heapFlags, isHeapOutOfMemoryLine } from "./memory.js";
import { LineSplitter, TailBuffer } from "./output.js";
import { killEnvironmentProcesses } from "./process-group.js";
import {
  endLine,
  initReportLine,
  initStartLine,
  platformMessage,
  reportLine,
  startLine,
  type ReportMetrics,
} from "./platform-lines.js";

export interface Target {
  spec: FunctionSpec;
  /** "$LATEST" or a published version number. */
  version: string;
  settings: VersionSettings;
  region: string;
  account: string;
}

export interface InvokeRequest {
  requestId: string;
  payload: string;
  invokedFunctionArn: string;
  clientContext: string | null;
}

export interface InvokeOutcome {
  /** The response body: the handler's JSON result, or an error payload. */
  payload: string;
  functionError: "Unhandled" | null;
  tail: string;
  metrics: ReportMetrics;
}

type Ready = { ok: true; initMs: number } | { ok: false; initMs: number; error: ErrorPayload };

interface Running {
  req: InvokeRequest;
  tail: TailBuffer;
  started: number;
  timer: NodeJS.Timeout;
  timedOut: boolean;
  result: Extract<FromRuntime, { type: "result" }> | null;
  flushed: { stdout: boolean; stderr: boolean };
  resolve: (o: InvokeOutcome) => void;
}

function streamName(version: string): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/[${version}]${randomBytes(16).toString("hex")}`;
}

export class ExecutionEnvironment {
  readonly streamName: string;
  lastUsed = Date.now();
  private readonly child: ChildProcess;
  private readonly ready: Promise<Ready>;
  private resolveReady!: (r: Ready) => void;
  private current: Running | null = null;
  private preInvoke = new TailBuffer();
  private pendingInitMs: number | undefined;
  private lastMaxRssKb = 0;
  private readonly watchdog: MemoryWatchdog | null;
  /** Why memory ended the process: the watchdog killed it, or V8 aborted at its heap limit. */
  private outOfMemory: "killed" | "heap" | null = null;
  private dead = false;
  private exited = false;
  private closed = false;
  private claimed = false;
  /** Init is measured from the fork, as a cold start includes starting the runtime. */
  private readonly spawnedAt = performance.now();

  constructor(
    private readonly target: Target,
    private readonly store: LogStore,
    runtimePath: string,
  ) {
    this.streamName = streamName(target.version);
    this.ready = new Promise((r) => (this.resolveReady = r));
    this.log(initStartLine(target.spec.logFormat));
    this.child = fork(runtimePath, [], {
      cwd: target.spec.codeDir ?? os.tmpdir(),
      env: this.environment(),
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      execArgv: heapFlags(target.settings.memorySize),
      // Leads its own process group, so ending the environment ends what its handler started.
      detached: true,
    });
    const pid = this.child.pid;
    this.watchdog =
      pid === undefined
        ? null
        : new MemoryWatchdog(pid, target.settings.memorySize, () => {
            this.outOfMemory ??= "killed";
            this.kill();
          });
    const out = new LineSplitter((l) => this.onLine("stdout", l));
    const err = new LineSplitter((l) => this.onLine("stderr", l));
    this.child.stdout!.on("data", (c: Buffer) => out.push(c));
    this.child.stderr!.on("data", (c: Buffer) => err.push(c));
    this.child.stdout!.on("end", () => out.end());
    this.child.stderr!.on("end", () => err.end());
    this.child.on("message", (m: FromRuntime) => this.onMessage(m));
    this.child.on("error", () => this.kill());
    this.child.on("exit", () => {
      this.exited = true;
      // The handler's own processes go with it, however it ended.
      if (pid !== undefined) killEnvironmentProcesses(pid, false);
    });
    this.child.on("close", (code, signal) => this.onClose(code, signal));
  }

  /** Claimed by a caller, from acquisition until its invocation completes. */
  get busy(): boolean {
    return this.claimed;
  }

  claim(): void {
    this.claimed = true;
    this.watchdog?.start();
  }

  get alive(): boolean {
    return !this.dead;
  }

  kill(): void {
    this.dead = true;
    this.watchdog?.stop();
    if (this.closed) return;
    if (this.child.pid !== undefined) killEnvironmentProcesses(this.child.pid, !this.exited);
    this.child.kill("SIGKILL");
  }

  async invoke(req: InvokeRequest): Promise<InvokeOutcome> {
    const ready = await this.ready;
    this.lastUsed = Date.now();
    const format = this.target.spec.logFormat;
    const tail = this.preInvoke;
    this.preInvoke = new TailBuffer();
    if (!ready.ok) return this.initFailure(req, tail, ready);
    if (this.dead) throw new Error("execution environment is gone");

    return new Promise<InvokeOutcome>((resolve) => {
      const timeoutMs = this.target.settings.timeout * 1000;
      this.current = {
        req,
        tail,
        started: performance.now(),
        timer: setTimeout(() => this.onTimeout(), timeoutMs),
        timedOut: false,
        result: null,
        flushed: { stdout: false, stderr: false },
        resolve,
      };
      this.log(startLine(format, req.requestId, this.target.version));
      this.child.send({
        type: "invoke",
        requestId: req.requestId,
        payload: req.payload,
        deadlineMs: Date.now() + timeoutMs,
        invokedFunctionArn: req.invokedFunctionArn,
        clientContext: req.clientContext,
      });
    });
  }

  private environment(): NodeJS.ProcessEnv {
    const { spec, settings, version, region } = this.target;
    return {
      PATH: process.env.PATH,
      LANG: "en_US.UTF-8",
      TZ: "UTC",
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
      AWS_LAMBDA_FUNCTION_NAME: spec.name,
      AWS_LAMBDA_FUNCTION_VERSION: version,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(settings.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroup,
      AWS_LAMBDA_LOG_STREAM_NAME: this.streamName,
      AWS_LAMBDA_LOG_FORMAT: spec.logFormat,
      AWS_LAMBDA_INITIALIZATION_TYPE: "on-demand",
      LAMBDA_TASK_ROOT: spec.codeDir ?? os.tmpdir(),
      _HANDLER: settings.handler,
      ...settings.environment,
    };
  }

  private log(line: string): void {
    // Lambda's CloudWatch events end in a newline; the tail's lines are joined by theirs.
    this.store.append(this.target.spec.logGroup, this.streamName, `${line}\n`);
    (this.current?.tail ?? this.preInvoke).push(line);
  }

  private onLine(channel: "stdout" | "stderr", line: string): void {
    if (channel === "stderr" && this.outOfMemory === null && isHeapOutOfMemoryLine(line))
      this.outOfMemory = "heap";
    const at = line.indexOf(END_MARKER);
    if (at < 0) {
      this.log(line);
      return;
    }
    if (at > 0) this.log(line.slice(0, at));
    const id = line.slice(at + END_MARKER.length);
    if (this.current && this.current.req.requestId === id) {
      this.current.flushed[channel] = true;
      this.maybeFinish();
    }
  }

  private onMessage(m: FromRuntime): void {
    switch (m.type) {
      case "ready":
        this.pendingInitMs = performance.now() - this.spawnedAt;
        this.resolveReady({ ok: true, initMs: this.pendingInitMs });
        break;
      case "initError":
        this.resolveReady({ ok: false, initMs: performance.now() - this.spawnedAt, error: m.error });
        break;
      case "started":
        this.lastMaxRssKb = m.maxRssKb;
        break;
      case "result":
        if (this.current && this.current.req.requestId === m.requestId) {
          this.lastMaxRssKb = m.maxRssKb;
          this.current.result = m;
          this.maybeFinish();
        }
        break;
    }
  }

  private metrics(durationMs: number, extra: Partial<ReportMetrics> = {}): ReportMetrics {
    const m: ReportMetrics = {
      durationMs,
      billedMs: Math.max(1, Math.ceil(durationMs)),
      memoryMb: this.target.settings.memorySize,
      maxMemoryMb: this.maxMemoryMb(),
      ...extra,
    };
    if (this.pendingInitMs !== undefined) m.initMs = this.pendingInitMs;
    this.pendingInitMs = undefined;
    return m;
  }

  /**
   * The environment's peak resident memory: read from /proc by the watchdog, or as the runtime
   * last reported it where there is no /proc. Over the memory size only when that ended it.
   */
  private maxMemoryMb(): number {
    const kb = Math.max(this.lastMaxRssKb, this.watchdog?.peakKb ?? 0);
    return Math.max(1, Math.ceil(kb / 1024));
  }

  private complete(
    run: Running,
    payload: string,
    functionError: "Unhandled" | null,
    metrics: ReportMetrics,
  ): void {
    clearTimeout(run.timer);
    this.watchdog?.stop();
    const format = this.target.spec.logFormat;
    this.log(endLine(format, run.req.requestId, metrics));
    this.log(reportLine(format, run.req.requestId, metrics));
    this.current = null;
    this.claimed = false;
    this.lastUsed = Date.now();
    run.resolve({ payload, functionError, tail: run.tail.text(), metrics });
  }

  private maybeFinish(): void {
    const run = this.current;
    if (!run?.result || !run.flushed.stdout || !run.flushed.stderr) return;
    // A last reading: a peak over the limit since the previous one fails the invocation as
    // Lambda's cgroup would have, however quickly the handler got back under it.
    if (this.watchdog?.check()) return;
    const { result } = run;
    const metrics = this.metrics(result.durationMs, result.error ? { handlerError: true } : {});
    if (result.error) this.complete(run, JSON.stringify(result.error), "Unhandled", metrics);
    else this.complete(run, result.payload ?? "null", null, metrics);
  }

  private onTimeout(): void {
    if (!this.current) return;
    this.current.timedOut = true;
    this.kill();
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    this.closed = true;
    this.dead = true;
    const run = this.current;
    if (!run) {
      this.resolveReady({
        ok: false,
        initMs: 0,
        error: {
          errorType: this.outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError",
          errorMessage: `Runtime exited during init: ${signal ? `signal: ${signalName(signal)}` : `exit status ${code}`}`,
        },
      });
      return;
    }
    const id = run.req.requestId;
    const format = this.target.spec.logFormat;
    if (run.timedOut) {
      const seconds = this.target.settings.timeout.toFixed(2);
      this.log(platformMessage(format, id, `Task timed out after ${seconds} seconds`));
      const error = {
        errorType: "Sandbox.Timedout",
        errorMessage: `RequestId: ${id} Error: Task timed out after ${seconds} seconds`,
      };
      this.complete(
        run,
        JSON.stringify(error),
        "Unhandled",
        this.metrics(this.target.settings.timeout * 1000, { status: "timeout" }),
      );
      return;
    }
    const why = signal ? `signal: ${signalName(signal)}` : `exit status ${code}`;
    const message = `RequestId: ${id} Error: Runtime exited with error: ${why}`;
    const errorType = this.outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError";
    this.log(message);
    this.log(errorType);
    const error = { errorType, errorMessage: message };
    const metrics = this.metrics(performance.now() - run.started, { status: "error", errorType });
    this.complete(run, JSON.stringify(error), "Unhandled", metrics);
  }

  private initFailure(
    req: InvokeRequest,
    tail: TailBuffer,
    ready: Extract<Ready, { ok: false }>,
  ): InvokeOutcome {
    const format = this.target.spec.logFormat;
    const write = (line: string) => {
      this.store.append(this.target.spec.logGroup, this.streamName, `${line}\n`);
      tail.push(line);
    };
    write(initReportLine(format, ready.initMs, ready.error.errorType));
    write(startLine(format, req.requestId, this.target.version));
    const metrics: ReportMetrics = {
      durationMs: ready.initMs,
      billedMs: Math.max(1, Math.ceil(ready.initMs)),
      memoryMb: this.target.settings.memorySize,
      maxMemoryMb: this.maxMemoryMb(),
      status: "error",
      errorType: ready.error.errorType,
    };
    write(endLine(format, req.requestId, metrics));
    write(reportLine(format, req.requestId, metrics));
    this.kill();
    return { payload: JSON.stringify(ready.error), functionError: "Unhandled", tail: tail.text(), metrics };
  }
}

/** Signal names as Lambda words them in "Runtime exited with error: signal: …". */
function signalName(signal: NodeJS.Signals): string {
  const names: Partial<Record<NodeJS.Signals, string>> = {
    SIGKILL: "killed",
    SIGABRT: "aborted",
    SIGTERM: "terminated",
    SIGSEGV: "segmentation fault",
  };
  return names[signal] ?? signal;
}
