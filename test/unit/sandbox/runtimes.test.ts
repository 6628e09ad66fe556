import { describe, expect, it } from "vitest";
import { parseFunctionConfig } from "../../../src/sandbox/config.js";
import { runtimeSupport } from "../../../src/sandbox/runtimes.js";

describe("runtimeSupport", () => {
  it("sorts Lambda's runtime names into the families the sandbox runs", () => {
    for (const r of ["nodejs18.x", "nodejs20.x", "nodejs22.x"])
      expect(runtimeSupport(r)).toEqual({ family: "node" });
    for (const r of ["python3.9", "python3.12", "python3.13"])
      expect(runtimeSupport(r)).toEqual({ family: "python" });
    for (const r of ["provided", "provided.al2", "provided.al2023"])
      expect(runtimeSupport(r)).toEqual({ family: "custom" });
  });

  it("refuses anything else with the reason and what it can run", () => {
    for (const r of ["java21", "dotnet8", "ruby3.3", "python2.7", "nodejs", "provided.al3"]) {
      const s = runtimeSupport(r);
      expect(s).toHaveProperty("unavailable");
      expect((s as { unavailable: string }).unavailable).toContain(`runtime ${r} is not supported`);
      expect((s as { unavailable: string }).unavailable).toContain("provided.al2023");
    }
  });

  it("marks a function.json function with such a runtime unavailable, and others not", () => {
    const at = new Date(0);
    expect(parseFunctionConfig("j", null, { runtime: "java21" }, at).unavailable).toContain("java21");
    expect(parseFunctionConfig("n", null, {}, at).unavailable).toBeUndefined();
  });
});
