// A fresh list loaded while the cached one is on screen keeps the cached objects of the
// functions that did not change: 100,000 functions are then not held twice while the list
// loads, and an unchanged list is the same items, so the picker does not index it again.
import { Text } from "ink";
import { describe, expect, it } from "vitest";
import { createClients } from "../../src/aws/clients.js";
import { listFunctions } from "../../src/aws/functions.js";
import { early } from "../../src/core/early.js";
import type { FunctionSummary } from "../../src/core/model.js";
import { listCacheKey, readFunctionCache, writeFunctionCache } from "../../src/state/function-list-cache.js";
import { useFunctionList, type EarlyList, type FunctionList } from "../../src/ui/hooks/useFunctionList.js";
import type { Clients } from "../../src/aws/clients.js";
import type { CacheKey } from "../../src/core/model.js";
import { appSandbox } from "../helpers/app-sandbox.js";
import { renderTui } from "../helpers/render-tui.js";

const sandbox = appSandbox("list-reuse");

function Probe(props: { clients: Clients; cacheKey: CacheKey; early: EarlyList; seen: FunctionList[] }) {
  const list = useFunctionList(props.clients, props.cacheKey, props.early);
  props.seen.push(list);
  return <Text>{list.loading ? "loading" : `loaded ${list.items.length}`}</Text>;
}

describe("useFunctionList over a cached list", () => {
  it("keeps the cached objects of unchanged functions, takes the fresh changed ones", async () => {
    const connection = { endpointUrl: sandbox().url };
    const clients = await createClients(connection);
    const fresh: FunctionSummary[] = [];
    for await (const page of listFunctions(clients)) fresh.push(...page);
    expect(fresh.length).toBeGreaterThan(2);
    const key = listCacheKey(connection, process.env, false);
    // The cache says the second function had another description: it changed since.
    await writeFunctionCache(
      key,
      fresh.map((f, i) => (i === 1 ? { ...f, description: "before the change" } : f)),
    );
    const earlyList: EarlyList = { key, cached: early(readFunctionCache<FunctionSummary>(key)) };
    const cached = (await earlyList.cached.promise)!.items;
    const seen: FunctionList[] = [];
    const t = renderTui(<Probe clients={clients} cacheKey={key} early={earlyList} seen={seen} />);
    try {
      await t.waitFor(new RegExp(`loaded ${fresh.length}`));
      const items = seen[seen.length - 1]!.items;
      expect(items.map((f) => f.name)).toEqual(fresh.map((f) => f.name));
      expect(items[0]).toBe(cached[0]);
      expect(items[2]).toBe(cached[2]);
      expect(items[1]).not.toBe(cached[1]);
      expect(items[1]).toEqual(fresh[1]);
    } finally {
      t.unmount();
    }
  });
});
