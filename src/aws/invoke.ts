// One invocation, checked before it is sent, with everything the response says made typed:
// status, version, error, request id, payload, the decoded tail and its REPORT metrics.
import { isUtf8 } from "node:buffer";
import { InvokeCommand } from "@aws-sdk/client-lambda";
import { parseErrorPayload } from "../core/error-payload.js";
import { parseReport, requestIdFromTail } from "../core/log-records.js";
import type { InvokeResult } from "../core/model.js";
import { checkPayload, describeCheck, type InvocationType } from "../core/payload.js";
import type { Clients } from "./clients.js";
import { describeAwsError } from "./errors.js";

export interface InvokeOptions {
  qualifier?: string | undefined;
  invocationType?: InvocationType;
  /** Ask for the 4 KB log tail (sync invocations only). Default true. */
  tail?: boolean;
  /** Client context (an object is JSON-encoded); Lambda passes it to the handler. */
  clientContext?: unknown;
  signal?: AbortSignal | undefined;
}

/** Bad input that was never sent: the message says where and what. */
export class PayloadError extends Error {
  override name = "PayloadError";
}

export async function invoke(
  clients: Clients,
  functionName: string,
  payload: string,
  opts: InvokeOptions = {},
): Promise<InvokeResult> {
  const invocationType = opts.invocationType ?? "RequestResponse";
  const check = checkPayload(payload, invocationType);
  if (!check.ok)
    throw new PayloadError(
      check.kind === "size" ? `${check.message}.` : `Payload is not valid JSON: ${describeCheck(check)}`,
    );
  const wantTail = (opts.tail ?? true) && invocationType === "RequestResponse";
  const clientContext =
    opts.clientContext === undefined
      ? undefined
      : Buffer.from(
          typeof opts.clientContext === "string" ? opts.clientContext : JSON.stringify(opts.clientContext),
        ).toString("base64");

  const startedAt = Date.now();
  const t0 = performance.now();
  let out;
  try {
    out = await clients.lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        Qualifier: opts.qualifier,
        InvocationType: invocationType,
        LogType: wantTail ? "Tail" : "None",
        Payload: check.empty ? undefined : Buffer.from(payload, "utf8"),
        ClientContext: clientContext,
      }),
      { abortSignal: opts.signal },
    );
  } catch (err) {
    throw describeAwsError(err, {
      profile: clients.profile,
      endpoint: clients.endpoint,
      region: clients.region,
    });
  }
  const clientMs = performance.now() - t0;

  const bytes = out.Payload ?? new Uint8Array();
  const payloadText = Buffer.from(bytes).toString("utf8");
  const utf8 = isUtf8(bytes);
  let payloadJson: unknown;
  // JSON is UTF-8 (RFC 8259): bytes that are not are no JSON, even if the replaced text parses.
  if (utf8 && payloadText.length > 0) {
    try {
      payloadJson = JSON.parse(payloadText);
    } catch {
      payloadJson = undefined;
    }
  }
  const tail = out.LogResult ? Buffer.from(out.LogResult, "base64").toString("utf8") : null;
  const report = tail ? (parseReport(tail)?.metrics ?? null) : null;
  const functionError = out.FunctionError ?? null;
  return {
    functionName,
    qualifier: opts.qualifier ?? null,
    invocationType,
    statusCode: out.StatusCode ?? 0,
    executedVersion: out.ExecutedVersion ?? null,
    functionError,
    error: functionError ? parseErrorPayload(payloadText) : null,
    requestId: (tail ? requestIdFromTail(tail) : null) ?? out.$metadata.requestId ?? null,
    payloadBytes: bytes.length,
    payloadText,
    ...(utf8 ? {} : { payloadRaw: bytes }),
    payloadJson,
    tail,
    report,
    startedAt,
    clientMs,
  };
}
