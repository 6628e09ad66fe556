// Versions and aliases of the chosen function, fetched when it is chosen; stale answers for a
// function no longer chosen are dropped.
import { useEffect, useState } from "react";
import type { Clients } from "../../aws/clients.js";
import type { AliasSummary } from "../../aws/functions.js";
import { deferred } from "../app/deferred.js";

export interface FunctionDetails {
  versions: string[];
  aliases: AliasSummary[];
  loading: boolean;
  error: string | null;
}

const EMPTY: FunctionDetails = { versions: [], aliases: [], loading: false, error: null };

export function useFunctionDetails(clients: Clients | null, name: string | null): FunctionDetails {
  const [details, setDetails] = useState<FunctionDetails>(EMPTY);
  useEffect(() => {
    if (!clients || !name) {
      setDetails(EMPTY);
      return;
    }
    const abort = new AbortController();
    setDetails({ ...EMPTY, loading: true });
    void (async () => {
      const { listVersions, listAliases } = await deferred("functions");
      try {
        const [versions, aliases] = await Promise.all([
          listVersions(clients, name, abort.signal),
          listAliases(clients, name, abort.signal),
        ]);
        if (!abort.signal.aborted)
          setDetails({
            versions: versions.map((v) => v.version).filter((v) => v !== "$LATEST"),
            aliases,
            loading: false,
            error: null,
          });
      } catch (err) {
        if (!abort.signal.aborted) setDetails({ ...EMPTY, error: (err as Error).message });
      }
    })();
    return () => abort.abort();
  }, [clients, name]);
  return details;
}
