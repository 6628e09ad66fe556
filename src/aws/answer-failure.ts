// Where an exchange failed after the request was sent, remembered per error: the HTTP handler
// marks what it saw, and the messages read it. Apart from the handler so that reading it does
// not load the SDK's HTTP code (the explorer loads that after its first frame).

export interface AnswerFailure {
  /** "answer": nothing came back; "body": the status and headers came, the body broke off. */
  phase: "answer" | "body";
  /** The wait that ran out, or null when the connection broke. */
  timedOutMs: number | null;
}

const failures = new WeakMap<object, AnswerFailure>();

export function markAnswerFailure(err: object, f: AnswerFailure): void {
  if (!failures.has(err)) failures.set(err, f);
}

/** The AnswerFailure behind an error the SDK threw (directly or as a cause), if any. */
export function answerFailure(err: unknown): AnswerFailure | null {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const f = failures.get(e);
    if (f) return f;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** A timeout the SDK's retry policy treats as the transient failure it is (TimeoutError, ETIMEDOUT). */
export function timeoutError(phase: AnswerFailure["phase"], ms: number): Error {
  const err = Object.assign(
    new Error(phase === "answer" ? `No answer within ${ms} ms` : `The answer stalled for ${ms} ms`),
    { name: "TimeoutError", code: "ETIMEDOUT" },
  );
  failures.set(err, { phase, timedOutMs: ms });
  return err;
}
