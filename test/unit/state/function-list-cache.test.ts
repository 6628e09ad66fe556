import { mkdtemp, readFile, stat, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cacheFile,
  listCacheKey,
  readFunctionCache,
  sandboxScope,
  writeFunctionCache,
} from "../../../src/state/function-list-cache.js";

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

  it("reads back a long list of names in many scripts whole, across the file's read chunks", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    // Two, three and four bytes a character in UTF-8, over megabytes: many fall on a boundary
    // between the chunks a file is read in.
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      name: `fn-${i}-é-関数-🚀`,
      description: "ü".repeat(40),
    }));
    await writeFunctionCache(key, items, dir);
    expect((await stat(cacheFile(key, dir))).size).toBeGreaterThan(2 * 1024 * 1024);
    expect((await readFunctionCache<(typeof items)[number]>(key, dir))?.items).toEqual(items);
  });

  it("writes one JSON text, one item a line, that any JSON reader reads whole", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    // More than a piece of items, with a newline and a "]" inside strings (escaped or not).
    const items = Array.from({ length: 4500 }, (_, i) => ({
      name: `fn-${i}`,
      description: i % 7 === 0 ? "line one\nline two ]}" : `] starts here ${i},`,
    }));
    await writeFunctionCache(key, items, dir);
    const text = await readFile(cacheFile(key, dir), "utf8");
    const whole = JSON.parse(text) as { version: number; key: unknown; items: unknown[] };
    expect(whole).toMatchObject({ version: 1, key: { profile: "dev", region: "eu-west-1" } });
    expect(whole.items).toEqual(items);
    expect(text.split("\n")).toHaveLength(items.length + 3);
    expect((await readFunctionCache<(typeof items)[number]>(key, dir))?.items).toEqual(items);
  });

  it("reads an empty list, and a cache written whole on one line (before the line layout)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    await writeFunctionCache(key, [], dir);
    expect((await readFunctionCache(key, dir))?.items).toEqual([]);
    const oneLine = { version: 1, key, savedAt: "2026-01-01T00:00:00.000Z", items: [{ name: "a" }] };
    await writeFile(cacheFile(key, dir), JSON.stringify(oneLine));
    expect(await readFunctionCache(key, dir)).toEqual({ items: [{ name: "a" }], savedAt: oneLine.savedAt });
  });

  it("treats a cut or damaged line layout as a miss", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-cache-"));
    await writeFunctionCache(key, [{ name: "a" }, { name: "b" }], dir);
    const text = await readFile(cacheFile(key, dir), "utf8");
    for (const damaged of [
      text.slice(0, text.lastIndexOf("]}")),
      text.replace('{"name":"b"}', '{"name":"b"},'),
      text.replace('{"name":"a"},', '{"name":"a"'),
      `${text}x`,
    ]) {
      await writeFile(cacheFile(key, dir), damaged);
      expect(await readFunctionCache(key, dir), damaged).toBeNull();
    }
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

describe("listCacheKey", () => {
  const none = {};

  // Issue 15, finding 6: the key held the --endpoint-url flag alone, so an explorer on another
  // endpoint (set by AWS_ENDPOINT_URL) showed the first endpoint's functions as cached.
  it("keys by the effective Lambda endpoint: flag, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL", () => {
    const a = listCacheKey({}, { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" }, false);
    const b = listCacheKey({}, { AWS_ENDPOINT_URL: "http://127.0.0.1:9001" }, false);
    expect(a.endpoint).toBe("http://127.0.0.1:4566");
    expect(cacheFile(a)).not.toBe(cacheFile(b));
    expect(
      listCacheKey({}, { AWS_ENDPOINT_URL_LAMBDA: "http://l:1", AWS_ENDPOINT_URL: "http://c:2" }, false)
        .endpoint,
    ).toBe("http://l:1");
    expect(
      listCacheKey({ endpointUrl: "http://f:3" }, { AWS_ENDPOINT_URL_LAMBDA: "http://l:1" }, false).endpoint,
    ).toBe("http://f:3");
    expect(listCacheKey({}, none, false).endpoint).toBeUndefined();
  });

  it("keys by profile and region as the AWS CLI resolves them", () => {
    expect(listCacheKey({}, { AWS_PROFILE: "dev", AWS_DEFAULT_REGION: "eu-north-1" }, false)).toMatchObject({
      profile: "dev",
      region: "eu-north-1",
    });
    expect(
      listCacheKey({}, { AWS_REGION: "ap-south-1", AWS_DEFAULT_REGION: "eu-north-1" }, false).region,
    ).toBe("ap-south-1");
    expect(
      listCacheKey({ profile: "p", region: "r" }, { AWS_PROFILE: "dev", AWS_REGION: "x" }, false),
    ).toMatchObject({ profile: "p", region: "r" });
  });

  // The in-process sandbox listens on a random port: keyed by that, no start found its cache.
  it("keys the built-in sandbox by its functions folder, not its port", () => {
    const first = listCacheKey({ endpointUrl: "http://127.0.0.1:40001" }, none, sandboxScope("/fns/a"));
    const again = listCacheKey({ endpointUrl: "http://127.0.0.1:40002" }, none, sandboxScope("/fns/a"));
    const other = listCacheKey({ endpointUrl: "http://127.0.0.1:40001" }, none, sandboxScope("/fns/b"));
    expect(cacheFile(first)).toBe(cacheFile(again));
    expect(cacheFile(first)).not.toBe(cacheFile(other));
  });
});
