// Where a recorded invocation is shown again: the target it was sent to. The result and logs it
// had come from core (resultFromRecord, logsFromRecord), so a record is drawn through the same
// code as a live answer and never re-sent.
import type { HistoryRecord } from "../../../core/history-record.js";
import type { InvocationTarget } from "../result/invocationReducer.js";

export function recordTarget(r: HistoryRecord, logGroup: string): InvocationTarget {
  return {
    functionName: r.function.name,
    qualifier: r.qualifier,
    invocationType: r.invocationType,
    payload: r.payload,
    logGroup,
  };
}
