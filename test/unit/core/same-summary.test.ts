import { describe, expect, it } from "vitest";
import type { FunctionSummary } from "../../../src/core/model.js";
import { reusingCached, sameSummary } from "../../../src/core/same-summary.js";
import { fn } from "../../ui/picker/functions.js";

// The picker tests' builder: a function summary with every field set.
const summary = fn;

describe("reusing cached function summaries", () => {
  it("gives the cached object for an unchanged function, the fresh one for a changed or new one", () => {
    const cached = [summary("a"), summary("b"), summary("c")];
    const reuse = reusingCached(cached);
    expect(reuse(summary("a"))).toBe(cached[0]);
    const changed = summary("b", { lastModified: "2026-02-02T00:00:00.000+0000" });
    expect(reuse(changed)).toBe(changed);
    const added = summary("d");
    expect(reuse(added)).toBe(added);
  });

  it("tells a change in any one field", () => {
    const base = summary("f");
    const changes: Partial<FunctionSummary>[] = [
      { arn: "arn:other" },
      { runtime: null },
      { description: "new" },
      { memoryMb: 256 },
      { timeoutS: null },
      { lastModified: null },
      { version: "3" },
      { logGroup: "/custom" },
      { logFormat: "JSON" },
    ];
    expect(sameSummary(base, summary("f"))).toBe(true);
    for (const c of changes) expect(sameSummary(base, summary("f", c)), JSON.stringify(c)).toBe(false);
    expect(sameSummary(base, summary("g", { arn: base.arn, logGroup: base.logGroup }))).toBe(false);
  });
});
