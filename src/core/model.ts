// The domain model: what the rest of the program passes around. One declaration of each;
// src/aws builds them from SDK responses, src/state stores them, src/ui draws them.
import type { FunctionErrorInfo } from "./error-payload.js";
import type { InvocationType } from "./payload.js";

/** Which profile / region / endpoint a function list belongs to: the list cache's key. */
export interface CacheKey {
  profile: string | undefined;
  region: string | undefined;
  endpoint: string | undefined;
}

/** One function as the picker and the function pane show it. */
export interface FunctionSummary {
  name: string;
  arn: string;
  runtime: string | null;
  description: string;
  memoryMb: number | null;
  timeoutS: number | null;
  lastModified: string | null;
  version: string;
  logGroup: string;
  logFormat: "Text" | "JSON";
}

/** The metrics of an invocation's REPORT line (Text or JSON format). */
export interface ReportMetrics {
  durationMs: number;
  billedMs: number;
  memoryMb: number;
  maxMemoryMb: number;
  /** Only on a cold start. */
  initMs?: number;
  /** Absent on success; e.g. "timeout" or "error". */
  status?: string;
  /** e.g. "Runtime.ExitError", only with a status. */
  errorType?: string;
}

/** One invocation's answer, everything the response says made typed. */
export interface InvokeResult {
  functionName: string;
  qualifier: string | null;
  invocationType: InvocationType;
  statusCode: number;
  executedVersion: string | null;
  functionError: string | null;
  error: FunctionErrorInfo | null;
  requestId: string | null;
  payloadBytes: number;
  /** The response as text; bytes that are not UTF-8 become U+FFFD (see payloadRaw). */
  payloadText: string;
  /**
   * The response's bytes, only when they are not valid UTF-8 (Lambda does not require it: a
   * custom runtime can answer anything), so they can be written out unchanged. Optional so that
   * results rebuilt from elsewhere (history) need not carry it.
   */
  payloadRaw?: Uint8Array;
  /** The parsed response when it is JSON; undefined otherwise. */
  payloadJson: unknown;
  tail: string | null;
  report: ReportMetrics | null;
  /** Epoch ms when the request was sent, and the client round trip. */
  startedAt: number;
  clientMs: number;
}

/** One CloudWatch log event: its time (epoch ms) and message. */
export interface LogEvent {
  timestamp: number;
  message: string;
}
