// One execution environment: a runtime process (our Node client, or a custom `bootstrap`)
// running one function version, talking to its own Lambda Runtime API endpoint, with its own
// log stream, serving one invocation at a time, kept warm between invocations.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import type { FunctionSpec, VersionSettings } from "../config.js";
import type { LogStore } from "../log-store.js";
import { END_MARKER, MAX_RSS_HEADER, type ErrorPayload } from "../runtime/protocol.js";
import { runtimeEnvironment } from "../runtime-api/environment-variables.js";
import { RESPONSE_LIMIT, RuntimeApiServer } from "../runtime-api/server.js";
import { launchFor, type Launch, type RuntimeClients } from "./launch.js";
import { MemoryWatchdog, isHeapOutOfMemoryLine } from "./memory.js";
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

/** What the runtime posted for an invocation: its response body, or its error payload. */
interface RuntimeResult {
  durationMs: number;
  payload: string | null;
  error: string | null;
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
  result: RuntimeResult | null;
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
  /** Set when its function's code changed while it worked: it ends after this invocation. */
  retire = false;
  private child: ChildProcess | null = null;
  private readonly api: RuntimeApiServer;
  private readonly launch: Launch | null;
  private readonly ready: Promise<Ready>;
  private resolveReady!: (r: Ready) => void;
  private current: Running | null = null;
  private preInvoke = new TailBuffer();
  private pendingInitMs: number | undefined;
  private lastMaxRssKb = 0;
  private watchdog: MemoryWatchdog | null = null;
  /** Why memory ended the process: the watchdog killed it, or V8 aborted at its heap limit. */
  private outOfMemory: "killed" | "heap" | null = null;
  private dead = false;
  private exited = false;
  private closed = false;
  private claimed = false;
  /** Init is measured from the start, as a cold start includes starting the runtime. */
  private readonly spawnedAt = performance.now();

  constructor(
    private readonly target: Target,
    private readonly store: LogStore,
    clients: RuntimeClients,
    /** A line for the stream after INIT_START, saying why this cold start happened. */
    reason?: string,
  ) {
    this.streamName = streamName(target.version);
    this.ready = new Promise((r) => (this.resolveReady = r));
    this.log(initStartLine(target.spec.logFormat, target.spec.runtime));
    // Right after INIT_START, not before: the complete log of a cold start is read from its
    // INIT_START on, and the note must be there as it is in the tail.
    if (reason) this.log(reason);
    this.api = new RuntimeApiServer({
      // Output written before a request was sent is in the pipes by then; reading it takes one
      // more turn of the event loop, so settle after that turn.
      onNext: () => setImmediate(() => this.onReady()),
      onInitError: (body, type) => setImmediate(() => this.onInitError(body, type)),
      onResponse: (id, body, tooLarge, headers) =>
        this.onResult(id, headers, tooLarge ? null : body, null, tooLarge),
      onError: (id, body, type, headers) => this.onResult(id, headers, null, errorBody(body, type), false),
    });
    let launch: Launch | null = null;
    try {
      launch = launchFor(target.spec, target.settings.memorySize, clients);
    } catch (err) {
      this.failInit("Runtime.InvalidRuntime", (err as Error).message);
    }
    this.launch = launch;
    if (launch) void this.start(launch);
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
    const child = this.child;
    // Processes first, the Runtime API after: closing the API wakes our client, which then
    // ends its own group at once, and a child in a session of its own could no longer be
    // found below it (its parent gone, it is re-parented).
    if (!this.closed && child) {
      if (child.pid !== undefined) killEnvironmentProcesses(child.pid, !this.exited);
      child.kill("SIGKILL");
    }
    this.api.close();
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
        // Only our Node client writes end markers; other runtimes' output is settled by then.
        flushed: { stdout: this.launch?.family !== "node", stderr: this.launch?.family !== "node" },
        resolve,
      };
      this.log(startLine(format, req.requestId, this.target.version));
      this.api.deliver({
        requestId: req.requestId,
        payload: req.payload.length === 0 ? "{}" : req.payload,
        deadlineMs: Date.now() + timeoutMs,
        invokedFunctionArn: req.invokedFunctionArn,
        traceId: traceId(),
        clientContext: req.clientContext,
        cognitoIdentity: null,
      });
    });
  }

  private async start(launch: Launch): Promise<void> {
    let address: string;
    try {
      address = await this.api.address();
    } catch (err) {
      this.failInit("Runtime.Unavailable", `The Runtime API could not listen: ${(err as Error).message}`);
      return;
    }
    if (this.dead) return;
    const { spec, settings, version, region } = this.target;
    const env = runtimeEnvironment({
      runtimeApi: address,
      runtime: spec.runtime,
      handler: settings.handler,
      taskRoot: spec.codeDir,
      functionName: spec.name,
      version,
      memorySize: settings.memorySize,
      logGroup: spec.logGroup,
      logStream: this.streamName,
      logFormat: spec.logFormat,
      region,
      variables: settings.environment,
    });
    const child = spawn(launch.command, launch.args, {
      cwd: spec.codeDir ?? os.tmpdir(),
      env,
      // Our Node client watches stdin: its end means the sandbox is gone (see runtime/bootstrap.ts).
      stdio: [launch.family === "node" ? "pipe" : "ignore", "pipe", "pipe"],
      // Leads its own process group, so ending the environment ends what its handler started.
      detached: true,
    });
    this.child = child;
    const pid = child.pid;
    this.watchdog =
      pid === undefined
        ? null
        : new MemoryWatchdog(pid, settings.memorySize, () => {
            this.outOfMemory ??= "killed";
            this.kill();
          });
    if (this.claimed) this.watchdog?.start();
    const out = new LineSplitter((l) => this.onLine("stdout", l));
    const err = new LineSplitter((l) => this.onLine("stderr", l));
    child.stdout!.on("data", (c: Buffer) => out.push(c));
    child.stderr!.on("data", (c: Buffer) => err.push(c));
    child.stdout!.on("end", () => out.end());
    child.stderr!.on("end", () => err.end());
    child.stdin?.on("error", () => undefined);
    child.on("error", (e: NodeJS.ErrnoException) => {
      if (pid === undefined) {
        // Never started: no bootstrap, or not executable. Lambda's wording for a missing one.
        const message =
          e.code === "ENOENT" && launch.family === "custom"
            ? `Couldn't find valid bootstrap(s): [${launch.command}]`
            : `${launch.command}: ${e.message}`;
        this.log(message);
        this.failInit("Runtime.InvalidEntrypoint", message);
      }
      this.kill();
    });
    child.on("exit", () => {
      this.exited = true;
      // The handler's own processes go with it, however it ended.
      if (pid !== undefined) killEnvironmentProcesses(pid, false);
    });
    child.on("close", (code, signal) => this.onClose(code, signal));
  }

  private failInit(errorType: string, errorMessage: string): void {
    this.resolveReady({
      ok: false,
      initMs: performance.now() - this.spawnedAt,
      error: { errorType, errorMessage },
    });
  }

  private onReady(): void {
    this.pendingInitMs = performance.now() - this.spawnedAt;
    this.resolveReady({ ok: true, initMs: this.pendingInitMs });
  }

  private onInitError(body: string, type: string | undefined): void {
    const error = JSON.parse(errorBody(body, type)) as ErrorPayload;
    this.resolveReady({ ok: false, initMs: performance.now() - this.spawnedAt, error });
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

  private onResult(
    id: string,
    headers: IncomingHttpHeaders,
    payload: string | null,
    error: string | null,
    tooLarge: boolean,
  ): void {
    const run = this.current;
    if (!run || run.req.requestId !== id) return;
    const rss = Number(headers[MAX_RSS_HEADER]);
    if (Number.isFinite(rss) && rss > 0) this.lastMaxRssKb = rss;
    const durationMs = performance.now() - run.started;
    if (tooLarge) {
      error = JSON.stringify({
        errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`,
        errorType: "Function.ResponseSizeTooLarge",
      });
    }
    // As in onNext: let output sent before the result be read before END is written.
    setImmediate(() => {
      if (this.current !== run) return;
      run.result = { durationMs, payload, error };
      this.maybeFinish();
    });
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
    const metrics = this.metrics(result.durationMs, result.error !== null ? { handlerError: true } : {});
    if (result.error !== null) this.complete(run, result.error, "Unhandled", metrics);
    else this.complete(run, result.payload ?? "null", null, metrics);
    if (this.retire) this.kill();
  }

  private onTimeout(): void {
    if (!this.current) return;
    this.current.timedOut = true;
    this.kill();
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    this.closed = true;
    this.dead = true;
    this.watchdog?.stop();
    this.api.close();
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

/**
 * The error payload Invoke returns: what the runtime posted, as is, when it is a JSON object
 * (Node's runtime sends `trace`, Python's `stackTrace`); else one built from what there is.
 */
function errorBody(body: string, type: string | undefined): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return body;
  } catch {
    // not JSON: wrapped below
  }
  return JSON.stringify({ errorType: type ?? "Runtime.Unknown", errorMessage: body });
}

/** An X-Ray trace header of Lambda's shape: Root=1-<8 hex time>-<24 hex>;Parent=<16 hex>;Sampled=0. */
function traceId(): string {
  const time = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${time}-${randomBytes(12).toString("hex")};Parent=${randomBytes(8).toString("hex")};Sampled=0`;
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
