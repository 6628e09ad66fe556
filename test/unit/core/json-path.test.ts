import { describe, expect, it } from "vitest";
import { JsonPathError, parseJsonPaths, removePaths } from "../../../src/core/json-path.js";

const remove = (paths: string, value: unknown) => removePaths(value, parseJsonPaths(paths));

describe("parseJsonPaths", () => {
  it("reads names, indexes, wildcards and quoted keys, several separated by commas", () => {
    expect(parseJsonPaths("$.a.b[0].c")).toEqual([[{ key: "a" }, { key: "b" }, { index: 0 }, { key: "c" }]]);
    expect(parseJsonPaths("$.a[*].b, $.x.*")).toEqual([
      [{ key: "a" }, { any: true }, { key: "b" }],
      [{ key: "x" }, { any: true }],
    ]);
    expect(parseJsonPaths('$["a key"].content-type')).toEqual([[{ key: "a key" }, { key: "content-type" }]]);
    expect(parseJsonPaths("$")).toEqual([[]]);
  });

  it.each([
    ["version", /must start with \$ at character 1/],
    ["$.", /a name is expected after the dot/],
    ["$.a[", /unclosed \[/],
    ["$.a[-1]", /brackets take an index/],
    ["$.a[?(@.b)]", /brackets take an index/],
    ["$..a", /a name is expected/],
    ["$.a b", /a space inside the path/],
    ["$.a,", /must start with \$/],
  ])("refuses %s", (text, why) => {
    expect(() => parseJsonPaths(text)).toThrow(JsonPathError);
    expect(() => parseJsonPaths(text)).toThrow(why);
  });
});

describe("removePaths", () => {
  const doc = {
    at: 1,
    atom: 2,
    items: [
      { t: 1, n: "a" },
      { t: 2, n: "b" },
    ],
    meta: { id: "x", n: 1 },
  };

  it("removes a field and what is under it, not its namesakes or neighbours", () => {
    expect(remove("$.at,$.meta.id", doc)).toEqual({ atom: 2, items: doc.items, meta: { n: 1 } });
    expect(remove("$.meta", doc)).not.toHaveProperty("meta");
  });

  it("removes a field of every element with [*], one element with [N]", () => {
    expect(remove("$.items[*].t", doc)).toMatchObject({ items: [{ n: "a" }, { n: "b" }] });
    expect(remove("$.items[1]", doc)).toMatchObject({ items: [{ t: 1, n: "a" }] });
    expect(remove("$.items[5].t,$.nothing.here", doc)).toEqual(doc);
  });

  it("walks into JSON held in a string and writes it back", () => {
    const gw = { statusCode: 200, body: JSON.stringify({ timestamp: 5, ok: true }) };
    expect(remove("$.body.timestamp", gw)).toEqual({ statusCode: 200, body: '{"ok":true}' });
    expect(remove("$.body.timestamp", { body: "plain" })).toEqual({ body: "plain" });
  });

  it("leaves the value it was given as it was", () => {
    const copy = structuredClone(doc);
    remove("$.items[*].t,$.meta.id", doc);
    expect(doc).toEqual(copy);
  });

  it("removes everything with $", () => {
    expect(remove("$", doc)).toBeUndefined();
  });
});
