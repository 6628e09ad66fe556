import { describe, expect, it } from "vitest";
import { initialInvocation } from "../../../src/ui/panes/result/invocationReducer.js";
import { emptyText } from "../../../src/ui/panes/result/viewLabels.js";
import { result } from "../../helpers/invoke-result.js";

describe("emptyText", () => {
  it("names a missing tail: a synchronous invocation whose answer had no X-Amz-Log-Result", () => {
    const state = { ...initialInvocation, phase: "done" as const, result: result({ tail: null }) };
    expect(emptyText("tail", state)).toMatch(/Invoke returned no X-Amz-Log-Result/);
  });
});
