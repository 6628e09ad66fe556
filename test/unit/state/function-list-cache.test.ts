import { mkdtemp, readFile, stat, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheFile, readFunctionCache, writeFunctionCache } from "../../../src/state/function-list-cache.js";

const key = { profile: "dev", region: "eu-west-1", endpoint: undefined };

describe("function list cache", () => {
  it("reads back what was written, per profile / region / endpoint", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    await writeFunctionCache(key, [{ name: "a" }, { name: "b" }], dir);
    expect((await readFunctionCache<{ name: string }>(key, dir))?.items).toEqual([
      { name: "a" },
      { name: "b" },
    ]);
    expect(await readFunctionCache({ ...key, region: "us-east-1" }, dir)).toBeNull();
    expect(cacheFile(key, dir)).not.toBe(cacheFile({ ...key, endpoint: "http://127.0.0.1:1" }, dir));
    expect((await stat(cacheFile(key, dir))).mode & 0o777).toBe(0o600);
  });

  it("treats a missing or damaged cache as a miss", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    expect(await readFunctionCache(key, dir)).toBeNull();
    await mkdir(path.dirname(cacheFile(key, dir)), { recursive: true });
    await writeFile(cacheFile(key, dir), '{"version":1,"items":[');
    expect(await readFunctionCache(key, dir)).toBeNull();
    await writeFile(cacheFile(key, dir), '{"version":2,"items":[]}');
    expect(await readFunctionCache(key, dir)).toBeNull();
  });

  it("replaces the file whole", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    await writeFunctionCache(key, [{ name: "old" }], dir);
    await writeFunctionCache(key, [{ name: "new" }], dir);
    const text = await readFile(cacheFile(key, dir), "utf8");
    expect(JSON.parse(text).items).toEqual([{ name: "new" }]);
  });
});
