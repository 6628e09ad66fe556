import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bareFunctionName, readUsage, recordUsage, usageFile } from "../../../src/state/usage.js";

const scope = { profile: "dev", region: "eu-west-1", endpoint: undefined };

describe("usage", () => {
  it("counts invocations and keeps the latest time, per scope", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-usage-"));
    await recordUsage(scope, "orders-api", 1000, dir);
    await recordUsage(scope, "orders-api", 3000, dir);
    await recordUsage(scope, "thrower", 2000, dir);
    const u = await readUsage(scope, dir);
    expect(u.get("orders-api")).toEqual({ count: 2, lastAt: 3000 });
    expect(u.get("thrower")).toEqual({ count: 1, lastAt: 2000 });
    expect((await readUsage({ ...scope, region: "us-east-1" }, dir)).size).toBe(0);
    expect((await stat(usageFile(dir))).mode & 0o777).toBe(0o600);
  });

  it("treats a missing or damaged file as no usage, and recovers from it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-usage-"));
    expect((await readUsage(scope, dir)).size).toBe(0);
    await writeFile(usageFile(dir), "{not json");
    expect((await readUsage(scope, dir)).size).toBe(0);
    await recordUsage(scope, "a", 1, dir);
    expect(JSON.parse(await readFile(usageFile(dir), "utf8")).version).toBe(1);
  });

  it("keeps the 500 most recent functions of a scope", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-usage-"));
    for (let i = 0; i < 505; i++) await recordUsage(scope, `fn-${i}`, i, dir);
    const u = await readUsage(scope, dir);
    expect(u.size).toBe(500);
    expect(u.has("fn-0")).toBe(false);
    expect(u.has("fn-504")).toBe(true);
  });

  it("takes the bare name from a name, name:qualifier or an ARN", () => {
    expect(bareFunctionName("orders-api")).toBe("orders-api");
    expect(bareFunctionName("orders-api:live")).toBe("orders-api");
    expect(bareFunctionName("arn:aws:lambda:us-east-1:123456789012:function:orders-api:7")).toBe(
      "orders-api",
    );
    expect(bareFunctionName("123456789012:function:orders-api")).toBe("orders-api");
  });
});
