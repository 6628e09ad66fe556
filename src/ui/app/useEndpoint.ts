// Where the explorer is connected: the clients, the function list they give, what stored state
// is kept under, and the way out of a failure (try again, or switch to the local sandbox).
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Clients, ConnectionOptions } from "../../aws/clients.js";
import type { AwsFailure } from "../../aws/errors.js";
import { listCacheKey, sandboxScope, type CacheKey } from "../../state/function-list-cache.js";
import type { UsageScope } from "../../state/usage.js";
import { useConnection, type Connection } from "./useConnection.js";
import { useFunctionList, type EarlyList, type FunctionList } from "../hooks/useFunctionList.js";

export interface EndpointOptions {
  connection: ConnectionOptions;
  /** On the built-in sandbox: its scope (see sandboxScope), or true for one whose folder is not named. */
  sandbox: string | boolean;
  startSandbox?: (() => Promise<StartedSandbox>) | undefined;
  /** Where AWS_PROFILE, AWS_REGION and the endpoint variables are read for the cache key. */
  environment?: NodeJS.ProcessEnv | undefined;
  earlyClients?: Promise<Clients> | undefined;
  earlyList?: EarlyList | undefined;
  trace?: ((label: string) => void) | undefined;
}

export interface StartedSandbox {
  url: string;
  /** What its list, drafts and usage are kept under (its functions folder, not its port). */
  scope: string;
}

export interface Endpoint {
  conn: Connection;
  list: FunctionList;
  cacheKey: CacheKey;
  options: ConnectionOptions;
  onSandbox: boolean;
  /** What drafts and usage are kept under; null until connected. */
  storeScope: UsageScope | null;
  /** What stops the explorer: no connection, or no list at all. */
  failure: AwsFailure | null;
  /** Why the sandbox offered on the error screen did not start. */
  sandboxProblem: string | null;
  retry: () => void;
  openSandbox: () => void;
}

export function useEndpoint(o: EndpointOptions): Endpoint {
  const [options, setOptions] = useState(o.connection);
  const [onSandbox, setOnSandbox] = useState<string | boolean>(o.sandbox);
  const [attempt, setAttempt] = useState(0);
  const [sandboxProblem, setSandboxProblem] = useState<string | null>(null);
  const conn = useConnection(options, attempt, o.earlyClients);
  const environment = o.environment ?? process.env;
  const cacheKey = useMemo(
    () => listCacheKey(options, environment, onSandbox),
    [options, onSandbox, environment],
  );
  const list = useFunctionList(conn.clients, cacheKey, o.earlyList);
  // The built-in sandbox listens on a new port each start, so it is known by a stable name.
  const storeScope = useMemo(
    () =>
      conn.clients
        ? {
            profile: conn.clients.profile,
            region: conn.clients.region,
            endpoint:
              onSandbox === false ? conn.clients.endpoint : onSandbox === true ? sandboxScope() : onSandbox,
          }
        : null,
    [conn.clients, onSandbox],
  );
  const { trace } = o;
  useEffect(() => {
    if (conn.clients) trace?.("clients ready");
  }, [conn.clients, trace]);
  useEffect(() => {
    if (list.items.length > 0) trace?.(`list shown (${list.items.length})`);
  }, [list.items.length, trace]);

  const { startSandbox } = o;
  const openSandbox = useCallback(() => {
    if (!startSandbox) return;
    setSandboxProblem(null);
    startSandbox().then(
      ({ url, scope }) => {
        setOnSandbox(scope);
        setOptions({ endpointUrl: url });
      },
      (err: unknown) => setSandboxProblem(`The sandbox did not start: ${(err as Error).message}`),
    );
  }, [startSandbox]);
  const { reload } = list;
  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
    reload();
  }, [reload]);

  return {
    conn,
    list,
    cacheKey,
    options,
    onSandbox: onSandbox !== false,
    storeScope,
    failure: conn.error ?? (list.items.length === 0 ? list.error : null),
    sandboxProblem,
    retry,
    openSandbox,
  };
}
